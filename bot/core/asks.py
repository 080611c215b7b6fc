"""What the customer asks for, said back to them: "how do I change my address?" becomes "you're
asking how to change your address".

Questions and requests carry no problem sentence, yet a reply still has to show it heard *this*
question. Each form is turned from a question into a clause in plain word order, then into the
second person (bot/core/reflect.py). Anything that does not fit a form stays unreflected.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.reflect import second_person

_FLAGS = re.IGNORECASE
_LEAD = prebuilt.compile(
    r"^(?:(?:hi|hello|hey|dear \w+|good (?:morning|afternoon|evening)|ok(?:ay)?|so|um+|"
    r"please|pls|quick question|just wondering|i was wondering|i wonder|and|also|plus|but)\b"
    r"[\s,!.:-]*)+",
    _FLAGS,
)
SENTENCES = prebuilt.compile(r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<=[.!?])\s+|\n+")
_SUBJECT = (
    r"(?:i|we|you|it|they|this|that|there|"
    r"(?:my|our|your|the|this|that|these|a|an|every|any|each|some)\s+[\w-]+|"
    r"(?-i:[A-Z][\w-]+(?: [A-Z][\w-]+)?))"
)
_FORMS: tuple[tuple[re.Pattern, str], ...] = (
    # "how do I reset my PIN" -> "how to reset my PIN"
    (prebuilt.compile(r"^how (?:do|can|could|should|would|shall) (?:i|we) (?P<rest>.+)$", _FLAGS),
     "you're asking how to|{rest}"),
    # "can you send me a new card" -> "us to send me a new card"
    (prebuilt.compile(r"^(?:can|could|would|will) (?:you|u) (?:please |kindly )?(?P<rest>.+)$",
                      _FLAGS),
     "you're asking us to|{rest}"),
    # "can I pay by card" -> "whether you can pay by card"
    (prebuilt.compile(r"^(?P<aux>can|could|may|should|do|must|will) (?:i|we) (?P<rest>.+)$",
                      _FLAGS),
     "you're asking whether|I {aux} {rest}"),
    # "are you no longer flying to Cancun" -> "whether we are no longer flying to Cancun"
    (prebuilt.compile(r"^(?P<aux>are|were) (?:you|u) (?P<rest>.+)$", _FLAGS),
     "you're asking whether|you {aux} {rest}"),
    # "does anyone know a good recipe for X" -> "about a good recipe for X"
    (prebuilt.compile(r"^(?:does|do) (?:anyone|anybody|you|u) know (?:of )?(?P<rest>(?:a|an|the|"
                      r"any|some)\b.+)$", _FLAGS),
     "you're asking about|{rest}"),
    # "do you know how to reset it" -> "how to reset it"
    (prebuilt.compile(r"^(?:does|do) (?:anyone|anybody|you|u) know (?P<rest>(?:if|whether|how|what|"
                      r"where|when|why|who|which)\b.+)$", _FLAGS),
     "you're asking|{rest}"),
    # "do you ship to Norway" -> "whether you ship to Norway" (then: we ship)
    (prebuilt.compile(r"^(?:do|does) (?:you|u) (?P<rest>.+)$", _FLAGS),
     "you're asking whether|you {rest}"),
    # "is there a fee for ..." -> "whether there is a fee for ..."
    (prebuilt.compile(r"^(?P<aux>is|are) (?P<subj>there|it|this|that) (?!possible )(?P<rest>.+)$",
                      _FLAGS),
     "you're asking whether|{subj} {aux} {rest}"),
    # "I want to / I'd like to / I need to change my plan" -> "to change my plan"
    (prebuilt.compile(
        r"^(?:i|we) (?:would like|'d like|want|wanna|need|wish|am trying|'m trying|am looking|"
        r"'m looking|was hoping|'m hoping|am hoping) (?:to |for )(?P<rest>.+)$", _FLAGS),
     "you're looking to|{rest}"),
    # "need assistance updating my address" -> "for help updating my address"
    (prebuilt.compile(r"^(?:i )?(?:need|want|would like|'d like|require)s? (?:some |a little )?"
                      r"(?:help|assistance|support) (?P<rest>\w.+)$", _FLAGS),
     "you're asking for help|{rest}"),
    # "would I be able to get another card" -> "whether you'd be able to get another card"
    (prebuilt.compile(r"^(?P<aux>would|will|could) (?:i|we) be able to (?P<rest>.+)$", _FLAGS),
     "you're asking whether|I {aux} be able to {rest}"),
    (prebuilt.compile(r"^(?:am|are) (?:i|we) able to (?P<rest>.+)$", _FLAGS),
     "you're asking whether|I am able to {rest}"),
    # "is it possible to change my flight" -> "whether you can change my flight"
    (prebuilt.compile(r"^is (?:it|ti) possible (?:for me )?to (?P<rest>.+)$", _FLAGS),
     "you're asking whether|I can {rest}"),
    # "can this app convert currencies" -> "whether this app can convert currencies", "has my
    # package been sent" -> "whether my package has been sent"
    # "can my daughter and I sit together", "can he eat", "will someone be at reception"
    (prebuilt.compile(r"^(?P<aux>can|could|will|would|should|has|have) (?P<subj>(?:this|the|your|"
                      r"my|our|a|an|these|those|any|every) \w+(?: and (?:i|we|me))?|it|they|he|"
                      r"she|someone|somebody|anyone|anybody) (?P<rest>.+)$", _FLAGS),
     "you're asking whether|{subj} {aux} {rest}"),
    # "are US credit cards accepted" -> "whether US credit cards are accepted"
    (prebuilt.compile(r"^(?P<aux>is|are) (?P<subj>(?:\w+ ){1,4}?)(?P<rest>\w+(?:ed|en|able|ible))$",
                      _FLAGS),
     "you're asking whether|{subj} {aux} {rest}"),
    # "tell me my card limit", "please send me the form" -> "us to tell you your card limit"
    (prebuilt.compile(r"^(?P<rest>(?:tell|show|give|send|email|find|check|get|remind) me .+)$",
                      _FLAGS),
     "you're asking us to|{rest}"),
    # "help with changing my plan", "help me change my plan" -> "for help changing your plan"
    (prebuilt.compile(r"^(?:i need |need |i want |i'd like |can i get |can i have )?help (?:me )?"
                      r"(?P<rest>(?:with |to |on |changing |chang|updat|cancel|find|get|set|mak|"
                      r"mov|add|remov|order|book|pay|us)\w*.*)$", _FLAGS),
     "you're asking for help|{rest}"),
    # "I try to check how long shipping takes" -> "to check how long shipping takes"
    (prebuilt.compile(r"^(?:i|we) (?:try|tried|am trying|'m trying|have been trying|"
                      r"'ve been trying) "
                      r"(?P<rest>to .+)$", _FLAGS),
     "you're trying|{rest}"),
    # "I'm thinking about upgrading my plan" -> "about upgrading my plan"
    (prebuilt.compile(r"^(?:i|we)(?: am|'m| are|'re) (?:thinking|wondering) (?P<rest>(?:about|"
                      r"of) .+)$",
                      _FLAGS),
     "you're thinking|{rest}"),
    # "I need a copy of my invoice" -> "a copy of my invoice"
    (prebuilt.compile(r"^(?:i|we) (?:would like|'d like|want|need) (?P<rest>(?:a|an|the|my|our|"
                      r"some|to|help|information|info|details)\b.+)$", _FLAGS),
     "you need|{rest}"),
)  # fmt: skip
_HOW = r"how(?: long| much| many| soon| often| far| old| late| early| big)?"
# Wh-questions: "when will my refund arrive" -> "when my refund will arrive".
_WH = prebuilt.compile(
    rf"^(?P<wh>what|where|when|why|which|who|{_HOW}) "
    r"(?P<aux>is|are|am|was|were|will|would|can|could|should|has|have) "
    rf"(?P<subj>{_SUBJECT})(?P<rest>(?: .+)?)$",
    _FLAGS,
)
_WH_DOES = prebuilt.compile(
    rf"^(?P<wh>what|where|when|why|which|{_HOW}) "
    rf"(?:does|do) (?P<subj>{_SUBJECT}) (?P<verb>\w+)(?P<rest>(?: .+)?)$",
    _FLAGS,
)
# "does your app work on Android" -> "whether your app works on Android"
_YES_NO_DOES = prebuilt.compile(
    rf"^(?:does|do) (?P<subj>{_SUBJECT}) (?P<verb>\w+)(?P<rest>(?: .+)?)$", _FLAGS
)
_BE = {"is", "are", "was", "were"}
# A preposition left at the end of the question: the verb goes before it.
_STRANDED = prebuilt.compile(r" (for|from|about|to|with|on|in|at|of|like)$", _FLAGS)
_PARTICIPLE = prebuilt.compile(
    r"^\w+(?:ed|ing|en)\b|^(?:not|still|being|going|due|so|too)\b", _FLAGS
)
_POLITE_END = prebuilt.compile(r"[\s,]+(?:please|pls|thanks|thank you|thx|asap)\s*$", _FLAGS)
# A singular subject ("my card", not "your invoices") takes "works", not "work".
_THIRD_PERSON = prebuilt.compile(
    r"^(?:it|this|that|(?:my|our|your|the|this|that|a|an|every|each|any) \w*(?:[^s]|ss)"
    r"(?: of \w+)?)$",
    _FLAGS,
)
_TOO_VAGUE = prebuilt.compile(
    r"^(?:(?:do|help with|fix|sort) )?(?:it|this|that|them|something|anything|so|that's it|"
    r"help$)",
    _FLAGS,
)


# Verbs that follow "when will my <thing>": where the thing ends and the verb starts.
_VERBS = frozenset(
    """arrive be get come go reach ship start end begin finish renew expire change update show
    appear clear work run load happen open close charge deliver cost take stop return refund
    process activate need hear""".split()  # noqa: SIM905
)


# After "has" or "have" the verb is a participle: "why has my council tax gone up".
_IRREGULAR_PARTICIPLES = frozenset(
    """gone been come done got gotten sent paid taken left put set cut made run shut seen given
    brought bought kept told""".split()  # noqa: SIM905
)
_BEFORE_THE_VERB = frozenset(("not", "never", "still", "already", "just", "ever"))
_NOT_SUBJECT = frozenset(
    """for of to on in with at from about by a an the my your our their this that""".split()  # noqa: SIM905
)


def _noun_phrase_then_verb(words: str, aux: str = "") -> tuple[str, str]:
    """("my new debit card", "arrive") from "my new debit card arrive", ("my council tax",
    "gone up") from "my council tax gone up" after "has"; ("", "") when unsure."""
    parts = words.split()
    perfect = aux in ("has", "have")
    for end in range(2, min(len(parts), 7 if perfect else 5)):
        word = parts[end].lower()
        if perfect and (word in _IRREGULAR_PARTICIPLES or re.fullmatch(r"\w{3,}ed", word)):
            if end > 2 and parts[end - 1].lower() in _BEFORE_THE_VERB:
                end -= 1  # "my new card not arrived": "has" goes before "not"
            return " ".join(parts[:end]), " ".join(parts[end:])
        if not perfect and word in _VERBS:
            return " ".join(parts[:end]), " ".join(parts[end:])
    return "", ""


# "how long does the appeal normally take": an adverb before the verb is kept, and the verb after
# it agrees ("normally takes", never "normallies take").
_ADVERB = prebuilt.compile(
    r"^(?:still|always|ever|even|just|also|already|never|only|often|sometimes|really|"
    r"(?!(?:app|re|sup|multi|com)?pl|rel|fl|all)\w+ly)$",
    _FLAGS,
)
# Verbs that follow a thing as its subject ("can our family rooms take a cot"): when one comes
# second, the word before it belongs to the subject.
_THING_VERBS = frozenset(
    """take hold fit have be come go get work include accept use cover need arrive run stay open
    close allow seat sleep handle support cost last reach ship charge stop start end change
    continue renew expire apply""".split()  # noqa: SIM905
)
_MODALS = frozenset(("can", "could", "will", "would", "should"))


def _whole_subject(subj: str, rest: str) -> tuple[str, str]:
    """("our family rooms", "take a cot") from ("our family", "rooms take a cot"): after a modal
    the verb is a bare form, so a plural noun ("rooms") or a word before a verb of things is
    still the subject."""
    head = subj.split()
    if len(head) == 2 and head[0].lower() in ("this", "that") and head[1].lower() in _THING_VERBS:
        return head[0], f"{head[1]} {rest}"  # "can this be taken off": "this", not "this be"
    words = rest.split()
    if len(words) < 2 or words[0].lower() in _THING_VERBS:
        return subj, rest
    plural = re.fullmatch(r"[a-z]+[^su]s", words[0]) is not None
    if plural or words[1].lower() in _THING_VERBS:
        return f"{subj} {words[0]}", " ".join(words[1:])
    return subj, rest


def _agreeing(subj: str, verb: str, rest: str) -> tuple[str, str]:
    """The verb after `subj`, with an adverb before it kept: ("normally takes", rest)."""
    words = rest.split()
    if _ADVERB.match(verb) and words:
        head = _s_form(words[0]) if _THIRD_PERSON.match(subj) else words[0]
        return f"{verb} {head}", " ".join(words[1:])
    return (_s_form(verb) if _THIRD_PERSON.match(subj) else verb), rest


def _s_form(verb: str) -> str:
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


# "how much credit do I have" -> "how much credit I have"; "how many seats are left" as it is
_WH_NOUN = prebuilt.compile(
    r"^(?P<wh>how much|how many|what|which) (?P<np>\w+(?: \w+)?) "
    rf"(?:(?:do|does|did) (?P<subj>{_SUBJECT}) (?P<verb>\w+)|(?P<be>are|is|was|were) )"
    r"(?P<rest>.*)$",
    _FLAGS,
)
_CONTRACTED_WH = prebuilt.compile(r"^(what|where|when|who|how)'s\b", _FLAGS)


def _clause(sentence: str) -> str | None:
    sentence = _CONTRACTED_WH.sub(r"\1 is", _LEAD.sub("", sentence.strip().replace("\u2019", "'")))
    sentence = " ".join(sentence.split())
    text = _POLITE_END.sub("", _LEAD.sub("", sentence.strip()).rstrip(" ?!.")).strip()
    if len(text.split()) < 3:
        return None
    for pattern, frame in _FORMS:
        match = pattern.match(text)
        if match:
            parts = {k: v.strip() for k, v in match.groupdict().items()}
            if _TOO_VAGUE.match(parts["rest"]):
                return None
            if "subj" in parts and parts.get("aux", "").lower() in _MODALS:
                parts["subj"], parts["rest"] = _whole_subject(parts["subj"], parts["rest"])
            clause = frame.format(**{k: v.lower() if k == "aux" else v for k, v in parts.items()})
            return clause.replace("|I do ", "|I ")  # "do I have to" -> "whether I have to"
    match = _WH.match(text)
    if match:
        wh, aux, subj, rest = (match.group(k).strip() for k in ("wh", "aux", "subj", "rest"))
        if aux.lower() not in _BE and " " in subj:  # "when will my new card arrive"
            found, after = _noun_phrase_then_verb(f"{subj} {rest}", aux.lower())
            subj, rest = (found, after) if found else (subj, rest)
        elif aux.lower() in _BE and rest and not _PARTICIPLE.match(rest):
            # "why is my water bill so high" -> "why my water bill is so high"
            words = rest.split()
            at = next((i for i, w in enumerate(words[:4]) if _PARTICIPLE.match(w)), None)
            # only a noun or two more of the subject: "the fee for a returned item" keeps "is"
            # at the end
            if at and not _NOT_SUBJECT.intersection(w.lower() for w in words[:at]):
                subj, rest = f"{subj} {' '.join(words[:at])}", " ".join(words[at:])
            else:  # "what is the fee for X" -> "what the fee for X is"
                subj, rest = f"{subj} {rest}", ""
            stranded = _STRANDED.search(subj)  # "what is it for" -> "what it is for"
            if stranded:
                subj, rest = subj[: stranded.start()], stranded.group(1)
        clause = f"{wh} {subj} {aux} {rest}".rstrip()
        return f"you're asking|{clause[0].lower() + clause[1:]}"
    match = _WH_NOUN.match(text)
    if match:
        parts = {k: (v or "").strip() for k, v in match.groupdict().items()}
        verb = parts["verb"]
        if verb:
            verb, parts["rest"] = _agreeing(parts["subj"], verb, parts["rest"])
        middle = parts["be"] or f"{parts['subj']} {verb}"
        return (
            f"you're asking|{parts['wh'].lower()} {parts['np']} {middle} {parts['rest']}".rstrip()
        )
    match = _YES_NO_DOES.match(text)
    if match:
        subj, verb, rest = (match.group(k).strip() for k in ("subj", "verb", "rest"))
        verb, rest = _agreeing(subj, verb, rest)
        return f"you're asking whether|{subj} {verb} {rest}".rstrip()
    match = _WH_DID.match(text)
    if match:  # "why did my bank place a hold" -> "why my bank placed a hold"
        wh, subj, verb, rest = (match.group(k).strip() for k in ("wh", "subj", "verb", "rest"))
        if _ADVERB.match(verb) and rest:  # "why did it actually fail" -> "why it actually failed"
            verb, rest = f"{verb} {past(rest.split()[0])}", " ".join(rest.split()[1:])
        else:
            verb = past(verb)
        return f"you're asking|{wh.lower()} {subj} {verb} {rest}".rstrip()
    match = _WH_DOES.match(text)
    if match:
        wh, subj, verb, rest = (match.group(k).strip() for k in ("wh", "subj", "verb", "rest"))
        verb, rest = _agreeing(subj, verb, rest)
        if verb.lower() == "do" and not rest:  # "what do I do" asks what they should do
            verb = "should do"
        return f"you're asking|{wh.lower()} {subj} {verb} {rest}".rstrip()
    return _plain_order(text)


_WH_DID = prebuilt.compile(
    rf"^(?P<wh>what|where|when|why|which|{_HOW}) "
    rf"did (?P<subj>{_SUBJECT}) (?P<verb>\w+)(?P<rest>(?: .+)?)$",
    _FLAGS,
)
_IRREGULAR = dict(
    pair.split(":")
    for pair in """do:did go:went get:got take:took make:made send:sent pay:paid say:said give:gave
    put:put leave:left buy:bought come:came see:saw find:found tell:told cut:cut lose:lost
    hold:held have:had be:was keep:kept let:let set:set run:ran bring:brought think:thought
    choose:chose break:broke write:wrote read:read""".split()  # noqa: SIM905
)


def past(verb: str) -> str:
    """The past tense of a verb: irregular ones from a short table, else -ed."""
    lower = verb.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower.endswith("e"):
        return lower + "d"
    if re.search(r"[^aeiou]y$", lower):
        return lower[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", lower):  # stop -> stopped, not "stoped"
        return lower + lower[-1] + "ed"
    return lower + "ed"


_AUX = frozenset(
    [
        "is",
        "are",
        "am",
        "was",
        "were",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "has",
        "have",
        "had",
        "may",
        "might",
        "must",
        "shall",
        "'s",
    ]
)
# "what kind of rate will I get": the question word's noun, then the auxiliary and a subject
_WH_NOUN_AUX = prebuilt.compile(
    r"^(?P<wh>what|which|how much|how many)(?P<np>(?: \w+){1,5}?) (?P<aux>will|would|can|could|"
    rf"should|am|is|are) (?P<subj>{_SUBJECT})(?P<rest>(?: .+)?)$",
    _FLAGS,
)
# "is GBP a supported currency", "is the bill due", "is the PIN delivered separately"
_IS_X_Y = prebuilt.compile(
    r"^(?P<aux>is|are) (?P<subj>(?:\w+ ){0,3}?\w+) (?P<rest>(?:a|an|the|still|available|open|"
    r"in stock|free|due|included|ok|okay|allowed|safe|ready|same|different|supported|valid|"
    r"\w+ed|\w+en)\b.*)$",
    _FLAGS,
)
_ABOUT = prebuilt.compile(r"^(?:so |and )?(?:what|how) about (?P<rest>.+)$", _FLAGS)
_WH_WORD = prebuilt.compile(r"^(?:what|where|when|why|which|who|how)\b", _FLAGS)


def _plain_order(text: str) -> str | None:
    """Question forms in their own word order: "who accepts this card", "what about the PIN",
    "is GBP a supported currency", "what kind of rate will I get"."""
    match = _ABOUT.match(text)
    if match:
        return f"you're asking about|{match.group('rest')}"
    match = _WH_NOUN_AUX.match(text)
    if match:
        parts = {k: (v or "").strip() for k, v in match.groupdict().items()}
        clause = f"{parts['wh'].lower()} {parts['np']} {parts['subj']} {parts['aux'].lower()}"
        return f"you're asking|{clause} {parts['rest']}".rstrip()
    match = _IS_X_Y.match(text)
    if match and match.group("subj").lower() not in ("there", "it", "this", "that"):
        return f"you're asking whether|{match.group('subj')} {match.group('aux').lower()} " + (
            match.group("rest")
        )
    words = text.split()
    if _WH_WORD.match(text) and len(words) > 2:
        second = words[2] if words[0].lower() == "how" and len(words) > 3 else words[1]
        if second.lower() not in _AUX:  # "who accepts this card": the subject asks
            return f"you're asking|{text[0].lower() + text[1:]}"
    return None


# "If there isn't much money left can it top up?": the condition runs into the question.
_CONDITION_THEN_ASK = prebuilt.compile(
    r"^(?P<lead>if [^,?]{3,90}?) (?P<ask>(?:can|could|will|would|do|does|is|are|should|how|what) "
    r"(?:it|i|we|you|they|this|that|there)\b.+)$",
    _FLAGS,
)
_LEADING_CONDITION = prebuilt.compile(
    r"^(?P<lead>(?:if|to|for|when|as|since) [^,]{3,60}),\s*(?P<ask>.+)$", _FLAGS
)


def _sentence_clause(sentence: str) -> str | None:
    """The ask in the sentence; "If I need a quick transfer, how long will it take?" asks after
    its condition, which is said back after the ask."""
    clause = _clause(sentence)
    split = None if clause else _LEADING_CONDITION.match(sentence.strip())
    split = split or (None if clause else _CONDITION_THEN_ASK.match(sentence.strip()))
    if split:
        clause = _clause(split.group("ask"))
        if clause:
            lead = split.group("lead")
            clause = f"{clause}, {lead[0].lower() + lead[1:]}"
    if not clause and "," in sentence:  # "My child needs a card, how can I add them?"
        clause = _clause(sentence.rsplit(",", 1)[1])
    return clause


# ", I've broken my ankle", "now please I need petrol": a comma (or a "please"), then a clause
# of its own with its own subject
_NEXT_CLAUSE = prebuilt.compile(
    r"(?:,|\s+(?:please|pls|thanks|thank you))\s+(?=(?:i|i've|i'm|ive|im|we|we've|we're|they|"
    r"they've|they're|it's|its|it|you|you've|you're|he|she|there's)\s+\w)",
    _FLAGS,
)
# "is that ok?", "which one is right?": a question whose subject only points back at what they
# said before; said back alone it asks nothing we can name.
_POINTS_BACK = prebuilt.compile(
    r"^(?:whether|if) (?:that|this|it)\s+(?:is|are|was|would be|will be)\s+\w+$",
    _FLAGS,
)


# A question asking nothing: venting ("is that too much to ask?", "are you serious?").
RHETORICAL = prebuilt.compile(
    r"\bany (?:worse|better|harder|slower|longer|more difficult)\b|\b(?:seriously|kidding|"
    r"joking)\b|\btoo much to ask\b|\b(?:so|that|really that) (?:hard|difficult)\b|"
    r"\bwhat (?:is|'s) the point\b|\bwhether you (?:are|'re) serious\b|"
    # exasperation, not a question: "do I need to say it a third time?", "how many times do I
    # have to explain this?", "is anyone even reading these?"
    r"\b(?:say|tell|explain|repeat|spell|write|send)\w* (?:it |this |that |you |them |myself )?"
    r"(?:out )?(?:again|a (?:second|third|fourth|fifth) time|one more time)\b|"
    r"\bhow many (?:more )?times\b|\bwhether (?:anyone|anybody|you) (?:is |are |'re )?"
    r"(?:even |actually |ever )?(?:read|reading|listen|listening|care|cares)\b",
    re.IGNORECASE,
)


def ask_clause(customer_turns: list[str], words: int = 22) -> str | None:
    """The first question or request the customer put, in the second person; None if none fits."""
    for turn in customer_turns:
        for sentence in SENTENCES.split(turn):
            clause = _sentence_clause(sentence)
            asked = (clause or "").replace("|", " ").removeprefix("you're asking ")
            if _POINTS_BACK.match(" ".join(asked.split())):
                continue
            if clause and len(clause.split()) <= words + 4 and not RHETORICAL.search(asked):
                prefix, body = clause.split("|", 1)
                body = _INVERTED_AFTER_AND.sub(_whether, _NEXT_CLAUSE.split(body)[0])
                return f"{prefix} {second_person(body)}"
    return None


# A second question put inverted after "and": "why, and can you put it back" is said back
# "why, and whether you can put it back" (then turned: "whether we can put it back").
_INVERTED_AFTER_AND = prebuilt.compile(r"\band (can|could|will|would|do|did) you\b", re.IGNORECASE)


def _whether(found: re.Match) -> str:
    modal = found.group(1).lower()
    return "and whether you" if modal in ("do", "did") else f"and whether you {modal}"
