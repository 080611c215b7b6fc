"""What the customer explicitly asks us to do, turned into the agent's own next step.

"could you move my physio appointment on Thursday to next week?" -> "I'll move your physio
appointment on Thursday to next week"; "I need my permit updated with my new registration" ->
"I'll update your permit with your new registration"; "I want the £39.99 back" -> "I'll check
the £39.99 now and, if a refund is due, arrange it".

Honest tense: a promise to act or to check, never a claim that it is done. Money and things
that depend on availability (a refund, a waived fee, a late checkout) are checked first, since
the agent cannot promise the outcome. Only requests for an action the company takes on the
customer's behalf are read (move, cancel, reissue, chase ...), in the common request forms
("can you ...", "can I ...", "I'd like to ...", "I need X updated", "please ...", "my money
back for ..."), asked softly ("would you be able to ...", "any chance of a morning slot?":
checked, not promised) or after the story in the same sentence ("it's been 3 weeks, can
someone chase my results"). A bare instruction or a yes after the agent's question ("Just
cancel it.") takes up what the agent offered or what they asked before: it is the
confirmation. "ok but when?" after our reply gets a promise to find out the time. A question
for information is left to bot/core/asks.py. What cannot be said back cleanly gives a
`RequestedAction` without a phrase, and the composer keeps its own reflection instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.core import prebuilt
from bot.core.asks import RHETORICAL, SENTENCES, ask_clause
from bot.core.care import RELATIVES
from bot.core.reflect import second_person
from bot.core.tidy import tidy, unknown_share

ACT = "act"  # the agent can do it: "I'll move ..."
MONEY = "money"  # a refund, a waived charge: checked, then done if due
CHECK = "check"  # depends on availability: "I'll check whether we can ..."
ANSWER = "answer"  # a question for information: "I'll check whether the pool is open on Sundays"
STEPS = "steps"  # how to do it themselves: "I'll send you the steps to appeal"

# Actions the company takes for a customer, in base form. Not "tell", "explain", "show":
# those ask for information, which is an answer, not an action.
_ACT_VERBS = frozenset(
    """move reschedule rebook book change update correct amend fix reissue resend send email
    post forward redeliver deliver stop cancel pause freeze suspend end close remove delete add
    enrol enroll register put take transfer switch upgrade downgrade extend renew reset unlock
    unblock reopen reactivate restore chase arrange organise organize collect replace repair swap
    exchange sort look investigate review call ring phone text contact unsubscribe reserve hold
    split print mark note escalate expedite rush issue upgrade recheck reconnect disconnect
    install remove raise increase lower reduce decrease lift""".split()  # noqa: SIM905
)
_LIMITS = frozenset("raise increase lift lower reduce decrease".split())  # noqa: SIM905
_MONEY_VERBS = frozenset("refund reimburse compensate credit waive reverse release".split())  # noqa: SIM905
# Verbs a customer uses of themselves for a change the company makes ("can I move my booking").
_SELF_SERVICE = frozenset(
    """move change reschedule rebook cancel freeze pause switch upgrade downgrade extend transfer
    book add remove swap update renew reserve""".split()  # noqa: SIM905
)
_IRREGULAR_PARTICIPLES = {
    "sent": "send",
    "put": "put",
    "taken": "take",
    "resent": "resend",
    "held": "hold",
    "rung": "ring",
}
# Things to send ("I need a copy of my invoice") and visits to arrange ("I need an engineer").
_DOCUMENTS = prebuilt.compile(
    r"\b(copy|copies|receipt|invoice|statement|confirmation|letter|certificate|transcript|"
    r"quote|form|link|code|label|breakdown)\b",
    re.IGNORECASE,
)
_VISITS = prebuilt.compile(r"\b(engineer|plumber|electrician|technician|visit|call ?back)\b", re.I)
_CHARGE = prebuilt.compile(r"\b(charge|fee|fine|penalty|surcharge|interest)s?\b", re.IGNORECASE)
_MONEY_NOUNS = prebuilt.compile(
    r"^(?:a |my |the |some )?(?:full |partial |complete |proper )?(refund|reimbursement|"
    r"compensation)\b",
    re.IGNORECASE,
)
_CHARGED = prebuilt.compile(r"\b(?:charg\w*|fee|fine|penalty|billed|took|taken)\b|[£$€]\d", re.I)
# Taking a charge off: checked first, like a refund.
_REMOVALS = frozenset("remove cancel take drop waive reverse wipe".split())  # noqa: SIM905
# A manager or a human: the composer's own offer answers that (bot/llm/offline.py).
_MANAGER = prebuilt.compile(
    r"\b(manager|supervisor|someone senior|team lead(?:er)?|real person|human|speak to someone)\b",
    re.IGNORECASE,
)
_NOUN_START = prebuilt.compile(
    r"^(?:the|my|our|this|that|these|those|a|an|your|his|her|their)\b", re.I
)

_FLAGS = re.IGNORECASE
_LEAD = prebuilt.compile(
    r"^(?:(?:hi|hello|hey|hiya|dear \w+|good (?:morning|afternoon|evening)|ok(?:ay)?|fine|so|"
    r"also|and|but|then|right|well|yes|no|um+|please|pls|just|actually|sorry|oh|instead)\b"
    r"[\s,!.:-]*)+",
    _FLAGS,
)
_TAIL = prebuilt.compile(
    r"[\s,]+(?:please|pls|thanks|thank you|thx|asap|if possible|if you can)\W*$", _FLAGS
)
_PLEASE = r"(?:please |kindly |just |possibly |also )*"
_FORMS: tuple[tuple[str, re.Pattern], ...] = (
    # "I want that in writing", "can you put the decision in writing"
    ("writing", prebuilt.compile(r"^(?:(?:i|we)(?: would|'d| really| do)? (?:like|want|need|"
                                 r"expect)s?|(?:(?:can|could|would|will) (?:you|someone) )?"
                                 rf"{_PLEASE}(?:put|confirm|send)) (?:me |us )?(?P<np>.+?) "
                                 r"(?:confirmed |put |sent )?in writing$", _FLAGS)),
    # "can you reissue the invoice", "could someone chase the lab"
    ("do", prebuilt.compile(rf"^{_PLEASE}(?:can|could|would|will) (?:you|u|someone|somebody|"
                      rf"you guys|your team) {_PLEASE}(?P<vp>.+)$", _FLAGS)),
    # "would you be able to extend it", "any chance you could waive the fee", "is there any
    # way you could send the engineer earlier": a request, asked softly
    ("soft", prebuilt.compile(rf"^(?:(?:would|will|could) (?:you|someone|your team) be able to|"
                      rf"(?:are|is) (?:you|someone|your team) able to|(?:is there )?any chance "
                      rf"(?:you|someone) (?:could|can|would|might)|is there (?:any|a) way "
                      rf"(?:you|someone) (?:could|can)) {_PLEASE}(?P<vp>.+)$", _FLAGS)),
    # "is there any chance of a morning slot", "any chance of an early check-in"
    ("chance", prebuilt.compile(r"^(?:is there )?(?:any|a) chance (?:of|for) (?P<np>.+)$", _FLAGS)),
    # "can I be added to the class" -> "add you to the class"
    ("passive", prebuilt.compile(r"^(?:can|could|may) (?:i|we) (?:please )?be (?P<part>\w+)"
                                 r"(?P<rest>(?: .+)?)$", _FLAGS)),
    # "can I get a refund", "could we have a late checkout"
    ("get", prebuilt.compile(r"^(?:can|could|may) (?:i|we) (?:please )?(?:get|have) (?P<np>.+)$",
                             _FLAGS)),
    # "can I move my appointment": the company makes the change
    ("self", prebuilt.compile(r"^(?:can|could|may) (?:i|we) (?:please )?(?P<vp>.+)$", _FLAGS)),
    # "is it possible to get a late checkout", "would it be possible to move it"
    ("possible", prebuilt.compile(r"^(?:is (?:it|there any way)|would it be|will it be) possible "
                                  r"(?:for (?:me|us|you) )?to (?P<vp>.+)$", _FLAGS)),
    # "I need someone to come and fix the leak" -> "arrange for someone to come and fix ..."
    ("someone", prebuilt.compile(r"^(?:i|we)(?: would|'d| really)? (?:like|want|"
                                 r"need)s? (?P<who>someone|"
                                 r"somebody|an engineer|a technician|a plumber|an electrician) to "
                                 r"(?P<vp>.+)$", _FLAGS)),
    # "I'd like you to stop the reminders", "I want to cancel my membership"
    ("want", prebuilt.compile(r"^(?:i|we)(?: would|'d| really| do)? (?:like|want|wish|"
                              r"need)(?: you)? "
                              r"to (?P<vp>.+)$", _FLAGS)),
    ("want", prebuilt.compile(r"^(?:i|we)(?:'m| am| are|'re) (?:looking|hoping|"
                              r"trying) to (?P<vp>.+)$",
                              _FLAGS)),
    # "I need my permit updated with ...", "I want the difference refunded", "... back"
    ("need", prebuilt.compile(r"^(?:i|we)(?: would|'d| really)? (?:like|want|need)s? (?P<np>.+)$",
                              _FLAGS)),
    # "can it be Saturday morning instead?": moving what is booked, if we can
    ("instead", prebuilt.compile(r"^(?:can|could) (?:it|that|this|we|the \w+(?: \w+)?) (?:be|go|"
                           r"happen|come|be moved|be changed)(?: to| on| at| for)? "
                           r"(?P<np>.+?) instead$", _FLAGS)),
    # "is a late check-out at 2pm possible?"
    ("np_possible", prebuilt.compile(r"^(?:is|would|will) (?P<np>(?:a|an|the|my|our|some)\b.+?) "
                               r"(?:be )?possible$", _FLAGS)),
    # "please stop my donation", "cancel my order"
    ("imperative", prebuilt.compile(rf"^{_PLEASE}(?P<vp>[a-z]+\b.*)$", _FLAGS)),
)  # fmt: skip
# Where the request ends and a reason or another clause begins.
# They ask how to do it themselves: "I need to ..." is then their plan, not a request of us.
_HOW_TO = prebuilt.compile(r"\bhow (?:do|can|could|should|would) (?:i|we)\b", _FLAGS)
_CLAUSE_END = prebuilt.compile(
    r"\s*(?:,|;|[-–—]\s|\s(?:because|cuz|cause|as|since|so|but|though|although|while|"
    r"otherwise|or else|even if|if|unless|where|what|how|which|who)\b|\sand (?=(?:i|i'm|i've|"
    r"we|it|it's|they|the app|that|this)\b))",
    _FLAGS,
)
_PLURAL_THING = prebuilt.compile(
    r"\b(?:the|my|our|these|those|your|his|her|their|\w+ed|automated)\s+(?:\w+\s+){0,2}?(\w+s)\b"
)
# "it", "this" standing alone, not "that charge".
_VAGUE = prebuilt.compile(
    r"^(?:it|this|that|them|something|anything|the thing|stuff)(?=$|\s+(?:to|for|on|in|off|"
    r"back|out|up|over|please|now|again|asap|today|tomorrow|by|before|as|so|and|or|removed)\b)",
    _FLAGS,
)
_DAYS = prebuilt.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"june|july|august|september|october|november|december)\b"
)
MAX_WORDS = 16
# Things they hold that "it" stands for: "please freeze it" after "I lost my card".
_HELD = frozenset("freeze block lock unlock suspend pause reissue replace".split())  # noqa: SIM905
# The thing they named ("my passport renewal form today" -> "passport renewal form").
_NAMED = prebuilt.compile(r"\b(?:my|our|the) (?P<np>[a-z]+(?: [a-z]+){0,2})", _FLAGS)
_NOT_NAMING = prebuilt.compile(
    r"\b(?:today|yesterday|tomorrow|last|this|on|in|to|for|from|and|is|was|has|have|been|off|"
    r"\w+ed)\b.*$",
    _FLAGS,
)
# When a charge must be gone: "before I leave", "by Friday".
_BY = prebuilt.compile(
    r"\b(?:before|by) (?:(?:i|we) (?:leave|go|check out|fly|travel|arrive|pay)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the weekend|"
    r"the end of the (?:day|week|month)))\b",
    _FLAGS,
)


@dataclass(frozen=True, slots=True)
class RequestedAction:
    verb: str  # the base verb: "move", "refund"
    kind: str  # ACT, MONEY or CHECK
    phrase: str | None  # "move your physio appointment on Thursday to next week"; None: unclear
    thing: str = ""  # for MONEY and CHECK: what is checked ("the £39.99", "a late checkout")
    also: str | None = None  # a second request in the same breath: "send you written confirmation"
    by: str = ""  # when they need a money request done: "before you leave"
    owed: bool = False  # money already owed them (a refund promised or late, a double charge)

    @property
    def commitment(self) -> str | None:
        """The agent's promise, without a full stop; None when the request is unclear."""
        if self.phrase is None:
            return None
        if self.kind == ACT:
            return f"I'll {self.phrase}"
        if self.kind == CHECK:
            return f"I'll check now whether we can {self.phrase}"
        if self.kind == ANSWER:  # found out, never answered for them
            verb = "check" if re.match(r"(?:whether|if)\b", self.phrase) else "find out"
            return f"I'll {verb} {self.phrase}"
        if self.kind == STEPS:
            return f"I'll send you the steps to {self.phrase}"
        if self.owed and self.verb not in _MONEY_CONDITION:  # no "if a refund is due"
            by = f" {self.by}" if self.by else ""
            return f"I'll check {self.thing} now and make sure the refund reaches you{by}"
        condition = _MONEY_CONDITION.get(self.verb, "if a refund is due, arrange it")
        by = f" {self.by}" if self.by else ""
        return f"I'll check {self.thing} now and, {condition}{by}"


