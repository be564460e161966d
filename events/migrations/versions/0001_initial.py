"""The schema of Sortie's single-analyst store, as it was before versioned migrations.

Stores made by earlier versions have these tables already, some without the ``confidence``
and ``modality`` columns (added late, before migrations existed): both cases are brought to
this revision without touching their rows.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    have = set(sa.inspect(op.get_bind()).get_table_names())
    if "events" not in have:
        op.create_table(
            "events",
            sa.Column("id", sa.String(64), primary_key=True),
            sa.Column("type", sa.String(32), nullable=False, index=True),
            sa.Column("date_start", sa.Date, nullable=False, index=True),
            sa.Column("date_end", sa.Date, nullable=False, index=True),
            sa.Column("date_precision", sa.String(16), nullable=False),
            sa.Column("actors", sa.Text, nullable=False),
            sa.Column("observers", sa.Text, nullable=False),
            sa.Column("places", sa.Text, nullable=False),
            sa.Column("geometry", sa.Text),
            sa.Column("geo_precision", sa.String(16), nullable=False),
            sa.Column("lat", sa.Float),
            sa.Column("lon", sa.Float),
            sa.Column("closest_approach_km", sa.Float),
            sa.Column("assets", sa.Text, nullable=False),
            sa.Column("source_url", sa.Text),
            sa.Column("source_name", sa.Text),
            sa.Column("published", sa.Date),
            sa.Column("evidence", sa.Text, nullable=False),
            sa.Column("status", sa.String(16), nullable=False),
            sa.Column("related", sa.Text, nullable=False),
            sa.Column("notes", sa.Text, nullable=False),
            sa.Column("confidence", sa.Float),
            sa.Column("modality", sa.String(16), nullable=False, server_default="reported"),
            sa.Column("created_at", sa.DateTime, nullable=False),
            sa.Column("updated_at", sa.DateTime, nullable=False),
        )
    else:
        cols = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("events")}
        with op.batch_alter_table("events") as t:
            if "confidence" not in cols:
                t.add_column(sa.Column("confidence", sa.Float))
            if "modality" not in cols:
                t.add_column(sa.Column("modality", sa.String(16), nullable=False, server_default="reported"))
    if "event_history" not in have:
        op.create_table(
            "event_history",
            sa.Column("hid", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("event_id", sa.String(64), nullable=False, index=True),
            sa.Column("op", sa.String(16), nullable=False),
            sa.Column("data", sa.Text, nullable=False),
            sa.Column("at", sa.DateTime, nullable=False),
        )
    if "meta" not in have:
        op.create_table(
            "meta",
            sa.Column("key", sa.String(64), primary_key=True),
            sa.Column("value", sa.Text, nullable=False),
        )


def downgrade() -> None:
    raise NotImplementedError("0001 is the first revision: nothing to go back to")
