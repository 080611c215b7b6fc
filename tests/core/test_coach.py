import pytest

from bot.coach import Coach
from bot.commands.inputs import read_conversation
from bot.core.conversation import Conversation
from bot.core.rubric import check
from bot.llm.base import Backend
from tests.conftest import EXAMPLES, eval_rows


class RecordingSink:
    def __init__(self):
        self.results = []

    def record(self, result):
        self.results.append(result)


class BrokenSink:
    def record(self, result):
        raise RuntimeError("database is down")


class FailingBackend(Backend):
    name = "failing"

    def suggest(self, request):
        raise TimeoutError("model took too long")


def _suggestions_pass_rubric(result):
    playbook = result.assessment.playbook
    for suggestion in result.suggestions:
        outcome = check(suggestion.text, playbook)
        assert outcome.passed, (playbook.id, suggestion.text, outcome.describe())


def test_coach_gives_three_suggestions_with_reasons_and_logs_them(playbooks):
    sink = RecordingSink()
    coach = Coach(playbooks, sink=sink)
    result = coach.coach(
        Conversation.from_text("I was charged twice for the same order and I want my money back")
    )
    assert result.assessment.playbook.id == "billing-dispute"
    assert len(result.suggestions) == 3
    assert all(s.why for s in result.suggestions)
    assert sink.results == [result]
    _suggestions_pass_rubric(result)


def test_off_topic_chatter_gets_no_nudge(playbooks):
    conversation = read_conversation(str(EXAMPLES / "off-topic.txt"))
    result = Coach(playbooks).coach(conversation, trigger="nudge")
    assert result.assessment.playbook is None
    assert result.suggestions == []


@pytest.mark.parametrize("trigger", ["command", "shortcut", "mention"])
def test_an_explicit_ask_is_always_answered_with_low_confidence_and_a_question(playbooks, trigger):
    conversation = read_conversation(str(EXAMPLES / "off-topic.txt"))
    result = Coach(playbooks).coach(conversation, trigger=trigger)
    assert result.assessment.low_confidence
    assert result.to_dict()["low_confidence"] is True
    assert len(result.suggestions) == 3
    assert all("?" in s.text for s in result.suggestions)
    assert result.coaching[0].startswith("Low confidence")


@pytest.mark.parametrize("path", sorted(p.name for p in EXAMPLES.iterdir() if p.is_file()))
def test_every_example_suggestion_passes_its_rubric(playbooks, path):
    result = Coach(playbooks).coach(read_conversation(str(EXAMPLES / path)))
    assert len(result.suggestions) == 3, path
    _suggestions_pass_rubric(result)


def test_tense_escalation_changes_the_tone(playbooks):
    coach = Coach(playbooks)
    hot = coach.coach(read_conversation(str(EXAMPLES / "tense-escalation.txt")))
    assert hot.assessment.escalation.level == "escalate"
    calm_version = coach.suggest(
        hot.conversation,
        hot.assessment.__class__(
            hot.assessment.match,
            hot.assessment.ranked,
            hot.assessment.escalation.__class__(0.0, "none", []),
            hot.assessment.playbook,
        ),
    )[0]
    assert [s.text for s in hot.suggestions] != [s.text for s in calm_version]


def test_another_set_gives_different_suggestions(playbooks):
    coach = Coach(playbooks)
    conversation = Conversation.from_text("my package still has not arrived, where is it?")
    first = coach.coach(conversation)
    second = coach.coach(conversation, variant=1)
    assert [s.text for s in first.suggestions] != [s.text for s in second.suggestions]


def test_backend_failure_falls_back_to_offline_and_says_so(playbooks):
    sink = RecordingSink()
    coach = Coach(playbooks, backend=FailingBackend(), sink=sink)
    result = coach.coach(Conversation.from_text("I can't log in, my account is locked"))
    assert result.fallback is True
    assert "model took too long" in result.fallback_reason
    assert result.backend == "offline"
    assert len(result.suggestions) == 3
    assert sink.results[0].fallback is True


def test_a_broken_sink_never_costs_the_agent_their_tip(playbooks):
    result = Coach(playbooks, sink=BrokenSink()).coach(
        Conversation.from_text("I want to cancel my subscription")
    )
    assert len(result.suggestions) == 3


def test_development_messages_get_rubric_passing_suggestions(playbooks):
    rows = eval_rows("match-bitext.jsonl")[::25]
    coach = Coach(playbooks)
    coached = 0
    for row in rows:
        result = coach.coach(Conversation.from_text(row["text"]))
        if result.suggestions:
            coached += 1
            _suggestions_pass_rubric(result)
    assert coached >= len(rows) // 2


@pytest.mark.parametrize("level", ["none", "watch", "escalate"])
def test_offline_openers_never_repeat_what_the_reply_already_says(playbooks, level):
    from bot.core.escalation import EscalationAssessment
    from bot.core.text import normalise
    from bot.llm.base import SuggestionRequest
    from bot.llm.offline import OfflineBackend

    conversation = Conversation.from_text("something went wrong with my account")
    for playbook in playbooks.values():
        request = SuggestionRequest(conversation, playbook, EscalationAssessment(0.5, level, []))
        for suggestion in OfflineBackend().suggest(request):
            sentences = [normalise(s) for s in suggestion.text.split(". ") if s.strip()]
            assert len(sentences) == len(set(sentences)), suggestion.text


def test_offline_puts_the_most_relevant_template_first(playbooks):
    from bot.llm.offline import most_relevant_first

    replies = list(playbooks["billing-dispute"].replies)
    ordered = most_relevant_first(replies, "where is my refund? it never arrived")
    assert "refund" in ordered[0].text.lower()
    assert sorted(r.text for r in ordered) == sorted(r.text for r in replies)


class SeeingBackend(Backend):
    """Writes fixed replies and keeps the customer text it was shown."""

    name = "seeing"

    def __init__(self):
        super().__init__()
        self.seen: list[str] = []

    def suggest(self, request):
        from bot.llm.base import Suggestion

        self.seen.append(request.conversation.messages[-1].text)
        reply = "I'm sorry about the double charge; I'll refund it today and confirm by email."
        return [Suggestion(reply, "owns the fix", self.name)] * request.count


class LocalComposer(SeeingBackend):
    name = "local-composer"
    composes_offline = True


@pytest.mark.parametrize(("backend", "redacted"), [(SeeingBackend, True), (LocalComposer, False)])
def test_the_capability_flag_decides_whether_the_backend_runs_guarded(playbooks, backend, redacted):
    """A backend that composes offline gets the conversation as is; any other sees it redacted."""
    composer = backend()
    coach = Coach(playbooks, backend=composer)
    text = "You charged me twice, refund it now! Email me at jo.doe@example.com"
    result = coach.coach(Conversation.from_text(text))
    assert result.backend == composer.name and not result.fallback
    assert ("jo.doe@example.com" not in composer.seen[0]) is redacted
