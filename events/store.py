"""Durable event storage: SQLite by default, any SQLAlchemy URL (e.g. postgresql://) for teams.

Every write runs in one transaction and bumps a revision number, which readers use as a cache
key. Updates and deletions first copy the old version into ``event_history``, so nothing a user
typed is ever lost: any version can be restored.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from events import db
from events.frame import decode_json, gc_paused, rows_frame
from events.io import read_events
from events.query import EventFilter
from events.schema import Event, utcnow
from events.tables import JSON_COLUMNS, events_table, history_table, meta_table

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "sortie.db"
SAMPLE = ROOT / "data" / "sample_events.csv"

def _as_text(names: Iterable[str], json_text: bool) -> list[Any]:
    """The events table's columns ``names`` to select, date columns (and, with ``json_text``, list
    and geometry columns) as text: the C ``fromisoformat`` and orjson read them far quicker than
    the driver's per-value conversions."""
    t = events_table
    return [sa.cast(t.c[n], sa.Text).label(n) if (json_text and n in JSON_COLUMNS) or type(t.c[n].type) is sa.Date
            else t.c[n] for n in names]


def database_url(value: str | None = None) -> str:
    """``SORTIE_DB`` may be a file path (SQLite) or a full SQLAlchemy URL."""
    value = value or os.environ.get("SORTIE_DB") or str(DEFAULT_DB)
    if "://" in value:
        return value
    path = Path(value).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _compact_json(o: Any) -> str:
    return json.dumps(o, separators=(",", ":"), ensure_ascii=False)


def _engine(url: str) -> Engine:
    engine = sa.create_engine(url, json_serializer=_compact_json, pool_pre_ping=True)
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


def to_row(ev: Event) -> dict[str, Any]:
    """Event -> table row (the JSON columns take lists and the geometry as they are), plus a
    representative point."""
    d = ev.model_dump()
    pt = ev.point
    d["lat"], d["lon"] = pt if pt else (None, None)
    for f in ("created_at", "updated_at"):
        d[f] = d[f].replace(tzinfo=None)  # stored as naive UTC: SQLite has no time zones
    return d


def from_row(row: dict[str, Any]) -> Event:
    d = dict(row)
    d.pop("lat", None)
    d.pop("lon", None)
    return Event.model_validate(d)


def _json_default(o: Any) -> str:
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    raise TypeError(type(o))


# What a person may change in an event; the rest is kept by the store (id, stamps, version).
EDITABLE = tuple(f for f in Event.model_fields
                 if f not in ("id", "created_at", "updated_at", "version", "created_by", "updated_by"))


def changes(before: Event, after: Event) -> dict[str, tuple[Any, Any]]:
    """Fields a person changed between two versions of one event: name -> (before, after)."""
    return {f: (getattr(before, f), getattr(after, f)) for f in EDITABLE
            if getattr(before, f) != getattr(after, f)}


@dataclass(frozen=True)
class HistoryEntry:
    """An earlier version of an event; ``op`` says what replaced it, ``by`` who did."""

    hid: int
    event_id: str
    op: str
    at: datetime
    event: Event
    by: str | None = None


class StaleEdit(Exception):
    """An edit based on a version someone else has since replaced: refused, never merged silently.

    Carries both sides, so the page can show what the other person changed
    (:meth:`their_changes`) and offer to reapply the user's own changes on top (:meth:`reapplied`).
    """

    def __init__(self, mine: Event, current: Event | None, base: Event | None):
        self.mine, self.current, self.base = mine, current, base
        who = f" by {current.updated_by}" if current is not None and current.updated_by else ""
        if current is None:
            msg = f"event {mine.id} was deleted{who} after you opened it"
        else:
            msg = (f"event {mine.id} was changed{who} (version {current.version}) after you opened "
                   f"version {mine.version}")
        super().__init__(msg)

    def their_changes(self) -> dict[str, tuple[Any, Any]]:
        if self.current is None or self.base is None:
            return {}
        return changes(self.base, self.current)

    def my_changes(self) -> dict[str, tuple[Any, Any]]:
        return changes(self.base, self.mine) if self.base is not None else {}

    def reapplied(self) -> Event:
        """The current version with the user's own changes on top, ready to save."""
        if self.current is None:
            raise ValueError(str(self))
        mine = self.my_changes() if self.base is not None else {f: (None, getattr(self.mine, f)) for f in EDITABLE}
        return self.current.model_copy(update={f: new for f, (_, new) in mine.items()})


