"""The offline composer: suggestions built on the case from the playbook's templates, no network.

A suggestion is: an optional opener (never the same one twice in a set), a sentence reflecting
this customer's issue (a different frame in each suggestion), and a template whose premises
the conversation states. Honest tense comes from the templates and the built-in lines; the
composer adds no claims. See bot/llm/template_choice.py and bot/llm/reply_text.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core import prebuilt
from bot.core.care import CONTEXT, PERSON, URGENT, care_mode, without_care
from bot.core.case import Case, extract_case
from bot.core.case_patterns import problem_sentence
from bot.core.gist import gist_clause
from bot.core.hazards import hazard_in
from bot.core.playbooks import KNOWLEDGE_SLOTS
from bot.core.rubric import check
from bot.core.slots import labelled_references
from bot.core.text import normalise
from bot.core.thread_topic import named_topic
from bot.core.tidy import tidy
from bot.core.wants import REFUND
from bot.llm import built_in_replies as lines
from bot.llm import care_replies
from bot.llm.ask_taken_up_twice import take_up_twice
from bot.llm.base import Backend, Suggestion, SuggestionRequest
from bot.llm.case_lines import (
    anchored_times,
    asks_known,
    case_lines,
    missing_question,
    narrowed,
    with_references,
)
from bot.llm.case_next_steps import case_next_steps
from bot.llm.hazard_replies import hazard_care
from bot.llm.lead_reply import lead_step, said_cleanly
from bot.llm.praise_reply import praise_reflection
from bot.llm.repeat_reply import with_how_long
from bot.llm.reply_text import (
    ACKNOWLEDGEMENTS,
    fill,
    final_pass,
    first_sentence,
    is_courtesy,
    no_repeats,
    one_apology,
    says_again,
    sentences,
    without_name,
)
from bot.llm.request_take_up import (
    take_up_line,
    take_up_request,
    thread_request,
    with_case_options,
)
from bot.llm.second_ask_reply import take_up_second_ask
from bot.llm.situation_fit import fit_to_situation, keeps_moves, made_to_wait
from bot.llm.template_choice import (
    WE_CANCELLED,
    fitting_templates,
    most_relevant_first,
    waits_for_money,
)
from bot.llm.their_language import in_their_language
from bot.llm.urgent_replies import acting_now

__all__ = ["OfflineBackend", "fill", "most_relevant_first"]

# Used when a playbook has no openers of its own for the level; none of them apologises.
DEFAULT_OPENERS = {
    "watch": ["I can see why this is annoying.", "I want to get this right for you."],
    "escalate": ["This has gone on far too long.", "I'm taking this on personally."],
}
_MANAGER = ("manager", "human")
_GREETS = prebuilt.compile(
    r"^(hi|hello|hey|thanks for (getting in touch|your message|reaching out))\b", re.IGNORECASE
)
# A body that opens with its action, not with a tone-setting clause of its own.
_ACTION = prebuilt.compile(
    r"^(?:I(?:'ll| will| can|'m going to)|If|Once|Since|Could|Can|Would|What|Which|How)\b"
)
_ASKED = prebuilt.compile(r"you(?:'re asking|'re looking|'d like| want)\b")
_OFFERS_MANAGER = ("manager", "supervisor", "senior colleague", "team lead", "{escalation_path}")


def _slots(request: SuggestionRequest, case: Case) -> dict[str, str]:
    """The request's slots, the case's names, and the team's facts where its knowledge has them."""
    slots = dict(request.slots)
    if case.customer_name:
        slots["customer_name"] = case.customer_name
    slots["colleague"] = case.praised or "the colleague you mentioned"
    if case.agent_name and slots.get("agent_name", "[").startswith("["):
        slots["agent_name"] = case.agent_name
    facts = getattr(getattr(request, "knowledge", None), "facts", None)
    for slot in KNOWLEDGE_SLOTS:
        value = facts.get(slot) if isinstance(facts, dict) else getattr(facts, slot, None)
        if value:
            slots[slot] = str(value)
    return anchored_times(slots, case)


def _about_thing(draft: Suggestion, case: Case) -> Suggestion:
    about = f" with your {case.thing}" if case.thing else " today"
    return Suggestion(draft.text.replace("{about_thing}", about), draft.why)


