"""The log's fixed words, importable without loading SQLAlchemy (the CLI's parser uses them)."""

CHANNEL_KINDS = ("slack", "teams", "cli")
TRIGGERS = ("command", "nudge", "shortcut", "mention")
CONTENT_MODES = ("none", "redacted", "full")
OUTCOME_KINDS = ("shown", "used", "edited", "dismissed", "rated")  # what an agent can do
OUTCOMES = ("none", "shown", "used", "edited", "dismissed")  # filter values; none: not shown
EXPORT_FORMATS = ("csv", "jsonl")
