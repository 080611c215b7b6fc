"""Teams: the customer's next turns after a nudge are followed and recorded on the tip, over
real POSTs to /api/messages."""

import json

from tests.teams import activities as A
from tests.teams.conftest import logged_events
from tests.teams.test_nudges import ANGRY, CUSTOMER, _open_chain, post

THANKS = "Thank you so much, that's brilliant. All sorted."


async def test_the_turn_after_a_nudge_is_recorded_on_the_tip(teams_client, connector, tmp_path):
    root = "1700000000700"
    await _open_chain(teams_client, connector, root)
    await post(teams_client, A.channel_message(connector.url, root, ANGRY, CUSTOMER))
    [tip] = logged_events(tmp_path)
    assert tip["trigger"] == "nudge" and tip["follow_up"] is None
    await post(teams_client, A.channel_message(connector.url, root, THANKS, CUSTOMER))
    [tip] = logged_events(tmp_path)
    follow_up = json.loads(tip["follow_up"])
    assert follow_up["turns"] == 1 and follow_up["thanked"] and not follow_up["came_back"]
    assert follow_up["escalation_score"] < tip["escalation_score"]