_MONEY_CONDITION = {
    "waive": "if it shouldn't apply, have it removed",
    "remove": "if it shouldn't be there, have it removed",
    "reverse": "if it shouldn't be there, have it reversed",
    "release": "if nothing is holding it back, have it released to you",
    "compensate": "if compensation applies, arrange it",
    "credit": "if a credit is due, arrange it",
}


def _base(word: str) -> str | None:
    """The base verb of a participle ("reissued" -> "reissue", "stopped" -> "stop")."""
    lower = word.lower()
    if lower in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[lower]
    if not lower.endswith("ed"):
        return None
    stem = lower[:-2]
    known = _ACT_VERBS | _MONEY_VERBS
    for candidate in (stem, stem + "e", stem[:-1], stem[:-1] + "y" if stem.endswith("i") else ""):
        if candidate in known:
            return candidate
    return None


def _kind(verb: str, rest: str) -> str:
    if verb in _MONEY_VERBS or (verb in _REMOVALS and _CHARGE.search(rest)):
        return MONEY
    return ACT


def _clip(text: str) -> str:
    """The request up to the reason or the next clause: "add me to the class, the app ..."."""
    match = _CLAUSE_END.search(text)
    text = (text[: match.start()] if match else text).strip(" .!?")
    return re.sub(r"\s+(?:this once|for me|for us|for once|asap|urgently)$", "", text, flags=_FLAGS)


