"""The literal checks that spare the regex engine never rule out a real match."""

import json
import re
from pathlib import Path

import pytest

from bot.core import care
from bot.core.literals import any_of, literal_starts, occurring, required_literals
from bot.core.multilingual_signals import signals_for
from bot.core.signals import split_alternatives
from bot.core.text import normalise

MESSY = Path(__file__).resolve().parents[2] / "examples" / "messy" / "messages.jsonl"
TWEETS = Path(__file__).resolve().parents[2] / "examples" / "social" / "tweets.jsonl"


def _texts(playbooks) -> list[str]:
    rows = [json.loads(line) for path in (MESSY, TWEETS) for line in path.open()]
    examples = [e for pb in playbooks.values() for e in pb.matching.examples]
    return [row["text"] for row in rows] + examples


@pytest.mark.parametrize(
    "pattern,expected",
    [
        (r"\b(lost|stolen) (my )?card", ("lost card", "lost my card", "stolen card",
                                         "stolen my card")),
        (r"\brefunds?\b", ("refund", "refunds")),
        (r"\bre(fund|turn)+ed", ("refund", "return")),  # after one turn: unknown
        (r"\b(my )?\d+ days", (*"0123456789", *(f"my {d}" for d in "0123456789"))),
        (r"^(hi|hey) there", ("hey there", "hi there")),
        (r"\b\w+ days", None),
        (r"(?i)refund", None),  # case-blind: no literal to rely on
    ],
)  # fmt: skip
def test_literal_starts(pattern, expected):
    assert literal_starts(pattern) == expected


@pytest.mark.parametrize(
    "pattern,expected",
    [
        (r"(?:so|really) (?:scared|frightened)|\bterrified\b", {"scared", "frightened",
                                                                 "terrified"}),
        (r"\bt(ook|aken) money", {" money"}),
        (r"\bre(fund|turn)+ed", {"fund", "turn"}),
        (r"smell(?:s|ing)? (?:of )?gas", {"smell"}),
        (r"\b\w+\b|refund", None),  # one alternative needs no literal at all
        (r"(?i)refund", None),
    ],
)  # fmt: skip
def test_required_literals(pattern, expected):
    assert required_literals(pattern) == (None if expected is None else frozenset(expected))


def test_any_of_finds_any_literal_and_nothing_else():
    finder = any_of({"gas leak", "gas", "hurt", "hurting", "a&e", "in (tears)"})
    assert finder.search("we smell gas here").group(0) == "gas"
    assert finder.search("went to a&e") and finder.search("i was in (tears)")
    assert finder.search("my back is hurting").group(0) == "hurt"
    assert not finder.search("all good, thanks") and not any_of(set()).search("anything")


def test_occurring_finds_every_literal_a_text_holds_overlapping_or_not():
    words_in = occurring({"card", "cardiac", "diac", "arrest", "rest"})
    assert words_in("a cardiac arrest") == {"card", "cardiac", "diac", "arrest", "rest"}
    assert words_in("my card") == {"card"}
    assert words_in("nothing here") == set()
    assert occurring(set())("any text") == set()  # no literals: nothing is ever found


def test_starts_and_literals_hold_for_every_match_of_every_pattern(playbooks):
    """Soundness on real text: wherever a signal or care pattern matches, the text there
    starts with one of its literal starts and holds one of its required literals."""
    patterns = [s.pattern for pb in playbooks.values() for s in pb.matching.signals]
    patterns += [pattern for _, pattern, _ in signals_for(playbooks)]
    alternatives = [a for p in patterns for a in split_alternatives(p)]
    alternatives += [p.pattern for kind in care._COMPILED.values() for p in kind]
    texts = _texts(playbooks)
    texts = [normalise(t) for t in texts] + [care._plain(t) for t in texts]
    checked = 0
    for alternative in alternatives:
        compiled = re.compile(alternative)
        starts, required = literal_starts(alternative), required_literals(alternative)
        for text in texts:
            for match in compiled.finditer(text):
                checked += 1
                if starts is not None:
                    assert text.startswith(starts, match.start()), (alternative, text)
                if required is not None:
                    assert any(word in match.group(0) for word in required), (alternative, text)
    assert checked > 1000  # the data did exercise the patterns


def _find_care_by_searching_everything(texts):
    """find_care as it was before the literal checks: every pattern searched."""
    found = {}
    for text in texts:
        plain = care._plain(text)
        for kind, patterns in care._COMPILED.items():
            for pattern in patterns if kind not in found else ():
                for match in pattern.finditer(plain):
                    before = plain[: match.start()]
                    if kind not in care._CAN_NEGATE or not care._NEGATED.search(before):
                        found[kind] = match.group(0)
                        break
                if kind in found:
                    break
    return [(kind, found[kind]) for kind in care.KINDS if kind in found]


def test_find_care_finds_what_searching_every_pattern_finds(playbooks):
    texts = [
        *_texts(playbooks),
        "There's a smell of gas and my son was hurt",
        "Nobody was hurt but my husband passed away last week",
        "I'm in tears, I can't afford the rent and I'm terrified",
    ]
    found = [care.find_care([text]) for text in texts]
    assert found == [_find_care_by_searching_everything([text]) for text in texts]
    assert sum(map(bool, found)) >= 3
    assert care.find_care(texts) == _find_care_by_searching_everything(texts)
