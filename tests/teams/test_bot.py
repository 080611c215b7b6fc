"""The ActivityHandler driven by botbuilder's TestAdapter: mot-tip, channel mention, card
actions, welcome; logged through the real Coach and a real SQLite suggestion log."""

import pytest
from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity

from bot.channels.runtime import Runtime
from bot.teams.bot import USAGE, CoachBot
from tests.teams import activities as A
from tests.teams.conftest import logged_events, logged_outcomes, teams_settings

CARD = "application/vnd.microsoft.card.adaptive"


class RecordingDelivery:
    def __init__(self):
        self.to_users, self.to_channels = [], []

    async def to_user(self, turn_context: TurnContext, user, card, tenant):
        self.to_users.append((user.id, card, tenant))

    async def to_channel(self, turn_context: TurnContext, channel, card, tenant):
        self.to_channels.append((channel, card, tenant))


@pytest.fixture
def harness(tmp_path):
    settings = teams_settings(tmp_path)
    delivery = RecordingDelivery()
    bot = CoachBot(Runtime.build(settings), delivery=delivery)
    adapter = TestAdapter(bot.on_turn)
    return bot, adapter, delivery


async def turn(adapter, bot, activity: dict) -> list[Activity]:
    """One turn; the adapter's template takes the activity's sender, chat and bot, since
    TestAdapter stamps those from its template onto every incoming activity."""
    adapter.activity_buffer.clear()
    incoming = Activity().deserialize(activity)
    for name in ("from_property", "recipient", "conversation", "service_url", "channel_id"):
        setattr(adapter.template, name, getattr(incoming, name))
    await adapter.process_activity(incoming, bot.on_turn)
    return list(adapter.activity_buffer)


def cards_in(sent: list[Activity]) -> list[dict]:
    return [
        a.content for activity in sent for a in activity.attachments or [] if a.content_type == CARD
    ]


async def test_mot_tip_personal_coaches_and_logs_as_teams(harness, tmp_path, card_validator):
    bot, adapter, _ = harness
    pasted = (
        "mot-tip <p>Customer: I was charged twice for order 1234</p>"
        "<p>Agent: Let me look</p><p>Customer: I want my money back today</p>"
    )
    [card] = cards_in(await turn(adapter, bot, A.personal("https://x", pasted)))
    card_validator.validate(card)
    assert card["body"][0]["text"] == "Billing dispute"
    [event] = logged_events(tmp_path)
    assert (event["channel_kind"], event["trigger"], event["playbook"]) == (
        "teams",
        "command",
        "billing-dispute",
    )
    assert event["workspace"] == A.TENANT and event["agent"] == "29:ana"


async def test_personal_message_without_the_command_gets_usage(harness):
    bot, adapter, _ = harness
    [reply] = await turn(adapter, bot, A.personal("https://x", "hello there"))
    assert reply.text == USAGE


async def test_channel_mention_goes_privately_to_the_requester(harness, card_validator):
    bot, adapter, delivery = harness
    root = "1700000000900"
    await turn(
        adapter,
        bot,
        A.channel_message(
            "https://x",
            root,
            "The app crashes every time I open my invoices",
            A.user("29:cus", "Carla"),
        ),
    )
    sent = await turn(
        adapter,
        bot,
        A.channel_message("https://x", root, "mot-tip", A.user("29:ben", "Ben"), mention=True),
    )
    assert sent == []  # nothing in the channel
    [(user, card, tenant)] = delivery.to_users
    assert (user, tenant) == ("29:ben", A.TENANT)
    card_validator.validate(card)
    assert "Escalation" in str(card)


async def test_mention_in_an_unseen_chain_asks_for_the_conversation(harness):
    bot, adapter, delivery = harness
    await turn(
        adapter,
        bot,
        A.channel_message(
            "https://x", "1700000000901", "mot-tip", A.user("29:ben", "Ben"), mention=True
        ),
    )
    [(_, card, _)] = delivery.to_users
    assert "Paste the conversation" in card["body"][0]["text"]


async def test_card_actions_record_outcomes_and_replace_the_card(harness, tmp_path, card_validator):
    bot, adapter, _ = harness
    [card] = cards_in(
        await turn(
            adapter,
            bot,
            A.personal("https://x", "mot-tip Where is my parcel? It was due on Monday."),
        )
    )
    first = next(block for block in card["body"] if block["type"] == "Container")
    use = first["items"][-1]["actions"][0]
    assert use["verb"] == "use"
    [response] = await turn(adapter, bot, A.card_action("https://x", "use", use["data"]))
    invoke = response.value
    assert invoke.status == 200
    card_validator.validate(invoke.body["value"])
    assert use["data"]["text"] in str(invoke.body["value"])
    rate = invoke.body["value"]["actions"][1]
    [response] = await turn(adapter, bot, A.card_action("https://x", rate["verb"], rate["data"]))
    card_validator.validate(response.value.body["value"])
    assert [(o["kind"], o["suggestion_index"], o["rating"]) for o in logged_outcomes(tmp_path)] == [
        ("shown", None, None),  # logged once the card was sent
        ("used", 0, None),
        ("rated", 0, -1),
    ]
    [event] = logged_events(tmp_path)
    assert (event["outcome"], event["rating"]) == ("used", -1)


