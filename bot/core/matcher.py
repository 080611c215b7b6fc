"""Conversation -> playbooks ranked by confidence, or an abstention when nothing fits.

Messages are read through a spelling corrector first (bot/core/spelling.py), so "refnd" and
"pls" count as "refund" and "please". Two kinds of evidence, both read from the playbooks, so a
team's own playbook is matched the same way as a built-in one:
- signals: patterns that describe the moment in the customer's words (weighted);
- examples: customer messages, compared by TF-IDF cosine similarity (nearest neighbours);
- the strongest moments' signals in Spanish, French, German and Portuguese
  (bot/core/multilingual_signals.py), added to the built-in playbooks' own.

The latest customer messages weigh most, so a thread can move from one moment to another. A
latest turn that only says the wait goes on ("Still nothing.", "It's day 12 now.") is read with
the thread's subject: the moment of the turns before it, the agent's included (bot/core/
still_waiting.py), so a refund the agent said was approved is not chased as a delivery.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from bot.core import multilingual_signals, prebuilt
from bot.core.conversation import Conversation
from bot.core.courtesy import questions_after_courtesy
from bot.core.english_words import english_frequencies
from bot.core.language import detect_language, is_foreign
from bot.core.playbooks import Playbook
from bot.core.signals import CACHED_WORD_CHARS, CACHED_WORDS, SignalIndex
from bot.core.signature import without_signature
from bot.core.spelling import SpellingCorrector, playbook_words
from bot.core.still_waiting import agent_matter, without_waiting
from bot.core.text import normalise

DEFAULT_THRESHOLD = 0.35
TURN_DECAY = 0.6  # each older customer message counts this much less than the one after it
TURNS_CONSIDERED = 4
SIGNAL_SATURATION = 2.0  # summed signal weight at which signal evidence reaches ~0.63
SIGNAL_SHARE = 0.7  # the rest of a message's score comes from example similarity
FALLBACK_YIELDS_AT = 0.85  # a fallback gives way to a moment scoring at least this share of it
NEAR_DUPLICATE = 0.75  # similarity at which an example alone is enough evidence
SUBJECT_MESSAGES = 4  # messages before a "still waiting" turn read for the thread's subject
PRAISE = "praise"  # a built-in id (DESIGN.md): thanks and compliments
_REQUIRES = "\0requires:"  # owner prefix of `matching.requires` patterns in the signal index

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "i",
        "me",
        "my",
        "we",
        "our",
        "you",
        "your",
        "it",
        "its",
        "is",
        "am",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "and",
        "or",
        "but",
        "so",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "shall",
        "may",
        "might",
        "just",
        "please",
        "hi",
        "hello",
        "hey",
        "thanks",
        "thank",
    ]
)
_WORD = prebuilt.compile(r"[a-z0-9]+")


def stem(word: str) -> str:
    """A deliberately light stemmer: enough to pair 'charges'/'charged'/'charging'."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


# Stems of up to 65,536 words of up to 40 characters, like the other per-word caches
# (docs/operations.md); a longer word is stemmed anew.
_cached_stem = lru_cache(maxsize=CACHED_WORDS)(stem)


def terms(normalised: str) -> list[str]:
    cached = _cached_stem
    return [
        cached(w) if len(w) <= CACHED_WORD_CHARS else stem(w)
        for w in _WORD.findall(normalised)
        if w not in _STOPWORDS
    ]


@dataclass(frozen=True, slots=True)
class Match:
    playbook_id: str
    confidence: float
    evidence: tuple[str, ...] = ()  # the signal patterns that fired, for explanations