def _care(request: SuggestionRequest) -> tuple[str, str | None]:
    """The gravest care kind and how to meet it (bot/core/care.py), or ("", None)."""
    kinds = getattr(request.assessment, "care", ())
    if not kinds:
        return "", None
    mode = getattr(request.assessment, "care_mode", None)
    texts = turns_of(request)
    return kinds[0], mode or care_mode(texts) or PERSON


def turns_of(request: SuggestionRequest) -> list[str]:
    """The customer's turns, as they wrote them."""
    return [m.text for m in request.conversation.customer_messages]


# Money taken from them, not money they owe: a payment plan would miss the point.
_TAKEN_FROM_THEM = frozenset({"account-access", "billing-dispute"})


# The agent's own sympathy, already given in the thread: "I'm so sorry for your loss".
_SYMPATHY_GIVEN = prebuilt.compile(
    r"\b(?:sorry (?:for|about) your loss|(?:my|our) (?:deepest |sincere )?condolences|"
    r"(?:so|very|really|truly) sorry to hear)\b",
    re.IGNORECASE,
)


def _care_drafts(
    kind: str,
    mode: str,
    count: int,
    texts: list[str],
    case: Case,
    playbook_id: str | None = None,
    sympathy_given: bool = False,
) -> list[Suggestion]:
    """The person first: safety only in an emergency, then their situation in their words,
    one concrete thing we'll do, and a call on their terms (bot/llm/care_replies.py)."""
    owner, call = care_replies.follow_ups(kind, case, texts)
    step = care_replies.next_step(kind, case, texts) or lines.CARE_NEXT_STEP_DEFAULT
    if kind == "hardship" and playbook_id in _TAKEN_FROM_THEM and care_replies.money_taken(texts):
        step = lines.MONEY_TAKEN_NEXT_STEP
    follow = [owner, step, call]
    if mode == URGENT and kind in lines.CARE_URGENT:
        first = lines.CARE_URGENT[kind]
    elif sympathy_given and kind in lines.CARE_AFTER_SYMPATHY:
        first = lines.CARE_AFTER_SYMPATHY[kind]
    else:
        opening = care_replies.injury_opening(texts) if kind == "injury" else None
        first = opening or lines.CARE_BY_KIND.get(kind, lines.CARE_BY_KIND["distress"])
    hazard = hazard_care(texts) if kind == "danger" else None
    if hazard:  # gas, water, power lines, no heat: the safety step that fits
        first, follow[1], last = hazard
        follow[2] = last or follow[2]
    return [Suggestion(f"{first} {follow[0].text}", lines.CARE_WHY), *follow[1:]][:count]


def _drafts(request: SuggestionRequest, case: Case) -> list[Suggestion]:
    """The bodies to write from, in order: care, clarifying, or the playbook's templates."""
    count = request.count
    kind, mode = _care(request)
    if mode in (URGENT, PERSON):
        texts = turns_of(request)
        playbook_id = request.playbook.id if request.playbook else None
        sympathy = any(
            _SYMPATHY_GIVEN.search(m.text)
            for m in request.conversation.messages
            if m.role == "agent"
        )
        return _care_drafts(kind, mode, count, texts, case, playbook_id, sympathy)
    if request.low_confidence:
        clarify = [_about_thing(d, case) for d in lines.CLARIFY]
        if case.issue or case.ask:  # said back first, then checked: "Is that right? ..."
            # ... and built on it after: no open questions about what they already said
            clarify = [lines.CONFIRM_UNDERSTANDING, *clarify[1:]]
            return _unasked(clarify, _understood(case), request.playbook)[:count]
        return _unasked(clarify, case, request.playbook)[:count]
    said = " ".join(m.text for m in request.conversation.customer_messages[-2:])
    action = thread_request(request.conversation)
    asked_to_act = bool(action and action.commitment)
    fitting = fitting_templates(list(request.playbook.replies), case, said, asked_to_act)
    # we let them down: our lines, not a goodbye (unless it is their money back they want)
    if WE_CANCELLED.match(case.issue or "") and REFUND not in case.wants:
        fitting = [*lines.OUR_CANCELLATION, *fitting]
    elif request.playbook.id == "billing-dispute" and waits_for_money(said):
        refund = f"your {case.amounts[0]} refund" if case.amounts else "your refund"
        waits = [Suggestion(r.text.replace("{refund}", refund), r.why) for r in lines.REFUND_WAIT]
        fitting = [*waits, *fitting]  # in place of the charge audits left out
    start = (request.variant * count) % len(fitting) if fitting else 0
    rotated = fitting[start:] + fitting[:start]
    drafts = [Suggestion(r.text, r.why) for r in rotated[:count]]
    padding = [lines.PAD, *(_about_thing(d, case) for d in lines.CLARIFY)]
    # a clear moment we can't read in their words, or one they need now: act on it rather
    # than ask what they need ("locked out of the flat" has said it)
    if case.language not in (None, "en") or case.urgent:
        padding = case_next_steps(case)
    padding = _unasked(padding, case, request.playbook)
    drafts += padding[: count - len(drafts)]
    if set(_MANAGER) & set(case.requests) and not any(
        word in d.text.lower() for d in drafts for word in _OFFERS_MANAGER
    ):
        best = drafts[0]  # their explicit request, honoured in the first suggestion
        offer = lines.MANAGER_OFFER if "manager" in case.requests else lines.HUMAN_OFFER
        drafts[0] = Suggestion(f"{best.text} {offer}", best.why)
    if mode == CONTEXT and drafts:  # one line for what they told us, then their issue
        said = lines.CARE_CONTEXT.get(kind, lines.CARE_CONTEXT["illness"])
        ack = said[request.variant % len(said)]
        opening, *rest = sentences(drafts[0].text)
        body = " ".join(rest) if rest and is_courtesy(without_name(opening)) else drafts[0].text
        drafts[0] = Suggestion(f"{ack} {body}", drafts[0].why)
    return drafts


