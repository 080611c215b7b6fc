"""Does a reply answer *this* customer? Reflection of their issue, and no repeated asks.

Reflection, defined: a reply reflects the customer's issue when one of its statements (not a
question: asking "what do you need help with your router?" says nothing back) shares at least
two *issue words* with the customer's messages, or every one of them when the customer gave
fewer. Issue words are the customer's content words (normalised, lightly stemmed, stopwords
dropped, at least three letters) that are not in GENERIC below: the vocabulary any support
exchange uses whatever the problem (help, issue, account, refund, sorry, today, days ...). Two
words, because one is too easily a template's own ("health", "delivery"): "Two weeks of evening
drop-outs on your broadband" reflects "my broadband drops every evening", while "I'm sorry for
the trouble; I'll look into this and get back to you today" reflects nothing, whatever the
customer said. A statement that says back one of the customer's own two-word phrases ("phone
bill", "refunds ... money", stopwords skipped, not both everyday support talk) reflects too:
that is what saying back looks like when every single word is an everyday one. The customer's
own name never counts.
"""

from __future__ import annotations

import itertools
import re

import snowballstemmer

from bot.core import prebuilt
from bot.core.conversation import Conversation
from bot.core.matcher import terms
from bot.core.text import normalise, sentences
from bot.core.tidy import tidy

_GENERIC_WORDS = """
    account issue issues problem problems help helping sort sorted fix fixed look looking check
    checking get getting got back sorry apologise apologies trouble frustrating frustration
    understand know let need want wanted like think see seen thing things something anything
    everything nothing way today tomorrow yesterday now soon time times day days week weeks month
    months year years hour hours minute minutes morning afternoon date asap still already again
    also really very much more less one two three first last next new old same other another
    any some all every each right wrong good bad great okay sure yes no not never ever always
    customer service support team company staff agent contact contacted message messages email
    emails call called phone chat reply response answer question questions details information
    info update updates request case ticket reference number order orders refund money pay paid
    payment charge charged bill cost price make made take taken give given keep find found tell
    told ask asked said say says going come came done doing use used work working works try tried
    sent send receive received able possible help please thanks thank name hello dear regards
    i'm i've i'll you're we're it's that's there's don't can't won't isn't
    they them their theirs he him his she her hers who whom what which when where why how
    than then from about into onto over under after before because if not any our ours yours
"""
# The matcher's light stemming, then Snowball's English stemmer (snowballstemmer, the Porter
# family's maintained successor), so that "creating" says back "create" and "invoices" "invoice".
_STEMMER = snowballstemmer.stemmer("english")


def _stems(text: str) -> list[str]:
    return _STEMMER.stemWords(terms(normalise(text)))


GENERIC = prebuilt.value("generic-stems", _GENERIC_WORDS, lambda: frozenset(_stems(_GENERIC_WORDS)))
# The things at stake in many conversations: generic alone, specific in a customer's phrase.
_THINGS_AT_STAKE = frozenset(
    _stems(
        "order refund money payment charge bill cost price phone email account number ticket "
        "reference information details update request call message"
    )
)
_TALK = GENERIC - _THINGS_AT_STAKE
_PLACEHOLDER = prebuilt.compile(r"\[[^\]]*\]")


def _content_terms(text: str) -> set[str]:
    return {
        t
        for t in _stems(_PLACEHOLDER.sub(" ", text))
        if (len(t) >= 3 or t.isdigit()) and t not in GENERIC
    }


def issue_words(conversation: Conversation, customer_name: str | None = None) -> set[str]:
    """The customer's specific content words (stemmed): what this conversation is about."""
    said = "\n".join(m.text for m in conversation.customer_messages)
    said += "\n" + tidy(said)  # a typo said back corrected still says it back
    name = _content_terms(customer_name or "")
    return _content_terms(said) - name


def reflects_issue(
    reply: str, conversation: Conversation, customer_name: str | None = None
) -> bool:
    """A statement of the reply says back at least two of the customer's issue words (all of
    them when they gave fewer)."""
    wanted = issue_words(conversation, customer_name)
    needed = min(2, len(wanted))
    phrases = customer_phrases(conversation)
    statements = [s for s in sentences(reply) if not s.rstrip().endswith("?")]
    if needed and any(len(_content_terms(s) & wanted) >= needed for s in statements):
        return True
    return any(_phrases(s) & phrases for s in statements)


