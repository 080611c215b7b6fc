"""A direct question the team's knowledge answers: "how long will my refund take?", "who do I
talk to about this?", "what time are you open?".

The answer is the team's fact (MOT_KNOWLEDGE_FILE) or, without one, its [placeholder] for the
agent to fill, with the agent owning the rest: never an answer made up. A question no fact
answers ("can I still get in on Saturday?") stays with bot/llm/request_take_up.py, which
promises to find out.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.asks import SENTENCES
from bot.llm.reply_text import fill

_FLAGS = re.IGNORECASE
# Money asked about is a fair question first, as a billing reply acknowledges it.
_FAIR = "It's a fair question: "
# (the question in plain words customers use, the answer with its knowledge slot)
_ANSWERS = (
    (
        r"\b(?:how long|when|how soon|how many days)\b[^.?!]{0,60}\b(?:refund\w*|money back|"
        r"deposit back|get (?:my|the|our) (?:money|deposit))\b|\brefund\b[^.?!]{0,30}\bhow long\b",
        _FAIR + "once it's approved, {money} reaches you within {refund_time}; I'll check where "
        "it is and confirm with you {update_time}.",
    ),
    (
        r"\b(?:how long|when|how soon)\b[^.?!]{0,40}\breplacement\b",
        "A replacement usually reaches you within {replacement_time} of it being sent; I'll "
        "check where yours is and confirm with you {update_time}.",
    ),
    (
        r"\bwho (?:do|can|should|would) (?:i|we) (?:even |actually )?(?:talk|speak|ask|go|"
        r"contact|complain|write|turn)\b|\bwho (?:deals|handles|looks after)\b[^.?!]{0,20}"
        r"\b(?:this|complaints?)\b",
        "You can talk to me: this stays with me, and if it needs to go further, I'll bring in "
        "{escalation_path} for you and tell you who has it.",
    ),
    (
        # the team's own hours ("what time are you open till?"), not a pool's or a shop's
        r"\b(?:what time|when) (?:are|do) you (?:open|close|shut)\b|\bare you (?:still )?open\b|"
        r"\byour (?:opening|office|phone line) (?:hours|times)\b|"
        r"\byou(?:'re| are) open (?:till|until)\b",
        "We're open {opening_hours}.",
    ),
    (
        r"\bwhen (?:will|is|are|can) (?:someone|anyone|you|somebody)\b[^.?!]{0,20}"
        r"\b(?:call|ring|phone) (?:me|us) back\b",
        "Someone will call you back {callback_time}; I'll make sure it's booked in.",
    ),
)
_COMPILED = tuple((prebuilt.compile(pattern, _FLAGS), answer) for pattern, answer in _ANSWERS)


def known_answer(latest: str, amounts: list[str] = ()) -> str | None:
    """The answer, with its knowledge slot, to a direct question in the customer's latest turn
    (`latest`); None when they ask none the knowledge answers. Money is named as they name it:
    "your £950 deposit" (`amounts`: the case's)."""
    for sentence in SENTENCES.split(latest):
        if not sentence.rstrip().endswith("?") and "?" in latest:
            continue  # in a turn that asks, the question is the sentence that asks
        for pattern, answer in _COMPILED:
            if pattern.search(sentence):
                what = "deposit" if re.search(r"\bdeposit\b", sentence, _FLAGS) else "refund"
                amount = f"{amounts[0]} " if amounts else ""
                return answer.replace("{money}", f"your {amount}{what}")
    return None


def gives_known_answer(
    text: str, latest: str, slots: dict[str, str], amounts: list[str] = ()
) -> bool:
    """Does `text` give the known answer to the question in `latest` (filled from `slots`)?"""
    answer = known_answer(latest, amounts)
    if not answer:
        return False
    said = fill(answer, slots).split(";")[0].removeprefix(_FAIR)
    return said in text or without_money(said) in text


def without_money(answer: str) -> str:
    """The answer with its money said as "it", once a sentence before it named the money."""
    return re.sub(r"\byour (?:\S+ )?(?:refund|deposit)\b", "it", answer)
