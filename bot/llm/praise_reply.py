"""The first praise suggestion's reflection: what they thank us for, in their words.

A pleased clause of theirs ("the engineer fixed the boiler in an hour") is said back first; a
staff member they named stands in for "he" or "she" only when no one else in their message
could be meant ("He was so nervous and she kept him laughing" is about their son, not nurse
Priya). When their thanks only says it is fixed ("That fixed it, thanks", "It's sorted"), the
thing that was fixed is named instead (bot/core/thread_topic.py: "I'm so glad your alarm volume
is sorted now."), and a plain thanks for an answer or an update names what the thread is about
("It's good to hear back from you about your booking."). Nothing is said back when neither
reads cleanly: "Thanks for the kind words" is better than a broken echo.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.asks import ask_clause
from bot.core.case import Case
from bot.core.clean_clause import INSULT, clean
from bot.core.conversation import Conversation
from bot.core.gist import gist_clause
from bot.core.good_news import good_news_clause
from bot.core.reflect import second_person
from bot.core.thread_topic import thread_topic
from bot.core.tidy import tidy
from bot.llm import built_in_replies as lines
from bot.llm.reply_text import says_again

_FLAGS = re.IGNORECASE
# Their latest turn says the problem is over.
_RESOLVED = prebuilt.compile(
    r"\b(?:fixed|sorted|solved|resolved|working(?: again| now| fine)|works (?:now|again|fine)|"
    r"(?:that|it) (?:worked|did it|did the trick)|back (?:in|on|up|online)|up and running|"
    r"all good now)\b",
    _FLAGS,
)
_NOT_RESOLVED = prebuilt.compile(
    r"\b(?:not|n't|never|no longer|still|yet|if|until|unless|hope|hopefully|needs?|must|"
    r"should|has to|have to|want)\b|\?",
    _FLAGS,
)
# People other than the one praised whom "he" or "she" could mean.
_OTHER_PERSON = prebuilt.compile(
    r"\b(?:my|our|his|her|their) (?:son|daughter|dad|father|mum|mom|mother|husband|wife|partner|"
    r"boyfriend|girlfriend|child|kid|baby|brother|sister|grandma|grandmother|grandad|"
    r"grandfather|grandson|granddaughter|friend|neighbour|neighbor|colleague|boss|nan|aunt|"
    r"uncle)\b",
    _FLAGS,
)
# "Spoke to Dev on your phone line ... He was so patient": whom "he" means.
_SPOKE_TO = prebuilt.compile(r"\b(?i:spoke|talked|chatted|dealt) (?i:to|with) ([A-Z][a-z]{2,20})\b")
# Words that carry no thing of their own: a clause of only these says too little to say back
# when the fixed thing can be named instead ("that fixed it" -> "your top bar is sorted now").
_PLAIN = frozenset(
    """i you we it that this they he she it's that's is are was were has have had do did does
    now again all so really just fixed sorted working works worked it fine good great perfect
    done back""".split()  # noqa: SIM905
)
# A thanks for words alone ("the reply helped"): said with what the words were about.
_THANKED_FOR_WORDS = prebuilt.compile(
    r"^((?:the|that|this|your) (?:reply|response|update|answer|info|information|heads up|"
    r"advice|tip)) helped$",
    _FLAGS,
)
PRAISE_OF_US_FRAMES = (
    ("It means a lot to hear {issue}.", "It means a lot to hear {issue}, {name}."),
)
_PLEASED_LEAD = prebuilt.compile(
    r"^(?:great|perfect|ok|okay|thanks|thank you|brilliant|cool|lovely|super)\b[,!.]*\s*", _FLAGS
)
_ASKS_MORE = prebuilt.compile(r"\?|\b(?:questions?|wondering|one more thing)\b", _FLAGS)
RESOLVED_FRAMES = (
    ("I'm so glad {issue} is sorted now.", "I'm so glad {issue} is sorted now, {name}."),
    ("It's great to hear {issue} is sorted.", "It's great to hear {issue} is sorted, {name}."),
)

THREAD_FRAMES = (
    (
        "It's good to hear back from you about {issue}.",
        "It's good to hear back from you about {issue}, {name}.",
    ),
)


def _resolved(text: str) -> bool:
    for sentence in re.split(r"(?<=[.!?])\s+|\n+|,\s+", text):
        if _RESOLVED.search(sentence) and not _NOT_RESOLVED.search(sentence):
            return True
    return False


def _news(case: Case, latest: str) -> str | None:
    """What they are pleased about, with the praised person's name for a "he" or "she" that can
    only mean them; None when the pronoun could mean someone else."""
    news = case.good_news
    if not news or not re.match(r"(?:she|he)\b", news, _FLAGS):
        return news
    spoke_to = _SPOKE_TO.search(latest)
    person = case.praised or (spoke_to.group(1) if spoke_to else None)
    if not person or _OTHER_PERSON.search(latest):
        return None
    return re.sub(r"^(?:she|he)\b", person, news, flags=_FLAGS)


# What the person they name did: "Marta on reception sorted us a quiet room" -> "Marta sorted
# you a quiet room"; a place between the name and the verb ("at the Hill Street clinic") goes.
_VERBS = frozenset(
    """was is were has had came went got kept found made took gave called helped fixed sorted
    stayed waited explained listened answered arranged managed showed rang""".split()  # noqa: SIM905
)
_PLACE = frozenset(["at", "from", "in", "on", "of", "with"])
_CLAUSE_END = prebuilt.compile(
    r"\s+(?:when|because|but|so|although|while|as|give|please|pass|can|could|ty|thx|thanks?|"
    r"thank)\b.*$|[,;:].*$",
    _FLAGS,
)
_NOT_DEED = prebuilt.compile(
    r"\b(?:not|never|no|didn't|wasn't|couldn't|won't|rude|late)\b|\?", _FLAGS
)


def praised_deed(latest: str, praised: str | None) -> str | None:
    """What the staff member they name did or was, in a clause of ours; None when unclear."""
    if not praised:
        return None
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", latest):
        found = re.search(rf"\b{re.escape(praised)}\b", sentence)
        if not found:
            continue
        words = _CLAUSE_END.sub("", sentence[found.end() :]).strip(" .!").split()
        words = words[1:] if words[:1] == ["who"] else words
        verb = next((i for i, w in enumerate(words[:7]) if _is_verb(w)), None)
        if verb is None or (verb and words[0].lower() not in _PLACE):
            continue
        deed = words[verb:]
        if not 2 <= len(deed) <= 14 or _NOT_DEED.search(" ".join(deed)):
            continue
        said = second_person(" ".join([praised, *deed]))
        if not INSULT.search(said):
            return said
    return None


def _is_verb(word: str) -> bool:
    word = word.lower()
    return word in _VERBS or (word.endswith("ed") and len(word) > 4)


# An earlier turn that is all praise ("You stand out in the crowd"), never one with a problem.
_PRAISING = prebuilt.compile(
    r"\b(?:thank you for|thanks for|excellent|amazing|brilliant|love|well done|stand out|"
    r"the best|fantastic|wonderful|lovely|so helpful)\b",
    _FLAGS,
)
_PROBLEM = prebuilt.compile(
    r"\b(?:problem|issue|broken|wrong|lost|late|still|never|not|no|can't|cannot|won't|error|"
    r"fail\w*|refund|charged|cancel\w*)\b|n't\b|\?",
    _FLAGS,
)


def _earlier_praise(turns) -> str | None:
    """What they praised in an earlier turn that is praise only, when their latest says no
    more than "Just giving credit where it's due"."""
    for message in reversed(turns[:-1]):
        text = tidy(message.text)
        if _PRAISING.search(text) and not _PROBLEM.search(text):
            return good_news_clause([text])
    return None


def _framed(frames, issue: str, case: Case, body: str) -> str:
    named = bool(case.customer_name) and case.customer_name not in body
    for plain, with_name in frames:
        if not says_again(plain.format(issue="", Issue=""), body):
            frame = with_name if named else plain
            return frame.format(
                issue=issue, Issue=issue[:1].upper() + issue[1:], name=case.customer_name
            )
    return ""


def praise_reflection(conversation: Conversation, case: Case, body: str) -> str | None:
    """The sentence saying back what they thank us for; "" for nothing; None when a lone
    message has nothing pleased to say back (its issue or question is said back instead)."""
    turns = conversation.customer_messages
    latest = turns[-1].text if turns else ""
    # what the person did, or their news: whichever says more ("Marco helped you yesterday" <
    # "Marco sorted everything out in ten minutes and was lovely about it")
    said = [n for n in (praised_deed(latest, case.praised), _news(case, latest)) if n]
    news = max(said, key=lambda n: len(n.split()), default=None) or _earlier_praise(turns)
    plain = bool(news) and all(w.strip(",.") in _PLAIN for w in news.lower().split())
    topic = thread_topic(conversation) if len(turns) > 1 else None
    about = _THANKED_FOR_WORDS.match(news or "")
    named = topic and len(re.sub(r"^(?:your|the) ", "", topic).split()) > 1  # not "your flight"
    if about and named:
        # "thanks for the reply" about a named thing: "the reply about Pointe Du Hoc helped"
        news = f"{about.group(1)} about {topic} helped"
    # "that fixed it, been stable all evening": what "it" was is the thread's topic
    vague = bool(news) and re.match(r"(?:that|it|this)\b", news, _FLAGS) is not None
    if topic and (not news or plain or vague) and _resolved(latest):
        return _framed(RESOLVED_FRAMES, topic, case, body)
    if news and re.match(r"we\b", news):  # their praise of us: "we stand out in the crowd"
        return _framed(PRAISE_OF_US_FRAMES, news, case, body)
    if news:
        return _framed(lines.REFLECT_GOOD_NEWS, news, case, body)
    if _ASKS_MORE.search(latest):  # thanks, and a new question: that question, said back
        question = _PLEASED_LEAD.sub("", tidy(latest))  # "Great, I also have a question ..."
        asked = clean(gist_clause([question]) or ask_clause([question]))
        return _framed(lines.REFLECT_ASK[:1], asked, case, body) if asked else ""
    if topic:  # thanks for an answer or an update: what the thread is about, nothing presumed
        return _framed(THREAD_FRAMES, topic, case, body)
    if len(turns) > 1 or (not case.issue and (case.ask or "").startswith("this is about")):
        return ""  # a compliment is no topic: "this is about your nice work"
    return None