def _phrases(text: str) -> set[tuple[str, str]]:
    """Pairs of consecutive content words ("phone bill", "refund money"), stopwords skipped,
    where at least one is not everyday support talk."""
    words = [t for t in _stems(_PLACEHOLDER.sub(" . ", text)) if len(t) >= 3 or t.isdigit()]
    pairs = itertools.pairwise(words)
    return {pair for pair in pairs if not set(pair) <= _TALK and pair[0] != pair[1]}


def customer_phrases(conversation: Conversation) -> set[tuple[str, str]]:
    """The customer's own two-word phrases: saying one back is saying back their words, even
    when each word alone is everyday ("is the phone bill the same" -> "phone bill")."""
    said = "\n".join(m.text for m in conversation.customer_messages)
    return _phrases(said) | _phrases(tidy(said))


# Fixes a customer may already have tried, each as a pattern for the verb phrase in any form.
FIXES: dict[str, str] = {
    "restart": r"re-?start\w*|re-?boot\w*|power[- ]cycl\w*|"
    r"(?:turn|switch)\w* (?:it |them )?off and (?:back )?on",
    "reinstall": r"re-?install\w*|uninstall\w*|re-?download\w*",
    "reset": r"reset\w*",
    "clear the cache": r"clear\w* (?:the |your |my )?(?:cache|cookies|history|browser data)",
    "update": r"updat\w* (?:the |your |my )?(?:app|software|firmware|browser|phone|device)",
    "log out and in": r"(?:log|sign)\w* (?:out|off)",
    "unplug": r"unplug\w*",
    "check the spam folder": r"check\w* (?:the |your |my )?(?:spam|junk)",
    "use another card or device": r"(?:another|a different) (?:browser|device|card|phone|"
    r"computer|network)",
    "send photos": r"(?:send|sent|sending|attach\w*) (?:you |over |in )?(?:a |the |some |my )?"
    r"(?:photos?|pictures?|screenshots?|images?)",
}
_FIX = {
    name: prebuilt.compile(rf"\b(?:{pattern})", re.IGNORECASE) for name, pattern in FIXES.items()
}
_DID = prebuilt.compile(
    r"\b(?:i|we)(?:'ve|’ve| have| had)? (?:(?:already|even|also|just|then|both|all|tried|"
    r"to|and|have|been|did|literally) )*$|\balready $",
    re.IGNORECASE,
)
_ASK = prebuilt.compile(
    r"\b(?:please|could you|can you|would you|will you|try|tried|you could|you can|you might|"
    r"you may|you(?:'ll| will)? need to|suggest|recommend|go ahead and|if you)\b",
    re.IGNORECASE,
)
_NOT_ASKING = prebuilt.compile(
    r"\b(?:won'?t|will not|not ask|no need|don'?t need|do not need|don'?t have to|without|"
    r"instead of|rather than|never|already|you(?:'ve| have))\b",
    re.IGNORECASE,
)


def tried_fixes(conversation: Conversation) -> set[str]:
    """The fixes the customer says they already tried ("I've restarted the router twice")."""
    done = set()
    for message in conversation.customer_messages:
        for name, pattern in _FIX.items():
            for match in pattern.finditer(message.text):
                if _DID.search(message.text[max(0, match.start() - 60) : match.start()]):
                    done.add(name)
    return done


def asked_to_repeat(reply: str, conversation: Conversation) -> list[str]:
    """Fixes the reply asks the customer to do again, though they said they already did."""
    done, asked = tried_fixes(conversation), []
    for sentence in sentences(reply):
        if _NOT_ASKING.search(sentence):
            continue
        for name in sorted(done - set(asked)):
            match = _FIX[name].search(sentence)
            if match and (
                _ASK.search(sentence[: match.start()]) or not sentence[: match.start()].strip()
            ):
                asked.append(name)
    return asked