def _understood(case: Case) -> Case:
    """The case once what they said is understood: the open questions (what they need, what
    happened, which thing) are answered by it; only the one missing reference may be asked."""
    return replace(case, thing=case.thing or "it") if not case.references else case


def _context_issue(request: SuggestionRequest) -> str | None:
    """Their issue once the need they gave as background is set aside ("you've still charged
    me for April", not "you injured your knee")."""
    others = [tidy(text) for text in without_care(turns_of(request))]
    return (problem_sentence(others)[1] or gist_clause(others)) if others else None


def _built(case: Case) -> list[Suggestion]:
    """Lines built on the case: the one missing thing asked for, then next steps with a time."""
    missing = missing_question(case)
    asked = [Suggestion(f"{missing} {lines.TAKE_IT_FROM_THERE}", lines.MISSING_WHY)]
    return [*(asked if missing else []), *case_next_steps(case)]


def _unasked(drafts: list[Suggestion], case: Case, playbook) -> list[Suggestion]:
    """The drafts, each asking only for what the case does not hold: one that asks for what
    they already said asks only for the missing part, or gives way to a line built on the case
    (the one missing thing, if any), whichever still makes the playbook's required moves."""
    built = _built(case)
    kept: list[Suggestion] = []
    for draft in drafts:
        if asks_known(draft.text, case):
            said = " ".join(k.text for k in kept)
            fresh = [b for b in built if b.text not in said]
            narrow = narrowed(draft.text, case)
            # narrowed, it must still say something of its own: a question, or more than the
            # one line that leaned on the question ("I'll take it from there ...")
            telling = narrow and ("?" in narrow or len(sentences(narrow)) > 1)
            options = [Suggestion(narrow, draft.why)] if telling and not is_courtesy(narrow) else []
            options += fresh
            if _GREETS.match(draft.text):  # a greeting moment: greet, act, and invite once
                hello = sentences(draft.text)[0]
                options += [
                    Suggestion(f"{hello} {b.text} {lines.ANYTHING_ELSE}", b.why) for b in fresh
                ]
            # the one making the most of the moment's required moves; the original only when
            # nothing else makes as many
            options.append(draft)
            draft = min(options, key=lambda o: (_missing_moves(o.text, playbook), o is draft))
        if draft.text not in [k.text for k in kept]:
            kept.append(draft)
    return kept


