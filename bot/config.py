"""Settings: the one place that reads the environment (and an optional `.env` file)."""

from __future__ import annotations

import base64
import logging
import os
from functools import lru_cache
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.urls import http_url

CsvList = Annotated[list[str], NoDecode]
# The bot scopes of slack/manifest.yaml: what an OAuth install asks for (SLACK_SCOPES).
SLACK_BOT_SCOPES = (
    "app_mentions:read",
    "channels:history",
    "channels:read",
    "chat:write",
    "chat:write.customize",
    "commands",
    "groups:history",
    "groups:read",
    "usergroups:read",
    "users:read",
)
# Old setting names that still work (with a warning), and the one setting each became.
DEPRECATED = {
    "MOT_SLACK_NUDGE_ON": "MOT_NUDGE_ON",
    "MOT_SLACK_NUDGE_COOLDOWN_SECONDS": "MOT_NUDGE_COOLDOWN_SECONDS",
    "MOT_TEAMS_NUDGE_COOLDOWN_SECONDS": "MOT_NUDGE_COOLDOWN_SECONDS",
    "MOT_SLACK_ON_CALL": "MOT_ON_CALL",
    "MOT_SLACK_LEAD_ALERTS": "MOT_LEAD_ALERTS",
    "MOT_TEAMS_LEADS_CHANNEL": "MOT_LEADS_CHANNEL (teams=...)",
    "MOT_TEAMS_ALERT_SCORE": "MOT_ALERT_SCORE",
}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    # Slack
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = "https://slack.com/api/"

    # Teams (Bot Framework's own names)
    microsoft_app_id: str | None = Field(None, validation_alias=AliasChoices("MicrosoftAppId"))
    microsoft_app_password: str | None = Field(
        None, validation_alias=AliasChoices("MicrosoftAppPassword")
    )
    microsoft_app_type: str = Field(
        "MultiTenant", validation_alias=AliasChoices("MicrosoftAppType")
    )
    microsoft_app_tenant_id: str | None = Field(
        None, validation_alias=AliasChoices("MicrosoftAppTenantId")
    )
    # --- Teams: the bot at /api/messages (bot/teams). README "Install in Teams" explains each.
    # The public HTTPS host `mot-coach teams package` writes into the manifest's validDomains.
    mot_teams_bot_domain: str | None = None
    # Anonymous activities for the local Bot Framework Emulator, from loopback peers only and
    # answered only to loopback serviceUrls; ignored when MicrosoftAppId is set.
    mot_teams_emulator: bool = False
    # Tenants (ids, comma-separated) whose activities the bot serves; empty: any tenant that
    # installs the app. Others are refused before the bot runs (403, nothing sent or logged).
    mot_teams_tenants: CsvList = []
    # Extra serviceUrl prefixes the bot may call (comma-separated http(s) URLs), besides the
    # one a request's token vouches for (and, in emulator mode, loopback URLs).
    mot_teams_service_urls: CsvList = []

    @property
    def cache_dir(self) -> Path | None:
        """MOT_CACHE_DIR as a folder, or None when caching is off."""
        value = self.mot_cache_dir.strip()
        if value.lower() == "off":
            return None
        return Path(value).expanduser() if value else Path.home() / ".cache" / "mot-coach"

    @field_validator("mot_teams_service_urls", "mot_teams_tenants", mode="before")
    @classmethod
    def _parse_service_urls(cls, value):
        if not isinstance(value, str):
            return value
        return [item.strip() for item in value.split(",") if item.strip()]

    @field_validator("mot_teams_service_urls", mode="after")
    @classmethod
    def _service_urls_are_http_prefixes(cls, value):
        for prefix in value:
            if http_url(prefix) is None:
                raise ValueError(
                    f"entry {prefix!r} must be an http(s) URL prefix such as "
                    "https://smba.trafficmanager.net/emea/"
                )
        return value

    # --- end of Teams ---

    # LLM: the suggestion backend. README "Suggestion backends (LLM)" explains each setting.
    mot_llm_backend: str = "offline"  # offline | openai | azure | an installed plugin
    mot_llm_model: str | None = None  # model name; for Azure, the deployment is used
    openai_api_key: str | None = None
    openai_base_url: str | None = None  # any OpenAI-compatible server (Ollama, vLLM, llama.cpp)
    azure_openai_endpoint: str | None = None  # Azure OpenAI, under Azure's usual names
    azure_openai_api_key: str | None = None
    azure_openai_deployment: str | None = None
    openai_api_version: str = "2024-10-21"
    # Whatever the model does, the agent gets a tip within the budget (seconds).
    mot_llm_timeout: float = Field(2.0, gt=0, le=600)  # one HTTP attempt
    mot_llm_budget_seconds: float = Field(2.5, gt=0, le=600)  # all attempts and waits
    mot_llm_stream_budget_seconds: float = Field(15.0, gt=0, le=600)  # a whole streamed answer
    mot_llm_max_tokens: int = Field(600, ge=16, le=32768)
    mot_llm_temperature: float = Field(0.4, ge=0, le=2)
    mot_llm_retries: int = Field(2, ge=0, le=10)  # retries after the first attempt
    mot_llm_retry_backoff: float = Field(0.2, ge=0, le=30)  # first jittered wait, then doubling
    mot_llm_response_format: str = Field("auto", pattern="^(auto|json_schema|json_object|none)$")
    mot_llm_cache_seconds: float = Field(60.0, ge=0)  # identical requests; 0 turns it off
    mot_llm_breaker_failures: int = Field(5, ge=0)  # failed calls in a row; 0 turns it off
    mot_llm_breaker_reset_seconds: float = Field(30.0, gt=0)  # then one trial call
    mot_llm_prompt: str = "suggest"  # prompt id ("suggest": newest version) or "suggest-v1"
    mot_prompts_dir: Path | None = None  # extra or overriding prompt templates

    @field_validator(
        "openai_api_key",
        "openai_base_url",
        "azure_openai_endpoint",
        "azure_openai_api_key",
        "azure_openai_deployment",
        "mot_prompts_dir",
        mode="before",
    )
    @classmethod
    def _llm_blank_is_unset(cls, value):
        return None if isinstance(value, str) and not value.strip() else value

    # Storage and playbooks
    mot_database_url: str = "sqlite:///./mot-coach.db"
    mot_playbooks_dir: Path | None = None
    # The team's facts and voice (README "Team knowledge and voice"); unset: no facts, neutral.
    mot_knowledge_file: Path | None = None
    # Settings per workspace kept in git (docs/workspaces.md): one YAML file per Slack workspace
    # or Teams tenant. A workspace with a file is configured by it; the dashboard shows it.
    mot_workspaces_dir: Path | None = None
    # Playbooks already parsed and indexed, kept between runs (a cache, safe to delete; a changed
    # playbook or upgrade rebuilds it). Empty: ~/.cache/mot-coach; "off": no cache.
    mot_cache_dir: str = ""

    # Who and where, the same in every channel (bot/channels/places.py). Support channels: ids
    # or names, `*` for every channel the bot is in; empty: listen nowhere.
    mot_support_channels: CsvList = []
    mot_agents: CsvList = []
    mot_leads: CsvList = []
    # Where high-risk alerts go (and nudges with no agent or on-call): one channel id, or one
    # per channel kind "slack=C0LEADS, teams=19:abc@thread.tacv2". Was also MOT_TEAMS_LEADS_CHANNEL.
    mot_leads_channel: Annotated[dict[str, str], NoDecode] = Field(
        {}, validation_alias=AliasChoices("mot_leads_channel", "mot_teams_leads_channel")
    )
    # Who is nudged when no agent has replied yet: "U0123" for every channel, or per channel
    # "C0AAA=U0123, C0BBB=U0456" (a "*=U0789" entry is the default). Was MOT_SLACK_ON_CALL.
    mot_on_call: Annotated[dict[str, str], NoDecode] = Field(
        {}, validation_alias=AliasChoices("mot_on_call", "mot_slack_on_call")
    )

    # Nudges, the same in every channel (bot/channels/nudging.py). When a thread's level rises:
    # `playbook` nudges from its playbook's nudge.min_level, `rise` on any rise to watch or
    # escalate, `escalate` only on reaching escalate. Was MOT_SLACK_NUDGE_ON.
    mot_nudge_on: Literal["playbook", "rise", "escalate"] = Field(
        "playbook", validation_alias=AliasChoices("mot_nudge_on", "mot_slack_nudge_on")
    )
    # Seconds before the same thread is nudged again (a rise to escalate skips it).
    # Was MOT_SLACK_NUDGE_COOLDOWN_SECONDS (900) and MOT_TEAMS_NUDGE_COOLDOWN_SECONDS (600).
    mot_nudge_cooldown_seconds: float = Field(
        900.0,
        ge=0,
        validation_alias=AliasChoices(
            "mot_nudge_cooldown_seconds",
            "mot_slack_nudge_cooldown_seconds",
            "mot_teams_nudge_cooldown_seconds",
        ),
    )
    # High-risk threads alert MOT_LEADS_CHANNEL, if set. Was MOT_SLACK_LEAD_ALERTS.
    mot_lead_alerts: bool = Field(
        True, validation_alias=AliasChoices("mot_lead_alerts", "mot_slack_lead_alerts")
    )
    # A thread is high-risk from this escalation score (0..1), or with a legal threat, a threat
    # to go public, a churn threat after repeat contact, or a customer who needs care.
    # Was MOT_TEAMS_ALERT_SCORE.
    mot_alert_score: float = Field(
        0.8, ge=0, le=1, validation_alias=AliasChoices("mot_alert_score", "mot_teams_alert_score")
    )

    @field_validator("mot_on_call", "mot_leads_channel", mode="before")
    @classmethod
    def _parse_per_place(cls, value):
        return parse_per_place(value)

    @model_validator(mode="before")
    @classmethod
    def _warn_deprecated(cls, data):
        """Old names still work, with a warning naming the new one."""
        given = {str(key).lower() for key in (data if isinstance(data, dict) else {})}
        given |= {key.lower() for key in os.environ}
        for old, new in DEPRECATED.items():
            if old.lower() in given:
                logging.getLogger(__name__).warning(
                    "%s is deprecated; use %s (it means the same in Slack and Teams)", old, new
                )
        return data

    # Coaching
    mot_match_threshold: float = Field(0.35, ge=0, le=1)

    # The weekly digest for leads (docs/dashboard.md): opt-in, to MOT_LEADS_CHANNEL's Slack
    # and Teams channels, on this day and hour (UTC).
    mot_digest: Literal["off", "weekly"] = "off"
    mot_digest_day: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = "mon"
    mot_digest_hour: int = Field(8, ge=0, le=23)
    # The dashboard's public address, for links in the digest (else MOT_SLACK_DASHBOARD_URL).
    mot_dashboard_url: str | None = None

    @property
    def dashboard_base_url(self) -> str | None:
        """The dashboard's base address, without a trailing /dashboard/ if one was given."""
        url = (self.mot_dashboard_url or self.mot_slack_dashboard_url or "").strip().rstrip("/")
        return url.removesuffix("/dashboard") or None

    # --- Slack: the Bolt app (bot/slack). README "Slack" explains each setting. ---
    # "Use this" may post the chosen reply to the thread (as the bot, naming the agent).
    mot_slack_post_replies: bool = False
    # Ignore messages from other bots and integrations too (the bot's own are always ignored).
    mot_slack_ignore_bots: bool = True
    # Slack requests worked on at once after their ack; the rest wait their turn, so that
    # acks stay instant under load. Raise it for an LLM backend whose calls take seconds.
    mot_slack_concurrency: int = Field(16, ge=1)
    # A private note when an agent's message uses a playbook's "avoid" phrase.
    mot_slack_avoid_phrase_notes: bool = True
    mot_slack_dashboard_url: str | None = None  # the dashboard link in the leads' App Home
    # With an LLM backend, /mot-tip and Another set show the drafts as they are written, one
    # update per this many seconds at most (a response_url takes 5 posts); 0 shows none.
    mot_slack_stream_interval_seconds: float = Field(1.0, ge=0)

    # --- Slack OAuth: many workspaces (bot/slack/oauth), with Bolt's own names. On when the
    # client id and secret are set and SLACK_BOT_TOKEN is not. docs/slack.md explains each.
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_scopes: CsvList = list(SLACK_BOT_SCOPES)  # the bot scopes asked for at install
    # The redirect URL Slack sends installers back to; needed only when the app has several.
    slack_redirect_uri: str | None = None
    # Fernet key(s) that encrypt stored tokens, newest first (docs/slack.md says how to make
    # one); unset: tokens are stored unencrypted, with a warning at start-up.
    mot_token_key: CsvList = []
    # When a workspace uninstalls the app: its tokens are deleted, and its log records kept
    # or purged.
    mot_uninstall_log: Literal["keep", "purge"] = "keep"

    @property
    def slack_oauth(self) -> bool:
        """Many workspaces through OAuth: a client id and secret, and no SLACK_BOT_TOKEN."""
        return bool(self.slack_client_id and self.slack_client_secret and not self.slack_bot_token)

    @field_validator("slack_scopes", "mot_token_key", mode="before")
    @classmethod
    def _split_oauth_lists(cls, value, info):
        if isinstance(value, str):
            value = [item.strip() for item in value.split(",") if item.strip()]
        if info.field_name == "slack_scopes" and not value:
            return list(SLACK_BOT_SCOPES)  # blank: the manifest's scopes, not none
        return value

    @field_validator("mot_token_key", mode="after")
    @classmethod
    def _token_keys_are_fernet_keys(cls, value):
        for number, key in enumerate(value, 1):
            try:
                decoded = base64.urlsafe_b64decode(key.encode("ascii"))
            except (ValueError, UnicodeEncodeError):
                decoded = b""
            if len(decoded) != 32:
                raise ValueError(
                    f"key {number} is not a Fernet key (44 characters of URL-safe base64); "
                    "make one with: python -c 'from cryptography.fernet import Fernet; "
                    "print(Fernet.generate_key().decode())'"
                )
        return value

    # --- end of Slack ---

    # --- Storage and review: the suggestion log, its retention, and the team-lead dashboard ---
    # (MOT_DATABASE_URL above selects the database.) How much of the conversation the log keeps:
    # none | redacted (PII replaced by placeholders) | full.
    mot_log_content: Literal["none", "redacted", "full"] = "redacted"
    # Where log records wait while the database is unreachable; replayed when it is back.
    # Default: beside the SQLite file, or ./mot-coach-spool.jsonl for a server database.
    mot_spool_path: Path | None = None
    # Purge log records older than this many days, on a schedule in `serve` (0: keep all).
    mot_retention_days: int = Field(0, ge=0)
    # Dashboard logins: comma-separated "user:HASH" (`mot-coach dashboard hash-password`).
    mot_dashboard_users: Annotated[dict[str, str], NoDecode] = {}
    # Leads limited to workspaces/channels: "bob=C0123 C0456; carol=workspace:T0ABC".
    # Users not named here see every workspace and channel.
    mot_dashboard_scopes: Annotated[dict[str, list[str]], NoDecode] = {}
    # Dashboard users who may edit settings per workspace (comma-separated), within their
    # MOT_DASHBOARD_SCOPES workspaces; everyone else may only view them. Empty: nobody edits.
    mot_dashboard_admins: CsvList = []
    # Key that signs dashboard sessions; default: random per process (logins end on restart).
    mot_dashboard_secret: str | None = None
    # Slack workspace addresses, so the dashboard links a thread on the web:
    # "T0ABC=acme, T0DEF=acme-eu" for acme.slack.com; unnamed workspaces get slack:// links.
    mot_slack_workspace_domains: Annotated[dict[str, str], NoDecode] = {}
    # Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: comma-separated
    # addresses or CIDRs (e.g. 127.0.0.1,10.0.0.0/8). From any other peer they are ignored.
    mot_trusted_proxies: Annotated[list[IPv4Network | IPv6Network], NoDecode] = []

    @field_validator("mot_trusted_proxies", mode="before")
    @classmethod
    def _parse_trusted_proxies(cls, value):
        if not isinstance(value, str):
            return value
        networks = []
        for entry in filter(None, (item.strip() for item in value.split(","))):
            try:
                networks.append(ip_network(entry, strict=False))
            except ValueError:
                raise ValueError(
                    f"entry {entry!r} is not an IP address or CIDR (e.g. 10.0.0.0/8)"
                ) from None
        return networks

    @field_validator("mot_dashboard_users", mode="before")
    @classmethod
    def _parse_dashboard_users(cls, value):
        if not isinstance(value, str):
            return value
        users = {}
        for entry in filter(None, (item.strip() for item in value.split(","))):
            name, _, password_hash = entry.partition(":")
            if not name.strip() or not password_hash.startswith("pbkdf2_sha256$"):
                raise ValueError(
                    f"entry {name.strip() or entry[:12]!r} must be user:HASH, the "
                    "HASH from `mot-coach dashboard hash-password`"
                )
            users[name.strip()] = password_hash.strip()
        return users

    @field_validator("mot_slack_workspace_domains", mode="before")
    @classmethod
    def _parse_workspace_domains(cls, value):
        if not isinstance(value, str):
            return value
        domains = {}
        for entry in filter(None, (item.strip() for item in value.split(","))):
            team, equals, domain = (part.strip() for part in entry.partition("="))
            domain = domain.removeprefix("https://").removesuffix("/").removesuffix(".slack.com")
            if not equals or not team or not domain.replace("-", "").isalnum():
                raise ValueError(f"entry {entry!r} must be TEAM_ID=subdomain, e.g. T0ABC=acme")
            domains[team] = domain.lower()
        return domains

    @field_validator("mot_dashboard_scopes", mode="before")
    @classmethod
    def _parse_dashboard_scopes(cls, value):
        if not isinstance(value, str):
            return value
        scopes = {}
        for entry in filter(None, (item.strip() for item in value.split(";"))):
            name, equals, places = entry.partition("=")
            if not equals or not name.strip() or not places.split():
                raise ValueError(f"entry {entry!r} must be user=C0123 workspace:T0ABC ...")
            scopes[name.strip()] = places.replace(",", " ").split()
        return scopes

    @field_validator("mot_spool_path", "mot_dashboard_secret", mode="before")
    @classmethod
    def _blank_store_setting_is_unset(cls, value):
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("mot_dashboard_scopes", mode="after")
    @classmethod
    def _scoped_users_exist(cls, value, info):
        unknown = sorted(set(value) - set(info.data.get("mot_dashboard_users") or {}))
        if unknown:
            raise ValueError(f"names {', '.join(unknown)}, not in MOT_DASHBOARD_USERS")
        return value

    @field_validator("mot_dashboard_admins", mode="after")
    @classmethod
    def _admins_exist(cls, value, info):
        unknown = sorted(set(value) - set(info.data.get("mot_dashboard_users") or {}))
        if unknown:
            raise ValueError(f"names {', '.join(unknown)}, not in MOT_DASHBOARD_USERS")
        return value

    # --- end of Storage and review ---

    @field_validator(
        "mot_support_channels", "mot_agents", "mot_leads", "mot_dashboard_admins", mode="before"
    )
    @classmethod
    def _split_csv(cls, value):
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator(
        "mot_playbooks_dir",
        "mot_knowledge_file",
        "mot_workspaces_dir",
        "mot_llm_model",
        "mot_teams_bot_domain",
        "slack_client_id",
        "slack_client_secret",
        "slack_redirect_uri",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value):
        return None if isinstance(value, str) and not value.strip() else value


def parse_per_place(value):
    """ "X" (for every place), or "PLACE=X, ..." with "*=X" as the default."""
    if value is None:
        return {}
    if not isinstance(value, str):
        return value
    found = {}
    for entry in filter(None, (item.strip() for item in value.split(","))):
        place, equals, target = entry.partition("=")
        if not equals:
            place, target = "*", entry
        if not (place.strip() and target.strip()):
            raise ValueError(f"entry {entry!r} must be PLACE=ID or ID")
        found[place.strip()] = target.strip()
    return found


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
