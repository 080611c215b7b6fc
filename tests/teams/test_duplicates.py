"""Teams delivers an activity again when it thinks the bot failed (after about 15 s): the same
`mot-tip`, mention or card action, by its activity id, is handled once (in the log's database,
so at any replica); and group chats are listened to like channels."""

from __future__ import annotations

import json

from tests.teams import activities as A
from tests.teams.conftest import logged_events, logged_outcomes
from tests.teams.test_nudges import ANA, ANGRY, CUSTOMER

PASTED = "mot-tip Customer: I was charged twice for order 1234. I want my money back today!"


async def post(client, activity):
    response = await client.post("/api/messages", json=activity)
    assert response.status in (200, 201), await response.text()
    return response


async def test_the_same_mot_tip_twice_answers_once(teams_client, connector, tmp_path):
    command = A.personal(connector.url, PASTED)
    await post(teams_client, command)
    await post(teams_client, command)  # Teams' retry: the same activity id
    assert len(connector.cards("a:personal-ana")) == 1
    assert len(logged_events(tmp_path)) == 1


async def test_the_same_mention_twice_coaches_once(teams_client, connector):
    root = "1700000000700"
    await post(teams_client, A.channel_message(connector.url, root, "Where is my order?", CUSTOMER))
    mention = A.channel_message(connector.url, root, "mot-tip", ANA, mention=True)
    await post(teams_client, mention)
    await post(teams_client, mention)
    assert len(connector.cards("a:personal-")) == 1


async def test_the_same_card_action_twice_records_once_and_answers_both(
    teams_client, connector, tmp_path
):
    await post(teams_client, A.personal(connector.url, PASTED))
    [event] = logged_events(tmp_path)
    data = {"log_id": event["uid"], "index": 0, "text": "Sorry, refunding now.", "variant": 0}
    action = A.card_action(connector.url, "use", data)
    answers = [await (await post(teams_client, action)).json() for _ in range(2)]
    assert [a["statusCode"] for a in answers] == [200, 200]
    assert "Sorry, refunding now." in json.dumps(answers[1]["value"])  # the same card again
    used = [o for o in logged_outcomes(tmp_path) if o["kind"] == "used"]
    assert len(used) == 1


async def test_a_group_chat_is_listened_to_like_a_channel(teams_client, connector):
    def in_group_chat(text, sender):
        activity = A.channel_message(connector.url, "0", text, sender)
        activity["conversation"] = {
            "isGroup": True,
            "conversationType": "groupChat",
            "tenantId": A.TENANT,
            "id": "19:group-chat@thread.v2",
        }
        activity["channelData"] = {"tenant": {"id": A.TENANT}}
        return activity

    await post(teams_client, in_group_chat("My order has not arrived", CUSTOMER))
    await post(teams_client, in_group_chat("Let me check that for you", ANA))
    await post(teams_client, in_group_chat(ANGRY, CUSTOMER))
    [created] = [c for c in connector.created if not c["isGroup"]]
    assert created["members"] == [{"id": "29:ana", "name": "Ana Agent"}]
    assert "Heads-up" in json.dumps(connector.cards("a:personal-"))
