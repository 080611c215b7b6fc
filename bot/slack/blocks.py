"""Block Kit for coaching results, within Slack's limits: 3,000 characters per text block and
50 blocks per message; longer content is split over several blocks, then several messages.

Blocks are built as plain dicts in Block Kit's shape: this runs for every tip, and
slack_sdk.models' validation costs milliseconds per message. Tests parse every block with
slack_sdk.models to hold the shapes and limits.
"""

from __future__ import annotations

import json
from typing import Any

TEXT_LIMIT = 3000  # characters in one section's text
BLOCK_LIMIT = 50  # blocks in one message
MESSAGE_TEXT_LIMIT = 12000  # characters of block text per message: well under msg_too_long
FALLBACK_LIMIT = 300  # the notification text


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Pieces of at most `limit` characters, broken at a newline or space where possible."""
    pieces, rest = [], text
    while len(rest) > limit:
        cut = max(rest.rfind("\n", 0, limit), rest.rfind(" ", 0, limit))
        cut = cut if cut > limit // 2 else limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*pieces, rest] if rest or not pieces else pieces


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _sections(text: str) -> list[dict]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": p}} for p in split_text(text)]


def _button(text: str, action_id: str, value: str, style: str | None = None) -> dict:
    button = {
        "type": "button",
        "text": {"type": "plain_text", "text": text, "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    return button | ({"style": style} if style else {})


VALUE_LIMIT = 2000  # characters in a button's value


def _value(log_id: str | None, index: int | None = None, **extra: Any) -> str:
    """A button's value: the log id and suggestion index, with what else the click needs
    (the reply's text, the thread, the command's text) so that it works after a restart or on
    another replica. An extra that would overflow Slack's limit is left out; the click then
    falls back to this process's memory."""
    value = {"l": log_id, "i": index}
    for key, extra_value in extra.items():
        if extra_value is None:
            continue
        candidate = json.dumps(value | {key: extra_value}, separators=(",", ":"))
        if len(candidate) <= VALUE_LIMIT:
            value[key] = extra_value
    return json.dumps(value, separators=(",", ":"))


def summary_text(result: Any) -> str:
    assessment = result.assessment
    escalation = assessment.escalation
    if assessment.playbook is None:
        moment = "no clear moment yet"
    elif getattr(assessment, "low_confidence", False):
        moment = escape(assessment.low_confidence_note)
    else:
        confidence = assessment.match.confidence if assessment.match else 0.0
        moment = f"*{escape(assessment.playbook.title)}* ({confidence:.0%})"
    reasons = "; ".join(escape(r) for r in escalation.reasons[:5]) or "no warning signs"
    return f"*Moment:* {moment}\n*Escalation:* {escalation.level} ({reasons})"


def thread_summary_text(summary: Any) -> str:
    """The three summary lines (bot/core/summary.py), labels in bold."""
    return "\n".join(
        f"*{escape(line.split(': ', 1)[0])}:* {escape(line.split(': ', 1)[1])}"
        for line in summary.lines
    )


def result_blocks(result: Any, heading: str | None = None) -> list[dict]:
    """Every block for a result, unpaginated: summary, suggestions with buttons, Another set."""
    context = result.context
    log_id, where = context.get("log_id"), {"c": context.get("channel"), "t": context.get("thread")}
    blocks: list[dict] = []
    if heading:
        blocks += _sections(heading)
    blocks += _sections(summary_text(result))
    if result.trigger == "nudge" and (summary := getattr(result, "summary", None)):
        blocks += _sections(thread_summary_text(summary))
    if coaching := getattr(result, "coaching", None):
        blocks += _sections("\n".join(f":bulb: {escape(line)}" for line in coaching))
    if not result.suggestions:
        blocks += _sections("No tip for this one: no playbook covers this moment.")
        return blocks
    for index, suggestion in enumerate(result.suggestions):
        blocks += _sections(f"*{index + 1}.* {escape(suggestion.text)}")
        if suggestion.why:
            why = split_text(f"_Why:_ {escape(suggestion.why)}", 2000)[0]
            blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": why}]})
        value = _value(log_id, index)
        use = _value(log_id, index, **where, x=suggestion.text)
        buttons = [
            _button("Use this", f"mot_use_{index}", use, "primary"),
            _button("👍", f"mot_up_{index}", value),
            _button("👎", f"mot_down_{index}", value),
        ]
        blocks.append({"type": "actions", "elements": buttons})
    variant = int(context.get("variant", 0))
    again = _value(log_id, None, v=variant + 1, **where, q=context.get("command_text"))
    another = _button("Another set", "mot_another", again)
    blocks.append({"type": "actions", "elements": [another]})
    return blocks


def _size(block: dict) -> int:
    text = block.get("text") or {}
    return len(text.get("text", "")) + sum(len(str(e)) for e in block.get("elements", ()))


def paginate(blocks: list[dict]) -> list[list[dict]]:
    """Messages of at most 50 blocks and MESSAGE_TEXT_LIMIT characters each."""
    pages: list[list[dict]] = [[]]
    used = 0
    for block in blocks:
        size = _size(block)
        if pages[-1] and (len(pages[-1]) >= BLOCK_LIMIT or used + size > MESSAGE_TEXT_LIMIT):
            pages.append([])
            used = 0
        pages[-1].append(block)
        used += size
    return pages


def fallback_text(result: Any) -> str:
    playbook = result.assessment.playbook
    text = f"Coaching tip: {playbook.title}" if playbook else "Coaching: no clear moment yet"
    if getattr(result.assessment, "low_confidence", False):
        text = f"Coaching: {result.assessment.low_confidence_note}"
    return text[:FALLBACK_LIMIT]


def result_messages(result: Any, heading: str | None = None) -> list[dict]:
    """Ready-to-send messages: `{"text", "blocks"}` each."""
    text = fallback_text(result)
    return [{"text": text, "blocks": page} for page in paginate(result_blocks(result, heading))]
