"""Next steps with a time that carry this case: the thing at stake and its reference or amount
(their deadline comes in through {update_time}: "before Friday"). They stand in for a line that
would ask for what the customer already said (bot/llm/offline.py), and pad a set the playbook
cannot fill.

A holding line that fits any message ("I'll keep this with me and update you ...") reads as a
script: with the case's thing it says whose matter it is; with nothing to name, the line is
short rather than padded with empty words.
"""

from __future__ import annotations

from bot.core.case import Case
from bot.llm.base import Suggestion
from bot.llm.built_in_replies import CASE_NEXT_STEPS

# Each with the case's subject ({subject}: "your parcel PK-88120"), then the same step with
# nothing to name, in fewer words. The why of each is CASE_NEXT_STEPS', in the same order.
_NAMED = (
    "I'll keep {subject} with me and update you {update_time}, so you won't need to chase us.",
    "I'll check what's happened with {subject} on our side and come back to you {update_time} "
    "with a clear answer.",
    "I have what I need to start on {subject}: I'll look into it myself now, and you'll hear "
    "from me {update_time}.",
    "I'll send you a clear answer about {subject} in writing {update_time}.",
    "I'll work on {subject} myself and update you {update_time}; if anything doesn't look right "
    "when I do, let me know.",
)
_PLAIN = (
    "I'll look into this myself and update you {update_time}.",
    "I'll check on our side and come back to you {update_time}.",
    "I'll reply in writing {update_time} with what I find.",
    "I'll stay on this myself and update you {update_time}.",
    "I'll follow it through and update you {update_time}.",
)
# Words that name no thing of theirs ("your it", "your account" alone says little).
_VAGUE = frozenset({"it", "this", "that"})
# Money things, named by their amount: "your £950 deposit".
_MONEY = frozenset({"refund", "deposit", "payment", "charge", "bill", "invoice", "fee"})


def case_subject(case: Case) -> str | None:
    """What is at stake as a reply names it: "your parcel PK-88120", "your broadband",
    "your reference PK-88120"; None when the case names nothing."""
    thing = case.thing if case.thing and case.thing not in _VAGUE else None
    ref = case.references[0] if case.references else None
    if thing in _MONEY and case.amounts:
        return f"your {case.amounts[0]} {thing}"
    if thing and ref:
        return f"your {thing} ({ref})"
    if thing:
        return f"your {thing}"
    return f"your reference {ref}" if ref else None


def case_next_steps(case: Case) -> list[Suggestion]:
    """The built-in next steps, each naming this case's subject, or short when there is none."""
    subject = case_subject(case)
    texts = [t.replace("{subject}", subject) for t in _NAMED] if subject else list(_PLAIN)
    whys = [s.why for s in CASE_NEXT_STEPS]
    return [Suggestion(text, whys[i % len(whys)]) for i, text in enumerate(texts)]
