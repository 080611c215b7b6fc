"""A customer turn that only says the wait goes on: "Still nothing.", "It's day 12 now.",
"That was three weeks ago and I still don't have it."

Such a turn names no matter of its own: it chases whatever the thread is about, a refund the
agent said was approved as much as a parcel. The matcher (bot/core/matcher.py) reads it with the
thread's subject instead of as a delivery, the moment its waiting words alone would suggest.
Patterns are written against normalised text (bot/core/text.py: lower case, "it's" -> "it is").
"""

from __future__ import annotations

import re

from bot.core import prebuilt

_COUNT = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|many)"
_SPAN = rf"{_COUNT} (more )?(full |whole )?(working |business )?(days?|weeks?|months?|hours?)"

# The wait, the time it has taken, and asking after it; never the thing waited for.
WAIT_GOES_ON = prebuilt.compile(
    r"\b(i|we)? ?(am|are)? ?still (waiting|nothing|no (sign|news|word|update|reply|response))\b"
    r"|\b(i|we)? ?still (do not|have not|has not|did not|not|never) (got|get|have|had|received|"
    r"receive|seen|see|heard|hear|arrived|come|come through|shown up|turned up)"
    r"( (it|them|anything|a thing|a penny|a word|back))?\b"
    r"|\bnothing (yet|so far|at all|since|(has |have )?(come|came|arrived|turned up|shown up|"
    r"changed|happened|moved)( through| back)?)\b|\bnothing\s*$"
    rf"|\b(it is|it has|that is|this is) (now )?(been )?(over |more than |almost |nearly |"
    rf"about |another )?{_SPAN}( now)?( since( then| that)?)?\b"
    rf"|\b(that|this|it) was {_SPAN} ago\b|\b{_SPAN} (ago|later|on)\b"
    r"|\bday \d+ (now|today)\b|\b(any|some) (news|update|updates|word|progress)\b"
    r"|\bwhat is (happening|going on)\b|\bhow much longer\b|\b(still )?waiting\b"
)

# The agent's opening courtesy ("Thanks Ellie,", "Yes Mr Okafor,", "Sorry Anne,"): it says
# nothing about the matter and would read as thanks or a greeting of the customer's.
AGENT_COURTESY = prebuilt.compile(
    r"^\s*(hi|hello|hey|dear|thanks|thank you|sorry|yes|no|ok|okay|great|sure|of course|"
    r"certainly|good (morning|afternoon|evening))\b[^,.!?\n]{0,40}[,.!?]\s*",
    re.IGNORECASE,
)


def without_waiting(normalised: str) -> str | None:
    """The turn without its waiting words, or None when it has none."""
    if not WAIT_GOES_ON.search(normalised):
        return None
    return " ".join(WAIT_GOES_ON.sub(" ", normalised).split())


def agent_matter(text: str) -> str:
    """An agent's turn without its opening courtesy: what it says about the matter."""
    return AGENT_COURTESY.sub("", text, count=1)
