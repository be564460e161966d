import gc
import json
import threading
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from events.query import EventFilter
from events.schema import Event
from events.store import StaleEdit, Store


def test_first_run_seeds_the_sample_once(store: Store, db_path):
    assert store.count() == 9
    again = Store(str(db_path))
    assert again.count() == 9
    # deleting everything does not bring the sample back: the user's choice stands
    for ev in list(again.iter_events()):
        again.delete(ev.id)
    assert Store(str(db_path)).count() == 0


@pytest.mark.sqlite_only
def test_sqlite_runs_in_wal_mode(store: Store):
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_round_trip_keeps_every_field(empty_store: Store):
    ev = Event(type="bomber_approach", date_start=date(2021, 11, 1), date_end=date(2021, 11, 23),
               date_precision="month", actors=["USA"], observers=["RUS"], places=["Russian border"],
               geometry={"type": "LineString", "coordinates": [[130, 40], [135, 42]]}, geo_precision="area",
               closest_approach_km=20, assets=["B-52H x2"], source_url="https://example.org/a",
               source_name="Outlet", published=date(2021, 11, 23), evidence="They came as close as 20 km.",
               related=["abc"], notes="n")
    empty_store.add(ev)
    back = empty_store.get(ev.id)
    assert back.model_dump(exclude={"created_at", "updated_at"}) == ev.model_dump(exclude={"created_at", "updated_at"})
    row = empty_store.frame().iloc[0]
    assert row["actors"] == ["USA"] and row["date_start"] == date(2021, 11, 1)


def test_reading_the_frame_pauses_the_collector_and_restores_it(empty_store: Store, monkeypatch):
    seen = []
    real = empty_store.engine.connect
    monkeypatch.setattr(empty_store.engine, "connect", lambda: seen.append(gc.isenabled()) or real())
    empty_store.frame()
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        empty_store.frame()
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_failed_batch_leaves_store_unchanged(store: Store):
    before = store.frame()
    rev = store.revision()
    good = Event(type="other", date_start=date(2022, 1, 1))
    dup = Event(type="other", date_start=date(2022, 1, 2), id=good.id)
    with pytest.raises(ValueError, match="appears twice"):
        store.add_many([good, dup])
    assert store.count() == len(before)
    assert store.revision() == rev
    assert store.get(good.id) is None


def test_edit_and_delete_keep_history_and_restore(store: Store):
    ev = store.get("seed-2021-11-19-joint-patrol")
    store.update(ev.model_copy(update={"evidence": "overwritten by mistake"}))
    assert store.get(ev.id).evidence == "overwritten by mistake"
    old = store.history(ev.id)[0]
    assert old.op == "update" and old.event.evidence == ev.evidence
    store.restore(old.hid)
    assert store.get(ev.id).evidence == ev.evidence
    store.delete(ev.id)
    assert store.get(ev.id) is None
    deleted = store.history(op="delete")[0]
    assert deleted.event_id == ev.id
    store.restore(deleted.hid)
    assert store.get(ev.id).evidence == ev.evidence
    # the overwrite is still there to restore, too
    assert any(h.event.evidence == "overwritten by mistake" for h in store.history(ev.id))


def test_import_replaces_same_id_and_keeps_old_version(store: Store):
    ev = store.get("seed-2021-08-china-war-games")
    added, replaced = store.add_many([ev.model_copy(update={"notes": "new"})])
    assert (added, replaced) == (0, 1)
    assert store.history(ev.id, op="import")[0].event.notes == ""


def test_update_missing_event_is_a_clear_error(store: Store):
    with pytest.raises(KeyError, match="no event"):
        store.update(Event(type="other", date_start=date(2022, 1, 1)))