def _resolve(vp: str, before: str) -> str:
    """ "stop them" after "we keep getting automated reminders": "stop the reminders"."""
    words = vp.split(maxsplit=1)
    if len(words) == 2 and words[0].lower() in _HELD and re.match(r"it\b", words[1], _FLAGS):
        named = [_NOT_NAMING.sub("", m.group("np")).strip() for m in _NAMED.finditer(before)]
        if named and named[-1]:  # "freeze it" after "I left my card in a taxi"
            return f"{words[0]} my {named[-1]}{words[1][2:]}"
    if len(words) == 2 and words[1].lower().startswith("them"):
        things = _PLURAL_THING.findall(before)
        if things:
            return f"{words[0]} the {things[-1]}{words[1][4:]}"
    return vp


def _phrase(vp: str) -> str | None:
    """The verb phrase in the agent's words, or None when it does not read cleanly."""
    said = second_person(vp)
    said = _DAYS.sub(lambda m: m.group(1).capitalize(), said)
    words = said.split()
    if not 2 <= len(words) <= MAX_WORDS or unknown_share(said) > 0.2:
        return None
    if re.search(r"\b(?:I|I'm|I've|me|my)\b|\?", said):  # a pronoun the swap could not place
        return None
    return said


def _money(verb: str, thing: str, phrase: str | None = None) -> RequestedAction:
    said = second_person(thing).strip() if thing else ""
    if not said or _VAGUE.match(said) or said.lower() in ("your money", "money"):
        said = "the payment"
    return RequestedAction(verb, MONEY, phrase or said, thing=said)


