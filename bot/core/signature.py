"""A customer's email signature is not what they are asking about.

"Thanks,\nDana Whitfield\nIT Manager, Harlow Logistics" names a job title, a company and a
phone number; read as the message, "Manager" asks for a manager. The lines after a closing
("Thanks,", "Kind regards") are left out of what the moment and the temperature are read from,
when they look like a signature: a few short lines, none of them a question.
"""

from __future__ import annotations

from bot.core import prebuilt

_CLOSING = prebuilt.compile(
    r"(?i)^\s*(?:-+\s*)?(?:many |kind |best |warm |warmest |with )?"
    r"(?:thanks|thank you|thanks again|thanks in advance|regards|best|cheers|sincerely|"
    r"yours sincerely|yours faithfully|yours truly|all the best|best wishes|br|thx|ty|--)"
    r"\s*[,.!]*\s*$"
)
MAX_SIGNATURE_LINES = 5
MAX_SIGNATURE_LINE = 60


def _split(text: str) -> tuple[str, list[str]] | None:
    """The text up to its closing line and the signature lines after it; None without one."""
    if "\n" not in text:
        return None
    lines = text.rstrip().split("\n")
    for at in range(len(lines) - 1, max(-1, len(lines) - MAX_SIGNATURE_LINES - 2), -1):
        if _CLOSING.match(lines[at]):
            tail = lines[at + 1 :]
            if all(len(line) <= MAX_SIGNATURE_LINE and "?" not in line for line in tail):
                # the closing stays: a "Thanks," is the customer's tone, not their signature
                return "\n".join(lines[: at + 1]).rstrip(), [line.strip() for line in tail]
            return None
    return None


def without_signature(text: str) -> str:
    """`text` without the signature after its last closing line; unchanged when there is none."""
    split = _split(text)
    return split[0] if split else text


def signature_lines(text: str) -> list[str]:
    """The signature's lines, the name first as people sign ("Dana Whitfield", "IT Manager");
    [] when there is none."""
    split = _split(text)
    return [line for line in split[1] if line] if split else []
