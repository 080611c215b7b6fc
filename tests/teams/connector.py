"""A local mock Bot Connector: the `serviceUrl` the bot answers to, recording every call."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from aiohttp import web


@dataclass
class Call:
    method: str
    path: str
    body: dict
    conversation: str | None = None


@dataclass
class MockConnector:
    calls: list[Call] = field(default_factory=list)
    created: list[dict] = field(default_factory=list)  # POST /v3/conversations bodies
    refuse_chats: bool = False  # answer 403 to creating a 1:1 chat, as for a user who left
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations", self.create_conversation)
        app.router.add_post("/v3/conversations/{conversation}/activities", self.send)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self.send)
        app.router.add_put("/v3/conversations/{conversation}/activities/{activity}", self.send)
        return app

    async def create_conversation(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.refuse_chats and not body.get("isGroup"):
            return web.json_response({"error": {"code": "Forbidden"}}, status=403)
        self.created.append(body)
        kind = "channel" if body.get("isGroup") else "personal"
        conversation = f"a:{kind}-{next(self._ids)}"
        self.calls.append(Call("POST", request.path, body, conversation))
        return web.json_response({"id": conversation, "activityId": f"act-{next(self._ids)}"})

    async def send(self, request: web.Request) -> web.Response:
        body = await request.json()
        conversation = request.match_info["conversation"]
        self.calls.append(Call(request.method, request.path, body, conversation))
        return web.json_response({"id": f"act-{next(self._ids)}"})

    def activities(self, conversation_prefix: str = "") -> list[dict]:
        return [
            c.body
            for c in self.calls
            if "/activities" in c.path and (c.conversation or "").startswith(conversation_prefix)
        ]

    def cards(self, conversation_prefix: str = "") -> list[dict]:
        return [
            a["content"]
            for body in self.activities(conversation_prefix)
            for a in body.get("attachments") or []
            if a.get("contentType") == "application/vnd.microsoft.card.adaptive"
        ]
