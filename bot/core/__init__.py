"""The domain: conversations, playbooks, matching, escalation, redaction and the Coach.

Nothing in here imports a channel SDK, an HTTP library or database code.
"""
