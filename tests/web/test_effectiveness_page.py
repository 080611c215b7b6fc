"""The stats page draws one effectiveness chart per playbook, labelling small samples."""

from tests.store_helpers import event_row
from tests.web.conftest import login

CALM = {
    "turns": 1,
    "first_reply_seconds": 60.0,
    "thanked": True,
    "came_back": False,
    "escalation_score": 0.1,
    "escalation_level": "none",
}
WORSE = {
    "turns": 2,
    "first_reply_seconds": 30.0,
    "thanked": False,
    "came_back": True,
    "escalation_score": 0.9,
    "escalation_level": "escalate",
}


async def test_a_chart_per_playbook_with_intervals(client, seeded_store):
    rows = [
        event_row(playbook="billing-dispute", outcome="used", escalation_score=0.7, follow_up=CALM),
        event_row(
            playbook="billing-dispute", outcome="dismissed", escalation_score=0.7, follow_up=WORSE
        ),
        event_row(playbook="praise", outcome="edited", escalation_score=0.0, follow_up=CALM),
    ]
    seeded_store.insert_events(rows)
    await login(client, "alice")
    page = await (await client.get("/dashboard/stats")).text()
    assert page.count('<svg class="chart effectiveness"') == 2
    assert "<h3>billing-dispute <span" in page and "small sample" in page
    assert "100% of 1 (95% CI 21%–100%)" in page  # Wilson, not a bare 100%
    assert "0% of 1 (95% CI 0%–79%)" in page
    assert 'class="ci"' in page
