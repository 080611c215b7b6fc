"""Coaching lines: one or two, from the case first, the playbook's nudge note otherwise."""

from bot.coach import Coach
from bot.core.conversation import Conversation


def coaching(playbooks, text: str) -> list[str]:
    return Coach(playbooks).coach(Conversation.from_text(text)).coaching


def test_a_third_contact_is_owned_end_to_end(playbooks):
    lines = coaching(playbooks, "This is the third time I've chased my refund for order 55120.")
    assert lines == ["Third contact: own it end to end, with your name and a time for the update."]


def test_a_promise_they_were_told_is_owned_and_spoken_of_in_the_third_person(playbooks):
    lines = coaching(
        playbooks, "I was told an engineer would come out to fix my boiler. Nobody came."
    )
    assert lines[0] == (
        "They were told an engineer would come out to fix their boiler: own that promise; "
        "say what happens now and when."
    )


def test_a_manager_request_comes_first_and_at_most_two_lines(playbooks):
    lines = coaching(
        playbooks,
        "Second time calling. I've reinstalled the app twice. I want a manager and a call back.",
    )
    assert len(lines) == 2
    assert lines[0].startswith("They asked for a manager")
    assert lines[1] == (
        "They already reinstalled the app twice: don't ask them to do it again; own the follow-up."
    )


def test_otherwise_the_playbooks_nudge_note(playbooks):
    result = Coach(playbooks).coach(Conversation.from_text("My card was charged twice today."))
    assert result.coaching == [result.assessment.playbook.nudge.note]
    assert result.to_dict()["coaching"] == result.coaching
