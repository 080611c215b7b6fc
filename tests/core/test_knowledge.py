"""Team knowledge: loading, strict validation, and the voice applied to replies."""

import pytest

from bot.coach import Coach
from bot.core.conversation import Conversation
from bot.core.knowledge import KnowledgeError, Voice, apply_voice, load_knowledge
from bot.core.playbooks import KNOWLEDGE_SLOTS, Reply, load_playbooks
from tests.conftest import EXAMPLES


def write(tmp_path, text):
    path = tmp_path / "knowledge.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_file_states_every_fact_and_a_voice():
    knowledge = load_knowledge(EXAMPLES / "knowledge.yaml")
    assert set(knowledge.facts.known()) == set(KNOWLEDGE_SLOTS)
    assert knowledge.voice.spelling == "british" and knowledge.voice.emoji is False


def test_no_file_means_no_facts_and_a_neutral_voice():
    knowledge = load_knowledge(None)
    assert knowledge.facts.known() == {}
    text = "Hi Sam 👋 I'm sorry: I'll apologise and check the color."
    assert apply_voice(text, knowledge.voice) == text


@pytest.mark.parametrize(
    "text,phrase",
    [
        ("facts: [unclosed", "not valid YAML"),
        ("- a list", "(top level): expected a mapping"),
        ("facts:\n  refund_tme: 3 days\n", "facts.refund_tme: Extra inputs are not permitted"),
        ("tone: formal\n", "tone: Extra inputs are not permitted"),
        ("voice:\n  emoji: sometimes\n", "voice.emoji: Input should be a valid boolean"),
        ("voice:\n  spelling: australian\n", "voice.spelling: Input should be 'british'"),
        ("facts:\n  refund_time: 5\n", "facts.refund_time: Input should be a valid string"),
        ("facts:\n  status_page: status.example.com\n", "facts.status_page: Value error"),
        ("facts:\n  help_centre: https://help example\n", "is not a link"),
        ("facts:\n  update_time: ''\n", "facts.update_time: String should have at least 1"),
    ],
)
def test_bad_files_name_the_file_and_the_field(tmp_path, text, phrase):
    path = write(tmp_path, text)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(path)
    assert str(path) in str(caught.value) and phrase in str(caught.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(KnowledgeError, match="file not found"):
        load_knowledge(tmp_path / "absent.yaml")


def test_american_and_british_spelling_keep_case_and_skip_meaning_dependent_words():
    british = Voice(spelling="british")
    american = Voice(spelling="american")
    assert apply_voice("Color and Favorite center.", british) == "Colour and Favourite centre."
    assert apply_voice("We apologise; it's cancelled.", american) == (
        "We apologize; it's canceled."
    )
    # "meter" (gas meter) and "program" (software) keep their spelling in British English
    assert apply_voice("Your meter and the program.", british) == "Your meter and the program."


def test_formal_voice_expands_contractions_and_says_hello():
    formal = Voice(formality="formal")
    assert apply_voice("Hi Sam, I'm sorry; we can't and I'll check.", formal) == (
        "Hello Sam, I am sorry; we cannot and I will check."
    )
    assert apply_voice("I’ll call you", formal) == "I will call you"


def test_casual_voice_contracts_and_says_hi():
    casual = Voice(formality="casual")
    assert apply_voice("Hello Sam, I am sorry, I will not wait.", casual) == (
        "Hi Sam, I'm sorry, I won't wait."
    )


def test_emoji_off_strips_them_and_the_sign_off_is_added_once():
    voice = Voice(emoji=False, sign_off="Kind regards, Acme Support")
    voiced = apply_voice("Thanks Sam 🙏 we're on it 👍.", voice)
    assert voiced == "Thanks Sam we're on it.\n\nKind regards, Acme Support"
    assert apply_voice(voiced, voice) == voiced


def with_knowledge_replies(playbooks):
    """The built-ins, with product-defect's replies using knowledge slots (test-only)."""
    replies = [
        Reply(text=f"We'll send a replacement {{replacement_time}} and apologise ({n}).", why="w")
        for n in range(3)
    ]
    defect = playbooks["product-defect"].model_copy(update={"replies": replies})
    return {**playbooks, "product-defect": defect}


def test_coach_fills_knowledge_slots_and_writes_in_the_voice(tmp_path):
    path = write(
        tmp_path,
        "facts:\n  replacement_time: within 3 working days\n"
        "voice:\n  sign_off: Best wishes, Acme\n  spelling: american\n",
    )
    playbooks = with_knowledge_replies(load_playbooks(None))
    conversation = Conversation.from_text(
        "Customer: The blender arrived smashed and won't turn on. I'm very disappointed."
    )
    result = Coach(playbooks, knowledge=load_knowledge(path)).coach(conversation)
    assert result.assessment.playbook.id == "product-defect"
    texts = [s.text for s in result.suggestions]
    assert len(texts) == 3
    assert all(t.endswith("\n\nBest wishes, Acme") for t in texts), texts
    assert all("replacement within 3 working days and apologize" in t for t in texts), texts
    # Without knowledge: the placeholder stays, nothing is made up, no sign-off
    plain = Coach(playbooks).coach(conversation)
    assert all("[replacement time]" in s.text for s in plain.suggestions)
    assert not any("Best wishes" in s.text for s in plain.suggestions)