def _from_verb_phrase(vp: str, before: str, form: str) -> RequestedAction | None:
    vp = _resolve(_clip(vp), before)
    verb, _, rest = vp.partition(" ")
    verb = verb.lower()
    if form == "self" and verb not in _SELF_SERVICE | _MONEY_VERBS:
        return None  # "can I pay by card" asks what they may do, not for an action
    if verb in ("get", "have") and rest:
        return _from_noun(rest, before, offered=form in ("possible", "do"))
    if verb == "be":  # "I'd like to be added to the list"
        part, _, after = rest.partition(" ")
        base = _base(part)
        return _from_verb_phrase(f"{base} me {after}".strip(), before, "do") if base else None
    if verb not in _ACT_VERBS | _MONEY_VERBS or not rest:
        return None
    if verb == "look" and not re.match(r"(?:into|at|over)\b", rest, _FLAGS):
        return None  # "look up how to ..." asks for information
    if verb in _REMOVALS | {"stop"} and _VAGUE.match(rest) and _CHARGED.search(before):
        # "I want this removed" after "you charged me"; "take it off before I leave" keeps when
        by = _BY.search(rest)
        return replace(_money("remove", "the charge"), by=second_person(by.group(0)) if by else "")
    kind = _kind(verb, rest)
    if kind == MONEY:
        thing = rest if verb != "refund" else re.sub(r"^(?:me|us)\b\s*(?:for )?", "", rest)
        thing = re.sub(r"\s+(?:off|back|removed)$", "", thing)
        return _money("remove" if verb in _REMOVALS else verb, thing)
    if _VAGUE.match(rest) and verb not in ("stop", "cancel", "fix", "chase", "redeliver", *_LIMITS):
        return RequestedAction(verb, ACT, None)
    # a limit raised or lowered depends on checks the agent cannot promise the outcome of
    return RequestedAction(verb, CHECK if verb in _LIMITS else ACT, _phrase(vp))


