"""events.disk_cache: derived data kept across server runs, by what it was derived from."""

from __future__ import annotations

import stat
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from events import disk_cache
from events.disk_cache import remember
from events.schema import Event
from events.store import Store


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv(disk_cache.ENV, str(d))
    return d


def counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value
    return compute, calls


def test_a_value_is_made_once_then_loaded_by_a_later_run(folder: Path):
    compute, calls = counting({"a": [1, 2]})
    assert remember("thing", ("db", 3), compute) == {"a": [1, 2]}
    assert remember("thing", ("db", 3), compute) == {"a": [1, 2]}  # as a restarted server would
    assert len(calls) == 1
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    [f] = folder.glob("thing-*.pickle")
    assert stat.S_IMODE(f.stat().st_mode) == 0o600


def test_a_write_put_off_happens_in_the_background(folder: Path):
    compute, calls = counting([1, 2])
    assert remember("thing", ("db", 1), compute, write_after=0.05) == [1, 2]
    deadline = time.monotonic() + 10
    while not list(folder.glob("thing-*.pickle")) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert remember("thing", ("db", 1), compute) == [1, 2] and len(calls) == 1


def test_another_key_or_another_kind_is_made_again(folder: Path):
    compute, calls = counting(1)
    remember("thing", ("db", 3), compute)
    remember("thing", ("db", 4), compute)
    remember("other", ("db", 4), compute)
    assert len(calls) == 3


def test_a_broken_file_is_made_again_and_replaced(folder: Path):
    compute, calls = counting([1])
    remember("thing", ("db", 1), compute)
    [f] = folder.glob("thing-*.pickle")
    f.write_bytes(f.read_bytes()[:5])  # truncated, as by a full disk
    assert remember("thing", ("db", 1), compute) == [1]
    assert remember("thing", ("db", 1), compute) == [1]
    assert len(calls) == 2
    assert not list(folder.glob(".*.part"))


def test_only_the_newest_files_of_a_kind_stay(folder: Path):
    for rev in range(5):
        remember("thing", ("db", rev), lambda r=rev: r)
    assert len(list(folder.glob("thing-*.pickle"))) == disk_cache.KEEP


def test_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(disk_cache.ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compute, calls = counting(1)
    remember("thing", ("db", 1), compute)
    remember("thing", ("db", 1), compute)
    assert len(calls) == 2 and not list(tmp_path.rglob("*.pickle"))


def test_a_folder_that_cannot_be_made_derives_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv(disk_cache.ENV, str(tmp_path / "file" / "cache"))
    compute, calls = counting(1)
    assert remember("thing", ("db", 1), compute) == 1 and remember("thing", ("db", 1), compute) == 1
    assert len(calls) == 2


def test_a_write_to_the_store_changes_its_fingerprint_so_the_frame_is_read_again(folder: Path, store: Store):
    before = store.fingerprint()
    frame = remember("frame", before, store.frame)
    store.add(Event(id="new-one", type="exercise", date_start="2024-05-02", actors=["CHN"]), by="ana")
    after = store.fingerprint()
    assert after != before
    again = remember("frame", after, store.frame)
    assert "new-one" in set(again["id"]) and "new-one" not in set(frame["id"])
    pd.testing.assert_frame_equal(remember("frame", after, store.frame), again)


def test_another_store_at_the_same_place_and_revision_does_not_share_its_frame(folder: Path, tmp_path: Path):
    path = tmp_path / "sortie.db"
    a = Store(str(path), seed=None)
    a.add(Event(id="in-a", type="exercise", date_start="2024-05-02", actors=["CHN"]), by="ana")
    fa = a.fingerprint()
    frame_a = remember("frame", fa, a.frame)
    a.engine.dispose()
    for f in tmp_path.glob("sortie.db*"):
        f.unlink()  # the file replaced by another store, as a restore to a new file would
    b = Store(str(path), seed=None)
    b.add(Event(id="in-b", type="transit", date_start="2024-05-03", actors=["RUS"]), by="ana")
    fb = b.fingerprint()
    assert (fa[0], *fa[2:]) == (fb[0], *fb[2:]) and fa != fb  # same URL, revision, count; another store
    assert list(remember("frame", fb, b.frame)["id"]) == ["in-b"] and list(frame_a["id"]) == ["in-a"]


def test_a_put_off_write_waits_for_an_idle_process():
    t0 = time.monotonic()
    disk_cache.wait_until_idle(window=0.05, patience=5)  # nothing else runs here: idle at the first look
    assert time.monotonic() - t0 < 1

    def spin(until: float) -> None:  # a whole core, as a server busy with a page
        while time.monotonic() < until:
            pass

    busy = threading.Thread(target=spin, args=(time.monotonic() + 0.6,))
    busy.start()
    t0 = time.monotonic()
    disk_cache.wait_until_idle(window=0.05, patience=5)
    waited = time.monotonic() - t0
    busy.join()
    assert 0.4 < waited < 2