def test_reader_sees_data_while_writer_holds_a_transaction(store: Store, db_path):
    other = Store(str(db_path))
    started, release = threading.Event(), threading.Event()

    def writer():
        with store.engine.begin() as c:
            c.execute(sa.text("UPDATE events SET notes='w' WHERE id='seed-2021-08-china-war-games'"))
            started.set()
            release.wait(5)

    t = threading.Thread(target=writer)
    t.start()
    started.wait(5)
    try:
        assert other.count() == 9  # WAL: the reader is not blocked and sees the committed state
        assert other.get("seed-2021-08-china-war-games").notes == ""
    finally:
        release.set()
        t.join()


def test_a_stale_edit_is_refused_and_can_be_reapplied(store: Store):
    mine = store.get("seed-2021-08-china-war-games")
    theirs = store.update(mine.model_copy(update={"notes": "their note"}), by="bob")
    assert theirs.version == mine.version + 1 and theirs.updated_by == "bob"
    with pytest.raises(StaleEdit) as caught:
        store.update(mine.model_copy(update={"evidence": "my sentence"}), by="alice")
    exc = caught.value
    assert "changed by bob" in str(exc)
    assert exc.their_changes() == {"notes": ("", "their note")}
    assert exc.my_changes() == {"evidence": (mine.evidence, "my sentence")}
    assert store.get(mine.id).evidence == mine.evidence  # nothing written
    merged = store.update(exc.reapplied(), by="alice")
    assert (merged.notes, merged.evidence, merged.version) == ("their note", "my sentence", theirs.version + 1)


def test_a_delete_based_on_an_old_version_is_refused(store: Store):
    mine = store.get("seed-2021-08-china-war-games")
    store.update(mine.model_copy(update={"notes": "changed"}))
    with pytest.raises(StaleEdit):
        store.delete(mine.id, version=mine.version)
    assert store.get(mine.id) is not None


def test_concurrent_saves_of_one_event_never_lose_one(store: Store):
    """Two sessions read version 1 and save at once: one wins, the other is told."""
    ev = store.get("seed-2021-08-china-war-games")
    results: list[str] = []
    barrier = threading.Barrier(2)

    def save(note: str) -> None:
        barrier.wait()
        try:
            Store(store.url, seed=None).update(ev.model_copy(update={"notes": note}))
            results.append("saved")
        except StaleEdit:
            results.append("stale")

    threads = [threading.Thread(target=save, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(results) == ["saved", "stale"]
    assert store.get(ev.id).version == ev.version + 1


@pytest.mark.parametrize("flt", [
    EventFilter(), EventFilter(drafts=True), EventFilter(types=("scramble", "bomber_approach")),
    EventFilter(actors=("RUS",), observers=("KOR",)),
    EventFilter(date_from=date(2021, 11, 1), date_to=date(2021, 11, 20)),
    EventFilter(text="tu-95"), EventFilter(actors=("CHN",), text="bomber", drafts=True),
])
def test_scan_gives_exactly_the_filtered_frame_chunk_by_chunk(store: Store, flt: EventFilter):
    store.add(Event(id="draft-x", type="exercise", date_start=date(2021, 11, 5), actors=["RUS"], status="draft",
                    evidence="Drill with Tu-95 bombers."))
    want = flt.apply(store.frame()).reset_index(drop=True)
    parts = list(store.scan(flt, chunk=3))
    assert all(len(p) <= 3 for p in parts)
    got = pd.concat(parts, ignore_index=True) if parts else want.iloc[:0]
    assert got["id"].tolist() == want["id"].tolist() and len(want)
    cols = ["type", "date_start", "date_end", "actors", "observers", "geometry", "lat", "lon", "published"]
    assert got[cols].astype(str).equals(want[cols].astype(str))


def test_scan_can_leave_list_columns_as_json_text_and_read_only_some_columns(store: Store):
    flt = EventFilter(actors=("RUS",))
    got = pd.concat(store.scan(flt, ["id", "actors", "geometry"], json_text=True), ignore_index=True)
    assert list(got.columns) == ["id", "actors", "geometry"]
    want = flt.apply(store.frame())
    assert [json.loads(a) for a in got["actors"]] == want["actors"].tolist()
    assert [json.loads(g) if g else None for g in got["geometry"]] == want["geometry"].tolist()