def _revision(c: sa.Connection) -> int:
    v = c.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "revision")).scalar()
    return int(v or 0)


class Store:
    """The events of one database. Cheap to create; share one per process (``st.cache_resource``).

    Opening a store migrates it to the newest schema (:mod:`events.db`). Every write takes
    ``by``, the account doing it, kept on the event and in its history.
    """

    def __init__(self, url: str | None = None, seed: Path | None = SAMPLE, migrate: bool = True):
        self.url = database_url(url)
        self.engine = _engine(self.url)
        if migrate:
            db.upgrade(self.engine)
        if seed is not None:
            self._seed_once(seed)

    # ---- reading -------------------------------------------------------------------------

    def revision(self) -> int:
        """Bumped by every write: a cheap key for caches of what was read (shared by every
        app server on one database, so each sees the others' writes at its next rerun)."""
        with self.engine.connect() as c:
            return _revision(c)

    def fingerprint(self) -> tuple[str, str, int, int, int]:
        """(url, store id, revision, events, sum of versions): names this store's content for
        caches kept across server runs (:mod:`events.disk_cache`). The revision alone could meet
        another database that reached the same number at the same URL (a file replaced); the
        store id, made at random the first time it is asked for, tells them apart."""
        t = events_table
        store_id = self._store_id()
        with self.engine.connect() as c:  # the counts and the revision in one transaction
            n, versions = c.execute(sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(t.c.version), 0))).one()
            return self.url, store_id, _revision(c), int(n), int(versions)

    def _store_id(self) -> str:
        key = meta_table.c.key == "store_id"
        with self.engine.connect() as c:
            found = c.execute(sa.select(meta_table.c.value).where(key)).scalar()
        if found:
            return found
        try:
            with self.engine.begin() as c:
                c.execute(sa.insert(meta_table).values(key="store_id", value=uuid.uuid4().hex))
        except sa.exc.IntegrityError:  # another server made it first
            pass
        with self.engine.connect() as c:
            return c.execute(sa.select(meta_table.c.value).where(key)).scalar_one()

    def count(self) -> int:
        with self.engine.connect() as c:
            return c.execute(sa.select(sa.func.count()).select_from(events_table)).scalar_one()

    def get(self, event_id: str) -> Event | None:
        with self.engine.connect() as c:
            return self._get(c, event_id)

    def iter_events(self, chunk: int = 5_000) -> Iterator[Event]:
        with self.engine.connect() as c:
            result = c.execution_options(yield_per=chunk).execute(
                sa.select(events_table).order_by(events_table.c.date_start, events_table.c.id)
            )
            for row in result.mappings():
                yield from_row(row)

    def frame(self) -> pd.DataFrame:
        """All events as a DataFrame (list fields decoded), the fast path for the dashboard.

        Read as :meth:`scan` reads (list, geometry and date columns as text, the frame built
        column by column), the JSON decoded with orjson (:func:`events.frame.decode_json`: equal
        texts once, the value shared, as the frame is read-only), and the cyclic collector paused while
        the rows are built (:func:`events.frame.gc_paused`): the driver's per-value ``json.loads``
        and the collections were most of the 4 s it took at 100,000 events, now about 2."""
        t = events_table
        names = list(t.c.keys())
        with gc_paused(), self.engine.connect() as c:
            rows = c.execute(sa.select(*_as_text(names, json_text=True)).order_by(t.c.date_start, t.c.id)).all()
            df = rows_frame(rows, names, text_dates=True)
            for n in JSON_COLUMNS:
                df[n] = pd.Series(decode_json(df[n].tolist()), index=df.index, dtype=object)
        return df

    def scan(self, flt: EventFilter | None = None, columns: Iterable[str] | None = None, *,
             json_text: bool = False, chunk: int = 20_000) -> Iterator[pd.DataFrame]:
        """The events matching ``flt`` in date order, ``chunk`` rows at a time, only ``columns``.

        How exports read a large store: memory holds one chunk, not every event with its
        decoded JSON. Status, types, dates and outlet names are filtered in SQL, the rest by
        :meth:`EventFilter.mask` on each chunk, so the rows are exactly ``flt.apply(frame())``.
        ``json_text``: list and geometry columns come as their JSON text, for writers that copy
        them into JSON output (decoding and re-encoding them was most of an export's time).
        """
        flt = flt or EventFilter()
        t = events_table
        want = list(dict.fromkeys(columns or t.c.keys()))
        read = list(dict.fromkeys([*want, *flt.columns]))
        json_cols = set(JSON_COLUMNS)
        q = sa.select(*_as_text(read, json_text)).order_by(t.c.date_start, t.c.id)
        if not flt.drafts:
            q = q.where(t.c.status == "approved")
        if flt.types:
            q = q.where(t.c.type.in_(flt.types))
        if flt.date_from:
            q = q.where(t.c.date_end >= flt.date_from)
        if flt.date_to:
            q = q.where(t.c.date_start <= flt.date_to)
        if flt.sources:
            # a superset, made exact by the mask: an event without a name is credited to its URL's host
            name = t.c.source_name
            q = q.where(sa.or_(name.is_(None), name == "", name.in_(flt.sources)))
        with self.engine.connect() as c:
            for part in c.execution_options(yield_per=chunk).execute(q).partitions():
                df = rows_frame(part, read, text_dates=True)
                probe = df
                if json_text and json_cols & set(flt.columns):
                    probe = df.copy()
                    for n in json_cols & set(flt.columns):
                        probe[n] = [[] if v is None else v for v in decode_json(df[n])]
                df = df[flt.mask(probe)]
                if len(df):
                    yield df[want].reset_index(drop=True)

    def history(self, event_id: str | None = None, op: str | None = None) -> list[HistoryEntry]:
        """Earlier versions, newest first; ``op='delete'`` lists what can be undeleted."""
        q = sa.select(history_table).order_by(history_table.c.hid.desc())
        if event_id:
            q = q.where(history_table.c.event_id == event_id)
        if op:
            q = q.where(history_table.c.op == op)
        with self.engine.connect() as c:
            rows = c.execute(q).mappings().all()
        return [_history_entry(r) for r in rows]

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
        by: str | None = None,
    ) -> tuple[int, int]:
        """Insert events in one transaction; an existing id is replaced (old version kept).

        Returns (added, replaced). Any failure rolls the whole call back.
        """
        with self.engine.begin() as c:
            return self._insert(c, events, batch, progress, by)

    def add(self, event: Event, by: str | None = None) -> Event:
        self.add_many([event], by=by)
        return self.get(event.id) or event

    def update(self, event: Event, by: str | None = None) -> Event:
        """Replace the stored event with the same id, keeping the old version in history.

        ``event.version`` must be the version the edit started from: if someone saved the
        event since, :class:`StaleEdit` is raised and nothing is written.
        """
        with self.engine.begin() as c:
            new = self._update(c, event, by)
            self._bump(c)
        return new

    def save(self, added: Iterable[Event] = (), updated: Iterable[Event] = (), by: str | None = None) -> None:
        """New events and updates of stored ones in one transaction: all are saved, or none."""
        with self.engine.begin() as c:
            self._insert(c, added, by=by)
            for ev in updated:
                self._update(c, ev, by)

    def delete(self, event_id: str, by: str | None = None, version: int | None = None) -> None:
        """Delete (the last version stays in history, to restore). With ``version``, refuse
        if the event was changed since that version was read."""
        with self.engine.begin() as c:
            old = self._get(c, event_id, lock=True)
            if old is None:
                raise KeyError(f"no event with id {event_id!r}")
            if version is not None and old.version != version:
                raise StaleEdit(old.model_copy(update={"version": version}), old, self._version(c, event_id, version))
            done = c.execute(sa.delete(events_table).where(events_table.c.id == event_id,
                                                           events_table.c.version == old.version)).rowcount
            if not done:  # saved by someone else between the read and the delete
                current = self._get(c, event_id)
                raise StaleEdit(old, current, old) if current is not None else KeyError(event_id)
            self._archive(c, [old], "delete", by)
            self._bump(c)

    def restore(self, hid: int, by: str | None = None) -> Event:
        """Bring back the version saved as history entry ``hid`` (current one goes to history)."""
        with self.engine.begin() as c:
            row = c.execute(sa.select(history_table).where(history_table.c.hid == hid)).mappings().first()
            if row is None:
                raise KeyError(f"no history entry {hid}")
            ev = Event.model_validate_json(row["data"])
            cur = self._get(c, ev.id, lock=True)
            version = ev.version
            if cur is not None:
                self._archive(c, [cur], "update", by)
                c.execute(sa.delete(events_table).where(events_table.c.id == ev.id))
                version = cur.version
            else:
                version = max([ev.version, *self._versions(c, ev.id)])
            ev = ev.model_copy(update={"updated_at": utcnow(), "updated_by": by, "version": version + 1})
            c.execute(sa.insert(events_table), [to_row(ev)])
            self._bump(c)
        return ev

    # ---- internals -----------------------------------------------------------------------

    def _get(self, c: sa.Connection, event_id: str, lock: bool = False) -> Event | None:
        q = sa.select(events_table).where(events_table.c.id == event_id)
        if lock:
            q = q.with_for_update()  # PostgreSQL: concurrent saves of one event queue up here
        row = c.execute(q).mappings().first()
        return from_row(row) if row else None

    def _versions(self, c: sa.Connection, event_id: str) -> list[int]:
        rows = c.execute(sa.select(history_table.c.data).where(history_table.c.event_id == event_id)).scalars()
        return [Event.model_validate_json(d).version for d in rows]

    def _version(self, c: sa.Connection, event_id: str, version: int) -> Event | None:
        """The stored copy of one earlier version (the base of a stale edit), if kept."""
        q = (sa.select(history_table).where(history_table.c.event_id == event_id)
             .order_by(history_table.c.hid.desc()))
        for r in c.execute(q).mappings():
            ev = Event.model_validate_json(r["data"])
            if ev.version == version:
                return ev
        return None

    def _update(self, c: sa.Connection, event: Event, by: str | None) -> Event:
        previous = self._get(c, event.id, lock=True)
        if previous is None:
            raise KeyError(f"no event with id {event.id!r} (deleted since it was read?)")
        if previous.version != event.version:
            raise StaleEdit(event, previous, self._version(c, event.id, event.version))
        new = event.model_copy(update={
            "updated_at": utcnow(), "created_at": previous.created_at, "created_by": previous.created_by,
            "updated_by": by, "version": previous.version + 1,
        })
        # The version test is in the UPDATE itself, so two saves racing from one version cannot
        # both pass (SQLite has no SELECT ... FOR UPDATE; the first writer's lock decides).
        done = c.execute(sa.update(events_table).where(events_table.c.id == event.id,
                                                       events_table.c.version == event.version)
                         .values(**to_row(new))).rowcount
        if not done:
            current = self._get(c, event.id)
            if current is None:
                raise KeyError(f"no event with id {event.id!r} (deleted since it was read?)")
            raise StaleEdit(event, current, self._version(c, event.id, event.version))
        self._archive(c, [previous], "update", by)
        return new

    def _insert(
        self,
        c: sa.Connection,
        events: Iterable[Event],
        batch: int = 5_000,
        progress: Callable[[int], None] | None = None,
        by: str | None = None,
    ) -> tuple[int, int]:
        added = replaced = 0
        buf: list[Event] = []

        def flush() -> None:
            nonlocal added, replaced
            ids = [e.id for e in buf]
            rows = c.execute(sa.select(events_table).where(events_table.c.id.in_(ids))).mappings().all()
            old = {r["id"]: from_row(r) for r in rows}
            if old:
                self._archive(c, list(old.values()), "import", by)
                c.execute(sa.delete(events_table).where(events_table.c.id.in_(list(old))))
            c.execute(sa.insert(events_table), [to_row(_stamped(e, old.get(e.id), by)) for e in buf])
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

    def _archive(self, c: sa.Connection, old: list[Event], op: str, by: str | None) -> None:
        now = utcnow().replace(tzinfo=None)
        c.execute(
            sa.insert(history_table),
            [
                {"event_id": e.id, "op": op, "data": json.dumps(e.model_dump(), default=_json_default),
                 "at": now, "by": by}
                for e in old
            ],
        )

    def _bump(self, c: sa.Connection) -> None:
        """One atomic increment: concurrent writers on PostgreSQL queue on the row lock."""
        done = c.execute(
            sa.update(meta_table).where(meta_table.c.key == "revision")
            .values(value=sa.cast(sa.cast(meta_table.c.value, sa.Integer) + 1, sa.Text))
        ).rowcount
        if not done:
            c.execute(sa.insert(meta_table).values(key="revision", value="1"))

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
            self._insert(c, events, by="sample")


def _stamped(ev: Event, old: Event | None, by: str | None) -> Event:
    """An event as inserted: who wrote it, and a version after the one it replaces."""
    if old is None:
        return ev.model_copy(update={"version": 1, "created_by": ev.created_by or by, "updated_by": by})
    return ev.model_copy(update={"version": old.version + 1, "created_by": old.created_by,
                                 "created_at": old.created_at, "updated_by": by})


def _history_entry(r: Any) -> HistoryEntry:
    return HistoryEntry(r["hid"], r["event_id"], r["op"], r["at"], Event.model_validate_json(r["data"]), r["by"])
