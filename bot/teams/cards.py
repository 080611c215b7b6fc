"""Adaptive Cards (schema 1.5) the Teams bot sends. Pure functions: data in, card JSON out.

Card buttons are `Action.Execute` (Universal Actions), so Teams sends an `adaptiveCard/action`
invoke and the card the bot answers with replaces the old one in place. Each action carries what
the bot needs to act on it without server-side state: the log id, the suggestion, the chain.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import CardFactory
from botbuilder.schema import Attachment

from bot.coach import CoachingResult

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"
LEVEL_STYLE = {"none": "good", "watch": "warning", "escalate": "attention"}
# How much of the conversation an action may carry back for "Another set".
CARRY_MESSAGES, CARRY_CHARS = 20, 600


def card(body: list[dict], actions: list[dict] | None = None) -> dict[str, Any]:
    content: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": SCHEMA,
        "version": VERSION,
        "body": body,
    }
    if actions:
        content["actions"] = actions
    return content


def attachment(content: dict[str, Any]) -> Attachment:
    return CardFactory.adaptive_card(content)


def text(value: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": value, "wrap": True, **style}


def execute(title: str, verb: str, data: dict[str, Any], style: str | None = None) -> dict:
    action = {"type": "Action.Execute", "title": title, "verb": verb, "data": data}
    if style:
        action["style"] = style
    return action


def carried(result: CoachingResult) -> list[dict[str, str]]:
    """The conversation, trimmed, as the action data that lets "Another set" coach again."""
    return [
        {"role": m.role, "text": m.text[:CARRY_CHARS]}
        for m in result.conversation.messages[-CARRY_MESSAGES:]
    ]


def _escalation(escalation: dict[str, Any]) -> list[dict]:
    level = escalation["level"]
    blocks = [
        text(
            f"Escalation: **{level}** (score {escalation['score']:.2f})",
            color=LEVEL_STYLE.get(level, "default"),
            spacing="small",
        )
    ]
    if escalation["reasons"]:
        blocks.append(
            text("Why: " + "; ".join(escalation["reasons"]), isSubtle=True, spacing="none")
        )
    return blocks


def _suggestion(index: int, suggestion: dict[str, Any], base: dict[str, Any]) -> dict:
    data = {**base, "index": index}
    return {
        "type": "Container",
        "separator": True,
        "spacing": "medium",
        "items": [
            text(f"**{index + 1}.** {suggestion['text']}"),
            text(f"Why: {suggestion['why']}", isSubtle=True, size="small", spacing="none"),
            {
                "type": "ActionSet",
                "actions": [
                    execute("Use this", "use", data, style="positive"),
                    execute("👍", "rate_up", data),
                    execute("👎", "rate_down", data),
                ],
            },
        ],
    }


def coaching_card(result: CoachingResult, variant: int = 0, note: str | None = None) -> dict:
    """The moment, the escalation level and reasons, three suggestions each with its why."""
    data = result.to_dict()
    base = {
        "log_id": result.context.get("log_id"),
        "variant": variant,
        "chain": result.context.get("thread"),
    }
    body: list[dict] = []
    if note:
        body.append(text(note, weight="bolder", color="accent"))
    if data["playbook"] is None:
        body += [
            text("No moment of truth recognised", size="medium", weight="bolder"),
            *_escalation(data["escalation"]),
            text("Add a few more lines of the conversation and ask again with mot-tip."),
        ]
        return card(body)
    playbook = result.assessment.playbook
    if result.assessment.low_confidence:
        heading = [text(result.assessment.low_confidence_note, size="medium", weight="bolder")]
    else:
        heading = [
            text(data["title"], size="medium", weight="bolder"),
            text(playbook.moment if playbook else "", isSubtle=True, spacing="none"),
        ]
    body += [
        *heading,
        *_escalation(data["escalation"]),
        *[text(f"💡 {line}", color="accent") for line in data.get("coaching", [])],
    ]
    suggestions = [
        _suggestion(i, s, {**base, "text": s["text"]})
        for i, s in enumerate(data["suggestions"][:3])
    ]
    another = execute(
        "Another set", "another", {**base, "messages": carried(result), "variant": variant + 1}
    )
    return card(body + suggestions, [another])


def used_card(suggestion_text: str, data: dict[str, Any]) -> dict:
    """After "Use this": the reply ready to copy, with 👍 / 👎 for how it went."""
    rate = {key: data[key] for key in ("log_id", "index", "chain") if key in data}
    return card(
        [
            text("✅ Recorded. Copy this reply:", weight="bolder", color="good"),
            {
                "type": "Container",
                "style": "emphasis",
                "items": [text(suggestion_text, fontType="monospace")],
            },
            text("How did it go?", isSubtle=True),
        ],
        [execute("👍", "rate_up", rate), execute("👎", "rate_down", rate)],
    )


def rated_card(rating: int) -> dict:
    thanks = "👍 Thanks: noted as helpful." if rating > 0 else "👎 Thanks: noted as unhelpful."
    return card(
        [text(thanks, weight="bolder"), text("Ask again any time with mot-tip.", isSubtle=True)]
    )


def welcome_card() -> dict:
    return card(
        [
            text("mot-coach", size="large", weight="bolder"),
            text(
                "I coach support agents through every moment of truth: I recognise the moment the "
                "customer is in, warn when a conversation escalates, and suggest three replies "
                "that build loyalty, each with the reason."
            ),
            {
                "type": "FactSet",
                "facts": [
                    {"title": "In this chat", "value": "mot-tip <text or pasted conversation>"},
                    {"title": "In a channel", "value": "@mot-coach mot-tip in a reply chain"},
                ],
            },
            text(
                "Channel coaching reaches you privately, in this chat; customers never see it.",
                isSubtle=True,
            ),
        ]
    )


def summary_facts(result: CoachingResult) -> list[dict]:
    """The thread's three-line summary (bot/core/summary.py) as a FactSet; none without one."""
    if result.summary is None:
        return []
    facts = [
        {"title": label, "value": value}
        for label, value in (line.split(": ", 1) for line in result.summary.lines)
    ]
    return [{"type": "FactSet", "facts": facts, "id": "summary"}]


def nudge_card(
    result: CoachingResult, chain_link: str | None = None, note: str | None = None
) -> dict:
    """A proactive nudge to the handling agent: the coaching card with a heads-up, the
    playbook's nudge note and the thread's summary on top."""
    heads_up = "Heads-up: this conversation is escalating."
    content = coaching_card(result, note=f"{heads_up} {note}" if note else heads_up)
    content["body"][1:1] = summary_facts(result)
    if chain_link:
        content.setdefault("actions", []).append(
            {"type": "Action.OpenUrl", "title": "Open the conversation", "url": chain_link}
        )
    return content


def alert_card(result: CoachingResult, agent: str | None) -> dict:
    """A high-risk alert for the leads channel: no suggestions, only what a lead must know."""
    data = result.to_dict()
    return card(
        [
            text("⚠️ High-risk conversation", size="medium", weight="bolder", color="attention"),
            {
                "type": "FactSet",
                "facts": [
                    {"title": "Moment", "value": data["title"] or "not recognised"},
                    {"title": "Agent", "value": agent or "no agent has replied yet"},
                    {"title": "Score", "value": f"{data['escalation']['score']:.2f}"},
                    *(
                        [{"title": "Needs care", "value": ", ".join(care)}]
                        if (care := result.assessment.escalation.care)
                        else []
                    ),
                ],
            },
            text("Why: " + ("; ".join(data["escalation"]["reasons"]) or "high score")),
            *summary_facts(result),
        ]
    )
