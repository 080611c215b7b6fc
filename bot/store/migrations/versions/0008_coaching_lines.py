"""The coaching lines shown to the agent with each result ("They already restarted the router
three times: don't ask again; own the follow-up."), as a JSON list; null for older events.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
# The lead sets this to "0007" (logins) when merging; "0006" until 0007 is on this branch.
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coaching_events") as batch:
        batch.add_column(sa.Column("coaching", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("coaching_events") as batch:
        batch.drop_column("coaching")
