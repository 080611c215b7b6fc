"""Drafts streamed into Slack: /mot-tip and Another set over real signed HTTP, against the mock
Slack and the fake OpenAI server streaming real SSE with per-chunk delays."""

from __future__ import annotations

import asyncio
import json
import time
from itertools import pairwise

import aiohttp
import pytest
from aiohttp import web
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.slack.blocks import TEXT_LIMIT
from bot.slack.streaming import MAX_DRAFTS, WRITING, DraftStreamer, draft_message
from tests.llm.conftest import llm_values
from tests.llm.fake_openai import GOOD_SUGGESTIONS, FakeOpenAI, Reply

BILLING = "I was charged twice for my order and nobody has refunded me."
FINAL = [s["text"] for s in GOOD_SUGGESTIONS]
FIRST = FINAL[0]
SLOW = Reply(chunk_delay=0.015)  # ~60 chunks of 12 characters: a stream of ~1 s


@pytest.fixture
def fake():
    server = FakeOpenAI(default=SLOW)
    yield server
    server.close()


@pytest.fixture
def llm_server(slack_server, fake):
    """The Slack app on the openai backend, pointed at the fake server."""

    def start(**overrides):
        return slack_server(**llm_values(fake, **overrides))

    return start


def is_draft(call) -> bool:
    return WRITING in json.dumps(call.args.get("blocks") or [], ensure_ascii=False)


def is_tip(call) -> bool:
    return "mot_another" in json.dumps(call.args.get("blocks") or [])


async def posts_until_tip(mock, timeout: float = 8.0) -> list:
    """Every response_url post, once the final tip has arrived and a moment has passed."""
    deadline = time.monotonic() + timeout
    while not any(is_tip(c) for c in mock.of("response_url")):
        assert time.monotonic() < deadline, [c.args for c in mock.of("response_url")]
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.3)  # anything still to come (it must not) would arrive now
    return mock.of("response_url")


def section_texts(call) -> list[str]:
    return [b["text"]["text"] for b in call.args["blocks"] if b["type"] == "section"]


def draft_texts(call) -> list[str]:
    return [t.removeprefix(f"*{n}.* ") for n, t in enumerate(section_texts(call), 1)]


async def test_mot_tip_streams_drafts_then_the_final_tip_replaces_them(llm_server, fake):
    server = await llm_server(mot_slack_stream_interval_seconds=0.4)
    started = time.perf_counter()
    status, body, _ = await server.command(BILLING)
    assert status == 200 and json.loads(body)["text"] == "Coaching…"
    posts = await posts_until_tip(server.mock)
    drafts, tip = posts[:-1], posts[-1]
    assert fake.requests[0].json["stream"] is True
    assert is_tip(tip) and not is_draft(tip) and tip.args["replace_original"] is True
    assert 1 <= len(drafts) <= MAX_DRAFTS and all(is_draft(d) for d in drafts)
    for draft in drafts:
        assert draft.args["replace_original"] is True
        assert draft.args["response_type"] == "ephemeral"
    partial = draft_texts(drafts[0])  # the replies so far, the last one cut short
    assert partial and all(final.startswith(t) for t, final in zip(partial, FINAL, strict=False))
    assert sum(map(len, partial)) < sum(map(len, FINAL))
    assert drafts[0].at - started >= 0.4  # the first draft waits an interval
    assert all(b.at - a.at >= 0.3 for a, b in pairwise(drafts))  # one per interval at most
    assert any(t.endswith(FIRST) for t in section_texts(tip))


async def test_drafts_are_coalesced_and_capped_for_the_response_url(llm_server, fake):
    """A 5 ms interval over ~60 chunks would allow dozens of posts; a response_url takes 5."""
    server = await llm_server(mot_slack_stream_interval_seconds=0.005)
    await server.command(BILLING)
    posts = await posts_until_tip(server.mock)
    assert [is_draft(p) for p in posts] == [True] * MAX_DRAFTS + [False]
    assert is_tip(posts[-1]) and len(posts) <= 5  # Slack's limit per response_url


async def test_an_interval_of_zero_streams_nothing(llm_server, fake):
    server = await llm_server(mot_slack_stream_interval_seconds=0)
    await server.command(BILLING)
    posts = await posts_until_tip(server.mock)
    assert len(posts) == 1 and is_tip(posts[0])
    assert not fake.requests[0].json.get("stream")


