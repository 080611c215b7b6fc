"""Care follow-ups that speak to this customer's situation, not stock lines that fit any need.

After the first care line (bot/llm/built_in_replies.py `CARE_BY_KIND`, or a hazard's safety
step), the suggestions name who and what it is about in the customer's own words ("your
husband Peter", "your dad", "Bella", "your council tax") and offer one concrete thing we can do:
one named person who keeps it, a pause asked for while it is sorted, a call at a time that
suits them (or, when they don't feel safe, only the way of reaching them they choose). Every
line is a promise to act or to ask, never a hold, waiver or refund nobody has confirmed.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.care import MEDICINES
from bot.core.case import Case
from bot.llm.base import Suggestion

_WHO = (
    r"husband|wife|partner|mum|mom|mother|dad|father|son|daughter|child|baby|brother|sister|"
    r"grandmother|grandfather|gran|nan|grandma|grandpa|granddad|friend|uncle|aunt|fianc[ée]e?|"
    r"dog|cat|pet|horse"
)
# "my husband Peter", "our dog Bella", "my dad", "a 3 month old baby", "my mum is 84"
_PERSON = prebuilt.compile(
    rf"\b(?:my|our|a|an) (?:late |little |elderly |\d+[- ](?:week|month|year)[- ]old )?"
    rf"(?P<who>{_WHO})\b(?: (?P<name>(?-i:[A-Z][a-z]{{2,}})))?",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset({"Is", "Has", "Was", "And", "But", "Who", "The", "Passed", "Died"})
# Care that a call to the home could put at risk: only the way they choose.
_UNSAFE_AT_HOME = prebuilt.compile(
    r"(?:don'?t|do not) feel safe|not safe (?:here|at home)|\bunsafe\b|threaten|stalk|abus",
    re.IGNORECASE,
)
_TAKEN = prebuilt.compile(
    r"\b(?:took|taken|stole|stolen|fraud\w*|scam\w*|charged|debited|came out|withdrawn|"
    r"overcharged|double|twice)\b",
    re.IGNORECASE,
)
_THREATS = prebuilt.compile(
    r"\b(?:bailiffs?|debt collectors?|court action|eviction|disconnection|cut (?:us |me )?off)\b",
    re.IGNORECASE,
)
_MONEY_WORDS = frozenset({"bill", "bills", "charge", "payment", "invoice", "letter", "letters"})
_WHY = "Speaking to their situation, with one concrete thing we'll do, is care they can rely on."


def person_named(texts: list[str]) -> str | None:
    """Who it is about, as they say it: "your husband Peter", "Bella", "your dad"; or None."""
    for text in texts:
        found = _PERSON.search(text)
        if found:
            name = found.group("name")
            name = name if name and name not in _NOT_NAMES else None
            who = found.group("who").lower()
            if name and who in {"dog", "cat", "pet", "horse"}:
                return name
            return f"your {who} {name}" if name else f"your {who}"
    return None


_HE = frozenset(
    {
        "husband",
        "dad",
        "father",
        "son",
        "brother",
        "grandfather",
        "grandpa",
        "granddad",
        "uncle",
        "fiance",
    }
)
_SHE = frozenset(
    {
        "wife",
        "mum",
        "mom",
        "mother",
        "daughter",
        "sister",
        "grandmother",
        "gran",
        "nan",
        "grandma",
        "aunt",
        "fiancee",
        "fiancée",
    }
)
# An allergic reaction, and whether a doctor has been involved since: after an adrenaline pen,
# being checked by a doctor is the first thing that matters.
_REACTION = prebuilt.compile(
    r"\b(?:allergic|anaphyla\w*|epi-?pens?|adrenaline pen|auto-injector|hives|swell\w*|"
    r"swollen|(?:couldn'?t|could not|can'?t|cannot) breathe)\b",
    re.IGNORECASE,
)
_SEEN_BY_DOCTOR = prebuilt.compile(
    r"\b(?:hospital|a&e|a and e|er|emergency room|emergency department|casualty|ambulance|"
    r"paramedics?|doctor|gp|urgent care|walk-in)\b",
    re.IGNORECASE,
)
_OWN_BODY_PART = prebuilt.compile(
    r"\b(?:over|on|onto|burnt|burned|scalded|blistered|cut|hurt|injured) my (hand|arm|leg|foot|"
    r"face|back|neck|head|knee|wrist|ankle|shoulder|finger|thumb|eye)\b",
    re.IGNORECASE,
)
MEDICAL_HELP = (
    "If anyone still feels unwell, please get medical help first; everything else can wait."
)


def injury_opening(texts: list[str]) -> str | None:
    """The first care line about who was hurt: "I'm so sorry about what happened to your son;
    how is he doing now?" (or, once a doctor is involved, a hope that they are recovering, not
    a question they have answered), with a word on medical help after an allergic reaction no
    doctor has seen yet; None to keep the general line."""
    said = " ".join(texts)
    reaction, seen = bool(_REACTION.search(said)), bool(_SEEN_BY_DOCTOR.search(said))
    person = person_named(texts)
    who = person.split()[1] if person and person.startswith("your ") else None
    if who and who not in {"dog", "cat", "pet", "horse"}:
        he = "he" if who in _HE else "she" if who in _SHE else "they"
        sorry = f"I'm so sorry to hear about {person}"
        if seen:
            hes = "they're" if he == "they" else f"{he}'s"
            return f"{sorry}; I hope {hes} recovering well."
        how = "are they" if he == "they" else f"is {he}"
        return f"{sorry}; how {how} doing now?" + (f" {MEDICAL_HELP}" if reaction else "")
    part = _OWN_BODY_PART.search(said)
    if part and not reaction:  # "boiling water went all over my hand"
        return f"I'm so sorry you were hurt; how is your {part.group(1).lower()} now?"
    if not reaction:
        return None
    if seen:
        return "I'm so sorry about the reaction; I hope you're recovering well."
    return f"I'm so sorry about the reaction; how are you feeling now? {MEDICAL_HELP}"


def _matter(case: Case, person: str | None, default: str = "this") -> str:
    """What we look after: "your husband Peter's account", "Bella's policy", "your broadband"."""
    thing = case.thing
    if thing in _MONEY_WORDS:  # "your husband Peter's account", not "... bill" paused of bills
        thing = "account"
    if person and thing:
        return f"{person}'s {thing}"
    return f"your {thing}" if thing else default


def _threat(texts: list[str]) -> str:
    """ ", including the bailiffs you're worried about,": the action they fear, in their words."""
    found = _THREATS.search(" ".join(texts))
    if not found:
        return ""
    feared = found.group(0).lower()
    if feared.startswith("cut"):  # "please don't cut us off"
        return ", including being cut off,"
    return f", including the {feared} you're worried about,"


def follow_ups(kind: str, case: Case, texts: list[str]) -> tuple[Suggestion, Suggestion]:
    """(a named owner for the first suggestion, a call on their terms for the last)."""
    person = person_named(texts)
    # someone without heat, power or water: the home is what we look after, not "your mum's power"
    # the person is said back in the first suggestion already; the step names them again
    matter = "this" if kind == "danger" else _matter(case, None)
    owner = Suggestion(
        f"I'm {{agent_name}}, and I'll look after {matter} myself from here, so you won't have "
        "to explain any of this again.",
        _WHY,
    )
    if _UNSAFE_AT_HOME.search(" ".join(texts)):
        call = Suggestion(
            "Is it safe for us to contact you at home? Tell me the safest way and time to reach "
            "you, and we'll use only that.",
            "When home isn't safe, letting them choose how we reach them is the care.",
        )
        return owner, call
    if person and kind == "danger":
        tail = f", so you can stay with {person} in the meantime"
    else:
        tail = "; it stays with me, so you won't be passed between teams"
    if call_open(texts):
        call = Suggestion(
            f"If you'd rather talk it through, tell me a time that suits you and I'll call you "
            f"then myself{tail}.",
            _WHY,
        )
    else:  # no number, no call asked for: we write back here, and a call is theirs to ask for
        tail = tail.replace("; it stays with me,", ",")
        call = Suggestion(
            f"I'll keep you updated here myself{tail}. If a call would be easier, send me a "
            "number and a time that suit you.",
            _WHY,
        )
    return owner, call


# A number they gave us, or a call they asked for: a call back assumes neither otherwise.
_NUMBER = prebuilt.compile(r"(?:\+|\b0)\d[\d ]{7,}\d\b")
_CALL_ASKED = prebuilt.compile(
    r"\b(?:call|ring|phone) (?:me|us)\b|\bcall ?back\b|\bby phone\b|\bon the phone\b", re.I
)


def call_open(texts: list[str]) -> bool:
    """Did the customer give a phone number or ask for a call?"""
    said = " ".join(texts)
    return bool(_NUMBER.search(said) or _CALL_ASKED.search(said))


# One concrete thing, by need, about their own matter: asked for or checked, never done.
_STEPS = {
    "bereavement": "I'll ask for {matter} to be paused, with no bills or reminders, while we "
    "sort it, and check exactly what needs to change with as little from you as possible; "
    "nothing has to be done today.",
    "hardship": "I'll ask whether any further action on {matter}{threat} can be paused while we "
    "look at it together, and check what support we can offer, such as a payment plan or more "
    "time to pay; I'll update you {update_time}.",
    "injury": "I'll make sure it's properly looked into, and I'll personally update you "
    "{update_time} with exactly what went wrong and what happens next.",
    "illness": "I'll check straight away whether we can treat {matter} as a priority, and what "
    "else would make this easier for you, and I'll update you {update_time}.",
    "danger": "I'll check straight away what we can do to keep {matter} safe, and set out your "
    "options in whatever way you choose to be contacted.",
    "distress": "I'll go through everything that's happened with {matter} myself and tell you "
    "plainly what happens next, {update_time}.",
}


# Their medicine running out: getting it to them in time is the care.
_RUNNING_OUT = prebuilt.compile(
    r"\b(?:run(?:ning)? out|ran out|enough (?:\w+ )?(?:for|to last)|\w+ left)\b", re.IGNORECASE
)
# The most specific word they use for it first: "insulin" over "prescription".
_MEDICINE_STEP = (
    "I'll find out where {whose} {medicine} {are} and whether {it} can be sent urgently or "
    "collected nearer to you today, so that {who} run out, and I'll update you "
    "{update_time}."
)


def medicine_running_out(texts: list[str]) -> str | None:
    """The medicine they are running out of, in their word ("insulin"), or None."""
    said = " ".join(texts).lower()
    if not _RUNNING_OUT.search(said):
        return None
    return next((m for m in MEDICINES if re.search(rf"\b{m}s?\b", said)), None)


def next_step(kind: str, case: Case, texts: list[str]) -> Suggestion | None:
    """The concrete thing their need calls for, about their own matter; None for a kind with
    none of its own (the caller keeps its default)."""
    medicine = medicine_running_out(texts) if kind == "illness" else None
    if medicine:
        are, it = ("are", "they") if medicine.endswith("s") else ("is", "it")
        person = person_named(texts)  # "your dad's insulin", not "your insulin"
        related = person.split()[1] if person and person.startswith("your ") else None
        whose = f"{person}'s" if related else "your"
        if related in _HE:
            who = "he doesn't"
        elif related in _SHE:
            who = "she doesn't"
        else:
            who = "they don't" if related else "you don't"
        text = _MEDICINE_STEP.format(
            whose=whose, medicine=medicine, are=are, it=it, who=who, update_time="{update_time}"
        )
        return Suggestion(
            text, "When their medicine is running out, getting it to them in time is the care."
        )
    step = _STEPS.get(kind)
    if not step:
        return None
    person = person_named(texts) if kind == "bereavement" else None
    matter = _matter(case, person, "your account")
    text = step.format(matter=matter, threat=_threat(texts), update_time="{update_time}")
    return Suggestion(text, _WHY)


def money_taken(texts: list[str]) -> bool:
    """Was money taken from them (a charge, fraud), rather than owed by them?"""
    return bool(_TAKEN.search(" ".join(texts)))