def _from_noun(np: str, before: str, offered: bool = False) -> RequestedAction | None:
    """ "a refund for the second order", "the £39.99 back", "my invoice reissued with ...",
    "a copy of my contract", "a late checkout tomorrow"."""
    np = _clip(np)
    money = _MONEY_NOUNS.match(np)
    if money:
        noun = money.group(1).lower()
        verb = "compensate" if noun == "compensation" else "refund"
        thing = re.sub(r"^(?:of|for|on)\s+", "", np[money.end() :].strip())
        return _money(verb, thing)
    back = re.match(
        r"^(?P<thing>(?:the|my|our|this|that|a|an|all|every|[£$€]|\d)\S*(?: \S+){0,5}?) "
        r"(?:back|returned|paid back|repaid)\b",
        np,
        _FLAGS,
    )
    if back:
        thing = back.group("thing")
        paid_for = re.match(r"^\s*(?:for|on) (?P<what>(?:the|my|our|both|all|\d)\b[^,;]*)",
                            np[back.end():], _FLAGS)  # fmt: skip
        if paid_for and re.match(r"^(?:my|our|the) money$", thing, _FLAGS):
            thing = f"the payment for {paid_for.group('what')}"  # "my money back for the tickets"
        refund = _money("refund", thing)
        more = re.match(r"^\s*(?:,\s*)?and\s+(?P<np>.+)$", np[back.end() :], _FLAGS)
        second = _from_noun(more.group("np"), before) if more else None
        if second and second.kind == ACT and second.phrase:  # "... back and a written apology"
            return RequestedAction(refund.verb, MONEY, refund.phrase, refund.thing, second.phrase)
        return refund
    words = np.split()
    # "my permit updated with my ...", not "a corrected invoice" (a participle as adjective)
    for index, word in enumerate(words[1:6], start=1):
        if not _NOUN_START.match(np):
            break
        if index == 1 and len(words) > 2 and words[0].lower() in ("a", "an"):
            continue
        base = _base(word)
        if base:
            thing = " ".join(words[:index])
            rest = " ".join(words[index + 1 :])
            if _kind(base, thing) == MONEY:
                return _money("remove" if base in _REMOVALS else base, thing)
            return _from_verb_phrase(f"{base} {thing} {rest}".strip(), before, "do")
    if _DOCUMENTS.search(np.split(" of ")[0]) and not _VAGUE.match(np):
        return RequestedAction("send", ACT, _phrase(f"send me {np}"))
    if _VISITS.search(np) and not _VAGUE.match(np):
        return RequestedAction("arrange", ACT, _phrase(f"arrange {np}"))
    # "can I get a late checkout": something we may be able to offer. Not "I need the update
    # urgently", which states a need rather than asking for something.
    if offered and re.match(r"^(?:a|an|the)\b", np, _FLAGS) and len(np.split()) >= 2:
        phrase = _phrase(f"give me {np}")
        return RequestedAction("give", CHECK, phrase, thing=np) if phrase else None
    return None


