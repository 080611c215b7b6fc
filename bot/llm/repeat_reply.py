"""How long and how many times, said back to a customer who is back again or angry.

"This is the third time I've called about my smart meter ... nobody has fixed it in six weeks"
gets "This is the third time you've had to contact us in six weeks, which is far too long.";
"I have been a customer for 12 yrs" gets "You've been with us for 12 years, and you deserve
better than this." In their own numbers only: a count or a length of time the customer did not
state is never said, and a duration that is not a wait ("£12 a month", "shifted by a day") is
left alone.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.llm.reply_text import says_again

_FLAGS = re.IGNORECASE
# Back again, angry, or still waiting for something or for service to come back.
PLAYBOOKS = frozenset({"repeat-contact", "escalation-request", "order-status", "service-outage"})
_NUMBER = (
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"several|a few|a couple of)"
)
_UNIT = r"(?:minute|min|hour|hr|day|week|month|year|yr)s?"
_PROMISED_AFTER = prebuilt.compile(r"^\W{0,3}\s*\w+(?:'ll| will)\b", _FLAGS)  # "in a year it'll be"
_DURATION = prebuilt.compile(
    rf"\b(?P<lead>(?:almost|nearly|over|more than|about) )?(?P<n>{_NUMBER}) (?P<unit>{_UNIT})\b"
    r"(?P<ago> ago)?",
    _FLAGS,
)
# What comes right before a duration that is a wait: "for 6 days", "in six weeks".
_WAIT_BEFORE = prebuilt.compile(
    r"(?:\bfor|\bin|\bover|\bafter|\bwithin|\bsince|\bwaited|\bwaiting|\bbeen|\btaken|\btook|"
    r"\bnow)\s*$",
    _FLAGS,
)
# ... in a sentence that tells of waiting or of something still wrong, not "£640 for one month".
_WAITING = prebuilt.compile(
    r"\b(?:been|still|waiting|waited|wait|since|nobody|no one|nothing|never|without|lost|down|"
    r"left|chasing|stuck|yet)\b|n't\b",
    _FLAGS,
)
_NOT_A_WAIT = prebuilt.compile(
    r"(?:\ba|\bper|\bevery|\bby|\beach|\bthe last)\s*$|"
    r"\b(?:will|'ll|would|'d|should|going to|supposed to|promised)\b[^.!?]{0,25}$",  # promised
    _FLAGS,
)
# "I took a day off for this", "a day's pay", "a week of annual leave": time they gave up for
# us, a cost to say back as such ("time_lost"), never a wait that was "far too long".
_TIME_GIVEN_BEFORE = prebuilt.compile(
    r"\b(?:take|took|taken|taking|book|booked|lost|losing) $", _FLAGS
)
_TIME_GIVEN_AFTER = prebuilt.compile(
    r"^(?:'s|s')?\s*(?:off|of (?:annual |unpaid |my )?(?:leave|holiday)|pay|wages|leave|"
    r"holiday|work)\b",
    _FLAGS,
)
# "a customer for 12 yrs", "been with you 9 years": how long they have been ours.
_TENURE_BEFORE = prebuilt.compile(
    r"\b(?:(?P<noun>customer|member|client|subscriber)|with (?:you|your \w+)|loyal)\b"
    r"[^.!?]{0,12}$",
    _FLAGS,
)
_SPENT = prebuilt.compile(
    r"\b(?:spent|spending|spend) (?P<what>thousands|hundreds|[£$€][\d,.]+k?) (?:on|with) "
    r"(?:your|you)(?: (?P<thing>(?-i:[A-Z])\w+))?",
    _FLAGS,
)
_ORDINALS = {
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    "6th": "sixth",
}
_NTH = prebuilt.compile(
    r"\b(?P<nth>second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th) (?P<what>time|call|email|"
    r"message|attempt|request|complaint|chat)\b",
    _FLAGS,
)
# The problem happening again and again, in their numbers: "change 3 times in 10 minutes".
_AGAIN_IN = prebuilt.compile(
    rf"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten) times in "
    rf"(?P<n2>{_NUMBER}) (?P<unit>{_UNIT})\b",
    _FLAGS,
)
_HAPPENED = prebuilt.compile(r"\s+(?:this|it|that)(?:'s|\s+has|\s+have)?\s+happened\b", _FLAGS)
_CONTACTING = prebuilt.compile(
    r"\b(?:call\w*|phon\w*|rung|rang|e-?mail\w*|writ\w*|wrote|messag\w*|contact\w*|chas\w*|"
    r"tweet\w*|ask\w*|complain\w*|report\w*|reach\w* out|got in touch|get in touch)\b",
    _FLAGS,
)
_CONTACTED = (
    r"(?:called|phoned|rung|rang|emailed|e-mailed|written|wrote|messaged|contacted|chased|"
    r"tweeted|chatted|asked|complained|reported)"
)
_TIMES = prebuilt.compile(
    rf"\b{_CONTACTED}\b[^.!?]{{0,30}}?\b(?P<n>twice|two|three|four|five|six|[2-9]) times\b",
    _FLAGS,
)
_DIGITS = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven"}
_DIGITS.update({"8": "eight", "9": "nine"})
_UNITS = {"yr": "year", "yrs": "years", "hr": "hour", "hrs": "hours", "min": "minute"}
_UNITS.update({"mins": "minutes"})


def _plain(match: re.Match) -> str:
    unit = match.group("unit").lower()
    return f"{match.group('lead') or ''}{match.group('n')} {_UNITS.get(unit, unit)}"


def _durations(text: str) -> tuple[str | None, str | None]:
    """(the longest wait they state, how long they have been with us), in their words."""
    wait, tenure = None, None
    for match in _DURATION.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        start = max(text.rfind(end, 0, match.start()) for end in ".!?\n")
        stop = min((i for i in (text.find(e, match.end()) for e in ".!?\n") if i >= 0), default=-1)
        sentence = text[start + 1 : stop if stop >= 0 else len(text)]
        said = _plain(match)
        found = _TENURE_BEFORE.search(before)
        if found:  # "a customer for 12 years": their word for it, else "with us"
            noun = found.group("noun")
            tenure = tenure or (f"a {noun.lower()} for {said}" if noun else f"with us for {said}")
        elif (
            _PROMISED_AFTER.match(text[match.end() :])
            or _TIME_GIVEN_BEFORE.search(before)
            or _TIME_GIVEN_AFTER.match(text[match.end() :])
        ):
            continue
        elif not _NOT_A_WAIT.search(before) and (
            match.group("ago")
            or (_WAITING.search(sentence) and (match.group("lead") or _WAIT_BEFORE.search(before)))
        ):
            wait = wait or said
    return wait, tenure


def _count(text: str) -> str | None:
    """ "the third time" or "four times", as they said it; None when they give no number."""
    nth = _NTH.search(text)
    if nth:
        word, what = nth.group("nth").lower(), nth.group("what").lower()
        if what != "time":  # "3rd call" -> "your 3rd call", in their words
            return f"your {word} {what}"
        around = text[max(0, nth.start() - 30) : nth.end() + 30]
        if _HAPPENED.match(text[nth.end() :]):  # the problem again, not another contact
            return f"the {word} time this has happened"
        if _CONTACTING.search(around):
            return f"the {_ORDINALS.get(word, word)} time"
    times = _TIMES.search(text)
    if times:
        n = times.group("n").lower()
        return "twice" if n == "twice" else f"{_DIGITS.get(n, n)} times"
    return None


def how_long_line(customer_text: str, said: str = "") -> str | None:
    """One sentence saying back their count and their wait (or how long they have been with
    us), or None when they state neither; a wait whose number `said` already gives is left out."""
    wait, tenure = _durations(customer_text)
    if wait and _numbers(wait) & _numbers(said):
        wait = None
    count = _count(customer_text)
    if count and count.startswith("your "):
        tail = f", in {wait}, which is far too long" if wait else ""
        return f"This is {count} to us about this{tail}."
    if count and count.endswith("happened"):
        return f"This is {count}."
    if count and count.startswith("the "):
        where = f" in {wait}" if wait else " about this"
        tail = ", which is far too long" if wait else ""
        return f"This is {count} you've had to contact us{where}{tail}."
    if count:
        where = f" in {wait}" if wait else ""
        return f"You've already had to contact us {count}{where} about this."
    again = _AGAIN_IN.search(customer_text)
    if again:  # "How could it change 3 times in 10 minutes?"
        unit = _UNITS.get(again.group("unit").lower(), again.group("unit").lower())
        return f"{again.group('n')} times in {again.group('n2')} {unit} is far too many."
    if wait:
        return f"{wait[0].upper()}{wait[1:]} is far too long."
    if tenure:
        return f"You've been {tenure}, and you deserve better than this."
    spent = _SPENT.search(customer_text)
    if spent:  # "spending thousands on your Amex": what they have put in with us
        where = f" on your {spent.group('thing')}" if spent.group("thing") else " with us"
        return f"You've spent {spent.group('what')}{where}, and you deserve better than this."
    return None


def with_how_long(reflection: str, playbook_id: str, customer_text: str, body: str) -> str:
    """The first suggestion's reflection, then how long and how many times, when this is a
    repeat contact or an escalation and neither the reflection nor the body says it already."""
    if playbook_id not in PLAYBOOKS:
        return reflection
    line = how_long_line(customer_text, reflection)
    if not line or says_again(line, f"{reflection} {body}"):
        return reflection
    if _numbers(line) & _numbers(reflection):
        return reflection  # "you've emailed four times about ...": said once already
    return f"{reflection} {line}".strip()


def _numbers(text: str) -> set[str]:
    found = re.findall(
        r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", text, _FLAGS
    )
    return {n.lower() for n in found}