def _asking_only_the_missing(text: str, case: Case, playbook, slots: dict[str, str]) -> str:
    """The text with its questions for what the case holds narrowed or left out, unless that
    leaves only courtesy or loses a move the moment requires."""
    narrow = narrowed(text, case)
    if narrow == text:
        return text
    options = []
    if narrow and not is_courtesy(narrow) and _ACTS.search(narrow):
        # without its question, a check that nothing else is needed may make its move
        options += [narrow, f"{narrow} {lines.ANYTHING_ELSE}"]
    else:  # the question was the point: a next step built on the case, after its courtesy
        courtesy = narrow if narrow and is_courtesy(narrow) else ""
        options += [f"{courtesy} {fill(b.text, slots)}".strip() for b in _built(case)]
    for option in options:
        if _missing_moves(option, playbook) <= _missing_moves(text, playbook):
            return option
    return text


_ACTS = prebuilt.compile(r"\bI(?:'ll| will)\b|\?")


def _missing_moves(text: str, playbook) -> int:
    return len(check(text, playbook).missing_moves)


def _reflection(
    request: SuggestionRequest,
    case: Case,
    index: int,
    body: str,
    used: set[str],
    request_lines: list[str] = (),
) -> str:
    """A sentence reflecting the customer's issue, in the first suggestion only: said back three
    times it reads as a script, and the other two open with their own first step."""
    mode = _care(request)[1]
    care = mode in (URGENT, PERSON)
    # their practical question, back; not in a live danger, where the safety step answers it
    hazard = hazard_in(turns_of(request)) is not None
    if index == 1 and care and _ASKED.match(case.ask or "") and not hazard:
        return _framed(lines.REFLECT_ASK[:1], case.ask, case, body, used, 0)
    if index > 0:  # the others open with a fact of the case instead: their deadline ...
        facts = [] if care else request_lines
        line = facts[index - 1] if index - 1 < len(facts) else ""
        said_in_body = any(ref in line and ref in body for ref in case.references)
        return "" if not line or said_in_body or says_again(line, body) else line
    # thanks: what went well; a lone message that asks or complains is said back instead
    thanks = request.playbook.id in lines.NO_REFLECTION_PLAYBOOKS and not care
    said = praise_reflection(request.conversation, case, body) if thanks else None
    if said is not None:
        return said
    # background care: what they asked, or their issue once the care is set aside
    problem = (_context_issue(request) if not case.ask else None) if mode == CONTEXT else None
    if mode == CONTEXT:
        issue = case.ask or problem
    else:
        issue = (case.situation if care else None) or case.issue or case.ask
    if not issue:
        turns = turns_of(request)
        neutral = request.playbook.id in lines.NEUTRAL_PLAYBOOKS  # no problem: "I've read ..."
        return _topic(case, body, used, turns, int(neutral)) if not care else ""
    if care:
        frames = lines.REFLECT_CARE
    elif request.low_confidence:
        frames = lines.REFLECT_ASK[1:]  # "If I've understood, ...", then the check
    elif not (problem if mode == CONTEXT else case.issue):  # their question or request, back
        frames = lines.REFLECT_ASK
    elif request.playbook.id in lines.NEUTRAL_PLAYBOOKS:
        frames = lines.REFLECT_NEUTRAL
    else:
        frames = (
            lines.REFLECT_HOT if request.assessment.level == "escalate" else lines.REFLECT_PROBLEM
        )
    if not care and mode != CONTEXT and _stuck_how_to(case):
        # how to do it, and what stopped them: both are theirs, and the question comes first
        issue = f"{case.ask}, and {case.issue}"
        frames = lines.REFLECT_ASK[1:] if request.low_confidence else lines.REFLECT_ASK
    start = _fitting_frame(frames, issue, case) + request.variant
    return _framed(frames, issue, case, body, used, start)


def _stuck_how_to(case: Case) -> bool:
    """They ask how to do something and say what stopped them ("the link goes nowhere")."""
    if "how_to" not in case.premises or not case.ask or not case.issue:
        return False
    return (
        case.ask.startswith("you're asking how") and len(f"{case.ask} {case.issue}".split()) <= 32
    )


