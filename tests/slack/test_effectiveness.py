"""What the customer did after a tip, followed from real signed Slack events: one thread calms
down after the agent used the tip, another gets worse after they ignored it. The figures then
appear in `logs stats --json` and `logs export`."""

from __future__ import annotations

import csv
import io
import json
import time

from sqlalchemy import select

from bot.store import Store
from bot.store.models import events
from tests.cli.test_cli import mot
from tests.slack.test_listening import escalate

THANKS = "Thank you, that's brilliant, really appreciate the quick help."
WORSE = "Still not fixed! Same problem again. I want a manager NOW or I'm cancelling."


def follow_up_of(server, uid: str) -> dict | None:
    store = Store(server.settings.mot_database_url)
    with store.engine.connect() as connection:
        found = connection.execute(select(events.c.follow_up).where(events.c.uid == uid)).scalar()
    store.close()
    return found


async def wait_follow_up(server, uid: str) -> dict:
    for _ in range(300):
        if found := follow_up_of(server, uid):
            return found
        await server.settle(0.02)
    raise AssertionError(f"no follow-up recorded for {uid}")


async def test_used_tip_calms_the_thread_and_an_ignored_one_does_not(slack_server):
    server = await slack_server(mot_slack_lead_alerts=False)
    tips = {}
    for offset, (reply, customer) in enumerate((("use", THANKS), ("ignore", WORSE))):
        root = time.time() + offset * 100
        await escalate(server, root)
        await server.mock.wait_for("chat.postEphemeral", offset + 1)
        thread = server.mot.tracker.get("C_SUPPORT", f"{root:.6f}")
        while not thread.pending:
            await server.settle(0.01)
        tip = thread.pending[0]
        answer = tip.suggestions[0] if reply == "use" else "Okay, checking now."
        await server.say("U_AGENT", answer, root + 3, thread=root)
        await server.say("U_CUST", customer, root + 4, thread=root)
        tips[reply] = tip.log_id
    calm = await wait_follow_up(server, tips["use"])
    worse = await wait_follow_up(server, tips["ignore"])
    assert calm["turns"] == 1 and calm["thanked"] and not calm["came_back"]
    assert calm["escalation_level"] != "escalate"
    assert worse["came_back"] and not worse["thanked"] and worse["escalation_level"] == "escalate"
    for _ in range(300):  # the agent's replies are judged in the background too
        stats = json.loads(mot("logs", "stats", "--json", env=_db(server)).stdout)["effectiveness"][
            "overall"
        ]
        if stats["used"]["tips"] + stats["ignored"]["tips"] == 2:
            break
        await server.settle(0.05)
    assert stats["used"]["helped_rate"] == 1.0 and stats["ignored"]["helped_rate"] == 0.0
    assert stats["verdict"] == "small sample" and stats["small_sample"]
    exported = mot("logs", "export", "--format", "csv", env=_db(server)).stdout.decode()
    rows = {r["thread"]: r for r in csv.DictReader(io.StringIO(exported))}
    assert sorted(r["follow_up_thanked"] for r in rows.values()) == ["False", "True"]


def _db(server) -> dict:
    return {"MOT_DATABASE_URL": server.settings.mot_database_url}
