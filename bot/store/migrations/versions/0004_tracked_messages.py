"""Tracked thread messages (Slack threads, Teams reply chains), shared by every replica.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "tracked_messages",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("channel_kind", sa.String(16), nullable=False),
        sa.Column("workspace", sa.String(128)),
        sa.Column("channel", sa.String(128)),
        sa.Column("thread_key", sa.String(255), nullable=False),
        sa.Column("message_id", sa.String(255), nullable=False),
        sa.Column("ts", sa.Float()),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("author", sa.String(128)),
        sa.Column("text", sa.Text()),
        sa.UniqueConstraint(
            "channel_kind", "thread_key", "message_id", name="uq_tracked_messages_message"
        ),
    )
    op.create_index("ix_tracked_messages_created_at", "tracked_messages", ["created_at"])


def downgrade() -> None:
    op.drop_table("tracked_messages")