# Which frame fits: a summary of facts is checked back ("So I've got this right: ..."), a
# problem that keeps on or a customer back again is taken on ("You've told me ..."), a plain
# account is thanked for; the same frame for every customer reads as a script.
_FRAME_BY_SITUATION = {
    "facts": ("So I've got this right", "Just to confirm", "I understand that"),
    "again": ("You've told me", "I understand that", "Thanks for telling me straight"),
    "plain": ("Thanks for explaining", "I understand that", "If I've understood"),
    # their question or request said back: a question is checked, a request confirmed
    "question": ("If I've understood", "Just to confirm"),
    "request": ("Just to confirm", "If I've understood"),
    "statement": ("{Issue}", "Just to confirm"),
}
_QUESTION = prebuilt.compile(r"^you(?:'re asking| want to know|'d like to know)\b")
_REQUEST = prebuilt.compile(r"^you(?:'re looking to|'d like|'re asking us to| want| need)\b")
_FACTS = prebuilt.compile(
    r"\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I
)
_AGAIN = prebuilt.compile(r"\b(?:still|again|keeps?|every|since)\b", re.IGNORECASE)


def _fitting_frame(frames, issue: str, case: Case) -> int:
    if frames is lines.REFLECT_ASK:
        situation = "request" if _REQUEST.match(issue) else "statement"
        situation = "question" if _QUESTION.match(issue) else situation
    elif case.contacts > 1 or _AGAIN.search(issue):
        situation = "again"
    else:
        situation = "facts" if _FACTS.search(issue) else "plain"
    preferences = _FRAME_BY_SITUATION[situation]
    if frames is lines.REFLECT_HOT:  # a thread gone hot: said back as taken seriously first
        preferences = ("I understand that", *preferences)
    for preferred in preferences:
        for position, (plain, _) in enumerate(frames):
            if plain.startswith(preferred):
                return position
    return 0


def _framed(frames, issue: str, case: Case, body: str, used: set[str], start: int) -> str:
    """`issue` in the first of `frames` (from `start`) that the body does not already say."""
    issue = _not_in_body(issue, body)
    if not issue:
        return ""
    named = bool(case.customer_name) and case.customer_name not in body
    for step in range(len(frames)):
        plain, with_name = frames[(start + step) % len(frames)]
        frame = with_name if named else plain
        bare = frame.format(issue="", Issue="", name="")  # the frame's own words
        if plain not in used and not says_again(bare, body):
            used.add(plain)
            return frame.format(
                issue=issue, Issue=issue[0].upper() + issue[1:], name=issue and case.customer_name
            )
    return ""


def _not_in_body(issue: str, body: str) -> str:
    """`issue`, or "" when the body already says one of its clauses: "nobody came, you took the
    day off" before "I know you kept time free for us and nobody came" would say it twice."""
    said = f" {normalise(body)} "
    clauses = re.split(r", | and ", issue)
    return "" if any(f" {normalise(c)} " in said for c in clauses if " " in c) else issue


def _topic(case: Case, body: str, used: set[str], turns: list[str], start: int = 0) -> str:
    """No clause of theirs reads cleanly: what it is about, never their broken words."""
    thing = f"your {case.thing}" if case.thing else ""
    topic = case.topic or named_topic(turns) or thing
    if not topic or topic.split(maxsplit=1)[-1] in body:
        return ""
    return _framed(lines.REFLECT_TOPIC, topic, case, body, used, start)


def _joined(greeting: str, reflection: str) -> str:
    """ "Thanks for getting in touch; if I've understood, ...": one sentence with content."""
    first = reflection if re.match(r"I\b", reflection) else reflection[0].lower() + reflection[1:]
    return f"{greeting.rstrip(' .!')}; {first}"


def _openers(request: SuggestionRequest, case: Case) -> list[str]:
    level = request.assessment.level
    if _care(request)[1] or request.low_confidence:
        return []  # no scripted tone-setters when someone needs care or we are unsure
    if WE_CANCELLED.match(case.issue or ""):  # not the moment's own ("whatever you decide")
        return list(DEFAULT_OPENERS.get(level, []))
    return list(request.playbook.openers.get(level) or DEFAULT_OPENERS.get(level, []))


def _body(template: str, case: Case) -> str:
    return template if case.customer_name else without_name(template)


