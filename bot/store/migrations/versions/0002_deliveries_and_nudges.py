"""Processed deliveries (each handled once) and per-conversation nudge state.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "processed_events",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_processed_events_created_at", "processed_events", ["created_at"])
    op.create_table(
        "nudge_states",
        sa.Column("conversation_key", sa.String(255), primary_key=True),
        sa.Column("last_nudged_at", sa.DateTime(), nullable=False),
        sa.Column("last_level", sa.String(16), nullable=False),
        sa.Column("nudges", sa.Integer(), nullable=False),
    )
    op.create_index("ix_nudge_states_last_nudged_at", "nudge_states", ["last_nudged_at"])


def downgrade() -> None:
    op.drop_table("nudge_states")
    op.drop_table("processed_events")
