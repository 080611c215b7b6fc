"""The suggestion log: coaching events and their outcomes.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "coaching_events",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("channel_kind", sa.String(16), nullable=False),
        sa.Column("workspace", sa.String(128)),
        sa.Column("channel", sa.String(128)),
        sa.Column("thread", sa.String(255)),
        sa.Column("agent", sa.String(128)),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("trigger", sa.String(16), nullable=False),
        sa.Column("playbook", sa.String(64)),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("escalation_score", sa.Float(), nullable=False),
        sa.Column("escalation_level", sa.String(16), nullable=False),
        sa.Column("escalation_reasons", sa.JSON(), nullable=False),
        sa.Column("content_mode", sa.String(16), nullable=False),
        sa.Column("excerpt", sa.JSON()),
        sa.Column("suggestions", sa.JSON(), nullable=False),
        sa.Column("backend", sa.String(64), nullable=False),
        sa.Column("model", sa.String(128)),
        sa.Column("prompt_version", sa.String(64)),
        sa.Column("latency_ms", sa.Float(), nullable=False),
        sa.Column("tokens_prompt", sa.Integer()),
        sa.Column("tokens_completion", sa.Integer()),
        sa.Column("fallback", sa.Boolean(), nullable=False),
        sa.Column("fallback_reason", sa.Text()),
        sa.Column("outcome", sa.String(16)),
        sa.Column("edit_ratio", sa.Float()),
        sa.Column("rating", sa.Integer()),
        sa.Column("comment", sa.Text()),
    )
    for column in ("created_at", "workspace", "channel", "agent", "playbook", "outcome"):
        op.create_index(f"ix_coaching_events_{column}", "coaching_events", [column])

    op.create_table(
        "coaching_outcomes",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("event_uid", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("suggestion_index", sa.Integer()),
        sa.Column("edit_ratio", sa.Float()),
        sa.Column("rating", sa.Integer()),
        sa.Column("comment", sa.Text()),
        sa.Column("actor", sa.String(128)),
    )
    op.create_index("ix_coaching_outcomes_event_uid", "coaching_outcomes", ["event_uid"])
    op.create_index("ix_coaching_outcomes_created_at", "coaching_outcomes", ["created_at"])


def downgrade() -> None:
    op.drop_table("coaching_outcomes")
    op.drop_table("coaching_events")
