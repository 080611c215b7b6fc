"""A short polite word before the customer's real questions: "Great. Will my number transfer?",
"Perfect, thanks. Is parking included?", "Thanks for sorting that. How long will it take?".

The courtesy is not the moment: the questions after it are. Thanks that go on to praise ("Thanks,
Dan was brilliant") or that stand alone are left to the praise moment.
"""

from __future__ import annotations

import re

from bot.core import prebuilt

_WORD = (
    r"(?:ok(?:ay)?|great|perfect|lovely|brilliant|cool|fab|nice|super|awesome|excellent|"
    r"fantastic|wonderful|amazing|good|right|thanks?|thank you|thankyou|thx|ty|cheers|ta|"
    r"much appreciated|appreciated)"
)
# "for sorting that", "for the quick reply", "for your help", "for confirming"
_FOR = (
    r"(?: for (?:that|this|the (?:\w+ ){0,2}\w+|your (?:\w+ )?help|all (?:your|the) (?:\w+ )?\w+|"
    r"\w+ing(?: (?:that|this|it|them|me|us|everything|so quickly|quickly|out|up))*))?"
)
_COURTESY = prebuilt.compile(
    rf"^\s*(?:{_WORD}(?: so much| very much| a lot| again| both| all)?{_FOR}[\s,.!:;-]*)+",
    re.IGNORECASE,
)
MIN_WORDS = 4  # "Great. Any news?" is a courtesy and a nudge, not a set of questions


def questions_after_courtesy(text: str) -> str | None:
    """What follows a short polite opening when it asks something; None otherwise."""
    match = _COURTESY.match(text)
    if not match or match.end() == 0:
        return None
    rest = text[match.end() :].strip()
    if "?" not in rest or len(rest.split()) < MIN_WORDS:
        return None
    return rest