class _ExampleIndex:
    """TF-IDF vectors of every playbook example, with an inverted index for fast cosine."""

    def __init__(self, playbooks: Mapping[str, Playbook], correct: Callable[[str], str]):
        documents = [
            (pid, terms(correct(normalise(example))))
            for pid, pb in playbooks.items()
            for example in pb.matching.examples
        ]
        frequency: dict[str, int] = defaultdict(int)
        for _, words in documents:
            for word in set(words):
                frequency[word] += 1
        total = len(documents) or 1
        self.idf = {w: math.log((1 + total) / (1 + n)) + 1.0 for w, n in frequency.items()}
        self.owner: list[str] = []
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, (pid, words) in enumerate(documents):
            self.owner.append(pid)
            vector = self._vector(words)
            for word, weight in vector.items():
                self.postings[word].append((index, weight))

    def _vector(self, words: list[str]) -> dict[str, float]:
        idf = self.idf
        counts: dict[str, int] = {}
        for word in words:
            if word in idf:
                counts[word] = counts.get(word, 0) + 1
        log = math.log
        vector = {w: (1 + log(c)) * idf[w] for w, c in counts.items()}
        norm = math.sqrt(sum([v * v for v in vector.values()])) or 1.0
        return {w: v / norm for w, v in vector.items()}

    def similarity(self, words: list[str]) -> dict[str, float]:
        """Best cosine similarity to each playbook's examples."""
        scores: dict[int, float] = {}
        score_of, postings, owner = scores.get, self.postings, self.owner
        for word, weight in self._vector(words).items():
            for index, example_weight in postings[word]:
                scores[index] = score_of(index, 0.0) + weight * example_weight
        best: dict[str, float] = {}
        for index, score in scores.items():
            pid = owner[index]
            if score > best.get(pid, 0.0):
                best[pid] = score
        return best


