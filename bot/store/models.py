"""The suggestion log's tables. Times are naive UTC `DateTime`s in both SQLite and PostgreSQL.

Changing a table means a new alembic revision in `bot/store/migrations/versions/`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# BIGINT ids on PostgreSQL; SQLite needs INTEGER for an auto-incrementing rowid.
Id = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    pass


class CoachingEvent(Base):
    """One coaching result: where, why, what was suggested, and (denormalised) what came of it."""

    __tablename__ = "coaching_events"
    __table_args__ = (  # the tips still open in a thread, at each agent message
        Index("ix_coaching_events_conversation_agent", "conversation_id", "agent"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)  # stable across spool replays
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    channel_kind: Mapped[str] = mapped_column(String(16))  # slack | teams | cli
    workspace: Mapped[str | None] = mapped_column(String(128), index=True)  # or Teams tenant
    channel: Mapped[str | None] = mapped_column(String(128), index=True)
    thread: Mapped[str | None] = mapped_column(String(255))
    agent: Mapped[str | None] = mapped_column(String(128), index=True)
    conversation_id: Mapped[str] = mapped_column(String(255))
    trigger: Mapped[str] = mapped_column(String(16))  # command | nudge | shortcut | mention
    playbook: Mapped[str | None] = mapped_column(String(64), index=True)
    confidence: Mapped[float] = mapped_column(Float)
    escalation_score: Mapped[float] = mapped_column(Float)
    escalation_level: Mapped[str] = mapped_column(String(16))  # none | watch | escalate
    escalation_reasons: Mapped[list] = mapped_column(JSON)
    content_mode: Mapped[str] = mapped_column(String(16))  # MOT_LOG_CONTENT when recorded
    excerpt: Mapped[list | None] = mapped_column(JSON)  # [{role, text, author}], or None
    suggestions: Mapped[list] = mapped_column(JSON)  # [{text, why, source}]
    coaching: Mapped[list | None] = mapped_column(JSON)  # advice lines for the agent (0008)
    summary: Mapped[dict | None] = mapped_column(JSON)  # {wants, tried, at_stake, source} (0009)
    # What the customer did after the tip, updated at each of their next turns (0009):
    # {turns, first_reply_seconds, thanked, came_back, escalation_score, escalation_level}
    follow_up: Mapped[dict | None] = mapped_column(JSON)
    backend: Mapped[str] = mapped_column(String(64))
    model: Mapped[str | None] = mapped_column(String(128))
    prompt_version: Mapped[str | None] = mapped_column(String(64))
    latency_ms: Mapped[float] = mapped_column(Float)
    tokens_prompt: Mapped[int | None] = mapped_column(Integer)
    tokens_completion: Mapped[int | None] = mapped_column(Integer)
    fallback: Mapped[bool] = mapped_column(Boolean)
    fallback_reason: Mapped[str | None] = mapped_column(Text)
    # The latest outcome, kept here so that lists, filters and stats need no join.
    outcome: Mapped[str | None] = mapped_column(String(16), index=True)  # shown|used|edited|...
    edit_ratio: Mapped[float | None] = mapped_column(Float)  # 0 = sent as is, 1 = rewritten
    rating: Mapped[int | None] = mapped_column(Integer)  # +1 thumbs up, -1 thumbs down
    comment: Mapped[str | None] = mapped_column(Text)


class CoachingOutcome(Base):
    """What the agent did with a coaching event, one row per action, in order."""

    __tablename__ = "coaching_outcomes"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    event_uid: Mapped[str] = mapped_column(String(32), index=True)  # CoachingEvent.uid
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    kind: Mapped[str] = mapped_column(String(16))  # shown | used | edited | dismissed | rated
    suggestion_index: Mapped[int | None] = mapped_column(Integer)
    edit_ratio: Mapped[float | None] = mapped_column(Float)
    rating: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(128))


class TipFollowUp(Base):
    """One customer turn after a tip, read as it arrived: escalation, thanks, back again."""

    __tablename__ = "tip_follow_ups"
    __table_args__ = (UniqueConstraint("event_uid", "turn", name="uq_tip_follow_ups_turn"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    event_uid: Mapped[str] = mapped_column(String(32), index=True)  # CoachingEvent.uid
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    turn: Mapped[int] = mapped_column(Integer)  # 1 = the customer's first message after the tip
    after_seconds: Mapped[float] = mapped_column(Float)  # since the tip was logged
    escalation_score: Mapped[float] = mapped_column(Float)
    escalation_level: Mapped[str] = mapped_column(String(16))
    thanked: Mapped[bool] = mapped_column(Boolean)
    came_back: Mapped[bool] = mapped_column(Boolean)  # about the same problem


class ProcessedEvent(Base):
    """Deliveries already handled (Slack event ids, Teams activity ids): the key is unique."""

    __tablename__ = "processed_events"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    source: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class NudgeState(Base):
    """Per-conversation nudge bookkeeping, so that an agent is not nudged over and over."""

    __tablename__ = "nudge_states"

    conversation_key: Mapped[str] = mapped_column(String(255), primary_key=True)
    last_nudged_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    last_level: Mapped[str] = mapped_column(String(16))
    nudges: Mapped[int] = mapped_column(Integer)


class Purge(Base):
    """A retention or on-demand purge: when, up to which time, and how much went."""

    __tablename__ = "purges"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    cutoff: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(16))  # retention | manual
    actor: Mapped[str | None] = mapped_column(String(128))
    events_deleted: Mapped[int] = mapped_column(Integer)
    outcomes_deleted: Mapped[int] = mapped_column(Integer)
    other_deleted: Mapped[int] = mapped_column(Integer)  # deliveries, nudge states, tracked msgs


class AuditEntry(Base):
    """Who looked at or took what: conversation views, exports, logins, purges."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))  # view | view_denied | export | login | ...
    target: Mapped[str | None] = mapped_column(String(255))
    detail: Mapped[dict | None] = mapped_column(JSON)


