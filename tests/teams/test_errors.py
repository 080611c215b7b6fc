"""A turn that fails: logged, a short apology to the user, no stack trace anywhere they see."""

import logging

from aiohttp.test_utils import TestClient, TestServer

from bot.coach import Coach
from bot.services import build_coach
from bot.web.app import create_app
from tests.teams import activities as A
from tests.teams.conftest import teams_settings


class BrokenCoach(Coach):
    def coach(self, *args, **kwargs):
        raise RuntimeError("secret internal detail")


async def test_turn_error_apologises_without_a_trace(tmp_path, connector, caplog):
    settings = teams_settings(tmp_path)
    working = build_coach(settings)
    broken = BrokenCoach(working.playbooks, sink=working.sink)
    client = TestClient(TestServer(create_app(settings, broken), host="127.0.0.1"))
    await client.start_server()
    try:
        with caplog.at_level(logging.ERROR, logger="bot.teams"):
            response = await client.post(
                "/api/messages", json=A.personal(connector.url, "mot-tip refund now")
            )
            body = await response.text()
    finally:
        await client.close()
    assert response.status == 201 and "secret" not in body
    [apology] = connector.activities("a:personal-ana")
    assert apology["text"].startswith("Sorry, something went wrong")
    assert "secret" not in apology["text"] and "Traceback" not in apology["text"]
    assert any("Teams turn failed" in r.message and r.exc_info for r in caplog.records)
