"""Team deployment: who wrote each version, a version number per event, accounts.

* ``events.version`` counts saves of an event; an edit based on an older version is refused
  (see ``events.store.StaleEdit``). ``created_by``/``updated_by`` name the accounts.
* ``event_history.by`` is the account whose edit, deletion or import replaced that version.
* ``users``: local accounts (argon2 hashes, never passwords) and their roles.
* On PostgreSQL the list columns and the geometry become JSONB, with GIN indexes for the
  dashboard's actor and observer filters; SQLite keeps JSON as text.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON_COLUMNS = ("actors", "observers", "places", "assets", "related", "geometry")
GIN = ("actors", "observers")


def upgrade() -> None:
    with op.batch_alter_table("events") as t:
        t.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
        t.add_column(sa.Column("created_by", sa.String(100)))
        t.add_column(sa.Column("updated_by", sa.String(100)))
        t.create_index("ix_events_status", ["status"])
    with op.batch_alter_table("event_history") as t:
        t.add_column(sa.Column("by", sa.String(100)))
    op.create_table(
        "users",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        for col in JSON_COLUMNS:
            op.alter_column("events", col, type_=postgresql.JSONB, postgresql_using=f"{col}::jsonb")
        for col in GIN:
            op.create_index(f"ix_events_{col}", "events", [col], postgresql_using="gin")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for col in GIN:
            op.drop_index(f"ix_events_{col}", "events")
        for col in JSON_COLUMNS:
            op.alter_column("events", col, type_=sa.Text, postgresql_using=f"{col}::text")
    op.drop_table("users")
    with op.batch_alter_table("event_history") as t:
        t.drop_column("by")
    with op.batch_alter_table("events") as t:
        t.drop_index("ix_events_status")
        t.drop_column("updated_by")
        t.drop_column("created_by")
        t.drop_column("version")
