"""Next steps with a time that carry this case: the thing at stake and its reference or amount
(their deadline comes in through {update_time}: "before Friday"). They stand in for a line that
would ask for what the customer already said (bot/llm/offline.py), and pad a set the playbook
cannot fill.

A holding line that fits any message ("I'll keep this with me and update you ...") reads as a
script: with the case's thing it says whose matter it is; with nothing to name, the line is
short rather than padded with empty words.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.case import Case
from bot.llm.base import Suggestion
from bot.llm.built_in_replies import CASE_NEXT_STEPS, CASE_NEXT_STEPS_PLAIN

# Words that name no thing of theirs ("your it").
_VAGUE = frozenset({"it", "this", "that"})
# Money things, named by their amount: "your £950 deposit".
_MONEY = frozenset({"refund", "deposit", "payment", "charge", "bill", "invoice", "fee"})
# What else customers commonly ask us about, as their issue said back names it ("your
# certificate", "your customer records"), when the case's things (bot/core/things.py) hold none.
_MATTER = prebuilt.compile(
    r"\byour ((?:[a-z]+ )?(?:certificate|membership|deposit|course|class|records|data|"
    r"results|passport|repair|service|complaint|application|room|visa|licence|report))\b",
    re.IGNORECASE,
)


def case_subject(case: Case) -> str | None:
    """What is at stake as a reply names it: "your parcel (PK-88120)", "your £950 deposit",
    "your customer records"; None when the case names nothing."""
    thing = case.thing if case.thing and case.thing not in _VAGUE else None
    ref = case.references[0] if case.references else None
    if thing in _MONEY and case.amounts:
        return f"your {case.amounts[0]} {thing}"
    if thing and ref:
        return f"your {thing} ({ref})"
    if thing:
        return f"your {thing}"
    found = _MATTER.search(" ".join(filter(None, (case.issue, case.ask, case.topic))))
    if found:
        return f"your {found.group(1).lower()}"
    return f"your reference {ref}" if ref else None


def case_next_steps(case: Case) -> list[Suggestion]:
    """The built-in next steps, each naming this case's subject, or short when there is none."""
    subject = case_subject(case)
    if subject is None:
        plain = zip(CASE_NEXT_STEPS_PLAIN, CASE_NEXT_STEPS, strict=True)
        return [Suggestion(text, step.why) for text, step in plain]
    return [Suggestion(s.text.replace("{subject}", subject), s.why) for s in CASE_NEXT_STEPS]


def is_case_next_step(text: str, case: Case) -> bool:
    """Is `text` one of these steps for `case`? Naming their thing, it still only holds the
    case: an option built on the case (bot/llm/case_options.py) may take its place."""
    return any(s.text.split("{")[0] in text for s in case_next_steps(case))
