"""A bare slack-bolt app answering /mot-tip the way Bolt's docs show: ack at once, then coach
on the text (the same Coach, offline) and post the same Block Kit tip to the response_url. The
yardstick bench/slack_bench.py measures mot-coach against: what mot-coach adds on top (once-only
handling, the suggestion log, tracking, the gate) is what the ratio shows.

    python bench/bare_bolt.py PORT

Reads SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN and SLACK_API_URL as mot-coach does; serves
/slack/events and /healthz on 127.0.0.1:PORT (aiohttp, as mot-coach serve).
"""

from __future__ import annotations

import os
import sys

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.coach import Coach
from bot.core.conversation import Conversation
from bot.core.playbooks import load_playbooks
from bot.slack.blocks import result_messages


def build() -> web.Application:
    token, api = os.environ["SLACK_BOT_TOKEN"], os.environ["SLACK_API_URL"]
    bolt = AsyncApp(
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        client=AsyncWebClient(token=token, base_url=api),
    )
    coach = Coach(load_playbooks())  # offline composer, no log

    @bolt.command("/mot-tip")
    async def tip(ack, body, respond) -> None:
        await ack(response_type="ephemeral", text="Coaching…")
        result = coach.coach(Conversation.from_text(body.get("text") or ""))
        for number, message in enumerate(result_messages(result)):
            await respond(response_type="ephemeral", replace_original=number == 0, **message)

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_post("/slack/events", events)
    app.router.add_get("/healthz", healthz)
    return app


if __name__ == "__main__":
    web.run_app(build(), host="127.0.0.1", port=int(sys.argv[1]), print=None)
