"""The store as Sortie wrote it before versioned migrations (commit 994362a), for upgrade tests.

The tables and the row encoding (lists and geometry as JSON text) are copied from that
commit's ``events/store.py`` on purpose: this is the on-disk shape real analysts' stores have.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import sqlalchemy as sa

from events.store import database_url

metadata = sa.MetaData()

events = sa.Table(
    "events", metadata,
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
history = sa.Table(
    "event_history", metadata,
    sa.Column("hid", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, index=True),
    sa.Column("op", sa.String(16), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
)
meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

NOW = datetime(2026, 11, 30, 12, 0)
ROWS = [
    {"id": "old-1", "type": "joint_patrol", "date_start": date(2021, 11, 19), "date_end": date(2021, 11, 19),
     "date_precision": "day", "actors": json.dumps(["RUS", "CHN"]), "observers": json.dumps(["KOR"]),
     "places": json.dumps(["Sea of Japan", "東シナ海"], ensure_ascii=False),
     "geometry": json.dumps({"type": "LineString", "coordinates": [[130.0, 40.0], [135.0, 42.0]]}),
     "geo_precision": "area", "lat": 41.0, "lon": 132.5, "closest_approach_km": None,
     "assets": json.dumps(["Tu-95MS x2", "H-6K x2"]), "source_url": "https://example.org/a",
     "source_name": "Outlet", "published": date(2021, 11, 20), "evidence": "Two bombers flew.",
     "status": "approved", "related": json.dumps([]), "notes": "", "confidence": 0.9,
     "modality": "reported", "created_at": NOW, "updated_at": NOW},
    {"id": "old-2", "type": "other", "date_start": date(2022, 1, 1), "date_end": date(2022, 1, 1),
     "date_precision": "day", "actors": "[]", "observers": "[]", "places": "[]", "geometry": None,
     "geo_precision": "unknown", "lat": None, "lon": None, "closest_approach_km": None, "assets": "[]",
     "source_url": None, "source_name": None, "published": None, "evidence": "", "status": "draft",
     "related": json.dumps(["old-1"]), "notes": "kept", "confidence": None, "modality": "reported",
     "created_at": NOW, "updated_at": NOW},
]
OLD_VERSION = {k: v for k, v in ROWS[1].items() if k not in ("lat", "lon")} | {
    "actors": [], "observers": [], "places": [], "assets": [], "related": [], "notes": "before",
    "date_start": "2022-01-01", "date_end": "2022-01-01", "created_at": NOW.isoformat(), "updated_at": NOW.isoformat()}


def build(url: str, without_confidence: bool = False) -> None:
    """A store in the old shape with two events, one history entry and revision 5."""
    engine = sa.create_engine(database_url(url))
    metadata.create_all(engine)
    rows = [dict(r) for r in ROWS]
    with engine.begin() as c:
        if without_confidence:  # stores from before those columns existed
            c.execute(sa.text("ALTER TABLE events DROP COLUMN confidence"))
            c.execute(sa.text("ALTER TABLE events DROP COLUMN modality"))
            for r in rows:
                del r["confidence"], r["modality"]
            c.execute(sa.text(
                "INSERT INTO events (id, type, date_start, date_end, date_precision, actors, observers, places, "
                "geometry, geo_precision, lat, lon, closest_approach_km, assets, source_url, source_name, "
                "published, evidence, status, related, notes, created_at, updated_at) VALUES (:id, :type, "
                ":date_start, :date_end, :date_precision, :actors, :observers, :places, :geometry, "
                ":geo_precision, :lat, :lon, :closest_approach_km, :assets, :source_url, :source_name, "
                ":published, :evidence, :status, :related, :notes, :created_at, :updated_at)"), rows)
        else:
            c.execute(events.insert(), rows)
        c.execute(history.insert(), [{"event_id": "old-2", "op": "update", "data": json.dumps(
            {k: v for k, v in OLD_VERSION.items() if not (without_confidence and k in ("confidence", "modality"))}),
            "at": NOW}])
        c.execute(meta.insert(), [{"key": "revision", "value": "5"}, {"key": "seeded", "value": "sample_events.csv"}])
    engine.dispose()