def _sentence_request(sentence: str, before: str, turn: str = "") -> RequestedAction | None:
    text = " ".join(sentence.replace("\u2019", "'").split())
    polite = bool(re.search(r"\bplease\b", text, _FLAGS))
    if _MANAGER.search(text):
        return None
    text = _TAIL.sub("", _LEAD.sub("", text)).strip(" .!?")
    before_and_after = turn or sentence
    for form, pattern in _FORMS:
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        if form == "passive":
            base = _base(parts["part"])
            if base:
                return _from_verb_phrase(f"{base} me{parts['rest']}", before, "do")
            continue
        if form == "writing":
            said = _phrase(f"send me {parts['np']} in writing")
            plain = said if said and not _VAGUE.match(parts["np"]) else None
            return RequestedAction("send", ACT, plain or "send you written confirmation")
        if form == "someone":
            phrase = _phrase(f"arrange for {parts['who']} to {_clip(parts['vp'])}")
            found = RequestedAction("arrange", ACT, phrase) if phrase else None
        elif form in ("get", "need", "chance", "np_possible"):
            offered = form in ("get", "chance", "np_possible")
            found = _from_noun(parts["np"], before, offered=offered)
        elif form == "instead":
            when = _phrase(f"move it to {_clip(parts['np'])}")
            found = RequestedAction("move", CHECK, when) if when else None
        elif form == "imperative":
            verb = parts["vp"].split()[0].lower()
            strong = verb in _MONEY_VERBS or verb in {"cancel", "stop", "reissue", "resend",
                                                      "redeliver", "reschedule", "rebook",
                                                      "unsubscribe", "chase", "refund"}  # fmt: skip
            vague = _VAGUE.match(parts["vp"].partition(" ")[2])
            found = None
            if polite or (strong and not vague):
                found = _from_verb_phrase(parts["vp"], before, form)
        elif form == "want" and _HOW_TO.search(before_and_after):
            found = None  # "I need to move her contract ... How do I do that?" asks how
        elif form == "soft":  # whether we can is theirs to hear, not ours to assume
            found = _from_verb_phrase(parts["vp"], before, "do")
            if found and found.kind == ACT and found.phrase:
                found = replace(found, kind=CHECK)
        else:
            found = _from_verb_phrase(parts["vp"], before, form)
        if found:
            return found
    return None


def _clause_request(sentence: str, before: str, turn: str) -> RequestedAction | None:
    """The request in the sentence, or in a clause after its comma ("it's been 3 weeks since
    my scan, can someone chase my results"); `turn` is the whole turn it is in."""
    found = _sentence_request(sentence, before, turn)
    clauses = re.split(
        r"[,;:]\s+|\s[-–—]\s|\s(?:and|so|but) (?=(?:i|we)\b)", sentence, flags=_FLAGS
    )
    for number in range(1, len(clauses)):
        if found:
            break
        found = _sentence_request(", ".join(clauses[number:]), f"{before} {clauses[0]}", turn)
    return found


# "ok but when?", "So when is someone coming?": a time we owe them, found out and told.
_WHEN = prebuilt.compile(
    r"^(?:(?:ok(?:ay)?|so|but|and|right|fine|sure|yes|thanks|great)\b[\s,!.]*)*(?:when\b(?! "
    r"(?:did|was|were)\b)|"
    r"what time\b|what day\b|by when\b)[^?]*\?",
    _FLAGS,
)
WHEN = "find out"
# A question for information said back in plain order ("whether the pool is open on Sundays",
# "when the assessor is coming"): what they want to know, which we find out and tell them.
_QUESTION_CLAUSE = prebuilt.compile(
    r"^you're asking (?:us to tell you )?(?P<clause>(?:whether|if|when|what time|what day|"
    r"how long|how much|how soon|by when|what|who|where|which)\b.+)$",
    _FLAGS,
)
# Where a second question or a condition joins the first: "... in my plan or will I be charged".
_SECOND_QUESTION = prebuilt.compile(
    r"(?:,? or (?:do|does|will|would|is|are|should|can|just|not)\b|,\s(?![^()]*\))).*$", _FLAGS
)


# (the places a guide fits, as bot/core/premises.py reads a how-to; "where can I get a card"
# is found out instead)
_WHERE_TO = prebuilt.compile(
    r"^where you (?:can |could )?(?P<steps>(?:find|change|update|set|see|download)\b.+)$", _FLAGS
)
_STEPS_CLAUSE = prebuilt.compile(r"^you're asking how to (?P<steps>.+)$", _FLAGS)
# "how long does it take?" after "I posted my passport renewal form": what "it" is
_PEOPLE = prebuilt.compile(
    rf"\b(?:{RELATIVES}|landlord|landlady|tenant|boss|manager|neighbour|neighbor|colleague|"
    r"accountant|solicitor|lawyer|doctor|kids?|children|family|husband's|wife's)$",
    _FLAGS,
)
_BARE_IT = prebuilt.compile(r"^(?P<wh>how long|when|how much|how soon) it (?P<verb>\w+)$", _FLAGS)


