"""The log's fixed words, importable without loading SQLAlchemy (the CLI's parser uses them).

One vocabulary for people: the CLI, the dashboard and the exports all say "calm" for the stored
escalation level "none", and name a tip's outcome with `outcome_word`.
"""

CHANNEL_KINDS = ("slack", "teams", "cli")
TRIGGERS = ("command", "nudge", "shortcut", "mention")
CONTENT_MODES = ("none", "redacted", "full")
OUTCOME_KINDS = ("shown", "used", "edited", "dismissed", "rated")  # what an agent can do
# Filter values: "none" is a Slack or Teams tip never shown; "cli" a tip the CLI printed.
OUTCOMES = ("none", "cli", "shown", "used", "edited", "dismissed")
EXPORT_FORMATS = ("csv", "jsonl")

# Escalation levels as stored, and as people read them.
LEVEL_WORDS = {"none": "calm", "watch": "watch", "escalate": "escalate"}
LEVELS = tuple(LEVEL_WORDS.values())  # filter values, calmest first
NOT_SHOWN, PRINTED_BY_CLI = "not shown", "CLI"
NO_MOMENT, NO_AGENT = "no moment recognised", "no agent"

# Orders the triage list offers; the first is the default.
SORTS = {
    "attention": "needs a look first",
    "level": "level, highest first",
    "newest": "newest first",
    "oldest": "oldest first",
    "moment": "by moment",
    "agent": "by agent",
}


def level_word(level: str | None) -> str:
    """'calm', 'watch' or 'escalate' for a stored level (a word people already use, as is)."""
    return LEVEL_WORDS.get(level or "none", level or "calm")


def level_value(word: str) -> str:
    """The stored level for a word people use ('calm' or 'none' -> 'none')."""
    return "none" if word == "calm" else word


def outcome_word(outcome: str | None, channel_kind: str | None) -> str:
    """What came of a tip: used, edited, dismissed, shown; 'CLI' when the command line printed
    it (no agent saw it in a chat, nothing was missed); 'not shown' otherwise."""
    if outcome:
        return outcome
    return PRINTED_BY_CLI if channel_kind == "cli" else NOT_SHOWN
