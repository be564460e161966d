"""``python -m events db backup FILE`` / ``restore FILE``: the whole store in one portable file.

A backup is gzipped JSON lines (a header, then one line per row of every table), so it
restores into either engine: a laptop's SQLite store can become a team's PostgreSQL one and
back. It is a consistent snapshot while the app keeps writing: SQLite is first copied with its
online backup API, PostgreSQL is read in one repeatable-read transaction.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from events import db
from events.store import Store
from events.tables import events_table, history_table, meta_table, users_table

TABLES = (events_table, history_table, meta_table, users_table)
FORMAT = "sortie-backup"


class BackupError(ValueError):
    pass


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (date, datetime)) else v


def _rows(c: sa.Connection) -> Iterator[str]:
    for t in TABLES:
        for row in c.execute(sa.select(t)).mappings():
            yield json.dumps({"t": t.name, "r": {k: _plain(v) for k, v in row.items()}}, ensure_ascii=False)


def backup(store: Store, path: Path) -> dict[str, int]:
    """Write the store to ``path`` (atomically); returns rows per table."""
    counts = {t.name: 0 for t in TABLES}
    tmp = path.with_name(path.name + ".part")
    try:
        with _snapshot(store) as c, gzip.open(tmp, "wt", encoding="utf-8") as out:
            out.write(json.dumps({"format": FORMAT, "schema": db.current(c.engine) or db.head()}) + "\n")
            for line in _rows(c):
                counts[json.loads(line)["t"]] += 1
                out.write(line + "\n")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return counts


class _snapshot:
    """A connection that sees one moment of the store."""

    def __init__(self, store: Store):
        self.store, self.copy, self.engine = store, None, None

    def __enter__(self) -> sa.Connection:
        if self.store.engine.dialect.name == "sqlite":
            self.copy = tempfile.NamedTemporaryFile(suffix=".db", delete=False)
            self.copy.close()
            src = sqlite3.connect(self.store.engine.url.database)
            dst = sqlite3.connect(self.copy.name)
            with dst:
                src.backup(dst)
            src.close()
            dst.close()
            self.engine = sa.create_engine(f"sqlite:///{self.copy.name}")
        else:
            self.engine = self.store.engine.execution_options(isolation_level="REPEATABLE READ")
        self.conn = self.engine.connect()
        self.conn.begin()
        return self.conn

    def __exit__(self, *exc: object) -> None:
        self.conn.close()
        if self.copy is not None:
            self.engine.dispose()
            Path(self.copy.name).unlink(missing_ok=True)


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)
    except (OSError, EOFError, json.JSONDecodeError) as exc:
        raise BackupError(f"{path}: not a readable Sortie backup ({exc})") from None


def _typed(table: sa.Table, row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for col in table.columns:
        v = out.get(col.name)
        if isinstance(v, str) and isinstance(col.type, sa.DateTime):
            out[col.name] = datetime.fromisoformat(v)
        elif isinstance(v, str) and isinstance(col.type, sa.Date):
            out[col.name] = date.fromisoformat(v)
    return out


def restore(store: Store, path: Path, force: bool = False) -> dict[str, int]:
    """Replace the store's contents with a backup, in one transaction (a failure changes nothing).

    Refuses a store that has events or history unless ``force``.
    """
    lines = _lines(path)
    head = next(lines, None)
    if not head or head.get("format") != FORMAT:
        raise BackupError(f"{path}: not a Sortie backup")
    if head.get("schema") != db.head():
        raise BackupError(f"{path}: made with schema {head.get('schema')}, this Sortie has {db.head()}; "
                          "restore it with the Sortie that made it, then upgrade")
    by_name = {t.name: t for t in TABLES}
    counts = {t.name: 0 for t in TABLES}
    with store.engine.begin() as c:
        present = sum(c.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                      for t in (events_table, history_table))
        if present and not force:
            raise BackupError("the store is not empty: restore into a new store, or pass --force to replace it")
        old_rev = c.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "revision")).scalar()
        for t in reversed(TABLES):
            c.execute(sa.delete(t))
        buf: dict[str, list[dict[str, Any]]] = {name: [] for name in by_name}
        for rec in lines:
            table = by_name.get(rec.get("t"))
            if table is None:
                raise BackupError(f"{path}: unknown table {rec.get('t')!r}")
            buf[table.name].append(_typed(table, rec["r"]))
            counts[table.name] += 1
            if len(buf[table.name]) >= 2_000:
                c.execute(sa.insert(table), buf[table.name])
                buf[table.name].clear()
        for name, rows in buf.items():
            if rows:
                c.execute(sa.insert(by_name[name]), rows)
        if c.dialect.name == "postgresql":  # hid values came from the file: move the sequence on
            c.exec_driver_sql("SELECT setval(pg_get_serial_sequence('event_history', 'hid'), "
                              "COALESCE((SELECT MAX(hid) FROM event_history), 0) + 1, false)")
        # caches everywhere key on the revision: it must move past both the old and the restored one
        new_rev = c.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "revision")).scalar()
        rev = max(int(old_rev or 0), int(new_rev or 0)) + 1
        c.execute(sa.delete(meta_table).where(meta_table.c.key == "revision"))
        c.execute(sa.insert(meta_table).values(key="revision", value=str(rev)))
        if not c.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "seeded")).scalar():
            c.execute(sa.insert(meta_table).values(key="seeded", value="restored"))  # no sample on top
    return counts
