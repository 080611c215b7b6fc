"""Our own earlier slip in the thread, so the reply can own it once.

Four kinds, each read from the turns themselves:
- asked again: an agent turn asked for something the customer had already given ("could you
  tell me your address?" after they gave it), seen from their earlier words or from their
  answer ("I just gave you my address");
- told to redo: an agent turn told them to do what they had already done ("could you check with
  your neighbours?" after "I checked with both neighbours");
- time passed: a time we gave ("within 48 hours", "results take 3-5 days", said by an agent or
  reported as what they were told) that has now passed ("it's been a week");
- said before: they tell us the agent's last promise is one they already heard ("you said that
  on Tuesday too").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core import prebuilt
from bot.core.case_patterns import tried_steps
from bot.core.conversation import Conversation
from bot.core.tidy import known, unknown_share

_FLAGS = re.IGNORECASE
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "a couple of": 2, "a few": 3, "several": 3,
}  # fmt: skip
_NUMBER = (
    r"(?:\d+|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|fourteen|fifteen|twenty|thirty)"
)
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}
# "within 48 hours", "in 3-5 working days", "results take 3 to 5 days"
_PROMISED = prebuilt.compile(
    rf"\b(?:within|in|take|takes|taking|up to|under|inside)\s+(?P<n>{_NUMBER})"
    rf"(?:\s*(?:-|–|to)\s*(?P<m>{_NUMBER}))?\s+(?:working |business )?(?P<unit>hour|day|week|"
    r"month)s?\b",
    _FLAGS,
)
# What the customer was told, reported: "you said", "I was told", "your receptionist said".
_REPORTED = prebuilt.compile(
    r"\b(?:said|told|promised|assured|supposed to|meant to|quoted|was told|were told)\b", _FLAGS
)
# "it's been a week", "that was three weeks ago", "eleven days ago", "two weeks now"
_ELAPSED = prebuilt.compile(
    rf"\b(?:(?:it'?s|it has|it's now|now it'?s) been (?:over |more than |nearly |almost |about )?"
    rf"(?P<n1>{_NUMBER})\s+(?P<u1>hour|day|week|month)s?|(?P<n2>{_NUMBER})\s+"
    r"(?P<u2>hour|day|week|month)s?\s+(?:ago|later|now|on)\b)",
    _FLAGS,
)
# The agent asks for a detail or asks them to do something.
_AGENT_ASKS = prebuilt.compile(
    r"\b(?:could|can|would) you (?:please |just |kindly )?(?:tell me|give me|send(?: me)?|share|"
    r"confirm|provide|let me know|pass on)\s+(?P<info>[^?.!]{3,60})|"
    r"\b(?:can|could|may) I (?:have|get|take)\s+(?P<info2>[^?.!]{3,60})|"
    r"\b(?:could|can|would) you (?:please |just |kindly )?(?:try |also )?(?P<step>(?:run|check|"
    r"try|restart|reboot|reinstall|reset|clear|log|turn|switch|unplug|update|look|test|"
    r"do|contact|call|ask)\b[^?.!]{2,60})|\b(?:please |have you tried )(?P<step2>(?:run|check|"
    r"restart|reboot|reinstall|reset|clear|log|turn|switch|unplug|look|test)\w*\b[^?.!]{2,60})",
    _FLAGS,
)
# The customer's answer: they had already given it ...
_ALREADY_GAVE = prebuilt.compile(
    r"\b(?:already (?:gave|given|sent|told|said|provided)|just (?:gave|sent|told|said)|as i "
    r"(?:said|mentioned|told you)|like i said|i told you|in my (?:first|last|previous|earlier) "
    r"message|it'?s (?:above|right there)|(?:for )?the (?:second|third) time)\b",
    _FLAGS,
)
# ... or already done it.
_ALREADY_DID = prebuilt.compile(
    r"\b(?:already (?:did|done|tried)|did that already|done that already|tried that already|"
    r"(?:told|said to) you i (?:did|have|had))\b",
    _FLAGS,
)
# Details with a value the customer can have given: a reference, a postcode, an email.
_VALUED = prebuilt.compile(
    r"\b(?:reference|ref|number|postcode|zip|email|account|order|booking|"
    r"claim|policy|ticket|registration)\b",
    _FLAGS,
)
_VALUE = prebuilt.compile(r"\b(?=[A-Z0-9-]*\d)[A-Z0-9-]{4,}\b|\S+@\S+\.\w+", _FLAGS)
# They have heard the agent's words before.
_SAID_BEFORE = prebuilt.compile(
    r"\b(?:(?:you|they|he|she|someone|the last (?:person|agent|advisor)) (?:said|told me) (?:that|"
    r"the same)(?: thing)? (?:before|last \w+|on \w+|too|already|yesterday|as well)|that'?s what "
    r"(?:you|they|the last \w+|everyone|your colleague) (?:said|told me)|i'?ve heard that before|"
    r"you (?:keep|always) saying that)\b",
    _FLAGS,
)
_STEP_CUT = prebuilt.compile(r"\s+(?:and|then|so|to see|if|please)\b|,", _FLAGS)
_INFO_CUT = prebuilt.compile(r"\s+(?:where|so|and|to|for|if|please|that|which|when)\b.*$", _FLAGS)
_DETERMINER = prebuilt.compile(r"^(?:your|the|a|an|me|us)\s+", _FLAGS)
_STOP = frozenset(
    "your the a an me us please details information number some more it that".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class Slip:
    kind: str  # "asked_again", "told_to_redo", "time_passed", "said_before"
    owned: str  # the sentence owning it, with an apology
    owned_plain: str  # the same without one, for a reply that already apologises
    # the same in fewer words of the thread, for a reply that already says them
    general: tuple[str, str] = (
        "Sorry you've had to go over this again.",
        "You shouldn't have had to go over this again.",
    )


def _days(number: str, unit: str) -> float:
    count = _NUMBER_WORDS.get(number.lower()) if not number.isdigit() else int(number)
    return (count or 0) * _UNIT_DAYS[unit.lower()]


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def _time_passed(messages: list[tuple[str, str]]) -> Slip | None:
    for index, (role, text) in enumerate(messages):
        for promise in _PROMISED.finditer(text):
            if role == "customer" and not _REPORTED.search(
                text[max(0, promise.start() - 60) : promise.start()]
            ):
                continue  # a time they mention, not one they were given
            promised = _days(promise.group("m") or promise.group("n"), promise.group("unit"))
            later = [t for r, t in messages[index:] if r == "customer"]
            for said in later:
                for elapsed in _ELAPSED.finditer(said):
                    number = elapsed.group("n1") or elapsed.group("n2")
                    unit = elapsed.group("u1") or elapsed.group("u2")
                    if said is text and elapsed.start() == promise.start():
                        continue
                    if _days(number, unit) > promised:
                        span = promise.group(0)
                        span = re.sub(r"^(?:takes?|taking)\s+", "", span, flags=_FLAGS)
                        span = re.sub(r"^in\b", "within", span, flags=_FLAGS)
                        plural = "s" if _days(number, unit) != _days("1", unit) else ""
                        took = f"{number} {unit.lower()}{plural}"
                        return Slip(
                            "time_passed",
                            f"I'm sorry: you were told {span}, and it's now been {took}.",
                            f"You were told {span}, and it's now been {took}; that's on us.",
                        )
    return None


def _asked_again(messages: list[tuple[str, str]]) -> Slip | None:
    for index, (role, text) in enumerate(messages):
        if role != "agent":
            continue
        ask = _AGENT_ASKS.search(text)
        if not ask:
            continue
        earlier = " ".join(t for r, t in messages[:index] if r == "customer")
        answer = next((t for r, t in messages[index + 1 :] if r == "customer"), "")
        info = ask.group("info") or ask.group("info2")
        if info:
            info = _DETERMINER.sub("", _INFO_CUT.sub("", info.strip()))
            given = bool(_VALUED.search(info) and _VALUE.search(earlier))
            if _ALREADY_GAVE.search(answer) or given:
                what = f"your {info}" if 0 < len(info.split()) <= 3 else "that"
                return Slip(
                    "asked_again",
                    f"Sorry you had to give us {what} twice.",
                    f"You shouldn't have had to give us {what} twice.",
                )
            continue
        step = ask.group("step") or ask.group("step2") or ""
        tried = tried_steps([(r, t) for r, t in messages[:index]])
        stems = {w[:5] for w in _content_words(step)}
        done_before = any(stems & {w[:5] for w in _content_words(t)} for t in tried)
        if _ALREADY_DID.search(answer) or _ALREADY_GAVE.search(answer) or done_before:
            what = _step_said(step)
            return Slip(
                "told_to_redo",
                f"Sorry we asked you to {what} again when you'd already done it.",
                f"You'd already done that, and we shouldn't have asked you to {what} again.",
            )
    return None


def _step_said(step: str) -> str:
    """The agent's step as a plain verb phrase: "try restarting the router" -> "restart the
    router"; "do that" when it does not read cleanly. The agent's words are already its own."""
    step = re.sub(r"^(?:try|trying|also)\s+", "", _STEP_CUT.split(step.strip())[0], flags=_FLAGS)
    verb, _, rest = step.partition(" ")
    if verb.lower().endswith("ing") and len(verb) > 5:
        stem = verb[:-3].lower()
        stem = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
        verb = stem if known(stem) else stem + "e"
    said = f"{verb} {rest}".strip()
    if (
        not 2 <= len(said.split()) <= 8
        or re.search(r"\b(?:me|my|I|us|our)\b", said)
        or (unknown_share(said) > 0.2)
    ):
        return "do that"
    return said


def _said_before(messages: list[tuple[str, str]]) -> Slip | None:
    for index, (role, text) in enumerate(messages):
        heard = role == "customer" and index and _SAID_BEFORE.search(text)
        if heard and any(r == "agent" for r, _ in messages[:index]):
            return Slip(
                "said_before",
                "I'm sorry you've been told that before with nothing to show for it.",
                "You've heard that before with nothing to show for it, and that's on us.",
            )
    return None


def agent_slip(conversation: Conversation) -> Slip | None:
    """Our earlier slip in this thread, if the turns show one; the most telling kind first."""
    messages = [(m.role, m.text) for m in conversation.messages]
    for find in (_asked_again, _time_passed, _said_before):
        slip = find(messages)
        if slip:
            return slip
    return None
