"""Slack OAuth scenarios: `serve`'s app in OAuth mode, installs through the real HTTP flow
(GET /slack/install, then /slack/oauth_redirect with the code and state, as a browser would),
and signed requests from several workspaces."""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import aiohttp

from bot.config import Settings
from tests.slack.conftest import SECRET, SUPPORT, SlackServer, signed_headers
from tests.slack.mock_slack import MockSlack, Workspace

KEY = "B7uNWpz636J6BGm5pufIkawnJWo4-0ASOrVD1IqflTU="  # Fernet keys for tests only
OTHER_KEY = "0pVtIzGPnRExDywjUVfvTWjuGi8AkcqoEwzVWnhvTMM="
COOKIE = "slack-app-oauth-state"


def oauth_settings(mock: MockSlack, database_url: str, **overrides) -> Settings:
    values = {
        "slack_client_id": mock.client[0],
        "slack_client_secret": mock.client[1],
        "slack_signing_secret": SECRET,
        "slack_api_url": mock.url + "/api/",
        "mot_database_url": database_url,
        "mot_token_key": [KEY],
        "mot_support_channels": [SUPPORT],
        "mot_agents": ["U_AGENT", "S_AGENTS"],
    }
    return Settings(**(values | overrides))


@dataclass
class Start:
    """What GET /slack/install gave the browser: the state in the Add to Slack link, and the
    cookie that ties it to this browser."""

    state: str
    cookie: str
    page: str


class OAuthServer(SlackServer):
    async def start(self) -> OAuthServer:
        await super().start()
        self.base = self.url.removesuffix("/slack/events")
        self.browser = aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar())
        return self

    async def stop(self) -> None:
        await self.browser.close()
        await super().stop()

    async def begin_install(self) -> Start:
        async with self.browser.get(self.base + "/slack/install") as response:
            assert response.status == 200
            page = await response.text()
            cookie = response.cookies[COOKIE].value
        link = unescape(
            re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', page)[1]
        )
        return Start(parse_qs(urlsplit(link).query)["state"][0], cookie, page)

    async def finish_install(self, code: str, state: str, cookie: str | None) -> tuple[int, str]:
        query = urlencode({"code": code, "state": state})
        headers = {"Cookie": f"{COOKIE}={cookie}"} if cookie else {}
        async with self.browser.get(
            f"{self.base}/slack/oauth_redirect?{query}", headers=headers
        ) as response:
            return response.status, await response.text()

    async def install(self, workspace: Workspace) -> str:
        self.mock.install(workspace)
        start = await self.begin_install()
        status, page = await self.finish_install(workspace.code, start.state, start.cookie)
        assert status == 200, page
        return page

    async def tip(
        self,
        team: str,
        text: str,
        user: str = "U_AGENT",
        channel: str = SUPPORT,
        enterprise: str | None = None,
    ):
        grid = {"enterprise_id": enterprise, "is_enterprise_install": "true"} if enterprise else {}
        body = urlencode(
            {
                **grid,
                "command": "/mot-tip",
                "text": text,
                "user_id": user,
                "channel_id": channel,
                "team_id": team,
                "response_url": f"{self.mock.url}/response/{team}-{uuid.uuid4().hex[:6]}",
                "trigger_id": f"trig-{uuid.uuid4().hex[:12]}",
            }
        )
        return await self.post(body, "application/x-www-form-urlencoded")

    async def team_event(self, team: str, event: dict):
        envelope = {
            "token": "legacy",
            "team_id": team,
            "api_app_id": "A1",
            "type": "event_callback",
            "event": event,
            "event_id": f"Ev{uuid.uuid4().hex[:16]}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": team, "user_id": "UBOT", "is_bot": True}],
        }
        body = json.dumps(envelope)
        return await self.post(body, "application/json", signed_headers(body))
