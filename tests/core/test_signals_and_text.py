import pickle
import re

import pytest

from bot.core.signals import SignalIndex, first_words, split_alternatives
from bot.core.text import _normalise_slowly, normalise
from tests.conftest import eval_rows

TRICKY = [
    "I didn’t get my ORDER #1234!! https://x.co/a @Support",
    "Cant log in, im locked out... dont know why",
    "We’ve waited 3hrs; they're 'sorry'?!",
    "Café naïve résumé — 10/10 would NOT recommend",
    "taken money twice, took out £40, taking the mickey",
    "you guys are great, what a team",
    "",
]


@pytest.mark.parametrize("text", TRICKY)
def test_fast_normalise_equals_the_reference(text):
    assert normalise(text) == _normalise_slowly(text)


def test_fast_normalise_equals_the_reference_on_development_data():
    rows = eval_rows("escalate-airline.jsonl")[:3000]
    assert all(normalise(r["text"]) == _normalise_slowly(r["text"]) for r in rows)


def test_split_alternatives_respects_groups_classes_and_escapes():
    assert split_alternatives(r"a(b|c)|d[|]e|f\|g") == ["a(b|c)", "d[|]e", r"f\|g"]


@pytest.mark.parametrize(
    "pattern,expected",
    [
        (r"\b(lost|stolen) (my )?card", {"lost ", "stolen "}),
        (r"\brefund", {"refund"}),
        (r"\bt(ook|aken) money", {"took ", "taken "}),
        (r"\b(i |we )?(was|were) told", {"i ", "we ", "was ", "were "}),
        (r"\b(?!(what)\b)(you|your team)\b", {"you ", "your "}),
        (r"\b(my )?\d+ days", {"my ", *"0123456789"}),
        (r"\brecogni[sz]e", {"recognise", "recognize"}),
        (r"\b\w+ days", None),
        (r"^hi", None),
        (r"!( !)+", None),
    ],
)
def test_first_words(pattern, expected):
    assert first_words(pattern) == expected


def test_index_fires_exactly_what_a_plain_search_fires(playbooks):
    signals = [
        (pid, s.pattern, s.weight) for pid, pb in playbooks.items() for s in pb.matching.signals
    ]
    index = SignalIndex(signals)
    texts = [e for pb in playbooks.values() for e in pb.matching.examples] + TRICKY
    for text in texts:
        normalised = normalise(text)
        expected = [(o, w, p) for o, p, w in signals if re.search(p, normalised)]
        assert index.fired(normalised) == expected, text


def test_an_index_from_the_playbook_cache_fires_as_a_new_one_with_the_same_programs(playbooks):
    signals = [
        (pid, s.pattern, s.weight) for pid, pb in playbooks.items() for s in pb.matching.signals
    ]
    fresh = SignalIndex(signals)
    cached = pickle.loads(pickle.dumps(fresh))  # as bot/core/compiled.py keeps it
    texts = [e for pb in playbooks.values() for e in pb.matching.examples] + TRICKY
    for text in texts:
        assert cached.fired(normalise(text)) == fresh.fired(normalise(text)), text
    # the kept programs are the ones re compiles (same pattern, flags and code)
    alternatives = [a for _, pattern, _ in signals for a in split_alternatives(pattern)]
    assert [cached._pattern(i) for i in range(len(alternatives))] == [
        re.compile(a) for a in alternatives
    ]


def test_starts_are_found_at_word_beginnings_only_even_at_the_ends_and_overlapping():
    signals = [
        ("whole", r"\btook\b", 1.0),  # a start that must end its word ("took ")
        ("prefix", r"\brefund(ed|s)?\b|\brefunded twice\b", 2.0),  # one start begins another
        ("two", r"\bnot (received|arrived)\b", 3.0),
        ("unanchored", r"charged twice", 4.0),
    ]
    index = SignalIndex(signals)
    cases = {
        "it took": {"whole"},  # at the very end of the text
        "took it": {"whole"},  # at the very start
        "mistook it": set(),  # inside a word: not a word beginning
        "tooken": set(),
        "refunded twice": {"prefix"},
        "not refunds": {"prefix"},
        "parcel not arrived": {"two"},
        "not receivedx": set(),
        "charged twice not received refund took": {"whole", "prefix", "two", "unanchored"},
        "": set(),
    }
    for text, owners in cases.items():
        expected = [(o, w, p) for o, p, w in signals if re.search(p, text)]
        assert {o for o, _, _ in expected} == owners, text  # the cases say what they test
        assert index.fired(text) == expected, text


def test_edited_fraction_sees_a_light_edit_of_a_long_reply_as_light():
    from bot.core.text import edited_fraction

    reply = "I'm sorry about the double charge on your account. " * 6  # > 200 characters
    assert edited_fraction(reply, reply) == 0
    assert edited_fraction(reply, reply.replace("double", "duplicate", 1)) < 0.05
    assert edited_fraction(reply, "Totally different words here.") > 0.8
