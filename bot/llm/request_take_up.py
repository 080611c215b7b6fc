"""The customer's explicit request, taken up in the first suggestion (bot/core/requested_action.py).

"Could you move my physio appointment on Thursday to next week?" gets "I'll move your physio
appointment on Thursday to next week. Which day next week suits you best?" first, not "I'll
find out exactly what applies to you". The first suggestion keeps the sentence that reflects
their issue, if it has one, and the request replaces the template's body; lines that ask what
they want ("what would you most like us to do?") give way, since they already said.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core import prebuilt
from bot.core.case import Case
from bot.core.conversation import Conversation
from bot.core.playbooks import Playbook
from bot.core.premises import stated_premises, unsupported_premises
from bot.core.reply_checks import offers_manager, repeated_phrases
from bot.core.requested_action import (
    ACT,
    ANSWER,
    CHECK,
    MONEY,
    STEPS,
    WHEN,
    RequestedAction,
    requested_action,
)
from bot.core.rubric import PLACEHOLDER, check
from bot.core.slots import labelled_references
from bot.core.text import words_and_breaks
from bot.llm.base import Suggestion, SuggestionRequest
from bot.llm.case_alternatives import holds_only, problem_options
from bot.llm.case_next_steps import is_case_next_step
from bot.llm.case_options import carries_a_fact, case_options, fact_phrases, says_a_fact_back
from bot.llm.known_answers import known_answer, without_money
from bot.llm.lead_reply import repeated_amount
from bot.llm.reply_text import fill, first_sentence, says_again, sentences

WHY = "They asked for something specific: taking it up in their words, as a next step we own, "
WHY += "shows we listened and saves a second contact."
CASE_WHY = "Their facts, their proof and what they want back, in one next step with a time, "
CASE_WHY += "show we read every word and spare them a second contact."
_SCHEDULING = frozenset("move reschedule rebook book redeliver collect arrange".split())  # noqa: SIM905
# Things held at a day and time, for which "which day suits you?" is the next question.
_BOOKED = prebuilt.compile(
    r"\b(?:appointment|booking|slot|session|class|visit|delivery|parcel|collection|viewing|"
    r"consultation|check-up|checkup|lesson|test|reservation|installation|repair|flight|table|"
    r"fitting|interview|call|meeting|treatment|scan|surgery|operation)s?\b",
    re.IGNORECASE,
)
_SENDING = frozenset("send email post forward resend reissue text".split())  # noqa: SIM905
_VISIT = prebuilt.compile(
    r"\b(?:plumber|engineer|electrician|technician|someone|somebody|fitter|inspector|surveyor|"
    r"nurse|doctor|driver|courier|crew)\b",
    re.IGNORECASE,
)
_WHEN = prebuilt.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|"
    r"morning|afternoon|evening|\d{1,2}(?::\d\d)?\s?(?:am|pm)|\d{1,2}(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
# Lines that ask what they want, which a clear request has already said.
ASKS_WHAT_THEY_WANT = prebuilt.compile(
    r"\bwhat (?:would you most like us to do|would a good outcome look like|you need from us|"
    r"do you need|can I help you with|would you like to sort out)\b|\btell me (?:a little more "
    r"about )?what you need\b|\bwhich account(?:,? order)? or (?:service|product)\b",
    re.IGNORECASE,
)
# In place of those, in this order: the same request, owned from another angle.
_INSTEAD = {
    ACT: (
        "Rather than pass it on, I'll {request} myself, and you'll have confirmation from me "
        "{update_time}.",
        "So I get it right first time, is there anything else I should know before I {request}?",
    ),
    CHECK: (
        "I'll find out myself whether we can {request}, rather than pass it on, and confirm "
        "with you {update_time}.",
        "If that isn't possible, I'll come back to you with the closest option we have.",
    ),
    ANSWER: (
        "Rather than pass it on, I'll find out {request} myself and come back to you "
        "{update_time}.",
        "So I get you the right answer first time, is there anything else I should know?",
    ),
    STEPS: (
        "If you get stuck at any step, let me know where, and I'll walk you through it from "
        "exactly that point.",
        "So I send you the right steps first time, is there anything else I should know?",
    ),
}
_MONEY_INSTEAD = (
    "I'll go through {thing} myself rather than pass it on, and update you {update_time} with "
    "what I find.",
    "If anything stops the refund, I'll tell you why and what we can do instead.",
)


def request_line(action: RequestedAction) -> str | None:
    """The commitment with its next step: a day to choose, a confirmation, an update; None when
    the request cannot be said back cleanly (the suggestion's own reflection then stands)."""
    commitment = action.commitment
    if commitment is None:
        return None
    if action.kind == ANSWER:  # what they asked to know, found out and told, with a time
        timed = action.verb == WHEN or action.phrase.startswith(("what time", "what day"))
        told = "confirm the day and time with you" if timed else "confirm with you"
        return f"{commitment} and {told} {{update_time}}."
    if action.kind == STEPS:  # the steps, or the guide now: the information-request promise
        guide = "the step-by-step guide is also at {help_centre}"
        return f"{commitment}; {guide}. If you get stuck at any step, let me know where."
    if action.verb == WHEN:  # they asked when: we owe them the time, not silence
        return f"{commitment} and tell you {{update_time}}."
    if action.kind == ACT and action.verb in _SCHEDULING and _BOOKED.search(commitment):
        if "next week" in commitment:
            return f"{commitment}. Which day next week suits you best?"
        if not _WHEN.search(commitment):
            return f"{commitment}. Which day and time suit you best?"
    if action.kind == ACT and _VISIT.search(commitment):  # "send a plumber out this week"
        return f"{commitment} and confirm the day and time with you."
    if action.kind == ACT and action.verb in _SENDING:
        return f"{commitment} and let you know once it's sent."
    if action.kind == ACT:
        return f"{commitment} and confirm with you once it's done."
    if action.kind == CHECK:
        return f"{commitment}, and confirm with you {{update_time}}."
    also = f" I'll also {action.also}." if action.also else ""
    if action.verb == "refund":
        commitment += (
            " within {refund_time}" if action.owed else " so it reaches you within {refund_time}"
        )
    return f"{commitment}; I'll update you {{update_time}} either way.{also}"


def _lead(text: str, case: Case, line: str) -> str:
    """The first sentence when it says their issue back (and not the request again, which the
    request line says); the request line replaces the rest."""
    first = sentences(text)[0] if text.strip() else ""
    # their issue, or what they told us when it is a statement rather than their request again
    told = case.ask if case.ask and not _ASKED.match(case.ask) else None
    said_back = any(c and c.lower() in first.lower() for c in (case.issue, told))
    if said_back and not says_again(first, line):
        return first
    return ""


_ASKED = prebuilt.compile(r"^you(?:'re asking|'re looking|'d like|'d love| want| need)\b", re.I)


# Said before the request line when the template's own words that made a playbook's required
# move ("respect", "acknowledge") gave way to it: "Of course — I'll cancel your plan ...".
_ACKNOWLEDGEMENTS = (
    "",
    "Of course — ",
    "I understand — ",
    "You're right to ask, and ",
    "Thanks for letting us know: ",
)
# A template's own promise competes with the request; it is lifted only as a last resort.
_PROMISE = prebuilt.compile(r"\bI(?:'ll| will| can)\b|\blet me\b", re.IGNORECASE)
# ... and after it, for a playbook that wants a check that nothing else is needed.
_CLOSERS = (
    "",
    "Let me know if anything else needs changing.",
    "Is there anything else I can sort out for you while I'm on it?",
)
# A statement that leans on the sentence before it ("Then I'll ...") cannot be lifted out.
_LEANS_BACK = prebuilt.compile(r"^(?:then|so|and|but|also|that|this|it|which)\b", re.IGNORECASE)


# What a template already promises for a money request: "I'll check both payments and, once
# I've confirmed the duplicate, I'll refund it".
_MONEY_WORDS = {
    "refund": r"refund|money back|pay (?:it|you|that) back",
    "remove": r"remove|waive|reverse|refund|take (?:it|the \w+) off",
}


# Things paid for, which a refund request without an object is about.
_PAID = frozenset(
    "order booking reservation ticket subscription payment charge invoice bill plan flight".split()  # noqa: SIM905
)
_INFORMING = frozenset("update call contact ring phone".split())  # noqa: SIM905


def takes_it_up(text: str, action: RequestedAction) -> bool:
    """Does the suggestion already promise, in the first person, what they asked for?"""
    checked = action.kind in (CHECK, ANSWER, STEPS)  # found out first: no template promises that
    verb = "" if checked else _MONEY_WORDS.get(action.verb, re.escape(action.verb))
    if not verb:
        return False
    # "I'll update you [update time]" keeps them posted; it does not update anything
    informs = r"(?!\s+you\b)" if action.verb in _INFORMING else ""
    # money is promised after its condition ("I'll check ... and, once confirmed, refund it");
    # an action is the verb of the promise itself ("I'll go ahead and move ...")
    reach = r"[^?!]*?" if action.kind == MONEY else r"(?:\s+\w+){0,3}?\s+"
    promise = re.compile(rf"\bI(?:'ll| will)\b{reach}\b(?:{verb}){informs}", re.IGNORECASE)
    said = (PLACEHOLDER.sub("", s) for s in sentences(text) if "?" not in s)
    return any(promise.search(s) for s in said)


def _missing(text: str, playbook: Playbook) -> set[str]:
    return set(check(text, playbook).missing_moves)


def _lifted(
    text: str, statements: list[str], missing: set[str], playbook: Playbook, before: str = ""
):
    """`text` with the statements that make missing moves added (just before `before`, the
    step, when given: the tone first, then what we'll do), and what is still missing."""
    for sentence in (s for s in statements if s not in text and not says_again(s, text)):
        if not missing:
            break
        added = text.replace(before, f"{sentence} {before}", 1) if before else f"{text} {sentence}"
        gained = missing - _missing(added, playbook)
        if gained:
            text, missing = added, missing - gained
    return text, missing


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _with_moves(lead: str, line: str, original: str, playbook: Playbook | None) -> str:
    """The lead and the request line, with what they need to make every move the original
    made: the original's own statements (not its questions, which the request answers) after
    the line, or a short acknowledgement before it and a check after it; the original's other
    promises only when nothing else will do, since they compete with the request; "" when even
    they will not do."""
    text = f"{lead} {line}".strip()
    if playbook is None:
        return text
    missing = _missing(text, playbook) - _missing(original, playbook)
    statements = [
        s
        for s in sentences(original)
        if "?" not in s and len(s.split()) > 3 and not _LEANS_BACK.match(s)
    ]
    plain = [s for s in statements if not _PROMISE.search(s)]
    promises = [s for s in statements if _PROMISE.search(s)]
    text, missing = _lifted(text, plain, missing, playbook, before=line)
    for closer in _CLOSERS:
        for acknowledgement in _ACKNOWLEDGEMENTS:
            # "I understand — once it's approved ...": only "I" keeps its capital after it
            joined = line if not acknowledgement or line.startswith("I") else _lower_first(line)
            said = f"{text.replace(line, acknowledgement + joined, 1)} {closer}".strip()
            if not missing & _missing(said, playbook):
                return said
    text, missing = _lifted(text, promises, missing, playbook)
    return "" if missing else text


# Lines that ask them to confirm, or to reconsider, an action they have told us to take.
_UNTIL_CONFIRMED = prebuilt.compile(r"\s+(?:as soon as|once|when) you confirm\b", re.IGNORECASE)
_ASKS_TO_CONFIRM = prebuilt.compile(
    r"\bbefore you decide\b|\bwhat's prompted\b|"
    r"\bif you'd like me to go ahead\b|\bshall I go ahead\b",
    re.IGNORECASE,
)


# Told to end something, retention and "once you confirm" lines ask again what they decided.
_LEAVING = frozenset("cancel close stop end terminate delete remove unsubscribe".split())  # noqa: SIM905


def _replace_asks(
    suggestions: list[Suggestion], action: RequestedAction, slots: dict[str, str], keep: int
) -> list[Suggestion]:
    instead = _INSTEAD.get(action.kind) or tuple(
        line.replace("{thing}", action.thing or "the payment") for line in _MONEY_INSTEAD
    )
    # the request named in each: another conversation's set reads differently
    spare = [
        fill(line.replace("{request}", action.phrase or "go ahead"), slots) for line in instead
    ]
    used = {first_sentence(s.text) for s in suggestions}
    out = []
    for index, suggestion in enumerate(suggestions):
        if action.verb in _LEAVING:  # their instruction is the confirmation
            said = _UNTIL_CONFIRMED.sub("", suggestion.text)
            suggestion = Suggestion(said, suggestion.why, source=suggestion.source)
        confirm = action.verb in _LEAVING and _ASKS_TO_CONFIRM.search(suggestion.text)
        if index != keep and (ASKS_WHAT_THEY_WANT.search(suggestion.text) or confirm):
            spare = [line for line in spare if first_sentence(line) not in used]
            if spare:
                line = spare.pop(0)
                used.add(first_sentence(line))
                suggestion = Suggestion(line, WHY, source=suggestion.source)
        out.append(suggestion)
    return out


# Moments with no problem to work on: praise.
_NOTHING_TO_FIX = frozenset({"praise"})

OPTION_WHY = "Another real option for this case, with their own facts: a stock line that fits "
OPTION_WHY += "any customer tells them nobody read their message."


def with_case_options(
    suggestions: list[Suggestion], request: SuggestionRequest, case: Case, slots: dict[str, str]
) -> list[Suggestion]:
    """The suggestions after the one taking up their ask, each stock line (none of their facts)
    giving way to another option built on the case (bot/llm/case_options.py)."""
    conversation = request.conversation
    if not suggestions or getattr(request.assessment, "care", ()):
        return suggestions
    if request.playbook is not None and request.playbook.id in _NOTHING_TO_FIX:
        return suggestions  # a compliment is thanked and passed on, never taken up as a case
    action = thread_request(conversation)
    action = action if action and action.commitment else None
    keep = 1 if {"manager", "human"} & set(case.requests) and len(suggestions) > 1 else 0
    labelled = labelled_references(conversation)
    said = " ".join(m.text for m in conversation.customer_messages)
    facts = fact_phrases(case, labelled, said)
    first = suggestions[keep].text
    premises = stated_premises(conversation)
    if action:
        found = case_options(action, case, labelled, said, first, premises)
    else:  # no request of theirs: other next steps on the case, each making every move
        others = " ".join(s.text for s in suggestions if s.text != first)
        found = [_Whole(o) for o in problem_options(case, labelled, said, first, premises, others)]
    options = [
        type(option)(honest)
        for option in found
        if (honest := [w for w in (fill(w, slots) for w in option) if _states_only(w, premises)])
    ]
    used = {first_sentence(s.text) for s in suggestions}
    out = []
    for index, suggestion in enumerate(suggestions):
        stock = index > keep and (
            not carries_a_fact(suggestion.text, case, facts, action)
            or is_case_next_step(suggestion.text, case)
        )
        options = [o for o in options if first_sentence(o[0]) not in used]
        taken = [s.text for s in out]  # an acknowledgement said once in a set
        # its own tone-setting opening may stay ("Hello, and thanks for your message.")
        own = used - {first_sentence(suggestion.text)}
        times = [v for k, v in slots.items() if k.endswith("_time")]
        line = (
            keeping_moves(options, suggestion.text, request, own, taken, times) if stock else None
        )
        if line:
            used.add(first_sentence(line))
            suggestion = Suggestion(line, OPTION_WHY, source=suggestion.source)
        out.append(suggestion)
    return out


class _Whole(tuple):
    """An option's wordings that are used only when they make every move the playbook requires."""


def _phrases(text: str, times: list[str], size: int = 5) -> set[tuple[str, ...]]:
    """The runs of `size` words within a clause; a time ("before Friday") or a placeholder ends
    one, as every suggestion may say when."""
    for time in times:
        text = text.replace(time, " . ")
    words = words_and_breaks(PLACEHOLDER.sub(" . ", text))
    runs = (tuple(words[i : i + size]) for i in range(len(words) - size + 1))
    return {run for run in runs if "." not in run}


def _shares_a_phrase(line: str, taken: list[str], times: list[str] = ()) -> bool:
    """Does the line say five words in a row that a suggestion before it in the set says ("I'll
    check your order myself" twice reads as one option, not two)?"""
    mine = _phrases(line, times)
    return any(mine & _phrases(text, times) for text in taken)


def _fresh(line: str, taken: list[str], times: list[str], request: SuggestionRequest) -> bool:
    """Is the line new to the set (no phrase of an earlier suggestion, none twice in itself),
    and, unsure of the moment, still a check with them?"""
    if _shares_a_phrase(line, taken, times) or repeated_phrases(line):
        return False
    return "?" in line or not request.low_confidence


def _states_only(wording: str, premises: frozenset[str]) -> bool:
    """Does the wording presume only what the conversation states?"""
    return not unsupported_premises(wording, premises)


def keeping_moves(
    options: list[tuple[str, ...]],
    stock: str,
    request: SuggestionRequest,
    used: set[str],
    taken: list[str] = (),
    times: list[str] = (),
) -> str | None:
    """The first option, made a whole reply, that makes every move of the playbook the stock
    line made: the option as it is, else after the stock line's own first sentence when that
    only sets the tone ("I understand why this is upsetting."), else with a short
    acknowledgement before it and a check after it (the pieces the request line uses); the
    option is taken off `options`. None: the stock line stays."""
    playbook = request.playbook
    parts = sentences(stock)
    lead = parts[0] if len(parts) > 1 and not _ACTS.search(parts[0]) else ""
    # every move where a wording makes them all; else no move the stock line made is lost
    allowed = [()] if playbook is None else [(), check(stock, playbook).missing_moves]
    for missing in dict.fromkeys(allowed):
        # an option they did not ask for replaces only a line that holds the case, and whole
        for option in (
            o for o in options if not (isinstance(o, _Whole) and (missing or not holds_only(stock)))
        ):
            for line in (w for wording in option for w in _wholes(wording, lead, taken)):
                if first_sentence(line) in used or (
                    isinstance(option, _Whole) and not _fresh(line, taken, times, request)
                ):
                    continue
                if playbook is None or set(check(line, playbook).missing_moves) <= set(missing):
                    options.remove(option)
                    return line
    return None


def _wholes(option: str, lead: str, taken: list[str]):
    """The option as whole replies, barest first: with the stock line's tone-setting lead, or an
    acknowledgement ("I understand — if anything holds it up ..."), then with a closing check.
    A lead that says their fact back ("I have your reference, GYM-44721, in front of me.")
    comes first, so the fact it carried is not lost with the stock line."""
    fresh = [a for a in _ACKNOWLEDGEMENTS[1:] if not any(a in t for t in taken)]
    acknowledged = [_acknowledged(a, option) for a in fresh]
    if lead and says_a_fact_back(lead):  # the fact first, an acknowledgement after it
        wholes = [f"{lead} {said}" for said in (option, *acknowledged)]
        wholes += [option, *acknowledged]
    else:  # the stock line's own tone before a generic acknowledgement
        wholes = [option, *([f"{lead} {option}"] if lead else []), *acknowledged]
    for closer in _CLOSERS:
        yield from (f"{whole} {closer}".strip() for whole in wholes)


def _acknowledged(acknowledgement: str, option: str) -> str:
    """ "I understand — if anything holds it up ...", "You're right to ask. Would you like ...":
    "and" joins only a promise of mine."""
    if option.startswith(("I ", "I'")):
        return f"{acknowledgement}{option}"
    if acknowledgement.endswith(", and "):
        return f"{acknowledgement.removesuffix(', and ')}. {option}"
    return f"{acknowledgement}{option[0].lower()}{option[1:]}"


_ACTS = prebuilt.compile(r"\b(?:I'll|I will|I'm|could you|can you|would you)\b|\?", re.I)


def unanswered_turns(conversation: Conversation) -> list[str]:
    """The customer's turns since the agent last wrote: an earlier request was answered."""
    turns: list[str] = []
    for message in conversation.messages:
        turns = [] if message.role == "agent" else [*turns, message.text]
    return turns


def thread_request(conversation: Conversation) -> RequestedAction | None:
    """The request in the customer's unanswered turns, read against the thread before them."""
    turns = unanswered_turns(conversation)
    earlier = [
        (m.role, m.text) for m in conversation.messages[: len(conversation.messages) - len(turns)]
    ]
    action = requested_action(turns, earlier)
    premises = stated_premises(conversation)
    if action and action.kind == MONEY and "renewed_after_notice" in premises:
        # "cancel it and refund me" after a renewal they had refused: both, about the renewal
        # (or, after their notice, the payment that kept coming)
        renewal = _RENEWAL.search(" ".join(turns))
        action = replace(
            action,
            verb="refund",
            thing="the renewal payment" if renewal else "the payment",
            also="cancel the renewal so nothing more is taken"
            if renewal
            else "make sure nothing more is taken",
        )
    if action and action.kind == MONEY and OWED & premises:
        return replace(action, owed=True)  # owed already: checked and sent, not hedged
    return action


_RENEWAL = prebuilt.compile(r"\brenew", re.I)
# money the conversation says is owed them: a refund promised, one late, a double charge
OWED = frozenset({"refund_promised", "refund_awaited", "duplicate_charge"})


def met_by_manager_offer(action: RequestedAction | None, case: Case) -> bool:
    """Is the ask ("can I speak to a manager?") the manager request the offer of one meets?
    Then it is never taken up as "I'll check whether you can speak to a manager"."""
    asked = {"manager", "human"} & set(case.requests)
    return bool(action and asked and offers_manager(action.phrase or ""))


def take_up_request(
    suggestions: list[Suggestion], request: SuggestionRequest, case: Case, slots: dict[str, str]
) -> list[Suggestion]:
    """The suggestions with the customer's explicit request taken up in the first one."""
    action = thread_request(request.conversation) if suggestions else None
    if met_by_manager_offer(action, case):
        return suggestions
    if action and action.kind == MONEY and action.thing == "the payment" and case.thing in _PAID:
        action = replace(action, thing=f"your {case.thing}")  # "I'll check your order now"
    if action and action.kind == MONEY and not re.search(r"\d", action.thing or ""):
        said = " ".join(m.text for m in request.conversation.customer_messages)
        total = repeated_amount(said)  # "£32 a month ... 4 months": every payment, totalled
        if total:
            action = replace(action, thing=total)
    said = request_line(action) if action else None
    # a question the team's knowledge answers is answered, not only promised a finding-out
    known = (
        known_answer(request.conversation.customer_messages[-1].text, case.amounts)
        if suggestions
        else None
    )
    if known and (action is None or action.kind == ANSWER):
        said = known
        first = sentences(suggestions[0].text)[0] if suggestions[0].text.strip() else ""
        if case.ask and case.ask.lower() in first.lower():  # their question said back, answered
            money = re.search(r"\b(?:refund|deposit)\b", first, re.I)  # named once: then "it"
            said = f"{first} {without_money(known) if money else known}"
    if said is None:
        return suggestions
    return take_up_line(suggestions, request, case, fill(said, slots), slots, action)


def take_up_line(
    suggestions: list[Suggestion],
    request: SuggestionRequest,
    case: Case,
    line: str,
    slots: dict[str, str],
    action: RequestedAction | None = None,
) -> list[Suggestion]:
    """The suggestions with `line`, the next step they asked for or the case calls for, in the
    first one (after its reflection of their issue), keeping the playbook's required moves."""
    out = list(suggestions)
    if getattr(request.assessment, "care", ()):  # the person first; the request after
        first = out[0]
        if not (action and takes_it_up(first.text, action)):  # not twice in one suggestion
            out[0] = Suggestion(f"{first.text} {line}", first.why, source=first.source)
        return out
    # unsure of the moment, the framing playbook's moves (greet, invite them to say what they
    # need) are the very lines a clear request makes redundant
    playbook = None if request.low_confidence else request.playbook
    # an offer of a manager in the first suggestion is their request too: this goes second
    target = 1 if {"manager", "human"} & set(case.requests) and len(out) > 1 else 0
    original = out[target].text
    if action and takes_it_up(original, action):  # the playbook's own line says it: it stands
        return _replace_asks(out, action, slots, keep=target)
    lead = _lead(original, case, line) if target == 0 else ""
    text = _with_moves(lead, line, original, playbook)
    if not text:  # the playbook's moves need its own words: the request goes in after the lead
        rest = sentences(original[len(lead) :] if lead else original)
        kept = " ".join(s for s in rest if not says_again(s, line))
        text = f"{lead} {line} {kept}".strip()
    name = case.customer_name
    if name and name in original and name not in text and text.startswith("I"):
        text = f"{name}, {text}"  # their name went with the lead the request line replaced
    if any(
        first_sentence(text) == first_sentence(s.text) for s in out[:target] + out[target + 1 :]
    ):
        return suggestions
    out[target] = Suggestion(text, WHY if action else CASE_WHY, source=out[target].source)
    return _replace_asks(out, action, slots, target) if action else out
