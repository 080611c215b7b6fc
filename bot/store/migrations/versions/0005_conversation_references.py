"""Bot Framework conversation references, for proactive messages (Teams 1:1 chats, channels).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "conversation_references",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("channel_kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("tenant", sa.String(128)),
        sa.Column("service_url", sa.String(512)),
        sa.Column("reference", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("channel_kind", "key", name="uq_conversation_references_key"),
    )


def downgrade() -> None:
    op.drop_table("conversation_references")
