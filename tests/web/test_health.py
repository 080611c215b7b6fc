"""`/readyz` follows the database (on SQLite and PostgreSQL); `/metrics` exposes the counters."""

import re

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.core.conversation import Conversation
from bot.llm.base import Backend
from bot.web.app import create_app
from bot.web.keys import COACH
from tests.store_helpers import database_with_outage
from tests.web.conftest import dashboard_settings


class BrokenBackend(Backend):
    name = "broken"

    def suggest(self, request):
        raise TimeoutError("the model did not answer")


@pytest.fixture(params=["sqlite", "postgresql"])
def outage(request, tmp_path):
    with database_with_outage(request.param, tmp_path) as found:
        yield request.param, found


async def test_readyz_is_503_while_the_database_is_down(outage, tmp_path):
    kind, (url, take_down, bring_back) = outage
    if kind == "sqlite":  # a locked SQLite file can still be read: make it unopenable instead
        missing = tmp_path / "not-yet"
        url = f"sqlite:///{missing}/log.db"
        take_down, bring_back = (lambda: None), missing.mkdir
    take_down()
    app = create_app(dashboard_settings(url, tmp_path))
    async with TestClient(TestServer(app)) as client:
        down = await client.get("/readyz")
        body = await down.json()
        assert down.status == 503 and body["status"] == "unavailable" and body["error"]
        assert (await client.get("/healthz")).status == 200  # the process itself is fine
        bring_back()
        up = await client.get("/readyz")
        assert up.status == 200, await up.text()
        assert (await up.json()) == {"status": "ready", "database": kind, "spooled": 0}


async def test_metrics_count_tips_fallbacks_latency_and_store_errors(tmp_path):
    url = f"sqlite:///{tmp_path}/gone/log.db"  # unopenable: every write is a store error
    app = create_app(dashboard_settings(url, tmp_path))
    async with TestClient(TestServer(app)) as client:
        coach = app[COACH]
        before = await (await client.get("/metrics")).text()
        coach.coach(Conversation().add("customer", "I was charged twice, refund me"))
        coach.coach(
            Conversation().add("customer", "I was charged twice, refund me"), trigger="nudge"
        )
        coach.backend = BrokenBackend()
        assert coach.coach(Conversation().add("customer", "I was charged twice")).fallback
        response = await client.get("/metrics")
        text = await response.text()
    assert response.headers["Content-Type"].startswith("text/plain")

    def value(body, sample):
        found = re.search(rf"^{re.escape(sample)} (\S+)$", body, re.M)
        return float(found[1]) if found else 0.0

    tips = 'mot_tips_total{playbook="billing-dispute",trigger="%s"}'
    assert value(text, tips % "command") == value(before, tips % "command") + 2
    assert value(text, tips % "nudge") == value(before, tips % "nudge") + 1
    nudges = 'mot_nudges_total{playbook="billing-dispute"}'
    assert value(text, nudges) == value(before, nudges) + 1
    errors = 'mot_store_errors_total{operation="write_event"}'
    assert value(text, errors) == value(before, errors) + 3
    assert value(text, "mot_spooled_records_total") >= 3
    assert value(text, "mot_fallbacks_total") == value(before, "mot_fallbacks_total") + 1
    latency = 'mot_backend_latency_seconds_count{backend="offline"}'
    assert value(text, latency) == value(before, latency) + 3
