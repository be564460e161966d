"""Stores are migrated in place by Alembic, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import subprocess
import sys

import legacy_schema
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from events import db
from events.store import ROOT, Store
from events.tables import metadata


def test_a_new_store_is_at_head_with_exactly_the_declared_tables(empty_store: Store):
    assert db.current(empty_store.engine) == db.head()
    def compare_type(ctx, inspected, metadata_col, inspected_type, metadata_type) -> bool | None:
        # SQLite has no JSON type: our JSON columns are TEXT there, which is what JSON means on it
        if ctx.dialect.name == "sqlite" and isinstance(metadata_type, sa.JSON):
            return not isinstance(inspected_type, sa.Text)
        return None

    def include(obj, name, type_, reflected, compare_to) -> bool:
        # the GIN indexes are PostgreSQL's (Index.ddl_if), which compare_metadata does not read
        return not (type_ == "index" and obj.dialect_options["postgresql"].get("using") == "gin"
                    and empty_store.engine.dialect.name != "postgresql")

    opts = {"compare_type": compare_type, "include_object": include}
    with empty_store.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c, opts=opts), metadata)
    assert diff == []
    with empty_store.engine.connect() as c:
        tables = set(sa.inspect(c).get_table_names())
    assert {"events", "event_history", "meta", "users", "alembic_version"} == tables


@pytest.mark.parametrize("without_confidence", [False, True], ids=["994362a", "before-confidence"])
def test_a_store_from_before_migrations_is_upgraded_in_place(db_path: str, without_confidence: bool):
    legacy_schema.build(db_path, without_confidence)
    store = Store(db_path)  # what the app and the CLI do at start
    assert db.current(store.engine) == db.head()
    assert store.count() == 2 and store.revision() == 5  # nothing re-seeded, nothing lost
    ev = store.get("old-1")
    assert ev.actors == ["RUS", "CHN"] and ev.places == ["Sea of Japan", "東シナ海"]
    assert ev.geometry == {"type": "LineString", "coordinates": [[130.0, 40.0], [135.0, 42.0]]}
    assert ev.version == 1 and ev.created_by is None
    assert ev.confidence == (None if without_confidence else 0.9) and ev.modality == "reported"
    assert store.frame().set_index("id").loc["old-2", "related"] == ["old-1"]
    old = store.history("old-2")
    assert len(old) == 1 and old[0].event.notes == "before" and old[0].by is None
    saved = store.update(store.get("old-2").model_copy(update={"notes": "after"}), by="alice")
    assert (saved.version, saved.updated_by) == (2, "alice")
    store.restore(store.history("old-2")[-1].hid, by="bob")
    back = store.get("old-2")
    assert back.notes == "before" and back.version == 3 and back.updated_by == "bob"


def test_upgrade_is_a_command_and_idempotent(db_path: str):
    legacy_schema.build(db_path)
    env = {"SORTIE_DB": db_path, "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "events", "db"]
    r = subprocess.run([*run, "upgrade"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert f"upgraded to {db.head()}" in r.stdout
    r = subprocess.run([*run, "upgrade"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "already at" in r.stdout
    r = subprocess.run([*run, "current"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == db.head()


def test_downgrade_then_upgrade_keeps_the_events(store: Store):
    before = store.frame()[["id", "actors", "places"]].to_dict("records")
    db.downgrade(store.engine, "0001")
    assert db.current(store.engine) == "0001"
    db.upgrade(store.engine)
    assert Store(store.url).frame()[["id", "actors", "places"]].to_dict("records") == before


@pytest.mark.postgresql_only
def test_servers_starting_together_migrate_once(db_path: str):
    legacy_schema.build(db_path)
    code = "import sys; from events.store import Store; Store(sys.argv[1], seed=None)"
    servers = [subprocess.Popen([sys.executable, "-c", code, db_path], cwd=ROOT, stderr=subprocess.PIPE, text=True)
               for _ in range(4)]  # as four app servers starting at once would
    for p in servers:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert Store(db_path, seed=None).count() == 2
