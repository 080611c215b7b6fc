"""Phrases that recur before escalations, counted in bounded memory.

Each conversation contributes the set of its two- and three-word phrases once (document
frequency), from the customer's words up to the turn where it escalated (or all of them, for
the others). The counters keep at most CAPACITY phrases: past that, the rarest are dropped
(lossy counting), so a phrase's count can fall short by the few times it was seen before a
prune; the phrases that recur, the ones reported, are the ones kept.
"""

from __future__ import annotations

from collections import Counter

from bot.core.text import words

CAPACITY = 50_000
# Words that make a phrase say nothing on their own ("i have", "of the").
_FILLER_WORDS = (
    "a an the i me my we our you your it its is am are was were be been to of in on at for "
    "and or but so that this with have has had do does did not no just will would can could "
    "please hi hello thanks thank there they them their he she his her what when how why"
)
_FILLER = frozenset(_FILLER_WORDS.split())


def phrases(text: str, sizes: tuple[int, ...] = (2, 3)) -> set[str]:
    """The text's n-word phrases that carry at least one word other than filler."""
    tokens = [w for w in words(text) if w.isalpha()]  # no "?", numbers or order ids
    found = set()
    for size in sizes:
        for start in range(len(tokens) - size + 1):
            gram = tokens[start : start + size]
            if not all(w in _FILLER for w in gram):
                found.add(" ".join(gram))
    return found


class PhraseCounter:
    """Document frequency of phrases, at most `capacity` kept (lossy counting)."""

    def __init__(self, capacity: int = CAPACITY):
        self.counts: Counter[str] = Counter()
        self.capacity = capacity
        self.documents = 0
        self.floor = 0  # counts at or below this may have been pruned

    def add(self, found: set[str]) -> None:
        self.documents += 1
        self.counts.update(found)
        if len(self.counts) > self.capacity:
            self._prune()

    def _prune(self) -> None:
        """Drops the rarer half, keeping the more frequent phrases."""
        keep = self.counts.most_common(self.capacity // 2)
        self.floor = max(self.floor, keep[-1][1] if keep else 0)
        self.counts = Counter(dict(keep))

    def share(self, phrase: str) -> float:
        return self.counts.get(phrase, 0) / self.documents if self.documents else 0.0


def recurring_before_escalation(
    escalated: PhraseCounter, everything: PhraseCounter, limit: int = 15, min_count: int = 3
) -> list[dict]:
    """Phrases most over-represented in escalated conversations: count, share and lift."""
    rows = []
    for phrase, count in escalated.counts.items():
        if count < min_count:
            continue
        share = escalated.share(phrase)
        baseline = everything.share(phrase) or share
        rows.append(
            {
                "phrase": phrase,
                "escalations": count,
                "share_of_escalations": round(share, 4),
                "share_of_all": round(everything.share(phrase), 4),
                "lift": round(share / baseline, 2) if baseline else None,
            }
        )
    rows.sort(key=lambda r: (-(r["lift"] or 0) * r["escalations"] ** 0.5, r["phrase"]))
    # one phrase inside another ("want a" in "want a refund") says the same thing twice
    kept: list[dict] = []
    for row in rows:
        if not any(row["phrase"] in k["phrase"] or k["phrase"] in row["phrase"] for k in kept):
            kept.append(row)
        if len(kept) == limit:
            break
    return kept
