"""The Slack app (slack-bolt): /mot-tip, the thread shortcut, @mentions, channel listening,
escalation nudges, feedback buttons and App Home. Listeners are thin; `Coach` does the work."""
