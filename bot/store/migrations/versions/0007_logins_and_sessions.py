"""Dashboard sign-in attempts (the login limit) and server-side dashboard sessions, shared by
every replica.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_attempts",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("blocks", sa.Integer(), nullable=False),
        sa.Column("blocked_until", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_login_attempts_updated_at", "login_attempts", ["updated_at"])
    op.create_table(
        "dashboard_sessions",
        sa.Column("sid_hash", sa.String(64), primary_key=True),
        sa.Column("user", sa.String(128), nullable=False),
        sa.Column("password_tag", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_dashboard_sessions_user", "dashboard_sessions", ["user"])
    op.create_index("ix_dashboard_sessions_expires_at", "dashboard_sessions", ["expires_at"])


def downgrade() -> None:
    op.drop_table("dashboard_sessions")
    op.drop_table("login_attempts")
