"""The dashboard's detail page shows the coaching lines the agent was given."""

from tests.store_helpers import event_row
from tests.web.conftest import login
from tests.web.test_dashboard_http import _ids

LINE = "They already restarted the router <three> times: don't ask again."


async def test_detail_page_shows_the_coaching_lines(client, seeded_store):
    seeded_store.insert_events([event_row(channel="C9", coaching=[LINE])])
    await login(client, "alice")
    ids = _ids(seeded_store)
    page = await (await client.get(f"/dashboard/logs/{ids['C9']}")).text()
    assert '<ul id="coaching"><li>They already restarted the router &lt;three&gt; times' in page
    plain = await (await client.get(f"/dashboard/logs/{ids['C1']}")).text()
    assert 'id="coaching"' not in plain  # older events have none


async def test_detail_page_shows_the_summary(client, seeded_store):
    summary = {
        "wants": "a refund: they were charged <twice>",
        "tried": "agent promised to check both payments",
        "at_stake": "their trust; threatens to cancel",
        "source": "offline",
    }
    seeded_store.insert_events([event_row(channel="C8", summary=summary)])
    await login(client, "alice")
    ids = _ids(seeded_store)
    page = await (await client.get(f"/dashboard/logs/{ids['C8']}")).text()
    assert "<dt>Wants</dt><dd>a refund: they were charged &lt;twice&gt;</dd>" in page
    assert "<dt>At stake</dt><dd>their trust; threatens to cancel</dd>" in page
    plain = await (await client.get(f"/dashboard/logs/{ids['C1']}")).text()
    assert 'id="summary"' not in plain


async def test_detail_page_shows_what_the_customer_did_after_the_tip(client, seeded_store):
    follow_up = {
        "turns": 2,
        "first_reply_seconds": 95.0,
        "thanked": True,
        "came_back": False,
        "escalation_score": 0.12,
        "escalation_level": "none",
    }
    seeded_store.insert_events([event_row(channel="C7", follow_up=follow_up)])
    await login(client, "alice")
    ids = _ids(seeded_store)
    page = await (await client.get(f"/dashboard/logs/{ids['C7']}")).text()
    assert '<table id="follow-up">' in page and "95 s after the tip" in page
    assert "<th>Thanked or praised</th><td>yes</td>" in page