async def test_another_set_coaches_again_with_the_next_variant(harness, tmp_path, card_validator):
    bot, adapter, _ = harness
    [card] = cards_in(
        await turn(
            adapter, bot, A.personal("https://x", "mot-tip I was charged twice and I want a refund")
        )
    )
    another = card["actions"][0]
    [response] = await turn(adapter, bot, A.card_action("https://x", "another", another["data"]))
    fresh = response.value.body["value"]
    card_validator.validate(fresh)
    assert fresh["actions"][0]["data"]["variant"] == 2
    events = logged_events(tmp_path)
    assert len(events) == 2 and [e["outcome"] for e in events] == ["shown", "shown"]


@pytest.mark.parametrize(
    "verb,data,message",
    [
        ("use", {"index": 7, "text": "x"}, "data.index must be 0, 1 or 2"),
        ("use", {"index": 0}, "data.text must be"),
        ("another", {"messages": "nope"}, "data.messages: messages must be a list"),
        ("another", {"messages": []}, "data.messages is empty"),
        ("rate_up", None, "no data object"),
    ],
)
async def test_bad_card_actions_are_clear_400s(harness, verb, data, message):
    bot, adapter, _ = harness
    [response] = await turn(adapter, bot, A.card_action("https://x", verb, data))
    body = response.value.body
    assert body["statusCode"] == 400 and message in body["value"]["message"]


async def test_welcome_when_the_bot_is_added(harness, card_validator):
    bot, adapter, _ = harness
    [welcome] = cards_in(await turn(adapter, bot, A.installed("https://x")))
    card_validator.validate(welcome)
    assert "mot-tip" in str(welcome)
    other = A.installed("https://x")
    other["membersAdded"] = [{"id": "29:someone-else"}]
    other["conversation"] = {"id": "a:other", "conversationType": "personal"}
    assert await turn(adapter, bot, other) == []  # a person joining is not an install


async def test_every_other_card_validates(harness, card_validator):
    """The low-confidence card (an explicit ask always coaches), and the private hints for a
    bare mention and an unseen chain."""
    bot, adapter, delivery = harness
    [card] = cards_in(await turn(adapter, bot, A.personal("https://x", "mot-tip lunch at noon?")))
    card_validator.validate(card)
    assert card["body"][0]["text"].startswith("Low confidence")
    assert "Use this" in str(card)
    ben = A.user("29:ben", "Ben")
    await turn(adapter, bot, A.channel_message("https://x", "1700000000902", "hi", ben, True))
    await turn(adapter, bot, A.channel_message("https://x", "1700000000903", "mot-tip", ben, True))
    hints = [card for _, card, _ in delivery.to_users]
    for hint in hints:
        card_validator.validate(hint)
    assert ["@mention me" in h["body"][0]["text"] for h in hints] == [True, False]


async def test_a_reply_chain_survives_a_restart(tmp_path, card_validator):
    """A new bot on the same log (a restart, or another replica) still knows the chain: it is
    kept in the log's database as MOT_LOG_CONTENT allows (redacted by default)."""
    settings = teams_settings(tmp_path)
    root, customer = "1700000000950", A.user("29:cus", "Carla")
    first = CoachBot(Runtime.build(settings), delivery=RecordingDelivery())
    opening = "The app crashes every time I open my invoices, mail me at carla@example.com"
    await turn(
        TestAdapter(first.on_turn), first, A.channel_message("https://x", root, opening, customer)
    )
    chain = f"{A.CHANNEL};messageid={root}"
    assert first.tracker.get(A.CHANNEL, chain).conversation.messages[0].text == opening  # memory

    delivery = RecordingDelivery()
    second = CoachBot(Runtime.build(settings), delivery=delivery)
    restored = second.tracker.get(A.CHANNEL, chain).conversation
    assert [(m.role, m.author) for m in restored.messages] == [("customer", "29:cus")]
    assert "carla@example.com" not in restored.messages[0].text  # stored redacted
    assert "[EMAIL_1]" in restored.messages[0].text
    adapter = TestAdapter(second.on_turn)
    mention = A.channel_message("https://x", root, "mot-tip", A.user("29:ben", "Ben"), mention=True)
    await turn(adapter, second, mention)
    [(user, card, _)] = delivery.to_users
    assert user == "29:ben" and "Paste the conversation" not in str(card)
    card_validator.validate(card)
    assert "Escalation" in str(card)
