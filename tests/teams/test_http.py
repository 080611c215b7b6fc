"""Real HTTP: activities as Teams sends them, POSTed to /api/messages on the running app; the
bot's replies and proactive messages land on a local mock Bot Connector (the serviceUrl)."""

import base64
import json

from tests.teams import activities as A


async def post(client, activity, **headers):
    return await client.post("/api/messages", json=activity, headers=headers)


async def test_mot_tip_in_personal_chat_answers_with_a_coaching_card(
    teams_client, connector, card_validator
):
    text = "mot-tip I was charged twice for my order and I want a refund now"
    response = await post(teams_client, A.personal(connector.url, text))
    assert response.status == 201
    [card] = connector.cards("a:personal-ana")
    card_validator.validate(card)
    shown = json.dumps(card)
    assert "Escalation" in shown and "Another set" in shown
    verbs = [
        a["verb"]
        for block in card["body"]
        if block["type"] == "Container"
        for a in block["items"][-1]["actions"]
    ]
    assert verbs == ["use", "rate_up", "rate_down"] * 3


async def test_channel_mention_coaches_privately_never_in_the_channel(
    teams_client, connector, card_validator
):
    customer = A.user("29:cus", "Carla Customer")
    root = "1700000000001"
    for text, sender in [
        ("My internet has been down for three days and nobody answers", customer),
        ("Sorry to hear that, let me check", A.user("29:ana", "Ana Agent")),
    ]:
        assert (
            await post(teams_client, A.channel_message(connector.url, root, text, sender))
        ).status == 201
    mention = A.channel_message(
        connector.url, root, "mot-tip", A.user("29:ana", "Ana Agent"), mention=True
    )
    assert (await post(teams_client, mention)).status == 201
    assert connector.activities(A.CHANNEL) == []  # nothing public in the channel
    [created] = connector.created
    assert created["members"] == [{"id": "29:ana", "name": "Ana Agent"}]
    assert created["isGroup"] is False
    assert created["channelData"] == {"tenant": {"id": A.TENANT}}
    [card] = connector.cards("a:personal-")
    card_validator.validate(card)
    assert "internet" not in json.dumps(card["body"][0])  # the card coaches, not quotes


async def test_card_action_updates_the_card_in_place(teams_client, connector, card_validator):
    data = {
        "log_id": None,
        "index": 1,
        "text": "I am sorry, I will fix this now.",
        "chain": "c1",
        "variant": 0,
    }
    response = await post(teams_client, A.card_action(connector.url, "use", data))
    assert response.status == 200
    body = await response.json()
    assert body["statusCode"] == 200 and body["type"] == "application/vnd.microsoft.card.adaptive"
    card_validator.validate(body["value"])
    assert "I am sorry, I will fix this now." in json.dumps(body["value"])


async def test_card_action_with_an_unknown_verb_is_a_clear_400(teams_client, connector):
    response = await post(teams_client, A.card_action(connector.url, "explode", {"index": 0}))
    body = await response.json()
    assert body["statusCode"] == 400 and "unknown action verb 'explode'" in body["value"]["message"]


async def test_welcome_is_sent_once_on_install(teams_client, connector, card_validator):
    update = A.installed(connector.url)
    assert (await post(teams_client, update)).status == 201
    update["id"] = "install-2"
    update["type"], update["action"] = "installationUpdate", "add"
    assert (await post(teams_client, update)).status == 201
    [card] = connector.cards()
    card_validator.validate(card)
    assert "mot-tip" in json.dumps(card)


async def test_bad_requests_get_clear_4xx(teams_client):
    response = await teams_client.post(
        "/api/messages", data="hi", headers={"Content-Type": "text/plain"}
    )
    assert response.status == 415
    response = await teams_client.post(
        "/api/messages", data="{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status == 400 and "not valid JSON" in (await response.json())["error"]
    response = await teams_client.post("/api/messages", json={"text": "no type"})
    assert response.status == 400 and "'type'" in (await response.json())["error"]


def _forged_token(alg: str = "HS256") -> str:
    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    claims = {
        "iss": "https://api.botframework.com",
        "aud": "11111111-2222-3333-4444-555555555555",
        "serviceurl": "http://127.0.0.1:9",
    }
    return f"{part({'alg': alg, 'typ': 'JWT', 'kid': 'k1'})}.{part(claims)}.c2lnbmF0dXJl"


async def test_missing_or_forged_tokens_are_refused_with_401(secured_client, connector):
    activity = A.personal(connector.url, "mot-tip hello")
    for headers in (
        {},
        {"Authorization": "Basic abc"},
        {"Authorization": f"Bearer {_forged_token('HS256')}"},
        {"Authorization": "Bearer not.a.jwt"},
    ):
        response = await post(secured_client, activity, **headers)
        assert response.status == 401, headers
        assert await response.json() == {"error": "unauthorized"}
    assert connector.calls == []


async def test_rs256_token_is_refused_when_signing_keys_are_unreachable(secured_client, connector):
    """The token looks right, so the adapter fetches Microsoft's keys: offline, that fails.
    The answer is still 401, not 500."""
    activity = A.personal(connector.url, "mot-tip hello")
    response = await post(
        secured_client, activity, Authorization=f"Bearer {_forged_token('RS256')}"
    )
    assert response.status == 401
    assert connector.calls == []