class TrackedMessage(Base):
    """A message of a thread (Slack) or reply chain (Teams) the bot tracks from a channel, so
    that a restart or another replica still knows the conversation. `text` follows
    MOT_LOG_CONTENT: as is (full), with PII replaced (redacted), or None (none)."""

    __tablename__ = "tracked_messages"
    __table_args__ = (
        UniqueConstraint(
            "channel_kind", "thread_key", "message_id", name="uq_tracked_messages_message"
        ),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    channel_kind: Mapped[str] = mapped_column(String(16))  # slack | teams
    workspace: Mapped[str | None] = mapped_column(String(128))  # or Teams tenant
    channel: Mapped[str | None] = mapped_column(String(128))
    thread_key: Mapped[str] = mapped_column(String(255))  # Slack channel:thread_ts, Teams chain
    message_id: Mapped[str] = mapped_column(String(255))  # Slack ts, Teams activity id
    ts: Mapped[float | None] = mapped_column(Float)  # seconds since the epoch
    role: Mapped[str] = mapped_column(String(16))  # customer | agent
    author: Mapped[str | None] = mapped_column(String(128))
    text: Mapped[str | None] = mapped_column(Text)


class ConversationReferenceRow(Base):
    """A Bot Framework conversation reference, for proactive messages: in Teams, the 1:1 chat
    with a user (key: the Teams user id or Entra object id) or a channel (key: the channel id)."""

    __tablename__ = "conversation_references"
    __table_args__ = (
        UniqueConstraint("channel_kind", "key", name="uq_conversation_references_key"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    channel_kind: Mapped[str] = mapped_column(String(16))  # teams
    key: Mapped[str] = mapped_column(String(255))  # user id for a 1:1 chat, or channel id
    tenant: Mapped[str | None] = mapped_column(String(128))
    service_url: Mapped[str | None] = mapped_column(String(512))
    reference: Mapped[dict] = mapped_column(JSON)  # ConversationReference.serialize()
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class LoginAttempts(Base):
    """Dashboard sign-in attempts for one client address and user name (key `a:`), or for one
    user name from every address (key `n:`), counted before each password check
    (bot/store/logins.py)."""

    __tablename__ = "login_attempts"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)  # counted in the window, not yet succeeded
    blocks: Mapped[int] = mapped_column(Integer)  # refusal periods so far: the backoff grows
    blocked_until: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # the last attempt


class DashboardSession(Base):
    """A signed-in dashboard session; logout deletes it. Keyed by a hash of the cookie's id, and
    tied to the user's password hash when it began (`password_tag`), so a new password ends it."""

    __tablename__ = "dashboard_sessions"

    sid_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the id
    user: Mapped[str] = mapped_column(String(128), index=True)
    password_tag: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)


# --- Slack OAuth (bot/slack/oauth): slack_sdk's SQLAlchemy installation and state stores'
# tables, under their names and columns, with token columns wide enough for encrypted tokens.
class SlackInstallation(Base):
    """One Slack installation (a workspace, or an Enterprise Grid org): slack_sdk's columns."""

    __tablename__ = "slack_installations"
    __table_args__ = (
        Index(
            "slack_installations_idx",
            "client_id",
            "enterprise_id",
            "team_id",
            "user_id",
            "installed_at",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_id: Mapped[str] = mapped_column(String(32))
    app_id: Mapped[str] = mapped_column(String(32))
    enterprise_id: Mapped[str | None] = mapped_column(String(32))
    enterprise_name: Mapped[str | None] = mapped_column(String(200))
    enterprise_url: Mapped[str | None] = mapped_column(String(200))
    team_id: Mapped[str | None] = mapped_column(String(32))
    team_name: Mapped[str | None] = mapped_column(String(200))
    bot_token: Mapped[str | None] = mapped_column(Text)  # Text: tokens may be encrypted
    bot_id: Mapped[str | None] = mapped_column(String(32))
    bot_user_id: Mapped[str | None] = mapped_column(String(32))
    bot_scopes: Mapped[str | None] = mapped_column(String(1000))
    bot_refresh_token: Mapped[str | None] = mapped_column(Text)
    bot_token_expires_at: Mapped[datetime | None] = mapped_column(DateTime)
    user_id: Mapped[str] = mapped_column(String(32))
    user_token: Mapped[str | None] = mapped_column(Text)
    user_scopes: Mapped[str | None] = mapped_column(String(1000))
    user_refresh_token: Mapped[str | None] = mapped_column(Text)
    user_token_expires_at: Mapped[datetime | None] = mapped_column(DateTime)
    incoming_webhook_url: Mapped[str | None] = mapped_column(Text)
    incoming_webhook_channel: Mapped[str | None] = mapped_column(String(200))
    incoming_webhook_channel_id: Mapped[str | None] = mapped_column(String(200))
    incoming_webhook_configuration_url: Mapped[str | None] = mapped_column(String(200))
    is_enterprise_install: Mapped[bool] = mapped_column(Boolean, default=False)
    token_type: Mapped[str | None] = mapped_column(String(32))
    installed_at: Mapped[datetime] = mapped_column(DateTime, default=func.now())


class SlackBot(Base):
    """The newest bot token of each installation (slack_sdk's `slack_bots`)."""

    __tablename__ = "slack_bots"
    __table_args__ = (
        Index("slack_bots_idx", "client_id", "enterprise_id", "team_id", "installed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_id: Mapped[str] = mapped_column(String(32))
    app_id: Mapped[str] = mapped_column(String(32))
    enterprise_id: Mapped[str | None] = mapped_column(String(32))
    enterprise_name: Mapped[str | None] = mapped_column(String(200))
    team_id: Mapped[str | None] = mapped_column(String(32))
    team_name: Mapped[str | None] = mapped_column(String(200))
    bot_token: Mapped[str | None] = mapped_column(Text)
    bot_id: Mapped[str | None] = mapped_column(String(32))
    bot_user_id: Mapped[str | None] = mapped_column(String(32))
    bot_scopes: Mapped[str | None] = mapped_column(String(1000))
    bot_refresh_token: Mapped[str | None] = mapped_column(Text)
    bot_token_expires_at: Mapped[datetime | None] = mapped_column(DateTime)
    is_enterprise_install: Mapped[bool] = mapped_column(Boolean, default=False)
    installed_at: Mapped[datetime] = mapped_column(DateTime, default=func.now())


class SlackOAuthState(Base):
    """An install link's state: one use, until it expires (slack_sdk's `slack_oauth_states`)."""

    __tablename__ = "slack_oauth_states"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    state: Mapped[str] = mapped_column(String(200), index=True)
    expire_at: Mapped[datetime] = mapped_column(DateTime)


class WorkspaceSettingsRow(Base):
    """The settings a workspace (Slack team, Teams tenant) overrides, edited from the dashboard
    (bot/workspaces/): only the fields it sets; every other one is the environment's."""

    __tablename__ = "workspace_settings"

    channel_kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # slack | teams
    workspace: Mapped[str] = mapped_column(String(128), primary_key=True)  # team or tenant id
    settings: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str | None] = mapped_column(String(128))


events = CoachingEvent.__table__
outcomes = CoachingOutcome.__table__
follow_ups = TipFollowUp.__table__
processed_events = ProcessedEvent.__table__
nudge_states = NudgeState.__table__
purges = Purge.__table__
audit_log = AuditEntry.__table__
tracked_messages = TrackedMessage.__table__
conversation_references = ConversationReferenceRow.__table__
login_attempts = LoginAttempts.__table__
dashboard_sessions = DashboardSession.__table__
slack_installations = SlackInstallation.__table__
slack_bots = SlackBot.__table__
slack_oauth_states = SlackOAuthState.__table__
workspace_settings = WorkspaceSettingsRow.__table__
