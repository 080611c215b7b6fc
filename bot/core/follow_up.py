"""What the customer's next turn says about a tip: did they calm down, thank us, or come back
about the same problem? Read from the conversation after each customer message that follows a
tip (bot/store/follow_ups.py records it; bot/store/effectiveness.py compares)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from bot.core import prebuilt
from bot.core.conversation import Conversation
from bot.core.escalation import assess

# Thanks or praise for what was done ("thanks, that worked", "you've been brilliant").
_THANKED = prebuilt.compile(
    r"\b(thanks?|thank you|cheers|appreciate(d)?|grateful|brilliant|perfect|excellent|"
    r"awesome|fantastic|wonderful|great (help|job|service)|that (worked|helps|helped|fixed it)|"
    r"(all )?sorted|problem solved|you('ve| have) been (great|amazing|so helpful))\b",
    re.IGNORECASE,
)
# Back about the same problem: "still", "again", "same issue", "nothing has changed".
_CAME_BACK = prebuilt.compile(
    r"\b(still (not|no|broken|waiting|hasn'?t|isn'?t|doesn'?t|can'?t|the same)|again|"
    r"same (problem|issue|thing|error)|nothing ha(s|d) changed|not (fixed|resolved|sorted)|"
    r"didn'?t (work|help|fix)|doesn'?t work|happened again|back again)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FollowUpReading:
    escalation_score: float
    escalation_level: str
    thanked: bool
    came_back: bool

    def to_dict(self) -> dict:
        return asdict(self)


def read_follow_up(conversation: Conversation) -> FollowUpReading | None:
    """The reading at the conversation's last customer message; None if the last message is
    not the customer's."""
    if not conversation.messages or conversation.messages[-1].role != "customer":
        return None
    text = conversation.messages[-1].text
    escalation = assess(conversation)
    sarcastic = "sarcasm" in escalation.signals
    return FollowUpReading(
        escalation_score=round(float(escalation.score), 4),
        escalation_level=escalation.level,
        thanked=bool(_THANKED.search(text)) and not sarcastic and not _CAME_BACK.search(text),
        came_back=bool(_CAME_BACK.search(text))
        or "repeat" in assess(Conversation(conversation.id).add("customer", text)).signals,
    )
