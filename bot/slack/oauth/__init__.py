"""Slack OAuth for many workspaces (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, no SLACK_BOT_TOKEN):
the install flow, installations and states in the log's database, tokens sealed at rest, and
what an uninstall removes."""
