"""Acceptance without clicks: the agent's next message compared with the suggestions shown, and
the avoid-phrase check. Pure functions; the listeners record what they find."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.text import edited_fraction

USED_AT_MOST = 0.05  # edit ratio up to which the suggestion counts as sent as is
EDITED_AT_MOST = 0.6  # beyond this the agent wrote their own reply

# Better phrasings for common "avoid" phrases; any other phrase gets the generic advice.
BETTER = {
    "calm down": "I can hear how frustrating this is, and I'm going to help.",
    "as per our policy": "Here's what I can do for you right now:",
    "per our policy": "Here's what I can do for you right now:",
    "as per policy": "Here's what I can do for you right now:",
    "you should have": "Next time, a quick way to avoid this is…",
    "there is nothing i can do": "Here's what I can do, and what happens next:",
    "there's nothing i can do": "Here's what I can do, and what happens next:",
    "that's not my department": "I'll get this to the right team and follow it up myself.",
    "that is not my department": "I'll get this to the right team and follow it up myself.",
}
GENERIC = "Say what you can do and when, rather than what you can't."


@dataclass(frozen=True)
class Acceptance:
    kind: str  # used | edited | dismissed (ignored)
    suggestion_index: int | None
    edit_ratio: float | None

    @property
    def similarity(self) -> float | None:
        return None if self.edit_ratio is None else round(1 - self.edit_ratio, 3)


def infer_acceptance(suggestions: list[str], sent: str) -> Acceptance:
    """Which suggestion the agent sent, and how much they changed it."""
    scored = [(edited_fraction(text, sent), index) for index, text in enumerate(suggestions)]
    if not scored or not sent.strip():
        return Acceptance("dismissed", None, None)
    ratio, index = min(scored)
    if ratio <= USED_AT_MOST:
        return Acceptance("used", index, 0.0)
    if ratio <= EDITED_AT_MOST:
        return Acceptance("edited", index, ratio)
    return Acceptance("dismissed", None, None)


def avoid_phrase_in(text: str, phrases: list[str]) -> str | None:
    """The first avoid phrase the text uses (case-insensitive, whole words), or None."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    for phrase in sorted(phrases, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(phrase.lower())}(?!\w)", lowered):
            return phrase
    return None


def coaching_note(phrase: str) -> str:
    better = BETTER.get(phrase.lower(), GENERIC)
    return (
        f"A quick note on your last reply: customers hear *“{phrase}”* as a brush-off. "
        f"Try instead: _{better}_"
    )
