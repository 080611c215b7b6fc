"""What a customer is pleased about, said back: "it's working again, thanks!" becomes "it's
working again", so that a thank-you reply names what went well instead of a stock line.

Only a clause with its own subject is said back ("I finally got someone who helped me", "the
engineer was brilliant"); fragments ("great service, thanks") stay unreflected.
"""

from __future__ import annotations

import re

from bot.core.reflect import second_person

_FLAGS = re.IGNORECASE
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
_THANKS = re.compile(
    r"(?:^|[\s,;-]+)(?:thanks?(?: you)?(?: so much| very much| again| a lot)?|cheers|ty|thx)"
    r"(?: to \w+)?[\s!.,]*$|^(?:hi|hello|hey|ok|okay|also|and|just|wow|yay)\b[\s,!.]*",
    _FLAGS,
)
_SUBJECT_START = re.compile(
    r"^(?:i|i've|i'm|we|we've|it|it's|its|everything|my|our|the|your|you|that|this|he|she|they|"
    r"\w+ (?:was|is|were|has been))\b",
    _FLAGS,
)
_NOT_GOOD_NEWS = re.compile(
    r"\?|\b(?:not|never|no|still|but|problem|issue|broken|wrong|again\?|wait)\b", _FLAGS
)


def good_news_clause(customer_turns: list[str], words: int = 16) -> str | None:
    """The customer's latest pleased clause in the second person; None if none stands alone."""
    for turn in reversed(customer_turns):
        for sentence in _SENTENCES.split(turn):
            text = " ".join(sentence.split())
            for _ in range(2):
                text = _THANKS.sub("", text).strip(" ,.!-")
            text = re.sub(r"^its\b", "it's", text, flags=_FLAGS)
            if not (3 <= len(text.split()) <= words) or _NOT_GOOD_NEWS.search(text):
                continue
            if _SUBJECT_START.match(text):
                said_back = second_person(text)
                return (
                    said_back
                    if said_back.startswith("I ")
                    else said_back[0].lower() + said_back[1:]
                )
    return None
