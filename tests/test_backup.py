"""``python -m events db backup`` / ``restore``: whole-store snapshots that move between engines."""

from __future__ import annotations

import gzip
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from events.accounts import Accounts
from events.backup import BackupError, backup, restore
from events.schema import Event
from events.store import ROOT, Store


def test_backup_restores_everything_into_a_new_store(store: Store, tmp_path: Path):
    ev = store.get("seed-2021-08-china-war-games")
    store.update(ev.model_copy(update={"notes": "edited"}), by="alice")
    Accounts(store).add("alice", "reviewer", "long enough")
    counts = backup(store, tmp_path / "b.gz")
    assert counts["events"] == 9 and counts["event_history"] == 1 and counts["users"] == 1
    for target in (Store(str(tmp_path / "new.db"), seed=None), ):
        assert restore(target, tmp_path / "b.gz") == counts
        assert target.frame().drop(columns=["updated_at"]).equals(store.frame().drop(columns=["updated_at"]))
        assert target.history(ev.id)[0].by == "alice" and target.get(ev.id).version == 2
        assert Accounts(target).verify("alice", "long enough")
        assert target.revision() > 0


def test_restore_refuses_a_store_with_events_unless_forced(store: Store, tmp_path: Path):
    backup(store, tmp_path / "b.gz")
    store.delete("seed-2021-08-china-war-games")
    with pytest.raises(BackupError, match="not empty"):
        restore(store, tmp_path / "b.gz")
    rev = store.revision()
    restore(store, tmp_path / "b.gz", force=True)
    assert store.count() == 9 and store.revision() > rev  # caches keyed on it see the change
    store.add(Event(type="other", date_start=date(2022, 1, 1)))  # ids and sequences still work
    store.update(store.get("seed-2021-08-china-war-games").model_copy(update={"notes": "x"}))


def test_a_broken_backup_changes_nothing(store: Store, tmp_path: Path):
    bad = tmp_path / "bad.gz"
    backup(store, bad)
    data = gzip.decompress(bad.read_bytes())
    bad.write_bytes(gzip.compress(data[: len(data) // 2]))  # cut mid-row
    empty = Store(str(tmp_path / "e.db"), seed=None)
    with pytest.raises(BackupError, match="not a readable"):
        restore(empty, bad)
    assert empty.count() == 0
    (tmp_path / "x.gz").write_bytes(b"not gzip")
    with pytest.raises(BackupError):
        restore(empty, tmp_path / "x.gz")


def test_a_backup_taken_while_writing_is_one_moment(store: Store, tmp_path: Path):
    stop = threading.Event()

    def write() -> None:
        writer = Store(store.url, seed=None)
        i = 0
        while not stop.is_set():
            writer.add_many([Event(type="other", date_start=date(2022, 1, 1), notes=str(i)) for _ in range(20)])
            i += 1

    t = threading.Thread(target=write)
    t.start()
    try:
        counts = [backup(store, tmp_path / f"b{i}.gz")["events"] for i in range(3)]
    finally:
        stop.set()
        t.join(60)
    assert all((c - 9) % 20 == 0 for c in counts)  # whole batches only: never half a transaction


def test_backup_cli_moves_a_store_across_engines(store: Store, tmp_path: Path):
    env = {"SORTIE_DB": store.url, "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "events", "db", "backup", str(tmp_path / "b.gz")], cwd=ROOT,
                       env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "backed up 9 event(s)" in r.stdout, r.stderr
    other = str(tmp_path / "other.db")
    r = subprocess.run([sys.executable, "-m", "events", "--db", other, "db", "restore", str(tmp_path / "b.gz")],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert Store(other, seed=None).count() == 9
    r = subprocess.run([sys.executable, "-m", "events", "db", "restore", str(tmp_path / "b.gz")], cwd=ROOT,
                       env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "not empty" in r.stderr
