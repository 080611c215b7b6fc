"""Thread summaries on coaching events (what the customer wants, what was tried or promised,
what is at stake; JSON, redacted as MOT_LOG_CONTENT says; null for older events), and what
the customer did after each tip: `tip_follow_ups`, one row per customer turn after it, and
its latest state on the event (`follow_up`).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coaching_events") as batch:
        batch.add_column(sa.Column("summary", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("follow_up", sa.JSON(), nullable=True))
    op.create_table(
        "tip_follow_ups",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=True,
        ),
        sa.Column("event_uid", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("turn", sa.Integer(), nullable=False),
        sa.Column("after_seconds", sa.Float(), nullable=False),
        sa.Column("escalation_score", sa.Float(), nullable=False),
        sa.Column("escalation_level", sa.String(16), nullable=False),
        sa.Column("thanked", sa.Boolean(), nullable=False),
        sa.Column("came_back", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("event_uid", "turn", name="uq_tip_follow_ups_turn"),
    )
    op.create_index("ix_tip_follow_ups_event_uid", "tip_follow_ups", ["event_uid"])
    op.create_index("ix_tip_follow_ups_created_at", "tip_follow_ups", ["created_at"])


def downgrade() -> None:
    op.drop_table("tip_follow_ups")
    with op.batch_alter_table("coaching_events") as batch:
        batch.drop_column("follow_up")
        batch.drop_column("summary")
