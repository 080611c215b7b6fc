"""Fitting the finished suggestions to where the conversation is: our own slip owned once, and
openers that contradict the moment pruned.

- An earlier slip of ours (bot/core/agent_slips.py) is owned at the start of the first
  suggestion, once; a reply that already apologises owns it without a second apology.
- A first-contact greeting ("Thanks for getting in touch", "I'm glad you reached out") is
  dropped once the thread is under way: an agent has answered, or the customer has written
  more than once.
- Filler ("Of course.", "Thanks for your patience.") is dropped when the customer is in a
  hurry ("please be quick", "urgent"), and "Of course." also when they asked for nothing.
A pruned suggestion keeps its text when nothing would be left, or when it would then open
like another one.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.agent_slips import agent_slip
from bot.core.conversation import Conversation
from bot.core.playbooks import Playbook
from bot.core.rubric import check
from bot.llm.base import Suggestion
from bot.llm.reply_text import APOLOGY, first_sentence, says_again, sentences

_FLAGS = re.IGNORECASE
_FIRST_CONTACT = (
    r"thanks for (?:getting in touch|reaching out|your message|contacting us)|thank you for "
    r"(?:getting in touch|reaching out|your message|contacting us)|i'?m glad you reached out|"
    r"welcome"
)
# A sentence that is only a greeting: "Hello, and thanks for your message."
_GREETING_ONLY = prebuilt.compile(
    rf"^(?:(?:hi|hello|hey)(?: there)?[,!]?\s*(?:and\s+)?)?(?:{_FIRST_CONTACT})[\s,.!]*$", _FLAGS
)
# A greeting joined to what follows: "Hi, I'm glad you reached out." / "Thanks for getting in
# touch; if I've understood, ..." / "Thanks for getting in touch, and so that I ..."
_GREETING_LEAD = prebuilt.compile(
    rf"^(?:(?:hi|hello|hey)(?: there)?[,!]?\s*(?:and\s+)?)?(?:{_FIRST_CONTACT})\s*(?:[;,]\s*"
    r"(?:and\s+)?|[.!]\s+)",
    _FLAGS,
)
_BARE_HELLO = prebuilt.compile(r"^(?:hi|hello|hey)(?: there)?[,!.]\s+(?=[A-Z])", _FLAGS)
_HURRY = prebuilt.compile(
    r"\b(?:be quick|quickly|asap|as soon as possible|urgent\w*|hurry|in a rush|right now|"
    r"immediately|straight away|no time|running out of time|emergency|time.sensitive)\b",
    _FLAGS,
)
_FILLER_WHEN_HURRIED = prebuilt.compile(
    r"^(?:of course|certainly|absolutely|sure|no problem|(?:thanks|thank you)(?: so much)? for "
    r"(?:your patience|bearing with (?:me|us)|sticking with us|being patient|waiting))"
    r"(?:,\s*\w+)?[.!]$",
    _FLAGS,
)
_OF_COURSE = prebuilt.compile(r"^(?:of course|certainly|absolutely|sure)[.!]$", _FLAGS)
_ASKED = prebuilt.compile(
    r"\?|\b(?:please|can you|could you|i want|i'd like|i would like|i need)\b", _FLAGS
)


_ASKED_TO_WAIT = prebuilt.compile(
    r"\b(?:bear with (?:me|us)|one moment|just a (?:moment|minute|sec\w*)|let me (?:check|look|"
    r"have a look|find out)|hold on|give me a (?:moment|minute|sec\w*)|be right back|please wait)"
    r"\b",
    _FLAGS,
)


def made_to_wait(conversation: Conversation) -> bool:
    """An agent turn of this thread asked them to wait while we looked: a wait to thank for."""
    return any(_ASKED_TO_WAIT.search(m.text) for m in conversation.messages if m.role == "agent")


def _under_way(conversation: Conversation) -> bool:
    roles = [m.role for m in conversation.messages]
    return "agent" in roles or roles.count("customer") > 1


def _pruned(text: str, under_way: bool, hurried: bool, asked: bool) -> str:
    kept = []
    for index, sentence in enumerate(sentences(text)):
        if index == len(kept):  # still at the opening: nothing with content kept yet
            if under_way and _GREETING_ONLY.match(sentence):
                continue
            if under_way:
                lead = _GREETING_LEAD.match(sentence) or _BARE_HELLO.match(sentence)
                if lead and sentence[lead.end() :].strip():
                    rest = sentence[lead.end() :].strip()
                    sentence = rest[0].upper() + rest[1:]
            if hurried and _FILLER_WHEN_HURRIED.match(sentence):
                continue
            if not asked and _OF_COURSE.match(sentence):
                continue
        kept.append(sentence)
    return " ".join(kept)


def _own_slip(suggestions: list[Suggestion], conversation: Conversation) -> list[Suggestion]:
    slip = agent_slip(conversation)
    if slip is None or not suggestions:
        return suggestions
    first = suggestions[0]
    apologised = bool(APOLOGY.search(first.text))
    owned = slip.owned_plain if apologised else slip.owned
    if says_again(owned, first.text):  # "a speed test" twice: the plain words instead
        owned = slip.general[1] if apologised else slip.general[0]
    text = f"{owned} {first.text}"
    return [Suggestion(text, first.why, source=first.source), *suggestions[1:]]


def keeps_moves(pruned: str, original: str, playbook: Playbook | None) -> bool:
    """A pruned opener may have been the line that made one of the playbook's moves."""
    if playbook is None:
        return True
    return set(check(pruned, playbook).missing_moves) <= set(
        check(original, playbook).missing_moves
    )


def fit_to_situation(
    suggestions: list[Suggestion], conversation: Conversation, playbook: Playbook | None = None
) -> list[Suggestion]:
    """The suggestions with our slip owned and the openers that contradict the moment pruned."""
    latest = conversation.customer_messages[-1].text if conversation.customer_messages else ""
    under_way, hurried = _under_way(conversation), bool(_HURRY.search(latest))
    asked = bool(_ASKED.search(" ".join(m.text for m in conversation.customer_messages)))
    out: list[Suggestion] = []
    for index, suggestion in enumerate(suggestions):
        text = _pruned(suggestion.text, under_way, hurried, asked)
        others = [first_sentence(s.text) for s in out] + [
            first_sentence(s.text) for s in suggestions[index + 1 :]
        ]
        clash = not text or first_sentence(text) in others
        if clash or not keeps_moves(text, suggestion.text, playbook):
            text = suggestion.text
        out.append(Suggestion(text, suggestion.why, source=suggestion.source))
    return _own_slip(out, conversation)
