"""The store's tables as the newest migration leaves them (``events/migrations``).

Kept in one place so the store, the accounts and the schema test (migrated database ==
these tables) read the same definitions. List fields and the geometry are JSON: JSONB on
PostgreSQL (indexed for the actor/observer filters), JSON text on SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData()


def _json() -> sa.types.TypeEngine:
    """The type of every list and geometry column (:data:`JSON_COLUMNS` lists them)."""
    return sa.JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")


events_table = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("type", sa.String(32), nullable=False, index=True),
    sa.Column("date_start", sa.Date, nullable=False, index=True),
    sa.Column("date_end", sa.Date, nullable=False, index=True),
    sa.Column("date_precision", sa.String(16), nullable=False),
    sa.Column("actors", _json(), nullable=False),
    sa.Column("observers", _json(), nullable=False),
    sa.Column("places", _json(), nullable=False),
    sa.Column("geometry", _json()),
    sa.Column("geo_precision", sa.String(16), nullable=False),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("closest_approach_km", sa.Float),
    sa.Column("assets", _json(), nullable=False),
    sa.Column("source_url", sa.Text),
    sa.Column("source_name", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("related", _json(), nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("confidence", sa.Float),
    sa.Column("modality", sa.String(16), nullable=False, server_default="reported"),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Column("created_by", sa.String(100)),
    sa.Column("updated_by", sa.String(100)),
    sa.Index("ix_events_actors", "actors", postgresql_using="gin").ddl_if(dialect="postgresql"),
    sa.Index("ix_events_observers", "observers", postgresql_using="gin").ddl_if(dialect="postgresql"),
)

history_table = sa.Table(
    "event_history",
    metadata,
    sa.Column("hid", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, index=True),
    sa.Column("op", sa.String(16), nullable=False),  # what replaced this version: update / delete / import
    sa.Column("data", sa.Text, nullable=False),  # the full previous version, as JSON
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("by", sa.String(100)),  # the account that replaced or deleted it
)

meta_table = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

users_table = sa.Table(
    "users",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)


# the list and geometry columns: what a reader that leaves JSON as text has to decode
JSON_COLUMNS: tuple[str, ...] = tuple(c.name for c in events_table.c if isinstance(c.type, sa.JSON))