async def test_the_offline_backend_posts_no_drafts(slack_server):
    server = await slack_server(mot_slack_stream_interval_seconds=0.001)
    await server.command(BILLING)
    posts = await posts_until_tip(server.mock)
    assert len(posts) == 1 and is_tip(posts[0])


async def test_a_stream_that_dies_half_way_ends_with_the_offline_tip(llm_server, fake):
    fake.default = Reply(chunk_delay=0.015, drop_after_chunks=40)
    server = await llm_server(mot_slack_stream_interval_seconds=0.25, mot_llm_retries=0)
    await server.command(BILLING)
    posts = await posts_until_tip(server.mock)
    assert len(fake.requests) == 1
    assert posts[:-1] and all(is_draft(p) for p in posts[:-1])
    tip = posts[-1]
    assert is_tip(tip) and not any(FIRST in t for t in section_texts(tip))  # offline replies


async def test_another_set_streams_its_drafts_too(llm_server, fake):
    server = await llm_server(mot_slack_stream_interval_seconds=0.2)
    await server.command(BILLING)
    (first,) = [p for p in await posts_until_tip(server.mock) if is_tip(p)]
    value = next(
        e["value"]
        for b in first.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "mot_another"
    )
    before = len(server.mock.of("response_url"))
    await server.interact(
        {
            "type": "block_actions",
            "user": {"id": "U_AGENT"},
            "team": {"id": "T1"},
            "channel": {"id": "C_SUPPORT"},
            "container": {"type": "message", "is_ephemeral": True},
            "response_url": f"{server.mock.url}/response/another",
            "actions": [{"action_id": "mot_another", "block_id": "b", "value": value}],
        }
    )
    for _ in range(800):
        posts = server.mock.of("response_url")[before:]
        if posts and is_tip(posts[-1]):
            break
        await asyncio.sleep(0.01)
    assert len(fake.requests) == 2 and fake.requests[1].json["stream"] is True
    assert 1 <= len(posts) - 1 <= MAX_DRAFTS and all(is_draft(p) for p in posts[:-1])
    assert is_tip(posts[-1]) and posts[-1].args["replace_original"] is True


# --- the streamer itself, against a response_url that is slow to answer ---


@pytest.fixture
async def slow_response_url():
    """A response_url endpoint that takes 0.3 s over drafts; logs (kind, arrived, answered)."""
    log: list[tuple[str, float, float]] = []
    arrived = asyncio.Event()

    async def handle(request: web.Request) -> web.Response:
        body, at = await request.json(), time.perf_counter()
        kind = "draft" if body["text"] == WRITING else "final"
        arrived.set()
        if kind == "draft":
            await asyncio.sleep(0.3)
        log.append((kind, at, time.perf_counter()))
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/response", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    async with aiohttp.ClientSession() as session:
        yield f"http://127.0.0.1:{port}/response", session, log, arrived
    await runner.cleanup()


async def test_the_final_tip_waits_for_a_draft_in_flight(slow_response_url):
    url, session, log, arrived = slow_response_url
    streamer = DraftStreamer(url, 0.01, session)
    await asyncio.to_thread(streamer.on_draft, ("I'm sorry",))  # from a worker thread
    await asyncio.wait_for(arrived.wait(), 2)
    await streamer.close()
    await AsyncWebhookClient(url, session=session).send(text="the tip", replace_original=True)
    (draft_kind, _, draft_answered), (final_kind, final_arrived, _) = log
    assert (draft_kind, final_kind) == ("draft", "final")
    assert draft_answered <= final_arrived


async def test_a_draft_waiting_for_its_turn_is_dropped_at_close(slow_response_url):
    url, session, log, _ = slow_response_url
    streamer = DraftStreamer(url, 1.0, session)
    streamer.on_draft(("I'm sorry",))
    await asyncio.sleep(0.05)
    started = time.perf_counter()
    await streamer.close()
    assert time.perf_counter() - started < 0.05 and streamer.posted == 0
    streamer.on_draft(("too late",))
    await asyncio.sleep(0.05)
    assert log == []


def test_a_draft_stays_within_slacks_limits():
    message = draft_message(tuple("word " * 2000 for _ in range(20)))
    sections = [b for b in message["blocks"] if b["type"] == "section"]
    assert message["text"] == WRITING and message["blocks"][0]["type"] == "context"
    assert len(sections) == 10 and all(len(s["text"]["text"]) <= TEXT_LIMIT for s in sections)
    assert draft_message(("<b> & co",))["blocks"][1]["text"]["text"] == "*1.* &lt;b&gt; &amp; co"
