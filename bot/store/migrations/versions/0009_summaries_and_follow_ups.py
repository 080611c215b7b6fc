"""Thread summaries on coaching events (what the customer wants, what was tried or promised,
what is at stake; JSON, redacted as MOT_LOG_CONTENT says; null for older events).

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


def downgrade() -> None:
    with op.batch_alter_table("coaching_events") as batch:
        batch.drop_column("summary")
