"""What the customer wrote, said back when it states no problem and asks no question: a request
in a few words ("open premium account", "checking order status"), a topic ("season ticket
renewal") or a plain statement ("I have one other US card").

"checking order status" -> "you're looking to check your order status"; "season ticket
renewal" -> "this is about your season ticket renewal"; "I got 2 transfer
fees" -> "you got 2 transfer fees". Built from the customer's own words (already tidied,
bot/core/tidy.py); what fits none of these stays unsaid and the reply asks instead.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.asks import SENTENCES
from bot.core.reflect import second_person
from bot.core.tidy import known

_FLAGS = re.IGNORECASE
_LEAD = prebuilt.compile(
    r"^(?:(?:hi|hello|hey|hiya|dear \w+|good (?:morning|afternoon|evening)|ok(?:ay)?|so|um+|"
    r"please|pls)\b[\s,!.:-]*)+",
    _FLAGS,
)
_TAIL = prebuilt.compile(
    r"[\s,]+(?:please|thanks|thank you|asap|i need help|help me|need help|(?:could|can|would) "
    r"you help(?: me)?)\W*$",
    _FLAGS,
)
_SUBJECT = prebuilt.compile(
    r"^(?:i|i'm|i've|i'd|my|we|we're|we've|our|the|there's|there is|there are|it's|this|your|"
    r"you|you're|you've)\b",
    _FLAGS,
)
_NOT_SAID_BACK = prebuilt.compile(
    r"^(?:thanks?|thank you|cheers|hi|hello|hey|yes|no|ok|okay)\b|\?$", _FLAGS
)
# The verbs of a request in a few words; "open", "opening" and "to open" all start one.
_REQUEST_VERBS = frozenset(
    """open create make check change update edit delete remove cancel close get find see show
    send book buy order pay transfer add reset renew set sign look correct modify download track
    receive request switch use upgrade downgrade freeze list chat talk speak contact lodge file
    report retrieve recover replace return exchange refund claim register subscribe unsubscribe
    apply move view know take scan watch read search explain plant sell play give describe
    recommend suggest write translate calculate convert remind call text share start stop turn
    put bring pick choose compare teach learn tell help""".split()  # noqa: SIM905
)
_REQUEST_LEAD = prebuilt.compile(
    r"^(?:i )?(?:(?:want|need|would like|'d like|have|got) to|to|(?:help|assistance|support) "
    r"(?:to|with|me)?)\s*",
    _FLAGS,
)
# Things a customer has with us, which "on" a bare noun means theirs: "on premium account".
_OWN_THINGS = frozenset(
    ["account", "profile", "order", "plan", "subscription", "card", "booking", "policy"]
)
# Verbs they ask us to do for them: "find my invoices" -> "you're asking us to find ...".
_FOR_US = frozenset(
    """explain tell show give send find recommend suggest remind read scan search calculate
    convert translate write list describe help""".split()  # noqa: SIM905
)
_CREATE = frozenset({"open", "create", "make", "get", "register", "add", "book", "buy"})
_DETERMINERS = frozenset(
    """a an the my our your his her their this that these those some any another new every no
    to of on for from with in at by about into up out all how what when where why which who
    whether if me it them him us""".split()  # noqa: SIM905
)


def _base(word: str) -> str | None:
    """The request verb a word is, in its base form: "checking" -> "check", "open" -> "open"."""
    lower = word.lower()
    if lower in _REQUEST_VERBS:
        return lower
    if lower.endswith("ing") and len(lower) > 5:
        stem = lower[:-3]
        for candidate in (stem[:-1] if stem[-1] == stem[-2] else "", stem + "e", stem):
            if candidate in _REQUEST_VERBS or (
                candidate and known(candidate) and candidate == stem
            ):
                return candidate if candidate in _REQUEST_VERBS or candidate == stem else None
    return None


def _with_article(words: list[str], create: bool) -> list[str]:
    """A bare noun phrase gets "a" (something new) or "your" (something they have)."""
    if not words or words[0].lower() in _DETERMINERS or (words[0][0].isupper() and len(words) == 1):
        return words
    if words[0][0].isdigit():
        return words
    # "my" here: the whole clause goes through second_person, which makes it "your"
    article = ("an" if words[0][0].lower() in "aeiou" else "a") if create else "my"
    return [article, *words]


def _fragment(text: str) -> str | None:
    words = text.split()
    if not 2 <= len(words) <= 18:
        return None
    lead = _REQUEST_LEAD.match(text)
    start = len(lead.group(0).split()) if lead else 0
    verb = _base(words[start]) if start < len(words) else None
    if verb is None:
        return None
    rest = words[start + 1 :]
    if not rest:
        return None
    out: list[str] = []
    rest = _with_article(rest, verb in _CREATE)
    for index, word in enumerate(rest):  # "details on premium account" -> "on your premium ..."
        out.append(word)
        after = rest[index + 1 : index + 3]
        if word.lower() == "on" and after and after[-1].lower() in _OWN_THINGS:
            out.append("my")
    if verb == "refund":  # they want a refund, they do not refund anyone
        verb, out = "get a refund of", [w for w in out if w != "my"]
    frame = "you're asking us to " if verb in _FOR_US else "you're looking to "
    return frame + second_person(" ".join([verb, *out]))


# Words that make a few words a reply or a sentence, not the name of a thing.
_NOT_A_TOPIC = frozenset(
    """i me you he she it we they them do did does done will would can could should sure right
    okay ok yes no well just hope not never also too very so really thanks please did have has
    had be been being am mine yours ours theirs his hers always usually often sometimes""".split()  # noqa: SIM905
)


def _topic(text: str) -> str | None:
    """A few words naming a thing, no verb: "season ticket renewal"."""
    words = text.split()
    if not 2 <= len(words) <= 5 or any(
        _base(w) or w.lower() in ("is", "are", "was") for w in words
    ):
        return None
    if not all(w.isalpha() and (known(w) or w[0].isupper()) for w in words):
        return None
    if any(w.lower() in _NOT_A_TOPIC for w in words):
        return None
    return "this is about " + second_person(" ".join(_with_article(words, create=False)))


def _statement(sentence: str) -> str | None:
    head = re.split(r"\s*[,;:]\s+|\s*-\s+", sentence, maxsplit=1)[0]  # its first clause
    sentence = head if len(head.split()) >= 4 else sentence
    words = sentence.split()
    if not 4 <= len(words) <= 20 or not _SUBJECT.match(sentence):
        return None
    said = second_person(sentence)
    return said if said.startswith("I ") else said[0].lower() + said[1:]


def gist_clause(customer_turns: list[str]) -> str | None:
    """The first sentence that can be said back as a request, a topic or a statement."""
    for turn in customer_turns:
        for sentence in re.split(r";\s*|" + SENTENCES.pattern, turn):
            text = _TAIL.sub("", _LEAD.sub("", sentence.strip())).strip(" .!,;:-")
            if not text or _NOT_SAID_BACK.search(text):
                continue
            clause = _fragment(text) or _topic(text) or _statement(text)
            if clause:
                return clause
    return None
