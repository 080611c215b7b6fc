"""A local Slack Web API that records every call and answers like Slack, including its limits
(50 blocks, 3,000 characters per section) and, on demand, one 429 with Retry-After."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import aiohttp
from aiohttp import web

BOT_USER, BOT_ID, TEAM = "UBOT", "BBOT", "T1"


@dataclass
class Call:
    method: str
    args: dict
    at: float = field(default_factory=time.perf_counter)
    token: str | None = None  # the bearer token it came with


@dataclass
class Workspace:
    """A workspace the mock's OAuth installs into: oauth.v2.access trades `code` for `token`
    (with a refresh token that expires in `expires_in` seconds when that is set)."""

    team: str
    name: str
    code: str
    token: str
    bot_user: str = BOT_USER
    expires_in: int | None = None
    enterprise: str | None = None  # installed org-wide on this Enterprise Grid org


class MockSlack:
    def __init__(self):
        self.calls: list[Call] = []
        self.channel_names: dict[str, str] = {}
        self.usergroups: dict[str, list[str]] = {}
        self.replies: dict[str, list[dict]] = {}  # thread ts -> messages
        self.rate_limit_once: set[str] = set()
        self.expired_response_urls: set[str] = set()  # tokens answered 404 expired_url
        self.response_tokens: list[str] = []  # the {token} of each response_url post, in order
        self.on_response_url = None  # called with the token as each post arrives, if set
        self._ts = itertools.count(1)
        self.app = web.Application()
        self.app.router.add_route("*", "/api/{method}", self.api)
        self.app.router.add_post("/response/{token}", self.response_url)
        self.app.router.add_get("/socket", self.socket)
        self.sockets: list[web.WebSocketResponse] = []
        self.socket_replies: list[dict] = []  # what the app sent back over Socket Mode
        self.runner: web.AppRunner | None = None
        self.url = ""
        # OAuth: the workspaces that install, the client credentials, and the tokens issued
        self.workspaces: dict[str, Workspace] = {}  # by code
        self.client = ("CLIENT_ID", "CLIENT_SECRET")
        self.token_teams: dict[str, str] = {}  # live token -> team
        self.refresh_tokens: dict[str, str] = {}  # refresh token -> team

    async def start(self) -> MockSlack:
        self.runner = web.AppRunner(self.app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self.runner:
            await self.runner.cleanup()

    # --- what the tests look at ---

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while len(self.of(method)) < count:
            if time.monotonic() > deadline:
                seen = [c.method for c in self.calls]
                raise AssertionError(f"expected {count} {method} call(s); calls: {seen}")
            await asyncio.sleep(0.01)
        return self.of(method)

    # --- the server ---

    async def _args(self, request: web.Request) -> dict:
        raw = await request.text()
        if request.content_type == "application/json":
            return dict(request.query) | json.loads(raw or "{}")
        args = dict(request.query) | dict(parse_qsl(raw))
        for key in ("blocks", "view"):
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        return args

    async def socket(self, request: web.Request) -> web.WebSocketResponse:
        """Socket Mode: Slack's side of the WebSocket; acks the app sends come back here."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": 1})
        async for message in ws:
            if message.type == aiohttp.WSMsgType.TEXT:
                self.socket_replies.append(json.loads(message.data))
        return ws

    async def response_url(self, request: web.Request) -> web.Response:
        self.calls.append(Call("response_url", await self._args(request)))
        self.response_tokens.append(request.match_info["token"])
        if self.on_response_url is not None:
            self.on_response_url(request.match_info["token"])
        if request.match_info["token"] in self.expired_response_urls:
            return web.Response(status=404, text="expired_url")
        return web.Response(text="ok")

    async def api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await self._args(request)
        if method in self.rate_limit_once:
            self.rate_limit_once.discard(method)
            self.calls.append(Call(method + ":429", args))
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"}
            )
        if method == "oauth.v2.access":
            return web.json_response(self._oauth(request, args))
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        kind = ("xapp-",) if method == "apps.connections.open" else ("xoxb-", "xoxe.xoxb-")
        if not token.startswith(kind):
            return web.json_response({"ok": False, "error": "not_authed"})
        if self.token_teams and kind != ("xapp-",) and token not in self.token_teams:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        self.calls.append(Call(method, args, token=token))
        problem = _block_problem(args.get("blocks"))
        if problem:
            return web.json_response({"ok": False, "error": problem})
        answer = self._answer(method, args)
        if method == "auth.test" and token in self.token_teams:
            answer["team_id"] = self.token_teams[token]
        return web.json_response({"ok": True, **answer})

    # --- OAuth (oauth.v2.access): a code for a bot token, or a refresh token for a new one ---

    def install(self, workspace: Workspace) -> Workspace:
        self.workspaces[workspace.code] = workspace
        return workspace

    def _oauth(self, request: web.Request, args: dict) -> dict:
        credentials = aiohttp.BasicAuth.decode(request.headers.get("Authorization", ""))
        self.calls.append(Call("oauth.v2.access", args))
        if (credentials.login, credentials.password) != self.client:
            return {"ok": False, "error": "invalid_client_id"}
        if args.get("grant_type") == "refresh_token":
            team = self.refresh_tokens.pop(args.get("refresh_token"), None)
            if team is None:
                return {"ok": False, "error": "invalid_refresh_token"}
            old = [t for t, owner in self.token_teams.items() if owner == team]
            for token in old:  # the old token stops working, as Slack's do
                del self.token_teams[token]
            token = f"xoxe.xoxb-{team}-{next(self._ts)}"
            return {"ok": True, "token_type": "bot", **self._issue(team, token, 43200)}
        workspace = self.workspaces.pop(args.get("code"), None)  # a code works once
        if workspace is None:
            return {"ok": False, "error": "invalid_code"}
        return {
            "ok": True,
            "app_id": "A1",
            "token_type": "bot",
            "scope": "commands,chat:write",
            "bot_user_id": workspace.bot_user,
            "team": None
            if workspace.enterprise
            else {"id": workspace.team, "name": workspace.name},
            "enterprise": {"id": workspace.enterprise, "name": workspace.name}
            if workspace.enterprise
            else None,
            "is_enterprise_install": bool(workspace.enterprise),
            "authed_user": {"id": "U_INSTALLER"},
            **self._issue(workspace.team, workspace.token, workspace.expires_in),
        }

    def _issue(self, team: str, token: str, expires_in: int | None) -> dict:
        self.token_teams[token] = team
        if expires_in is None:
            return {"access_token": token}
        refresh = f"xoxe-1-{team}-{next(self._ts)}"
        self.refresh_tokens[refresh] = team
        return {"access_token": token, "refresh_token": refresh, "expires_in": expires_in}

    def _answer(self, method: str, args: dict) -> dict:
        if method == "apps.connections.open":
            return {"url": self.url.replace("http://", "ws://") + "/socket"}
        if method == "auth.test":
            return {"user_id": BOT_USER, "bot_id": BOT_ID, "team_id": TEAM, "user": "mot"}
        if method in ("chat.postMessage", "chat.postEphemeral"):
            ts = f"{time.time():.6f}"
            return {"channel": args.get("channel"), "ts": ts, "message_ts": ts}
        if method in ("views.open", "views.publish"):
            return {"view": {"id": f"V{next(self._ts)}", **(args.get("view") or {})}}
        if method == "chat.getPermalink":
            ts = str(args.get("message_ts", "")).replace(".", "")
            return {"permalink": f"https://acme.slack.com/archives/{args.get('channel')}/p{ts}"}
        if method == "conversations.info":
            channel = args.get("channel")
            return {"channel": {"id": channel, "name": self.channel_names.get(channel, "random")}}
        if method == "usergroups.users.list":
            return {"users": self.usergroups.get(args.get("usergroup"), [])}
        if method == "conversations.replies":
            return {"messages": self.replies.get(args.get("ts"), []), "has_more": False}
        if method == "users.info":
            user = args.get("user")
            profile = {
                "display_name": f"Agent {user}",
                "image_72": f"https://img.example/{user}.png",
            }
            return {"user": {"id": user, "team_id": TEAM, "is_bot": False, "profile": profile}}
        return {}


def _block_problem(blocks) -> str | None:
    """Slack's limits: at most 50 blocks, at most 3,000 characters in a section's text."""
    if not blocks:
        return None
    if len(blocks) > 50:
        return "invalid_blocks"
    for block in blocks:
        if block.get("type") == "section" and len(block["text"]["text"]) > 3000:
            return "invalid_blocks"
    if len(json.dumps(blocks)) > 40000:
        return "msg_too_long"
    return None