class Matcher:
    def __init__(self, playbooks: Mapping[str, Playbook], threshold: float = DEFAULT_THRESHOLD):
        self.threshold = threshold
        signals = [
            (pid, signal.pattern, signal.weight)
            for pid, pb in playbooks.items()
            for signal in pb.matching.signals
        ]
        requirements = [
            (_REQUIRES + pid, pattern, 1.0)
            for pid, pb in playbooks.items()
            for pattern in pb.matching.requires
        ]
        other_languages = multilingual_signals.signals_for(playbooks)
        self._signals = SignalIndex(signals + other_languages + requirements)
        self._gated = {pid for pid, pb in playbooks.items() if pb.matching.requires}
        self._fallbacks = {pid for pid, pb in playbooks.items() if pb.matching.fallback}
        # Examples may hold typos on purpose (customers' own words): only their real words are
        # targets for correction, and they are indexed as corrected, like the messages.
        examples = playbook_words(e for pb in playbooks.values() for e in pb.matching.examples)
        self._spelling = SpellingCorrector(
            playbook_words(pattern for _, pattern, _ in signals + requirements)
            | {word for word in examples if word in english_frequencies()}
        )
        self._examples = _ExampleIndex(playbooks, self._spelling.correct)

    def _read(self, text: str) -> str:
        """The message normalised, with English spelling corrections unless it is in another
        language (where they would turn its words into English ones: "holen" into "hole")."""
        normalised = normalise(text)
        corrected = self._spelling.correct(normalised)
        if corrected != normalised and is_foreign(detect_language(text)):
            return normalised
        return corrected

    def score_text(self, text: str) -> dict[str, tuple[float, tuple[str, ...]]]:
        """Each playbook's score in 0..1 for one message, with the signals that fired; a short
        polite word before real questions ("Great. Will my number transfer?") is not praise:
        the questions decide."""
        scores = self._score_normalised(self._read(text))
        asked = questions_after_courtesy(text) if PRAISE in scores else None
        if asked is None:
            return scores
        rest = self._score_normalised(self._read(asked))
        if rest.get(PRAISE, (0.0,))[0] >= self.threshold:
            return scores  # the rest praises too ("Thanks, Dan was brilliant, can you tell him?")
        del scores[PRAISE]
        for pid, (score, evidence) in rest.items():
            if score > scores.get(pid, (0.0,))[0]:
                scores[pid] = (score, evidence)
        return scores

    def _score_normalised(self, normalised: str) -> dict[str, tuple[float, tuple[str, ...]]]:
        similarity = self._examples.similarity(terms(normalised))
        weights: dict[str, float] = defaultdict(float)
        evidence: dict[str, list[str]] = defaultdict(list)
        met: set[str] = set()
        for owner, weight, pattern in self._signals.fired(normalised):
            if owner.startswith(_REQUIRES):
                met.add(owner[len(_REQUIRES) :])
                continue
            weights[owner] += weight
            evidence[owner].append(pattern)
        scores = {}
        for pid in weights.keys() | similarity.keys():
            if pid in self._gated and pid not in met:
                continue
            if pid not in weights and similarity[pid] < NEAR_DUPLICATE:
                continue  # resemblance alone is not evidence, unless it is nearly an example
            signal_score = 1.0 - math.exp(-weights.get(pid, 0.0) / SIGNAL_SATURATION)
            score = SIGNAL_SHARE * signal_score + (1 - SIGNAL_SHARE) * similarity.get(pid, 0.0)
            if score > 0:
                scores[pid] = (score, tuple(evidence.get(pid, ())))
        return scores

    def _thread_subject(self, conversation: Conversation) -> tuple[str, tuple[str, ...]] | None:
        """The moment a latest customer turn is about when it only says the wait goes on
        (nothing else in it is evidence of a moment): the best of the messages before it, the
        newest weighing most, the agent's read without their opening courtesy; a fallback moment
        names no subject. None otherwise."""
        if len(conversation.messages) < 2:  # one message (most): nothing before it to read
            return None
        messages = [m for m in conversation.messages if m.text.strip()]
        last = max((i for i, m in enumerate(messages) if m.role == "customer"), default=0)
        rest = without_waiting(normalise(without_signature(messages[last].text))) if last else None
        if rest is None or any(  # the rest names a moment of its own (a fallback names none)
            score >= self.threshold and pid not in self._fallbacks
            for pid, (score, _) in self.score_text(rest).items()
        ):
            return None
        best: dict[str, tuple[float, tuple[str, ...]]] = {}
        for age, message in enumerate(reversed(messages[max(0, last - SUBJECT_MESSAGES) : last])):
            text = (
                without_signature(message.text)
                if message.role == "customer"
                else agent_matter(message.text)
            )
            for pid, (score, evidence) in self.score_text(text).items():
                if pid not in self._fallbacks and score * TURN_DECAY**age > best.get(pid, (0,))[0]:
                    best[pid] = (score * TURN_DECAY**age, evidence)
        if not best:
            return None
        pid, (_, evidence) = max(sorted(best.items()), key=lambda item: item[1][0])
        return pid, evidence

    def rank(self, conversation: Conversation) -> list[Match]:
        """All playbooks with any evidence, best first; the latest customer turns weigh most."""
        turns = [
            without_signature(m.text) for m in conversation.customer_messages if m.text.strip()
        ]
        subject = self._thread_subject(conversation)
        best: dict[str, tuple[float, tuple[str, ...]]] = {}
        for age, text in enumerate(reversed(turns[-TURNS_CONSIDERED:])):
            decay = TURN_DECAY**age
            scores = self.score_text(text)
            if age == 0 and subject:  # the wait's urgency goes to what is awaited
                strongest = max((s for s, _ in scores.values()), default=0.0)
                scores = {pid: (s * TURN_DECAY, e) for pid, (s, e) in scores.items()}
                scores[subject[0]] = (strongest, subject[1])
            for pid, (score, evidence) in scores.items():
                if score * decay > best.get(pid, (0.0,))[0]:
                    best[pid] = (score * decay, evidence)
        fallback_best = max((best[p][0] for p in best if p in self._fallbacks), default=0.0)
        bar = max(self.threshold, fallback_best * FALLBACK_YIELDS_AT)

        def order(item):  # a specific moment that is nearly as strong comes before a fallback
            pid, (score, _) = item
            return (pid not in self._fallbacks and score >= bar, score)

        # ties keep the playbook ids' order: the same answer in every process, whatever the
        # hash seed that ordered the sets above
        ranked = sorted(sorted(best.items()), key=order, reverse=True)
        return [Match(pid, round(score, 4), evidence) for pid, (score, evidence) in ranked]

    def match(self, conversation: Conversation) -> Match | None:
        """The best playbook, or None (abstain) when it is below the threshold."""
        ranked = self.rank(conversation)
        if ranked and ranked[0].confidence >= self.threshold:
            return ranked[0]
        return None
