"""Durable event storage: SQLite by default, any SQLAlchemy URL (e.g. postgresql://) for teams.

Every write runs in one transaction and bumps a revision number, which readers use as a cache
key. Updates and deletions first copy the old version into ``event_history``, so nothing a user
typed is ever lost: any version can be restored.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from events.frame import decode_rows
from events.io import read_events
from events.schema import LIST_FIELDS, Event, utcnow

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "sortie.db"
SAMPLE = ROOT / "data" / "sample_events.csv"

metadata = sa.MetaData()

events_table = sa.Table(
    "events",
    metadata,
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

history_table = sa.Table(
    "event_history",
    metadata,
    sa.Column("hid", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, index=True),
    sa.Column("op", sa.String(16), nullable=False),  # what replaced this version: update / delete / import
    sa.Column("data", sa.Text, nullable=False),  # the full previous version, as JSON
    sa.Column("at", sa.DateTime, nullable=False),
)

meta_table = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


def database_url(value: str | None = None) -> str:
    """``SORTIE_DB`` may be a file path (SQLite) or a full SQLAlchemy URL."""
    value = value or os.environ.get("SORTIE_DB") or str(DEFAULT_DB)
    if "://" in value:
        return value
    path = Path(value).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _engine(url: str) -> Engine:
    engine = sa.create_engine(url, future=True)
    if engine.dialect.name == "sqlite":

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            # WAL lets browser sessions read while another writes; busy_timeout waits for a
            # concurrent writer instead of failing with "database is locked".
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=10000")
            cur.close()

    return engine


def _add_missing_columns(engine: Engine) -> None:
    """A store made before a column existed gets it, with its default (confidence, modality).

    Additive only: a stopgap until versioned migrations, so an analyst's existing store keeps working.
    """
    have = {c["name"] for c in sa.inspect(engine).get_columns("events")}
    missing = [c for c in events_table.columns if c.name not in have]
    if not missing:
        return
    with engine.begin() as c:
        for col in missing:
            ddl = col.type.compile(engine.dialect)
            default = f" DEFAULT '{col.server_default.arg}'" if col.server_default is not None else ""
            null = " NOT NULL" if not col.nullable and default else ""
            c.execute(sa.text(f'ALTER TABLE events ADD COLUMN "{col.name}" {ddl}{null}{default}'))


def to_row(ev: Event) -> dict[str, Any]:
    """Event -> table row (lists and geometry as JSON text, plus a representative point)."""
    d = ev.model_dump()
    for f in LIST_FIELDS:
        d[f] = json.dumps(d[f], ensure_ascii=False)
    pt = ev.point
    d["lat"], d["lon"] = pt if pt else (None, None)
    d["geometry"] = json.dumps(ev.geometry, separators=(",", ":")) if ev.geometry else None
    for f in ("created_at", "updated_at"):
        d[f] = d[f].replace(tzinfo=None)  # stored as naive UTC: SQLite has no time zones
    return d


def from_row(row: dict[str, Any]) -> Event:
    d = dict(row)
    d.pop("lat", None)
    d.pop("lon", None)
    for f in LIST_FIELDS:
        d[f] = json.loads(d[f])
    d["geometry"] = json.loads(d["geometry"]) if d["geometry"] else None
    return Event.model_validate(d)


def _json_default(o: Any) -> str:
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    raise TypeError(type(o))


@dataclass(frozen=True)
class HistoryEntry:
    hid: int
    event_id: str
    op: str
    at: datetime
    event: Event


class Store:
    """The events of one database. Cheap to create; share one per process (``st.cache_resource``)."""

    def __init__(self, url: str | None = None, seed: Path | None = SAMPLE):
        self.url = database_url(url)
        self.engine = _engine(self.url)
        metadata.create_all(self.engine)
        _add_missing_columns(self.engine)
        if seed is not None:
            self._seed_once(seed)

    # ---- reading -------------------------------------------------------------------------

    def revision(self) -> int:
        """Bumped by every write: a cheap key for caches of what was read."""
        with self.engine.connect() as c:
            v = c.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "revision")).scalar()
        return int(v or 0)

    def count(self) -> int:
        with self.engine.connect() as c:
            return c.execute(sa.select(sa.func.count()).select_from(events_table)).scalar_one()

    def get(self, event_id: str) -> Event | None:
        with self.engine.connect() as c:
            row = c.execute(sa.select(events_table).where(events_table.c.id == event_id)).mappings().first()
        return from_row(row) if row else None

    def iter_events(self, chunk: int = 5_000) -> Iterator[Event]:
        with self.engine.connect() as c:
            result = c.execution_options(yield_per=chunk).execute(
                sa.select(events_table).order_by(events_table.c.date_start, events_table.c.id)
            )
            for row in result.mappings():
                yield from_row(row)

    def frame(self) -> pd.DataFrame:
        """All events as a DataFrame (list fields decoded), the fast path for the dashboard."""
        with self.engine.connect() as c:
            df = pd.read_sql(sa.select(events_table).order_by(events_table.c.date_start), c)
        return decode_rows(df)

    def history(self, event_id: str | None = None, op: str | None = None) -> list[HistoryEntry]:
        """Earlier versions, newest first; ``op='delete'`` lists what can be undeleted."""
        q = sa.select(history_table).order_by(history_table.c.hid.desc())
        if event_id:
            q = q.where(history_table.c.event_id == event_id)
        if op:
            q = q.where(history_table.c.op == op)
        with self.engine.connect() as c:
            rows = c.execute(q).mappings().all()
        return [
            HistoryEntry(r["hid"], r["event_id"], r["op"], r["at"], Event.model_validate_json(r["data"]))
            for r in rows
        ]

    def recently_deleted(self) -> list[HistoryEntry]:
        """The last version of each deleted event that is still deleted, newest deletion first."""
        with self.engine.connect() as c:
            current = set(c.execute(sa.select(events_table.c.id)).scalars())
        out: dict[str, HistoryEntry] = {}
        for h in self.history(op="delete"):
            if h.event_id not in current and h.event_id not in out:
                out[h.event_id] = h
        return list(out.values())

    # ---- writing -------------------------------------------------------------------------

    def add_many(
        self,
        events: Iterable[Event],
        batch: int = 5_000,
        progress: Callable[[int], None] | None = None,
    ) -> tuple[int, int]:
        """Insert events in one transaction; an existing id is replaced (old version kept).

        Returns (added, replaced). Any failure rolls the whole call back.
        """
        with self.engine.begin() as c:
            return self._insert(c, events, batch, progress)

    def add(self, event: Event) -> Event:
        self.add_many([event])
        return event

    def update(self, event: Event) -> Event:
        """Replace the stored event with the same id, keeping the old version in history."""
        with self.engine.begin() as c:
            new = self._update(c, event)
            self._bump(c)
        return new

    def save(self, added: Iterable[Event] = (), updated: Iterable[Event] = ()) -> None:
        """New events and updates of stored ones in one transaction: all are saved, or none."""
        with self.engine.begin() as c:
            self._insert(c, added)
            for ev in updated:
                self._update(c, ev)

    def delete(self, event_id: str) -> None:
        with self.engine.begin() as c:
            old = c.execute(sa.select(events_table).where(events_table.c.id == event_id)).mappings().first()
            if old is None:
                raise KeyError(f"no event with id {event_id!r}")
            self._archive(c, [from_row(old)], "delete")
            c.execute(sa.delete(events_table).where(events_table.c.id == event_id))
            self._bump(c)

    def restore(self, hid: int) -> Event:
        """Bring back the version saved as history entry ``hid`` (current one goes to history)."""
        with self.engine.begin() as c:
            row = c.execute(sa.select(history_table).where(history_table.c.hid == hid)).mappings().first()
            if row is None:
                raise KeyError(f"no history entry {hid}")
            ev = Event.model_validate_json(row["data"])
            cur = c.execute(sa.select(events_table).where(events_table.c.id == ev.id)).mappings().first()
            if cur is not None:
                self._archive(c, [from_row(cur)], "update")
                c.execute(sa.delete(events_table).where(events_table.c.id == ev.id))
            ev = ev.model_copy(update={"updated_at": utcnow()})
            c.execute(sa.insert(events_table), [to_row(ev)])
            self._bump(c)
        return ev

    # ---- internals -----------------------------------------------------------------------

    def _update(self, c: sa.Connection, event: Event) -> Event:
        old = c.execute(sa.select(events_table).where(events_table.c.id == event.id)).mappings().first()
        if old is None:
            raise KeyError(f"no event with id {event.id!r}")
        previous = from_row(old)
        self._archive(c, [previous], "update")
        new = event.model_copy(update={"updated_at": utcnow(), "created_at": previous.created_at})
        c.execute(sa.update(events_table).where(events_table.c.id == event.id).values(**to_row(new)))
        return new

    def _insert(
        self,
        c: sa.Connection,
        events: Iterable[Event],
        batch: int = 5_000,
        progress: Callable[[int], None] | None = None,
    ) -> tuple[int, int]:
        added = replaced = 0
        buf: list[Event] = []

        def flush() -> None:
            nonlocal added, replaced
            ids = [e.id for e in buf]
            old = c.execute(sa.select(events_table).where(events_table.c.id.in_(ids))).mappings().all()
            if old:
                self._archive(c, [from_row(r) for r in old], "import")
                c.execute(sa.delete(events_table).where(events_table.c.id.in_([r["id"] for r in old])))
            c.execute(sa.insert(events_table), [to_row(e) for e in buf])
            replaced += len(old)
            added += len(buf) - len(old)
            if progress:
                progress(len(buf))
            buf.clear()

        seen: set[str] = set()
        for ev in events:
            if ev.id in seen:
                raise ValueError(f"id {ev.id!r} appears twice in the same import")
            seen.add(ev.id)
            buf.append(ev)
            if len(buf) >= batch:
                flush()
        if buf:
            flush()
        self._bump(c)
        return added, replaced

    def _archive(self, c: sa.Connection, old: list[Event], op: str) -> None:
        now = utcnow().replace(tzinfo=None)
        c.execute(
            sa.insert(history_table),
            [
                {"event_id": e.id, "op": op, "data": json.dumps(e.model_dump(), default=_json_default), "at": now}
                for e in old
            ],
        )

    def _bump(self, c: sa.Connection) -> None:
        cur = c.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "revision")).scalar()
        if cur is None:
            c.execute(sa.insert(meta_table).values(key="revision", value="1"))
        else:
            c.execute(sa.update(meta_table).where(meta_table.c.key == "revision").values(value=str(int(cur) + 1)))

    def _seed_once(self, path: Path) -> None:
        """Fill a brand-new store with the sample events, so a newcomer never sees an empty map."""
        if not path.exists():
            return
        try:
            with self.engine.begin() as c:
                self._seed(c, path)
        except sa.exc.IntegrityError:
            pass  # another process seeded it first

    def _seed(self, c: sa.Connection, path: Path) -> None:
        if c.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "seeded")).scalar():
            return
        # The marker goes in first: a second process seeding at the same moment hits the
        # primary key and rolls back instead of inserting the sample twice.
        c.execute(sa.insert(meta_table).values(key="seeded", value=path.name))
        events, errors = read_events(path.name, path.read_bytes())
        if errors:
            raise ValueError(f"sample dataset {path} is invalid: {errors[0]}")
        if not c.execute(sa.select(sa.func.count()).select_from(events_table)).scalar_one():
            self._insert(c, events)
