"""Conversation references over real HTTP: a personal chat's reference is stored, and a later
nudge continues that chat instead of creating a new one; without one, the chat is created and
its reference stored."""

import json
import sqlite3

from tests.teams import activities as A
from tests.teams.test_nudges import ANA, ANGRY, CUSTOMER, _open_chain, post


def stored_references(tmp_path) -> dict[str, dict]:
    with sqlite3.connect(tmp_path / "teams.db") as db:
        db.row_factory = sqlite3.Row
        rows = db.execute("SELECT * FROM conversation_references WHERE channel_kind = 'teams'")
        return {
            row["key"]: {**dict(row), "reference": json.loads(row["reference"])} for row in rows
        }


async def _nudge(client, connector, root):
    await _open_chain(client, connector, root)
    await post(client, A.channel_message(connector.url, root, ANGRY, CUSTOMER))


async def test_personal_message_stores_the_reference_and_a_nudge_continues_that_chat(
    teams_client, connector, tmp_path
):
    await post(teams_client, A.personal(connector.url, "hello", ANA))
    references = stored_references(tmp_path)
    for key in ("29:ana", "aad-29:ana"):
        row = references[key]
        assert row["reference"]["conversation"]["id"] == "a:personal-ana"
        assert row["service_url"] == connector.url and row["tenant"] == A.TENANT
    connector.calls.clear()

    await _nudge(teams_client, connector, "1700000000500")
    assert connector.created == []  # continue_conversation, no new chat
    [card] = connector.cards("a:personal-ana")
    assert "Heads-up" in json.dumps(card)
    assert connector.activities(A.CHANNEL) == []
    assert stored_references(tmp_path)[A.CHANNEL]["reference"]["conversation"]["id"] == A.CHANNEL


async def test_without_a_stored_reference_the_chat_is_created_then_stored(
    teams_client, connector, tmp_path
):
    await _nudge(teams_client, connector, "1700000000600")
    [created] = connector.created
    assert created["members"] == [{"id": "29:ana", "name": "Ana Agent"}]
    [new_chat] = {c.conversation for c in connector.calls if c.path == "/v3/conversations"}
    assert new_chat.startswith("a:personal-")
    assert len(connector.cards(new_chat)) == 1
    row = stored_references(tmp_path)["29:ana"]
    assert row["reference"]["conversation"]["id"] == new_chat and row["tenant"] == A.TENANT

    await _nudge(teams_client, connector, "1700000000700")  # another chain: the stored chat
    assert len(connector.created) == 1
    assert len(connector.cards(new_chat)) == 2


async def test_installation_in_a_personal_scope_stores_the_reference(
    teams_client, connector, tmp_path
):
    await post(teams_client, A.installed(connector.url))
    assert stored_references(tmp_path)["29:ana"]["reference"]["conversation"]["id"] == (
        "a:personal-ana"
    )
