"""Defect detectors for suggested replies: the counts of shared/eval COACHING-RUBRIC.md.

Each is a small pure function over a reply (or a set of replies) and the conversation it answers.
The LLM guard (bot/llm/output_check.py) rejects model replies that fail the safety ones, and
`mot-coach eval-coaching` counts them all over a run. Claimed actions live in claimed_actions.py,
premises in premises.py, what the customer already did and issue reflection in reply_relevance.py.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.claimed_actions import claimed_actions, claims_in
from bot.core.conversation import Conversation
from bot.core.premises import stated_premises, unsupported_premises
from bot.core.reply_relevance import asked_to_repeat, issue_words, reflects_issue
from bot.core.rubric import PLACEHOLDER
from bot.core.text import GREETING, normalise, sentences, words_and_breaks

__all__ = [
    "apologies",
    "asked_to_repeat",
    "asks_for_manager",
    "claimed_actions",
    "claims_in",
    "content_free_sentences",
    "issue_words",
    "name_placeholder",
    "offers_manager",
    "premise_violations",
    "reflects_issue",
    "repeated_openers",
    "repeated_phrases",
    "sentences",
    "uses_name",
]

NAME_PLACEHOLDER = "[customer name]"
_APOLOGY = prebuilt.compile(
    r"\b(?:sorry|apologi[sz]e[sd]?|apologi[sz]ing|apolog(?:y|ies)|"
    # Spanish, French, German, Portuguese: "lo siento", "désolé", "tut mir leid", "desculpe"
    r"siento|sentimos|lamento|lamentamos|disculp\w*|perd[oó]n\w*|"
    r"d[ée]sol[ée]e?s?|(?:nos|mes) excuses|excusez|m['’]excuse|regrette|regrettons|"
    r"entschuldig\w*|tut (?:mir|uns) leid|bedauer\w*|"
    r"desculp\w*|sinto muito|perd[ãa]o)\b",
    re.I,
)
# Sentences that announce content: flagged unless a colon brings the content in the same breath.
_ANNOUNCER = prebuilt.compile(
    r"^(?:here(?:'s| is| are)|below is|let me (?:explain|walk you through|break (?:it|this) "
    r"down|lay (?:it|this) out)|i(?:'ll| will) (?:explain|walk you through|break (?:it|this) "
    r"down)|(?:the )?(?:short|quick|simple) (?:answer|version)|in (?:plain|simple) (?:terms|"
    r"words)|to put it simply)\b",
    re.IGNORECASE,
)
# Words that carry no content on their own: a sentence made only of these is filler.
# Not filler: "of course" / "sure" answer a request; "thanks for your patience" owns a wait.
_FILLER_TEXT = """
    i i'm im am me my we our us you your it its is are was be been this that the a an and or
    so to of for with in on at here there just really very totally completely absolutely
    fully truly hear understand understood appreciate appreciated thanks thank reaching out
    getting touch contacting question questions great good happy glad help helping assist
    assistance okay ok let know will would can get back all that's what please hope hello hi
    hey dear
    """
_FILLER_WORDS = frozenset(_FILLER_TEXT.split())
# Three-word phrases made only of these do not count as a repeated phrase.
_FUNCTION_TEXT = """
    i me my we our us you your it its is am are was were be been to of for with in on at and
    or but so that this the a an will would can could have has had do does not as if by from
    """
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())


def premise_violations(reply: str, conversation: Conversation) -> list[str]:
    """Premises the reply takes for granted that the conversation never states."""
    return unsupported_premises(reply, stated_premises(conversation))


def opener(reply: str) -> str:
    """The first sentence after any greeting, normalised ("" when there is none)."""
    body = GREETING.sub("", reply.strip(), count=1)
    first = sentences(body)
    return normalise(first[0]).strip(" ?!") if first else ""


def repeated_openers(replies: list[str]) -> list[str]:
    """Openers (normalised first sentences) that start more than one reply of a set."""
    seen: dict[str, int] = {}
    for reply in replies:
        key = opener(reply)
        if key:
            seen[key] = seen.get(key, 0) + 1
    return [key for key, count in seen.items() if count > 1]


def apologies(reply: str) -> int:
    """How many times the reply apologises (sorry, apologise, apologies)."""
    return len(_APOLOGY.findall(reply))


def repeated_phrases(reply: str) -> list[str]:
    """Three-word phrases said twice in one reply ("I hear you ... I hear you")."""
    words = words_and_breaks(PLACEHOLDER.sub(" . ", reply))
    seen: set[tuple[str, ...]] = set()
    repeated: list[str] = []
    for i in range(len(words) - 2):
        gram = tuple(words[i : i + 3])
        if "." in gram or set(gram) <= _FUNCTION_WORDS:  # within a clause, not only "and i will"
            continue
        if gram in seen and " ".join(gram) not in repeated:
            repeated.append(" ".join(gram))
        seen.add(gram)
    return repeated


def content_free_sentences(reply: str) -> list[str]:
    """Sentences that say nothing: an announcement whose content never follows ("Here's the
    short answer first, then the steps.") or pure filler ("I completely understand.")."""
    found = []
    parts = sentences(GREETING.sub("", reply.strip(), count=1))
    for index, sentence in enumerate(parts):
        if _ANNOUNCER.match(sentence):
            _, colon, rest = sentence.partition(":")
            # the content comes after a colon, in the same sentence or the lines below it
            followed = re.search(r"\w", rest) or (sentence.endswith(":") and index + 1 < len(parts))
            if not (colon and followed):
                found.append(sentence)
        elif set(normalise(sentence).split()) - {"?", "!"} <= _FILLER_WORDS:
            found.append(sentence)
    return found


_MANAGER = prebuilt.compile(
    r"\b(?:manager|supervisor|team lead(?:er)?|someone senior|senior (?:colleague|member|"
    r"manager|adviser|advisor)|line manager|escalat\w*|"
    # Spanish, French, German, Portuguese: "un responsable", "vorgesetzte", "um supervisor"
    r"responsable|gerente|encargad[oa]|vorgesetzte\w*|teamleit\w*|responsável|gestor)\b",
    re.IGNORECASE,
)


def asks_for_manager(conversation: Conversation) -> bool:
    """The customer asks for a manager, supervisor, a human or someone senior."""
    return "manager_request" in stated_premises(conversation)


def offers_manager(reply: str) -> bool:
    """The reply honours a manager request: it names a manager, supervisor or someone senior."""
    return _MANAGER.search(reply) is not None


def name_placeholder(reply: str, customer_name: str | None) -> bool:
    """`[customer name]` left in a reply although the conversation gives the name."""
    return bool(customer_name) and NAME_PLACEHOLDER in reply.lower()


def uses_name(reply: str, customer_name: str | None) -> bool:
    """The reply addresses the customer by (the first word of) their name."""
    if not customer_name:
        return False
    first = customer_name.split()[0]
    return re.search(rf"\b{re.escape(first)}\b", reply, re.IGNORECASE) is not None
