"""A need within the hour: "checkout in an hour", "stuck at the gate", "standing at your desk".

A deadline days away can wait for an update "before Friday"; a customer stranded at an airport
desk, or with a hotel bill to pay in an hour, cannot wait for a call back at all. Then the agent
should act in this contact and say what they are doing now, and the times a reply promises
become minutes, not a placeholder for later. Only the customer's own words count; what is found
is said back, never guessed.
"""

from __future__ import annotations

import re

from bot.core import prebuilt

_FLAGS = re.IGNORECASE
_SOON = r"(?:an?|one|two|three|\d{1,2}|half an|a couple of|a few|the next)"
_UNIT = r"(?:minutes?|mins?|hours?|hrs?)"
_PLACE = (
    r"(?:airport|gate|desk|counter|check-?in|station|platform|terminal|reception|checkout|"
    r"check-?out|till|tills|border|passport control|roadside|side of the road|hard shoulder|"
    r"motorway|car park|pump|door|front door|doorstep|pharmacy|hospital)"
)
_NOW = prebuilt.compile(
    # "in an hour", "in 20 minutes", "within the hour" (not "an hour ago", "for an hour")
    rf"\b(?:in|within) {_SOON} {_UNIT}\b|\bwithin the hour\b"
    # "the price is only held for the next 15 minutes"
    rf"|\b(?:in|within|for) the next (?:\d{{1,2}}|few|couple of) {_UNIT}\b"
    # stranded somewhere, now: "stuck at the airport", "standing at your desk"
    rf"|\b(?:stuck|stranded|standing|queuing|queueing|stood|sat|sitting|waiting)"
    rf"(?: here)?(?: now| right now)? (?:at|in|on|outside) (?:the |your |this |a )?"
    rf"(?:\w+ )?{_PLACE}\b"
    # "at the till now", "I'm at the gate right now"
    rf"|\b(?:at|in) (?:the |your )?{_PLACE} (?:now|right now)\b"
    # "we're at the Gatwick check-in desk", "I've been at the airport since 6am"
    rf"|\b(?:i'?m|i am|we'?re|we are|i'?ve been|we'?ve been|i have been|we have been) "
    rf"(?:still |now |stuck |sat |standing |waiting )?(?:at|in) (?:the |your |a )?"
    rf"(?:[\w'-]+ ){{0,2}}{_PLACE}\b"
    # stranded anywhere; nowhere to sleep tonight; locked out of home
    r"|\bstranded\b|\bnowhere to (?:stay|sleep|go)\b"
    r"|\blocked out of (?:my|our|the|this) (?:[\w-]+ )?(?:flat|house|home|room|car|apartment|"
    r"cottage|cabin|villa|property|van)\b"
    # "boarding closes at 14:10", "check out by 11"
    r"|\b(?:boarding|check-?in|check-?out|checkout|the gate) (?:closes|ends|is at)\b"
    # (not a late check-out they ask for: "is a late check-out at 2pm possible?")
    r"|(?<!late )\bcheck(?:-| )?out (?:by|at|before) \d{1,2}(?::\d{2})?(?:\s?[ap]m)?",
    _FLAGS,
)
# Looking back, ahead of today, or what they were told: "I was stuck at the airport last week",
# "in 3 hours tomorrow", "the app said in 2 hours" are not a need happening now.
_NOT_NOW = prebuilt.compile(
    r"\b(?:last (?:week|month|year|time|summer|winter|spring|autumn|\w+day)|ago|yesterday|"
    r"was stuck|were stuck|got stuck|was stranded|were stranded|had been|tomorrow|next week|"
    r"said|told|promised|supposed to|meant to|estimated|eta|usually|normally)\b",
    _FLAGS,
)
_SENTENCE = prebuilt.compile(r"(?<=[.!?])\s+|\n+")
PLACE = prebuilt.compile(rf"\b{_PLACE}\b", _FLAGS)  # where they are waiting: "desk", "gate"


def is_place(word: str) -> bool:
    """Is `word` a place they are waiting at ("desk", "gate"), not a thing of theirs?"""
    return bool(PLACE.fullmatch(word))


def needs_it_now(customer_turns: list[str]) -> str | None:
    """The customer's words that show they need it within the hour, from their latest turn
    back; None when nothing says so."""
    for turn in reversed(customer_turns):
        for sentence in _SENTENCE.split(turn):
            found = _NOW.search(sentence)
            if found and not _NOT_NOW.search(sentence):
                return found.group(0)
    return None
