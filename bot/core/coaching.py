"""One or two lines of coaching for the agent, from the case and the playbook.

"They already restarted the router three times: don't ask again; own the follow-up."
The most specific lines come first; the playbook's nudge note is the fallback.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.assessment import Assessment
from bot.core.case import Case
from bot.core.hazards import HAZARD_COACHING, hazard_in
from bot.core.language import LANGUAGE_NAMES

MAX_LINES = 2
_CONTACTED = prebuilt.compile(r"(called|rang|phoned|emailed|contacted|chased|messaged|wrote)\b")
_ABOUT_THEM = [
    (prebuilt.compile(r"\byour\b"), "their"),
    (prebuilt.compile(r"\byou've\b"), "they've"),
    (prebuilt.compile(r"\byou're\b"), "they're"),
    (prebuilt.compile(r"\byourself\b"), "themselves"),
    (prebuilt.compile(r"\byou\b"), "they"),
]
_A = {"injury": "an injury", "illness": "an illness"}
_ORDINALS = {2: "Second", 3: "Third", 4: "Fourth", 5: "Fifth"}


def _third_person(step: str) -> str:
    """The case speaks to the customer ("your claim"); coaching speaks about them."""
    for pattern, replacement in _ABOUT_THEM:
        step = pattern.sub(replacement, step)
    return step


def _tried_line(step: str) -> str:
    step = _third_person(step)
    if re.search(r"\btold\b", step):  # a promise or advice from us, not a fix they tried
        said = f"They {step}" if step.startswith("were told") else f"They already {step}"
        return f"{said}: own that promise; say what happens now and when."
    already = "" if re.search(r"\balready\b", step) else "already "
    return f"They {already}{step}: don't ask them to do it again; own the follow-up."


def _contact_line(contacts: int) -> str | None:
    if contacts >= 3:
        ordinal = _ORDINALS.get(contacts, f"{contacts}th")
        return f"{ordinal} contact: own it end to end, with your name and a time for the update."
    if contacts == 2:
        return "They've been in touch before: don't make them repeat anything."
    return None


def _care_line(care: tuple[str, ...], mode: str | None, danger: str = "") -> str:
    """`danger`: the words that showed a danger, which name the hazard (gas, flooding ...)."""
    kinds = " and ".join(care)
    hazard = hazard_in([danger]) if danger else None
    if hazard:
        return HAZARD_COACHING[hazard]
    if mode == "context":
        return (
            f"They mention {_A.get(care[0], care[0])} as background: acknowledge it in one line, "
            "then deal with what they asked for; promise no waiver you haven't confirmed."
        )
    first = "Safety first" if mode == "urgent" else "Care first"
    return (
        f"{first} ({kinds}): the person before the process; no script, no upsell; "
        "arrange a human follow-up with a time."
    )


def _situation_line(case: Case) -> str | None:
    """A service that failed them, said to the agent: what to own and what not to promise."""
    if "missed_visit" in case.premises:
        lost = "; recognise the time they lost" if "time_lost" in case.premises else ""
        return (
            f"A visit or collection that didn't happen: own it, find out why and offer the first "
            f"slot that suits them{lost}; "
            "promise no compensation you haven't checked."
        )
    if "renewed_after_notice" in case.premises:
        return (
            "They told us not to renew: no offer to stay; cancel, find out why it renewed, and "
            "say when the money is dealt with."
        )
    if "cancel_decided" in case.premises and "cancel" in case.requests:
        return "They've decided: no retention offer; make it quick and confirm the end date."
    if "meter_reading" in case.premises:
        return (
            "An estimate against their real readings: re-bill on the real figures; don't ask "
            "for a reading they already gave."
        )
    if "payment_plan" in case.premises:
        return "They need the bill spread, not explained: set out the instalments and amounts."
    if "locked_out_place" in case.premises:
        return (
            "Locked out of a place, not an account: getting them in comes first (someone out, "
            "or another way in), with a time; no identity checks or resets."
        )
    if "spoilt_stay" in case.premises:
        ongoing = "stay_ongoing" in case.premises
        move = "offer to check a room move while they're there; " if ongoing else ""
        return f"Their stay fell short: believe them; {move}promise no refund you haven't checked."
    return None


def language_line(case: Case, suggestions_language: str | None = None) -> str | None:
    """Said when the customer writes in another language than English: which language the
    suggestions are in (theirs, from playbooks/languages/, or English)."""
    if case.language in (None, "en"):
        return None
    name = LANGUAGE_NAMES[case.language]
    if suggestions_language == case.language:
        return f"The customer writes in {name}; these suggestions are in {name}."
    return f"The customer writes in {name}; these suggestions are in English: reply in {name}."


def coaching_lines(
    case: Case,
    assessment: Assessment,
    suggestions_in_english: bool = True,
    suggestions_language: str | None = None,
) -> list[str]:
    """The most specific lines (at most MAX_LINES), then the language note when it applies:
    the suggestions' language (`suggestions_language`) when it is the customer's, else
    English when `suggestions_in_english` (a model asked to reply in theirs gets no note)."""
    lines: list[str] = []
    care = getattr(assessment.escalation, "care", ())
    if care:
        mode = getattr(assessment.escalation, "care_mode", None)
        found = [r for r in assessment.escalation.reasons if r.startswith("care: danger: ")]
        lines.append(_care_line(care, mode, " ".join(found)))
    if case.urgent:
        lines.append(
            f"They need this now ({case.urgent!r}): act in this contact, say what you're doing as "
            "you do it, and don't leave them waiting for a call back."
        )
    if assessment.low_confidence:
        lines.append(
            f"{assessment.low_confidence_note}: acknowledge, then ask the one question "
            "that tells you what they need."
        )
    if {"manager", "human"} & set(case.requests):
        lines.append("They asked for a manager: offer one with a time, and own it until then.")
    # "chased twice" is a contact (the contact line says it); "reinstalled twice" is a fix.
    steps = [t for t in case.tried if "told" in t or not _CONTACTED.match(t)]
    if steps:
        lines.append(_tried_line(steps[0]))
    contact = _contact_line(case.contacts)
    if contact:
        lines.append(contact)
    if "callback" in case.requests:
        lines.append("They want a call back: give a time you can keep, then keep it.")
    situation = _situation_line(case)
    if situation:
        lines.append(situation)
    if not lines and assessment.playbook is not None:
        lines.append(assessment.playbook.nudge.note)
    written_in_theirs = suggestions_language is not None
    language = (
        language_line(case, suggestions_language)
        if suggestions_in_english or written_in_theirs
        else None
    )
    return lines[:MAX_LINES] + ([language] if language else [])
