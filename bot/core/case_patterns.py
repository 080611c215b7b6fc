"""Plain-word patterns behind bot/core/case.py: problems, wants, things, facts, tried steps."""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.clause_repair import (
    is_instruction,
    is_not_a_problem,
    with_auxiliary,
    with_determiner,
)
from bot.core.clean_clause import clean, unshouted
from bot.core.reflect import second_person


def _re(pattern: str) -> re.Pattern:
    return prebuilt.compile(pattern, re.IGNORECASE)


_NUMBER = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a couple of|a few|"
    r"several)"
)
AMOUNT = _re(
    r"[£$€]\s?\d+(?:,\d{3})*(?:\.\d{1,2})?|\b\d+(?:,\d{3})*(?:\.\d{1,2})?\s?(?:pounds|dollars|euros|quid|"
    r"bucks|usd|gbp|eur|aud|cad|inr|rupees)\b"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DATE = _re(
    rf"\b(?:(?:last|this|next|on|since|by) )?{_DAY}\b|\b(?:yesterday|today|tonight|"
    rf"last (?:week|month|night|year)|this (?:morning|afternoon|week|month))\b|"
    rf"\b(?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}\b|"
    rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b|"
    r"\bthe \d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
)
DURATION = _re(
    rf"\b(?:for |over |in |after |nearly |almost |about |more than )?{_NUMBER} "
    r"(?:minutes?|hours?|days?|weeks?|months?|years?)\b"
)
WANTS = (
    (
        "a refund",
        _re(
            r"\b(refund|money back|reimburse|pay (me )?back|return (one|it|the money)|be returned)"
        ),
    ),
    ("a replacement", _re(r"\b(replace(ment)?|new one|exchange|swap it)\b")),
    (
        "to cancel",
        _re(
            # "I want to cancel", not "my flight was cancelled"
            r"\b(cancel|cancelling|canceling|cancellation|close (my|the|our) account|terminate|"
            r"end (my|the) contract|leaving|"
            r"switch(ing)? to)\b"
        ),
    ),
    (
        "to speak to a manager",
        _re(r"\b(manager|supervisor|someone senior|team lead(er)?|real person|human)\b"),
    ),
    ("a call back", _re(r"\b(call (me )?back|callback|ring me|phone me|call me)\b")),
    (
        "to know when it arrives",
        _re(
            r"\b(where is|where's|when will (it|my \w+)|track(ing)?\b(?! down)|arriv(e|es|ing)\b|"
            r"(not|\w+n't|never|yet to) (yet )?(\w+ )?arriv\w*|"
            r"when (will|does|is) [^.?!]{0,30}arriv\w*|"
            r"still not (here|arrived|delivered))\b"
        ),
    ),
    ("it fixed", _re(r"\b(fix(ed)?|working again|sort (it|this) out|repair\w*)\b")),
    (  # out of a place, not an account: "locked out of the flat", "the key safe won't open"
        "to get in",
        _re(
            r"\blocked out of (the|my|our|this) (\w+ )?(flat|house|home|room|apartment|property|"
            r"cottage|cabin|villa|car|van|building|office)\b|\b(key ?safe|lock ?box|door code)\b"
        ),
    ),
    (
        "to get back into the account",
        _re(
            r"\b(log ?in|sign ?in|locked out(?! of (the|my|our|this) (\w+ )?(flat|house|home|room|"
            r"apartment|property|cottage|cabin|villa|car|van|building|office)\b)|"
            r"locked(?! out)|password|get (back )?into)\b"
        ),
    ),
    ("an explanation", _re(r"\b(why (is|was|has|have|did|am|are)|explain|what happened)\b")),
    ("compensation", _re(r"\b(compensat\w*|goodwill|make up for)\b")),
)
# not someone else's manager told of praise: "make sure her manager hears about it", "pass this
# on to his supervisor"; "I want to speak to their supervisor" is still a request
_NOT_THEIRS = r"(?<!on to his )(?<!on to her )(?<!on to their )"
# a job title in passing ("we told your account manager"), not a request to escalate
_NOT_A_ROLE = r"(?<!account )(?<!project )(?<!property )(?<!relationship )(?<!line )"
_NOT_PASSED_ON = r"(?! (?:hears|hear|knows|know|to know|to hear|should know|should hear|sees)\b)"
REQUESTS = (
    (
        "manager",
        _re(
            rf"{_NOT_THEIRS}{_NOT_A_ROLE}\b(manager|supervisor|someone senior|team lead(er)?|"
            rf"person in charge|boss)\b{_NOT_PASSED_ON}"
        ),
    ),
    ("human", _re(r"\b(real person|human|actual person|speak to (someone|somebody|a person))\b")),
    ("callback", _re(r"\b(call (me )?back|callback|ring me|phone me)\b")),
    ("refund", _re(r"\b(refund|money back|reimburse)")),
    ("cancel", _re(r"\b(cancel|cancelling|canceling|close (my|the) account|terminate)\b")),
    ("complaint", _re(r"\b(complaint|complain|ombudsman|formal)\b")),
)
# A sentence that states a problem: something wrong, missing, late, not working, unwanted.
_PROBLEM = _re(
    r"\b(not|no|never|n't|cannot|can't|won't|didn't|doesn't|isn't|hasn't|haven't|wasn't|don't|"
    r"aren't|weren't|couldn't|nobody|no one|no-one|only got|instead of|unauthori[sz]ed|"
    r"fraudulent|compromised|dispute|extra|mouldy?|moldy?|rotten|expired|blocked|suspended|"
    r"banned|swallow\w*|misleading|overcharg\w*|problems|issues|errors|mistakes|empty|"
    r"slow\w*|barely|worst|terrible|awful|ridiculous|unacceptable|useless|rubbish|horrible|"
    r"disgusting|appalling|incompetent|ruin\w*|unstable|incorrect|poor|crap|wtf|fed up|"
    r"sick of|tired of|a joke|bad|on hold|no-show|"
    r"ordered\b[^.;]{1,40}\b(?:and|but) (?:got|received|was sent)|"
    r"broken|broke|dead|damaged|crack\w*|faulty|wrong|missing|lost|late|delayed|stuck|"
    r"locked|declined|rejected|charged|overcharged|twice|double|crash\w*|drop\w*|"
    r"freez\w*|fail\w*|error|still|waiting|cancel\w*|leak\w*|stopped|keeps?|outage|down|"
    r"cut off|disconnected|too (high|much|long)|problem|issue|trouble|complaint|unable|"
    r"refund|hurt|injur\w*|lost|stolen|fraud|mistake|by accident|wrongly|incorrect\w*|"
    r"overpa\w*|rejected|refused|nothing|heard nothing|normally|usually|supposed to|"
    r"torn|tear|snapped|smashed|scratch\w*|dent\w*|ripped|so high|so slow|billed|"
    r"(?:was|were|been|got|being) missed|"
    r"missed (?:again|twice)|smell\w*|damp|dirty|filthy|"
    r"even though|despite|"
    r"without (?:any )?(?:power|water|heating|heat|hot water|gas|electricity|internet|broadband|"
    r"wi-?fi|signal|a phone line|service)|(?:went|gone|has gone|is|are|was) (?:off|out) "
    r"(?:again|since|for|all|on the|across))\b"
)
_NOT_PROBLEM = _re(
    r"^\s*(hi|hello|hey|thanks|thank you|cheers|regards|many thanks|good (morning|afternoon|"
    r"evening)|ok|okay|yes|no|nothing|please)\b[\s,.!]*$"
)
_LEAD = _re(
    r"^\s*((hi|hiya|hello|hey)( there)?|thanks|thank you|so|well|ok|okay|um|honestly|basically|"
    r"yes|no(?![\s-]one\b)|also|and|"
    r"then|now|actually|unfortunately|sadly|apparently|luckily|hopefully|seriously|literally)"
    r"\b[,!.]?\s*"
)
_CLAUSES = _re(
    r"\s*(?:;|\s[-–—]\s|,\s*(?:and|but|so)\b|\bbut\b|\bbecause\b|\band now\b|"
    r"\blike (?:i|your|you)\b|"
    r"\bcan you\b|\bplease\b|\b(?:i|we) want\b|\b(?:i|we) need\b)\s*"
)
_PRONOUN_START = _re(r"^\s*(it|this|that|they|these|those)\b")
_SENTENCE = prebuilt.compile(r"(?<=[.!?])\s+|\n+")
MAX_ISSUE_WORDS = 16
# A fault told after the story, of the thing or of someone else: "... and it was filthy",
# "... and the hospital says they never received it" (not more of their own story: "and I ...").
_TAIL_START = _re(r"(?:it|this|that|they|these|those|there|the|your|our)\b")
_CUT_OFF = frozenset(
    """the a an your our their his her my to for of with at in on by from and or but when that
    which who as""".split()  # noqa: SIM905
)
_COMMA = re.compile(r",(?!\d)")  # not inside "£18,000"
_SUBORDINATE = ("that", "which", "when", "even though", "although", "because", "after", "while")


# ", claim number CLM-448812" and "@AcmeHelp" say nothing the reflection needs.
_ASIDE = _re(
    r",\s*(order|claim|ticket|case|reference|ref|booking|policy|account|invoice)\b"
    r"( number| no\.?| #)?\s*#?[A-Z0-9-]*\d[A-Z0-9-]*\b,?|(^|\s)@\w+|\s*https?://\S+"
)
# "my order 44120 is late" -> "my order is late": the noun stays, the number goes.
_REFERENCE_NUMBER = _re(
    r"\b(order|claim|ticket|case|booking|policy|account|invoice)( number| no\.?| #)?\s*"
    r"#?[A-Z0-9-]*\d[A-Z0-9-]*\b"
)
# A reflection must read as a statement: "I can see that {issue}" needs a subject first, not
# "when ...", "was awesome ..." or "trying to cancel ...".
NO_SUBJECT = _re(
    r"^(when|if|because|since|as|was|were|is|are|am|be|been|today|tonight|just|also|then|who|"
    r"which|what|how|where|while|after|before|until|to|for|with|by|at|in|on|of|from|about|"
    r"and|or|but|so|that|than|do|does|did|can|could|will|would|should|has|have|had|"
    r"not|never|please|thanks|thank|help|"
    r"(?!(no|some|every|any)thing)\w+ing\b(?! (has|hasn't|is|isn't|was|wasn't|keeps|still|"
    r"doesn't|won't|didn't|never|stopped|failed)\b))\b"
)
_FRAGMENT = _re(
    r"^(still )?no\b(?![\s-]one\b)"
)  # "still no refund ..." -> "there's still no refund ..."
_WHY = _re(r"^why (is|are|was|were|has|have) ((?:my|our|the) [\w ]+?) (so|too|still|not|never)\b")


_TRAILING_JOIN = prebuilt.compile(
    r"(?:[\s,]+(?:and|but|or|so|because|as|which|then))+$", re.IGNORECASE
)


# "For some reason my account's been charged": the lead goes, the clause stands.
_ADVERBIAL = _re(
    r"^(?:(?:ever )?since (?:the|my|your|this|last) \w+(?: \w+)?|for some reason|"
    r"all of a sudden|out of the blue|just now|earlier(?: today)?|"
    r"this (?:morning|afternoon|evening)|last night|yesterday|today|tonight|recently|again)"
    r"[\s,]+(?=(?:my|our|the|your|i|we|it|they|there|this)\b)"
)
# "Bought a lasagne earlier", "Was charged a fee": the customer is the subject they left out.
_OWN_VERB = _re(
    r"^(?=(?:(?:only|just|also|never|still) )?(?:bought|got|was|were|had|have(?! you\b)|paid|"
    r"ordered|received|booked|tried|sent|lost|left|called|rang|emailed|asked|made|took|been|"
    r"just|\w{3,}ed(?= (?:the|a|an|my|our|your|it|them|\d)\b))\b)"
)


# "Hi Student Finance, my loan ...": whom they greet is not part of the problem.
_GREETED = _re(
    r"^\s*(?:hi|hiya|hello|hey|dear|good (?:morning|afternoon|evening))\s+"
    r"(?:(?:guys|team|all|folks|everyone|there|@\w+|(?-i:[A-Z])[\w&'’-]*)\s?){1,4},\s*"
)


def _trim(clause: str) -> str:
    text = _LEAD.sub("", _LEAD.sub("", _GREETED.sub("", clause.strip())))  # "Hi, so ..."
    text = _OWN_VERB.sub("I ", _ADVERBIAL.sub("", text))
    text = re.sub(r"^I ([A-Z][a-z]+)", lambda m: f"I {m.group(1).lower()}", text)  # "I Was"
    # "having trouble ...", "fed up of ...": the customer speaking of themselves
    text = re.sub(
        r"^(having|fed up|tired of|sick of)\b",
        lambda m: f"I'm {m.group(1).lower()}",
        text,
        flags=re.IGNORECASE,
    )
    if NO_SUBJECT.match(text):
        text = _LEAD_THEN_SUBJECT.sub("", text)
    text = _REFERENCE_NUMBER.sub(r"\1", _ASIDE.sub("", text)).strip()
    why = _WHY.match(text)
    if why:  # "why is my bill so high" -> "why my bill is so high"
        text = f"why {why.group(2)} {why.group(1)} {text[why.end(2) + len(why.group(1)) + 2 :]}"
    words = text.split()
    if len(words) > MAX_ISSUE_WORDS:
        head = " ".join(words[:MAX_ISSUE_WORDS])
        commas = [m.start() for m in _COMMA.finditer(head)]
        cut = max(commas[-1] if commas else -1, head.rfind(" and "))
        if cut <= 20 and words[MAX_ISSUE_WORDS - 1].lower() in _CUT_OFF:
            # "a scratch that was already there when you picked the": the clause before it
            cut = max((head.rfind(f" {w} ") for w in _SUBORDINATE), default=-1)
        tail = re.sub(r"^[\s,]*(?:and\s+)?", "", text[cut + 1 :]) if cut > 20 else ""
        if _TAIL_START.match(tail) and not _PROBLEM.search(text[:cut]) and _PROBLEM.search(tail):
            text = tail  # "we stayed in your cottage last week, and it was filthy": the fault
        else:
            text = text[:cut] if cut > 20 else head
    text = text.strip(" ,.!?-:;")
    text = _TRAILING_JOIN.sub("", text)  # "charged twice for the same order and"
    if _FRAGMENT.match(text):
        text = "there's " + text[0].lower() + text[1:]
    if text.lower().startswith("why "):  # said back below: "you'd like to know why ..."
        text = "I'd like to know " + text[0].lower() + text[1:]
    return text


_QUESTION_FORM = _re(
    r"^(what|where|when|why|which|who|how|is|are|am|was|were|do|does|did|can|could|will|would|"
    r"should|has|have|may|any)\b"
)
# "My phone was stolen, what do I do?": the statement and the question, apart.
_ASKED_AFTER = _re(r",\s*(?=(?:what|how|can|could|is|are|do|does|will|why)\b[^,]*\?\s*$)")
# "As suggested by you, I have asked ...": a lead without a subject, then the clause.
_LEAD_THEN_SUBJECT = _re(r"^[^,]{2,40},\s*(?=(?:i|my|we|our|the|it|there|this)\b)")


_NOT_WANTED = _re(r"\b(?:don't|do not|doesn't|didn't) (?:want|need)\b")
_DONE_BY_THEM = _re(
    r"^(?:i|we)(?:'ve| have| had)? (?:already |just |also )?"
    r"(?:cancell?ed|reported|called|rang|emailed|chased|contacted|submitted)\b"
)


def _score(clause: str, question: bool) -> int:
    if _NOT_PROBLEM.match(clause) or len(clause.split()) < 3:
        return 0
    hits = len(_PROBLEM.findall(clause))
    if question:
        hits -= 2  # a question about us ("what are your hours?") is not a problem statement
    hits -= len(_NOT_WANTED.findall(clause))  # "we don't want vouchers": a wish, not a fault
    if hits and _DONE_BY_THEM.match(_LEAD.sub("", clause.strip())) and not _WORRY.search(clause):
        hits -= 1  # "I cancelled on the 2nd": what they did, not what went wrong
    if hits and _PRONOUN_START.match(_LEAD.sub("", clause)):
        hits -= 1  # "it's completely dead" needs the sentence before it
    return hits


# What is wrong now ("hasn't come back", "still no") over what they did ("I cancelled on the 5th").
_WORRY = _re(r"n't\b|\b(?:not|no|never|still|nothing|nobody|without)\b")


# What follows "can you", "please", "I want", "I need" is their request, not their problem.
_REQUEST_SEPARATOR = _re(r"can you|please|(?:i|we) want|(?:i|we) need")
_CAPTURED_CLAUSES = _re(f"({_CLAUSES.pattern})")
# "I booked a table ... and just got an email saying it's cancelled": what they did, then what
# went wrong; "it" is what they booked or ordered.
_DID = (("the booking", _re(r"\b(?:booked|reserved)\b")), ("the order", _re(r"\bordered\b")))
_IT = _re(r"\bit(?:'s| is)\b|\bit (?=was|has)")


_WE_DID_FIRST = _re(r"(?:i|we)(?:'ve| have| had)? (?:just |already |also )?\w+ed\b")
_CLAUSE_START = _re(
    r"(?:i|we|it|they|he|she|you|my|our|your|the|this|there|just|then|now|still|got|was|were|"
    r"have|had|\w+ed)\b"
)


def _named(it: str, noun: str) -> str:
    """ "it's" -> "the booking is", "it " -> "the booking "."""
    return f"{noun} is" if it.endswith(("'s", " is")) else f"{noun} "


def _parts(clause: str) -> list[str]:
    """A clause too long to say back, cut at " and " into what happened and what went wrong."""
    if len(clause.split()) <= MAX_ISSUE_WORDS or " and " not in clause:
        return [clause]
    parts = [p for p in clause.split(" and ") if p.strip()]
    if any(len(p.split()) < 3 for p in parts) or _PROBLEM.search(parts[0]):
        return [clause]
    if not _WE_DID_FIRST.match(_LEAD.sub("", parts[0].strip())):
        return [clause]  # only what they did first, then what went wrong
    if not all(_CLAUSE_START.match(p.strip()) for p in parts[1:]):
        return [clause]  # "via an OCS form and email Consent Form": not two clauses
    noun = next((noun for noun, did in _DID if did.search(parts[0])), None)
    if noun:
        parts[1:] = [_IT.sub(lambda m: _named(m.group(0), noun), p, count=1) for p in parts[1:]]
    return parts


def _candidate_clauses(sentence: str) -> tuple[list[str], list[int]]:
    """The sentence's clauses and a penalty for each: an instruction ("fix this") and a request
    after "can you" drop their first comma part and what is left (a reason or a consequence,
    "we can't find anywhere else") counts one less."""
    pieces = _CAPTURED_CLAUSES.split(sentence)
    clauses: list[str] = []
    penalties: list[int] = []
    for index in range(0, len(pieces), 2):
        clause = pieces[index]
        separator = pieces[index - 1] if index else ""
        if _REQUEST_SEPARATOR.search(separator or "") or is_instruction(
            _LEAD.sub("", clause.strip())
        ):
            clause = clause.partition(",")[2].strip()
            clauses.append(clause)
            penalties.append(1)
            continue
        for part in _parts(clause):
            clauses.append(part)
            penalties.append(0)
    return clauses, penalties


def problem_sentence(customer_turns: list[str]) -> tuple[str | None, str | None]:
    """The customer's clause that states the problem (earliest of the best that can be said
    back cleanly, bot/core/clean_clause.py) and its reflection; (clause, None) when none can."""
    found: list[tuple[int, bool, int, str]] = []
    for turn_index, turn in enumerate(customer_turns):
        for sentence in _SENTENCE.split(turn):
            clauses, penalties = _candidate_clauses(_ASKED_AFTER.sub("; ", sentence))
            for index, clause in enumerate(clauses):
                if not clause or is_not_a_problem(_LEAD.sub("", clause.strip())):
                    continue
                # only a clause in question form asks: not "my phone was stolen" before "what do
                # I do?", nor "only got $20?"
                question = clause.rstrip().endswith("?") and bool(
                    _QUESTION_FORM.match(_LEAD.sub("", clause.strip()))
                )
                why = bool(_WHY.match(_LEAD.sub("", clause.strip())))  # "why is my bill so high?"
                # scored as it will be said: "Bin collection missed" is "was missed"
                led = _LEAD.sub("", clause.strip())
                repaired = with_auxiliary(led)
                scored = repaired if repaired != led else clause  # "no real perks" keeps "no"
                score = _score(scored, question and not why) + (1 if turn_index == 0 else 0)
                score -= penalties[index]
                if score > 0 and _PROBLEM.search(clause):
                    # "and I've heard nothing", "(I updated my phone and now) it is slower"
                    if index and (len(clause.split()) < 6 or _PRONOUN_START.match(clause)):
                        clause = f"{clauses[index - 1]}, and {clause}"
                    worry = not _WORRY.search(clause)  # a tie goes to what is wrong now
                    found.append((-score, worry, len(found), clause))
    if not found:
        return None, None
    ranked = [clause for *_, clause in sorted(found)]
    return next(((c, s) for c in ranked if (s := said_back(c))), (ranked[0], None))


def said_back(clause: str) -> str | None:
    """The customer's clause as the agent says it back ("my router keeps dropping" -> "your
    router keeps dropping"); None when it does not stand as a statement."""
    clause = with_determiner(with_auxiliary(_trim(unshouted(clause))))
    if len(clause.split()) < 3 or NO_SUBJECT.match(clause):
        return None
    return clean(lower_first(second_person(clause)))


def lower_first(clause: str) -> str:
    """The clause to follow "I can see that": its first letter lower case, unless it starts a
    name ("Adobe Lightroom") or is "I"."""
    words = clause.split(maxsplit=2)
    if clause.startswith("I ") or (len(words) > 1 and words[1][:1].isupper()):
        return clause
    return clause[0].lower() + clause[1:]


def sentence_with(words: str, customer_turns: list[str]) -> str | None:
    """The customer's sentence that contains `words` (any case), said back."""
    for turn in customer_turns:
        for sentence in _SENTENCE.split(turn):
            if words.lower() in " ".join(sentence.lower().replace("\u2019", "'").split()):
                return said_back(sentence)
    return None


_TRIED = _re(
    r"\b(?:i|we)(?:'ve| have| had)?\s+(?:already |even |also |just |both )?((?:tried|restarted|"
    r"rebooted|reinstalled|re-installed|reset|cleared|updated|uninstalled|unplugged|turned it|"
    r"switched it|logged out|changed|followed|checked(?! in)|called|rang|phoned|emailed|contacted|"
    r"chased|reported|sent|submitted|filled in|replaced|tested|waited)\b[^.;!?\n]*)"
)
# "I've already rolled back the driver": any past action after "already" is a step they took.
_ALREADY_DONE = _re(r"\b(?:i|we)(?:'ve| have| had)?\s+already\s+(\w+ed\b[^.;!?\n]*)")
_TOLD = _re(r"(?:\b(?:i|we) (?:was|were|have been|'ve been)|(?:^|[.!?,]\s*)been) told ([^.;!?\n]*)")
_TRIED_CUT = _re(
    r"\s*(?:,|\bbut\b|\band (?:it|now|still|nothing|keep|kept|yet|they|you)\b|\blike\b|"
    r"\bas (?:you|your)\b|"
    r"\b(?:if|in case|unless|should) (?:you|we|they|it|that|needed)\b)"
)
# "the email I sent in March": "I" after a noun starts a relative clause about that noun; what
# they did is said with its object only in the noun phrase, so it is not a step said back.
_RELATIVE = _re(
    r"\b(?:the|a|an|my|your|this|that|these|those)\s+(?:\w+\s+)?"
    r"(?!(?:and|but|so|then|because|when|as|since|also|yet|or|after|before|once)\s*$)\w+\s*$"
)
_TRIED_ALONE = _re(r"^\s*(?:yes[,.]?\s*)?(three|four|five|two|\d+|several|many) times\b")


def _short(text: str, words: int = 12) -> str:
    match = _TRIED_CUT.search(text, 3)
    if match:
        text = text[: match.start()]
    return " ".join(text.split()[:words]).strip(" ,.")


_ASKED_TRIED = _re(r"\b(?:have|did) you (?:already |also )?(?:tried|try) ([^?.!\n]{3,60})\?")
_YES = _re(
    r"^\s*(yes|yep|yeah|yup|done|already|of course|i did|i have|we did|we have|"
    r"(?:two|three|four|five|\d+|several|many) times)\b"
)
_COUNT = _re(r"\b((?:two|three|four|five|\d+|several|many) times|twice)\b")


def tried_steps(messages: list[tuple[str, str]]) -> list[str]:
    """What they already did or were told, as "restarted the router three times": from their
    own words, and from a yes to the agent's "have you tried ...?"."""
    steps = []
    for index, (role, text) in enumerate(messages):
        if role == "customer":
            found = [*_TRIED.finditer(text)] or [*_ALREADY_DONE.finditer(text)]
            found = [m for m in found if not _RELATIVE.search(text[: m.start()])]
            done = (second_person(_short(m.group(1))) for m in found)
            steps += [re.sub(r"\bwas told\b", "were told", step) for step in done]
            steps += [
                "were told " + second_person(_short(m.group(1))) for m in _TOLD.finditer(text)
            ]
            continue
        asked = _ASKED_TRIED.search(text)
        answer = messages[index + 1] if index + 1 < len(messages) else None
        if asked and answer and answer[0] == "customer" and _YES.match(answer[1]):
            count = _COUNT.search(answer[1])
            step = "tried " + _short(asked.group(1), 6)
            steps.append(f"{step} {count.group(1).lower()}" if count else step)
    return list(dict.fromkeys(s for s in steps if len(s.split()) >= 2))


_ORDINAL = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_COUNTS = {"twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_CONTACTED = (
    r"(?:called|rang|phoned|emailed|contacted|written|messaged|chatted|spoken|spoke|asked|"
    r"chased|been in touch)"
)
_NTH_TIME = _re(r"\b(second|third|fourth|fifth|sixth) time\b")
# "called you three times" and "the last two people I spoke to": that many before this one.
_TIMES_BEFORE = _re(
    rf"\b{_CONTACTED}\b[^.!?]{{0,30}}?\b(twice|two|three|four|five|[2-5]) times\b|"
    r"\blast (two|three|four|2|3|4) (?:people|agents|advisors|times)\b"
)
_AGAIN = _re(
    # "still flickers" and "charged again" describe the problem, not a contact: contacting us
    # again, or still waiting to hear, counts
    rf"\b(already {_CONTACTED}|{_CONTACTED}[^.!?]{{0,20}}\b(before|last (week|month)|"
    r"yesterday)|(contact\w*|call\w*|email\w*|messag\w*|writ\w*|ask\w*|chas\w*)( you| your "
    r"\w+)? again|still (waiting|no|nothing|not heard|haven'?t (heard|received|got))|"
    r"follow(ing)?[- ]up|chasing)\b"
)


def contact_count(said: str) -> int:
    """How many times they have contacted us, this time included (at least 1)."""
    count = 1
    for match in _NTH_TIME.finditer(said):
        count = max(count, _ORDINAL[match.group(1).lower()])
    for match in _TIMES_BEFORE.finditer(said):
        count = max(count, 1 + _COUNTS[(match.group(1) or match.group(2)).lower()])
    if count == 1 and _AGAIN.search(said):
        count = 2
    return count
