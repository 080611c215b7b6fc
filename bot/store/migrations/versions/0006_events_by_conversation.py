"""An index on coaching events by conversation and agent: acceptance without clicks looks up the
tips still open in a thread at each agent message.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_coaching_events_conversation_agent",
        "coaching_events",
        ["conversation_id", "agent"],
    )


def downgrade() -> None:
    op.drop_index("ix_coaching_events_conversation_agent", table_name="coaching_events")