class OfflineBackend(Backend):
    name = "offline"
    composes_offline = True

    def suggest(self, request: SuggestionRequest) -> list[Suggestion]:
        case = request.case or extract_case(request.conversation)
        translated = in_their_language(request, case)  # Spanish, French ... (their own lines)
        if translated:
            return translated
        case = replace(case, issue=said_cleanly(case.issue))  # never said back broken
        slots = _slots(request, case)
        labelled = labelled_references(request.conversation)
        facts = case_lines(case, labelled, case.issue or case.ask or "")
        openers = _openers(request, case)
        used_openings: set[str] = set()
        used_frames: set[str] = set()
        suggestions = []
        for index, draft in enumerate(_drafts(request, case)):
            body = with_references(_body(draft.text, case), labelled)  # not in the issue said back
            reflection = _reflection(request, case, index, fill(body, slots), used_frames, facts)
            if index == 0 and not _care(request)[1]:  # how long, how many times: said back
                said = " ".join(m.text for m in request.conversation.customer_messages)
                reflection = with_how_long(reflection, request.playbook.id, said, fill(body, slots))
            parts = [reflection, body]
            opening, *rest = sentences(body) or [""]
            if reflection and (_GREETS.match(body) or (index == 0 and _care(request)[1])):
                # greet first, or meet the person first (care), then show we listened
                parts = [opening, reflection, " ".join(rest)]
                if is_courtesy(opening):  # "Thanks for getting in touch." alone says nothing
                    parts = [_joined(opening, reflection), " ".join(rest)]
            elif rest and is_courtesy(opening):  # "Good question." says nothing; the rest does
                parts = [reflection, " ".join(rest)]
            # The reflection sets the tone; without one, an opener may.
            # ... and only before a body that starts with its action: two tone-setting
            # sentences in a row ("Money matters. You're right to question this.") say nothing
            tone_first = not _ACTION.search(sentences(body)[0] if body.strip() else "")
            fresh = [
                o for o in openers if not (reflection or tone_first) and not says_again(o, body)
            ]
            if fresh:
                opener = fresh[(index + request.variant) % len(fresh)]
                if first_sentence(opener) not in used_openings:
                    parts.insert(0, opener)
            if index == 0 and case.praised and case.praised not in fill(body, slots):
                parts.append(lines.PASS_ON_PRAISE.format(praised=case.praised))
            text = no_repeats(one_apology(fill(" ".join(p for p in parts if p), slots)))
            text = _asking_only_the_missing(text, case, request.playbook, slots)
            if first_sentence(text) in used_openings:  # never two suggestions opening alike
                text = " ".join(sentences(text)[1:]) or text
            used_openings.add(first_sentence(text))
            suggestions.append(Suggestion(text, draft.why, source=self.name))
        # a gas smell, a live line, water coming in: the safety step is the answer to any
        # question they ask ("should I just wait?"), never "I'll check whether you should"
        hazard = _care(request)[0] == "danger" and hazard_in(turns_of(request)) is not None
        if not hazard:
            suggestions = take_up_request(suggestions, request, case, slots)
        suggestions = _case_step(suggestions, request, case, slots, labelled)
        suggestions = _fact_in_lead(suggestions, case, labelled)
        suggestions = _distinct(suggestions, slots, request.playbook, case)
        suggestions = with_case_options(suggestions, request, case, slots)
        if not hazard:
            suggestions = take_up_second_ask(suggestions, request, slots)  # "and ...?" too
        suggestions = take_up_twice(suggestions, request, case, slots)  # the ask in two
        suggestions = acting_now(
            suggestions, case, turns_of(request)
        )  # they need it now: no "later"
        framing = None if request.low_confidence else request.playbook
        suggestions = fit_to_situation(suggestions, request.conversation, framing)
        return _final_pass(suggestions, request, framing)


def _case_step(suggestions, request, case: Case, slots, labelled) -> list[Suggestion]:
    """With no request of theirs to take up, the next step the case calls for (their money
    back, with their amount, reference and proof) in the first suggestion."""
    if not suggestions or _care(request)[1] in (URGENT, PERSON):
        return suggestions
    action = thread_request(request.conversation)
    if action and action.commitment:
        return suggestions  # their own request is the first suggestion's step
    texts = [tidy(m.text) for m in request.conversation.customer_messages]
    step = lead_step(case, texts, labelled, request.playbook.id)
    if not step:
        return suggestions
    stepped = take_up_line(suggestions, request, case, fill(step, slots), slots)
    before, after = (_missing_moves(s[0].text, request.playbook) for s in (suggestions, stepped))
    if after <= before:
        return stepped
    # never at the cost of a required move: the old lead's greeting and an invitation around it
    opening = sentences(suggestions[0].text)[0]
    head = opening.split(";")[0].rstrip(".!") + "."  # "Thanks for getting in touch; just to ..."
    greeting = next((g for g in (opening, head) if is_courtesy(without_name(g))), "")
    lead = stepped[0].text
    greetings = [""] if not greeting or greeting.rstrip(".") in lead else ["", greeting]
    for wrapped in (
        " ".join(p for p in (_greeted(g, lead), ask) if p)
        for g in greetings
        for ask in ("", lines.ANYTHING_ELSE)
    ):
        if _missing_moves(wrapped, request.playbook) <= before:
            return [Suggestion(wrapped, stepped[0].why, source=stepped[0].source), *stepped[1:]]
    return suggestions