def _it_named(clause: str, said_before: str) -> str:
    """ "how long your passport renewal form takes" for "how long it takes", from the thing
    they named just before; the clause as it was when they named none."""
    bare = _BARE_IT.match(clause)
    named = [_NOT_NAMING.sub("", m.group("np")).strip() for m in _NAMED.finditer(said_before)]
    named = [n for n in named if n and not _PEOPLE.search(n)]  # "it" is never "my landlord"
    if not bare or not named:
        return clause
    return f"{bare.group('wh')} your {named[-1]} {bare.group('verb')}"


_PAST_WHEN = prebuilt.compile(r"\bwhen (?:did|was|were)\b", _FLAGS)
_UNTURNED = prebuilt.compile(
    r"^(?:when|what time|what day|how much|how long|how soon) (?:is|are|was|were|will|do|does|"
    r"did|can|has|have)\b",
    _FLAGS,
)


def _question(turn: str, before: str = "") -> RequestedAction | None:
    """The question for information in `turn`, as what we will find out; None when it has none
    that reads cleanly (a how-to is answered by the moment's own lines)."""
    if "?" not in turn:
        return None
    asked = [s for s in SENTENCES.split(turn) if s.rstrip().endswith("?")]
    said = ask_clause(asked[-1:]) if asked else None
    steps = _STEPS_CLAUSE.match(said or "")
    if steps:  # how to do it themselves: the steps, sent
        clause = _SECOND_QUESTION.sub("", steps.group("steps")).strip()
        plain = 1 <= len(clause.split()) <= MAX_WORDS and unknown_share(clause) <= 0.2
        if plain and not re.search(r"\b(?:I|I'm|I've|me|my)\b", clause):
            return RequestedAction("steps", STEPS, clause)
        return None
    match = _QUESTION_CLAUSE.match(said or "")
    if not match:
        return None
    clause = _SECOND_QUESTION.sub("", match.group("clause")).strip()
    clause = _it_named(clause, f"{before} {turn[: turn.find(asked[-1])]}")
    found = _WHERE_TO.match(clause)
    if found:  # "where do I download my bill" asks the way: the steps
        return RequestedAction("steps", STEPS, found.group("steps"))
    words = clause.split()
    if not 3 <= len(words) <= MAX_WORDS or unknown_share(clause) > 0.2:
        return None
    if _PAST_WHEN.search(turn) or _UNTURNED.match(clause):
        return None  # a date gone by ("when did you ..."), or the question's order left as it was
    if re.search(r"\b(?:I|I'm|I've|me|my)\b", clause) or RHETORICAL.search(clause):
        return None  # a pronoun the swap could not place, or a question asking nothing
    verb = WHEN if words[0].lower() == "when" else "answer"
    return RequestedAction(verb, ANSWER, clause)


# A yes to what the agent proposed, or to their own earlier request: "Yes, go ahead".
_CONFIRMS = prebuilt.compile(
    r"^(?:(?:yes|yeah|yep|yup|ok(?:ay)?|sure|fine|please|correct|right)\b[\s,!.]*)*"
    r"(?:yes|yeah|yep|yup|go ahead|please do|do it|do that|that's (?:fine|right|correct)|"
    r"sounds good|both\b|all of (?:it|them))\b",
    _FLAGS,
)
# The agent reporting something done: a yes after it confirms nothing new.
_DONE = prebuilt.compile(r"\bI(?:'ve| have)\b|\b(?:has|have) been\b|\bis (?:done|sorted)\b", _FLAGS)
_OFFER_END = prebuilt.compile(r"\s*(?:[,;:]|\s[-–—]\s|\s(?:because|but|so|if|unless|or)\b)", _FLAGS)
_DANGLING = prebuilt.compile(r"\b(?:into|at|over|for|to|on|with|about|of|and|the|a|your)$", _FLAGS)
# What the agent offered to do: "Would you like me to cancel her place on the trip?"
_OFFER = prebuilt.compile(
    r"\b(?:would you like me to|shall i|should i|do you want me to|want me to|i can|i could)"
    r" (?P<vp>[^?.!]+)",
    _FLAGS,
)


def _offered(agent_text: str, verb: str | None = None) -> RequestedAction | None:
    """The action the agent offered in `agent_text`, in the agent's own words (of `verb`)."""
    for match in _OFFER.finditer(agent_text):
        # the agent's own words need no clipping at "how" ("look into how it was worked out")
        vp = _OFFER_END.split(match.group("vp"))[0].strip()
        if _DANGLING.search(vp):
            continue
        said, _, rest = vp.partition(" ")
        said = said.lower()
        if (verb and said != verb) or said not in _ACT_VERBS or not rest or _VAGUE.match(rest):
            continue
        if _kind(said, rest) == ACT and 2 <= len(vp.split()) <= MAX_WORDS:
            return RequestedAction(said, ACT, vp)
    return None


