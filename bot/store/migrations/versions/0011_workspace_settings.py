"""Settings per workspace (a Slack team or a Teams tenant), edited from the dashboard: the
fields that override the environment's, as JSON, with who changed them last and when.

Revision ID: 0011
Revises: 0009 (re-chained after 0010_slack_installations at merge)
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workspace_settings",
        sa.Column("channel_kind", sa.String(16), primary_key=True),
        sa.Column("workspace", sa.String(128), primary_key=True),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(128), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("workspace_settings")