def _greeted(greeting: str, text: str) -> str:
    """ "Thanks for getting in touch; I'll check ...": a greeting is not a sentence of its own."""
    if not greeting:
        return text
    rest = text if text.startswith("I ") or text.startswith("I'") else text[0].lower() + text[1:]
    return f"{greeting.rstrip('.!')}; {rest}"


def _fact_in_lead(suggestions: list[Suggestion], case: Case, labelled) -> list[Suggestion]:
    """The first suggestion carries their deadline, else their reference, when it names
    neither: the line moves there from the suggestion that opened with it."""
    if not suggestions or (case.deadline and case.deadline in suggestions[0].text):
        return suggestions
    lead = suggestions[0].text
    if not case.deadline and any(ref in lead for ref in case.references):
        return suggestions
    facts = [f for f in case_lines(case, labelled, "") if f.startswith(("I know ", "I have "))]
    moved = facts[0] if facts else None
    if not moved or moved in lead:
        return suggestions
    out = []
    for suggestion in suggestions[1:]:
        text = suggestion.text
        if text.startswith(moved) and text[len(moved) :].strip():
            text = text[len(moved) :].strip()
        out.append(Suggestion(text, suggestion.why, source=suggestion.source))
    first, *rest = sentences(lead)
    said_back = any(c and c.lower() in first.lower() for c in (case.issue, case.ask))
    text = " ".join([first, moved, *rest] if said_back else [moved, lead])
    out.insert(0, Suggestion(text, suggestions[0].why, source=suggestions[0].source))
    openings = [first_sentence(s.text) for s in out]
    return out if len(set(openings)) == len(openings) else suggestions


def _first_step(text: str) -> str:
    """The first sentence that acts or asks, normalised ("" when none does)."""
    return next((first_sentence(p) for p in sentences(text) if _ACTS.search(p)), "")


def _distinct(suggestions: list[Suggestion], slots, playbook, case: Case) -> list[Suggestion]:
    """No two suggestions alike: a later one that opens like an earlier one gives way to a next
    step built on the case that none of them says yet (one that makes the playbook's moves
    first)."""
    out: list[Suggestion] = []
    spare = [fill(s.text, slots) for s in case_next_steps(case)]
    for suggestion in suggestions:
        opened = {first_sentence(s.text) for s in out}
        # "Thanks for letting us know. I'll send you ..." after "I'll send you ...": alike too
        steps = {_first_step(s.text) for s in out} - {""}
        if first_sentence(suggestion.text) in opened or _first_step(suggestion.text) in steps:
            fresh = [t for t in spare if first_sentence(t) not in opened]
            fresh = [t for t in fresh if all(t not in s.text for s in [*suggestions, *out])]
            fresh.sort(key=lambda text: _missing_moves(text, playbook))
            if fresh:
                suggestion = Suggestion(fresh[0], suggestion.why, source=suggestion.source)
        out.append(suggestion)
    return out


def _final_pass(suggestions: list[Suggestion], request, playbook) -> list[Suggestion]:
    """The general checks (bot/llm/reply_text.py) on every finished reply, unless a reply would
    be left empty, open like another, or lose a move the playbook requires."""
    waited = made_to_wait(request.conversation)
    out: list[Suggestion] = []
    for index, suggestion in enumerate(suggestions):
        others = [first_sentence(s.text) for s in out + suggestions[index + 1 :]]
        fits = [
            text
            for ack in ACKNOWLEDGEMENTS
            if (text := final_pass(suggestion.text, waited, ack))
            and first_sentence(text) not in others
            and keeps_moves(text, suggestion.text, playbook)
        ]
        text = fits[0] if fits else suggestion.text
        out.append(Suggestion(text, suggestion.why, source=suggestion.source))
    return out
