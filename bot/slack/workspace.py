"""Which workspace a Slack request belongs to, as the log's `workspace` column, per-workspace
settings and OAuth installations name it: the team id, or the enterprise id for an app
installed org-wide on Enterprise Grid (one installation serving every workspace of the org)."""

from __future__ import annotations


def workspace_of(body: dict, context: dict | None = None) -> str | None:
    if context and context.get("is_enterprise_install") and context.get("enterprise_id"):
        return context["enterprise_id"]
    return body.get("team_id") or (body.get("team") or {}).get("id")
