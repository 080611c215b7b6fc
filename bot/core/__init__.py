"""The domain: conversations, playbooks, matching, escalation and redaction.

Nothing in here imports a channel SDK, an HTTP library or database code.
"""
