"""User-facing error messages, in one place, and the error type that carries them."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or configuration: shown to the user as one line, never as a traceback."""

    exit_code = 2


def empty_input(source: str) -> str:
    return f"{source}: the input is empty; give a conversation (see examples/)"


def binary_input(source: str) -> str:
    return f"{source}: this looks like a binary file, not text; give a UTF-8 text or JSON file"


def unreadable(source: str, reason: str) -> str:
    return f"{source}: cannot read it ({reason})"


def bad_json(source: str, reason: str) -> str:
    return f"{source}: not valid JSON ({reason})"


def bad_conversation(source: str, reason: str) -> str:
    return f"{source}: not a conversation ({reason}); expected 'Customer: ...' / 'Agent: ...' " \
        'lines or JSON {"messages": [{"role": "customer", "text": "..."}]}'


def bad_line(number: int, reason: str) -> str:
    return f"line {number}: {reason}"


def unknown_playbook(playbook_id: str, known: list[str]) -> str:
    return f"no playbook {playbook_id!r}; known playbooks: {', '.join(known)}"


def no_labels(source: str) -> str:
    return f"{source}: no row has a 'playbook' or 'escalate' label to score against"