def _instructed(turn: str, earlier: Sequence[tuple[str, str]]) -> RequestedAction | None:
    """A bare instruction or a yes after the agent's question: "Just cancel it." after "Would
    you like me to cancel her place?"; "Yes both months please" after a check of their request.
    The instruction is the confirmation; nothing is asked again."""
    asked = [number for number, (role, _) in enumerate(earlier) if role == "agent"]
    if not asked:
        return None
    agent = earlier[asked[-1]][1]
    text = _LEAD.sub("", " ".join(turn.replace("\u2019", "'").split())).strip(" .!?")
    verb, _, rest = text.partition(" ")
    if verb.lower() in _ACT_VERBS and (not rest or _VAGUE.match(rest)):
        return _offered(agent, verb.lower())
    if not _CONFIRMS.match(turn.strip()) or len(turn.split()) > 12:
        return None
    offered = _offered(agent)
    if offered or "?" not in agent or _DONE.search(agent):
        return offered  # a yes to "Anything else?" after "I've moved it" asks for nothing
    start = asked[-2] + 1 if len(asked) > 1 else 0
    theirs = [text for role, text in earlier[start : asked[-1]] if role == "customer"]
    return requested_action(theirs) if theirs else None  # their request, checked back


def sentence_ask(sentence: str, before: str, turn: str) -> RequestedAction | None:
    """The request, else the question, in one sentence of `turn` (`before`: what came before
    it), as `requested_action` reads them."""
    found = _clause_request(sentence, before, turn)
    if (found is None or found.phrase is None) and sentence.rstrip().endswith("?"):
        found = _question(sentence, before) or found
    return _money_checked(found)


def requested_action(
    customer_turns: list[str], earlier: Sequence[tuple[str, str]] = ()
) -> RequestedAction | None:
    """See `_requested_action`; money asked for in the same breath as an action ("cancel it and
    refund the last payment") is checked, never promised, like money asked for alone."""
    return _money_checked(_requested_action(customer_turns, earlier))


_AND_MONEY = prebuilt.compile(
    rf"^(?P<act>.+?),? and (?P<verb>{'|'.join(sorted(_MONEY_VERBS))})\b(?P<rest>.*)$", _FLAGS
)


def _money_checked(found: RequestedAction | None) -> RequestedAction | None:
    split = found and found.kind == ACT and found.phrase and _AND_MONEY.match(found.phrase)
    if not split:
        return found
    rest = re.sub(r"^\s*(?:me|us|you)\b\s*(?:for\s+)?", "", split.group("rest")).strip(" ,.")
    money = _money(split.group("verb").lower(), rest)
    return RequestedAction(money.verb, MONEY, money.phrase, money.thing, split.group("act"))


def _requested_action(
    customer_turns: list[str], earlier: Sequence[tuple[str, str]] = ()
) -> RequestedAction | None:
    """The latest explicit request for an action in `customer_turns` (the customer's turns
    since the agent last wrote), from their own words; None if none. `earlier` is the thread
    before them as (role, text): a bare instruction or a yes is read against the agent's last
    question, and a question of when gets a promise to find the time out."""
    if customer_turns:
        last = customer_turns[-1]
        found = _instructed(last, earlier)
        if found:
            return found
        # a follow-up to what we said is pending ("ok but when?"), not a timetable question
        pending = any(role == "agent" for role, _ in earlier)
        if pending and any(_WHEN.match(s.strip()) for s in SENTENCES.split(last)):
            asked = _question(last)  # "when the assessor is coming", else the bare time
            return asked or RequestedAction(WHEN, ACT, "find out the exact day and time")
    for number in range(len(customer_turns) - 1, -1, -1):
        turn = customer_turns[number]
        # tidied first ("cant u cancel my order"), then as written, for a verb the speller
        # does not know ("redeliver")
        for readable in dict.fromkeys((tidy(turn), turn)):
            before = " ".join(customer_turns[:number])  # what "them" and "this" may refer to
            for sentence in SENTENCES.split(readable):
                found = _clause_request(sentence, before, readable)
                if found and found.phrase is None and number == len(customer_turns) - 1:
                    found = _question(turn) or found  # "can I swap them ...?": asked, said back
                if found:
                    return found
                before = f"{before} {sentence}"
        # no request in their latest turn: the question they put there is what they need
        asked = _question(turn) if number == len(customer_turns) - 1 else None
        if asked:
            return asked
    return None
