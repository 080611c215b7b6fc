"""When they need it now (`case.urgent`: checkout in an hour, at the desk, stranded, locked out),
every suggestion acts within this contact.

A line that parks them ("I'll update you in the next few minutes", "come back to you today",
"pass this to our team") gives way to a step that happens while they wait ("I'm looking into
the block on your card now, while you wait: please stay with me ..."), and the last suggestion
offers the fastest workable alternative their situation has, in plain words that carry across
industries (another way to pay, their confirmation shown at the desk, wifi when there is no
signal), each one advice or a promise to act, never a claim that something is done.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.case import Case
from bot.core.urgency import PLACE, is_place
from bot.llm.base import Suggestion
from bot.llm.care_replies import call_open
from bot.llm.reply_text import first_sentence, sentences

_FLAGS = re.IGNORECASE
# A later contact: "update you", "come back to you", "you'll hear from me" ... at a later time.
_DEFERS = prebuilt.compile(
    r"\b(?:update you|come back to you|get back to you|message you|be in touch|hear from me|"
    r"contacts? you|call you|confirm|pass (?:this|it) (?:to|on))\b",
    _FLAGS,
)
_LATER = prebuilt.compile(
    r"\bin the next few minutes\b|\btoday\b|\[(?:update|callback|manager) time\]|\blater\b|"
    r"\btomorrow\b|\bwithin \d+ (?:hours|days|working days)\b",
    _FLAGS,
)

NOW_STEPS = (
    "I'm looking into {what} now, while you wait: please stay with me, it should only take a "
    "couple of minutes.",
    "I'll stay with you on this chat until it's sorted and tell you what I find as I go, rather "
    "than leave you waiting for a call back.",
    "If we get cut off, I'll call you straight back on the number you're using, so you won't "
    "have to start again.",
)
CUT_OFF_IN_WRITING = (
    "If we get cut off, just reply here and I'll pick it straight back up, so you won't have to "
    "start again."
)
NOW_WHY = "They can't wait for a call back: acting while they're still here is what they remember."

_LET_IN = (
    "I'll go through the {what} with you now and, if it still doesn't work, find the quickest "
    "way to get you in, so you're not left locked out."
)
# The fastest workable alternative, by what their words show.
_ALTERNATIVES = (
    (
        r"\b(?:card|payment|checkout|transaction)\b[^.?!]{0,60}\b(?:blocked|declined|rejected|"
        r"frozen|won'?t go through|not going through|failed|fails|keeps failing)\b",
        "If it can't wait, paying with another card or another way is the quickest way to "
        "finish now, and I'll keep working on this one while you do.",
    ),
    (
        r"\b(?:booking|reservation|order|prescription|appointment|record)\b[^.?!]{0,50}"
        r"\b(?:not found|doesn'?t exist|does not exist|can'?t (?:be )?f(?:ou)?nd|cannot find|"
        r"no record|never (?:been )?(?:sent|came through|arrived)|isn'?t showing|not showing|"
        r"not on the system)\b|\bno (?:reservation|booking|record|prescription) (?:under|for|in)\b",
        "While I check, please show the staff {there} your confirmation or reference; I'll also "
        "try to reach them directly now, so they hear it from us.",
    ),
    (
        r"\b(?:e-?ticket|ticket|boarding pass|pass|qr code|barcode)\b[^.?!]{0,40}"
        r"\b(?:won'?t|will not|doesn'?t|does not|isn'?t|can'?t|not) (?:load|show|open|scan|work)",
        "While I check, keep your booking reference to hand to show the staff {there}, and I'll "
        "send your booking details to your email straight away as a backup.",
    ),
    (
        r"\b(?P<what>key ?safe code|key ?safe|door code|code|key ?card|fob|keys?|lock)\b"
        r"[^.?!]{0,40}\b(?:won'?t|doesn'?t|does not|isn'?t|not) (?:open|work)",
        _LET_IN,
    ),
    (r"\blocked out\b", _LET_IN),
    (
        r"\bno (?:service|signal|network|mobile data|data)\b|\bcan'?t (?:make|get) (?:a )?calls?\b",
        "If you can get onto wifi where you are, we can keep talking here even without signal.",
    ),
    (
        r"\btop(?:ped)?[- ]?up\b|\bcredit\b[^.?!]{0,40}\b(?:hasn'?t|not|never) (?:gone|arrived|"
        r"applied|shown|reached)",
        "If the top-up still hasn't arrived, I'll check now whether it can be applied again "
        "from our side, so you're not left without.",
    ),
)
_COMPILED = tuple((prebuilt.compile(p, _FLAGS), line) for p, line in _ALTERNATIVES)


def alternative(texts: list[str], urgent: str = "") -> str | None:
    """The fastest workable alternative their words call for, or None; `urgent` is the case's
    words that say they need it now ("We're at your desk": the staff "at the desk")."""
    said = " ".join(texts)
    for pattern, line in _COMPILED:
        found = pattern.search(said)
        if found:
            what = found.groupdict().get("what") or "access details"
            place = PLACE.search(urgent or "")
            there = f"at the {place.group(0).lower()}" if place else "there"
            return line.format(what=what.lower(), there=there)
    return None


def parks(sentence: str) -> bool:
    """Does the sentence leave them waiting for a later contact? Not one that acts now: "I'll
    check now whether ..., and confirm with you in the next few minutes"."""
    later = {m.group(0).lower() for m in _LATER.finditer(sentence)}
    if not _DEFERS.search(sentence) or not later:
        return False
    return later != {"in the next few minutes"} or not _ACTS_NOW.search(sentence)


_ACTS_NOW = prebuilt.compile(r"\b(?:now|right away|straight away|while you wait)\b", re.I)


def _what(case: Case) -> str:
    """What is being looked into: their thing, not the place they are at ("your desk")."""
    thing = None if not case.thing or is_place(case.thing) else case.thing
    if "blocked" in case.premises and thing:
        return f"the block on your {thing}"
    return f"your {thing}" if thing else "this"


def acting_now(suggestions: list[Suggestion], case: Case, texts: list[str]) -> list[Suggestion]:
    """The suggestions with every parking sentence turned into a step taken now, and the last
    one offering their fastest alternative; unchanged unless they need it now."""
    if not case.urgent or not suggestions:
        return suggestions
    steps = [line.format(what=_what(case)) for line in NOW_STEPS]
    if not call_open(texts):  # no number given: nothing to call back on
        steps[-1] = CUT_OFF_IN_WRITING
    said = " ".join(s.text for s in suggestions)
    unused = [step for step in steps if step not in said]
    out: list[Suggestion] = []
    step = ""  # the step the last suggestion was given
    for suggestion in suggestions:
        parts = sentences(suggestion.text)
        step = ""
        if not any(parks(p) for p in parts):
            out.append(suggestion)
            continue
        kept = [p for p in parts if not parks(p)]
        at = next(i for i, p in enumerate(parts) if parks(p))
        if unused:
            step = unused.pop(0)
            kept.insert(min(at, len(kept)), step)
        text = " ".join(kept) or suggestion.text
        out.append(Suggestion(text, NOW_WHY, source=suggestion.source))
    other = alternative(texts, case.urgent)
    if other and len(out) > 1 and other not in " ".join(s.text for s in out):
        # the weakest, last suggestion gives way: their alternative, then a step taken now
        tail = step or (unused[0] if unused else "")
        text = f"{other} {tail}".strip()
        if first_sentence(text) not in {first_sentence(s.text) for s in out[:-1]}:
            out[-1] = Suggestion(text, NOW_WHY, source=out[-1].source)
    return out
