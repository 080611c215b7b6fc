"""Checks one model-written reply before an agent sees it.

A reply fails when it claims a finished action the conversation does not state ("I've refunded
it"), or takes for granted a premise it does not state ("thanks for the photos"), the same bar
`mot-coach eval-coaching` measures (bot/core/reply_checks.py); when it misses a required move or
uses an avoid phrase (the playbook rubric), when it still carries a redaction placeholder after
restoring, when it has no reason, or when it looks like it obeyed instructions injected into the
conversation: money or freebies the playbook does not offer, an echo of "ignore previous
instructions", talk about its own prompt, or a link that neither the playbook nor the agent gave.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.conversation import Conversation
from bot.core.playbooks import Playbook
from bot.core.reply_checks import claimed_actions, premise_violations
from bot.core.rubric import check

# Money and freebies: a reply may promise one only if the playbook, or the agent, offers it.
OFFERS: dict[str, re.Pattern] = {
    name: prebuilt.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "a refund": r"\b(refund\w*|reimburs\w*|money back|pay (you )?back)\b",
        "a credit": r"\b(credit(s|ed)?( note)?|store credit|account credit)\b(?! card)",
        "a discount": r"\b(discount\w*|\d+ ?(%|percent|per cent) off|coupon|voucher|promo code"
        r"|half price|price match)\b",
        "something free": r"\b(for free|free of charge|free (month|year|upgrade|gift|item|"
        r"replacement|shipping|delivery|service|subscription)|complimentary|on the house|"
        r"at no (extra )?(cost|charge))\b",
        "compensation": r"\b(compensat\w*|goodwill (gesture|payment)|gift card)\b",
    }.items()
}
INJECTION_ECHOES = prebuilt.compile(
    r"\b(ignor(e|ing) (all |any |the |my |your )?(previous|prior|above|earlier|former)"
    r"( \w+)? (instructions|rules|prompts?)|disregard (all |any |the |your )?"
    r"(previous |prior |above )?(instructions|rules)|system prompt|developer mode|"
    r"jailbr(eak|oken)|as an ai\b|i am an ai\b|i'm an ai\b|language model|"
    r"UNTRUSTED-[0-9A-F]{6,})",
    re.IGNORECASE,
)
LINK = prebuilt.compile(
    r"\b(?:https?://|www\.)[^\s<>()\"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|"
    r"biz|info|xyz|ru|cn|ly|me|app|link|click|top)\b(?:/[^\s<>()\"']*)?",
    re.IGNORECASE,
)


_ALLOWED: dict[int, tuple[Playbook, str, frozenset[str]]] = {}  # id -> playbook, text, links


def _allowed_by(playbook: Playbook) -> tuple[str, frozenset[str]]:
    """What the playbook itself offers (its replies, moves and rubric) and the links it gives."""
    cached = _ALLOWED.get(id(playbook))
    if cached is None or cached[0] is not playbook:
        parts = [r.text for r in playbook.replies] + list(playbook.loyalty.moves)
        for move in playbook.rubric.required_moves:
            parts.append(move.description)
            parts.extend(move.any_of)
        text = "\n".join(parts)
        cached = (playbook, text, _links(text))
        if len(_ALLOWED) > 256:
            _ALLOWED.clear()
        _ALLOWED[id(playbook)] = cached
    return cached[1], cached[2]


def _links(text: str) -> frozenset[str]:
    return (
        frozenset(m.group(0).lower() for m in LINK.finditer(text)) if "." in text else frozenset()
    )


def injection_problems(text: str, playbook: Playbook, conversation: Conversation) -> list[str]:
    """Signs that a reply followed instructions from the conversation rather than the playbook."""
    playbook_text, playbook_links = _allowed_by(playbook)
    agent_text = "\n".join(m.text for m in conversation.messages if m.role == "agent")
    problems = [
        f"offers {name}, which the playbook does not"
        for name, pattern in OFFERS.items()
        if pattern.search(text)
        and not pattern.search(playbook_text)
        and not pattern.search(agent_text)
    ]
    echo = INJECTION_ECHOES.search(text)
    if echo:
        problems.append(f"echoes an injected instruction ({echo.group(0)!r})")
    known_links = playbook_links | _links(agent_text)
    problems.extend(
        f"links to {m.group(0)!r}, which neither the playbook nor the agent gave"
        for m in LINK.finditer(text)
        if m.group(0).lower() not in known_links and not text[: m.start()].endswith("@")
    )
    return problems


def reply_problems(
    text: str,
    why: str,
    playbook: Playbook,
    conversation: Conversation,
    leftovers: list[str],
    english: bool = True,
) -> list[str]:
    """Everything wrong with one restored reply; empty when it can go to the agent.

    `english=False`: the reply is in the customer's other language, which the English word
    checks (claimed actions, premises, rubric) cannot read; the rest still apply.
    """
    problems = []
    if leftovers:
        problems.append("leftover placeholder " + ", ".join(leftovers))
    if not why.strip():
        problems.append("no reason given")
    if not english:
        return problems + injection_problems(text, playbook, conversation)
    claims = claimed_actions(text, conversation)
    if claims:
        problems.append(
            "claims a finished action the conversation does not state ("
            + ", ".join(repr(c) for c in claims)
            + ")"
        )
    premises = premise_violations(text, conversation)
    if premises:
        problems.append(
            "presumes " + ", ".join(p.replace("_", " ") for p in premises) + ", which the "
            "conversation does not state"
        )
    rubric = check(text, playbook)
    if not rubric.passed:
        problems.append("rubric " + rubric.describe())
    problems.extend(injection_problems(text, playbook, conversation))
    return problems
