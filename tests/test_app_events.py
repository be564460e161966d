"""The Events page: search, edit with validation, delete and restore."""

from __future__ import annotations

from apptest_util import open_page
from streamlit.testing.v1 import AppTest

from events.store import Store


def open_events() -> AppTest:
    return open_page("events.py")


def select_row(at: AppTest, event_id: str) -> AppTest:
    df = at.dataframe[0].value
    row = int(df.index[df["id"] == event_id][0])
    # AppTest has no click for dataframe selections: set the widget state as the browser would
    at.session_state["events_table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    return at.run()


def test_search_narrows_the_list(store: Store):
    at = open_events()
    assert len(at.dataframe[0].value) == 9
    at.text_input[0].set_value("Okhotsk").run()
    assert list(at.dataframe[0].value["id"]) == ["seed-2021-11-okhotsk-bomber-flights"]


def test_edit_saves_and_keeps_history(store: Store):
    at = select_row(open_events(), "seed-2021-08-china-war-games")
    notes = [t for t in at.text_area if t.label == "Notes"][0]
    notes.set_value("Held in Ningxia per later reports")
    submit = [b for b in at.button if b.label == "Save changes"][0]
    submit.click().run()
    assert not at.exception
    assert store.get("seed-2021-08-china-war-games").notes == "Held in Ningxia per later reports"
    assert store.history("seed-2021-08-china-war-games")[0].event.notes == ""


def test_invalid_edit_names_the_field_and_saves_nothing(store: Store):
    at = select_row(open_events(), "seed-2021-08-china-war-games")
    [t for t in at.text_input if t.label.startswith("Actors")][0].set_value("RUS; Mordor")
    [b for b in at.button if b.label == "Save changes"][0].click().run()
    assert any("actors" in e.value and "'MORDOR' is not an ISO" in e.value for e in at.error)
    assert store.get("seed-2021-08-china-war-games").actors == ["CHN", "RUS"]
    assert store.history("seed-2021-08-china-war-games") == []


def test_delete_then_restore_from_recently_deleted(store: Store):
    at = select_row(open_events(), "seed-2021-10-sea-of-japan-naval")
    at.checkbox(key="confirm_seed-2021-10-sea-of-japan-naval").check().run()
    at.button(key="delete_seed-2021-10-sea-of-japan-naval").click().run()
    assert store.get("seed-2021-10-sea-of-japan-naval") is None
    at = open_events()
    restore = [b for b in at.button if b.key and b.key.startswith("undelete_")]
    assert len(restore) == 1
    restore[0].click().run()
    assert store.get("seed-2021-10-sea-of-japan-naval") is not None


def test_a_stale_save_is_refused_with_their_changes_and_mine_can_go_on_top(store: Store):
    at = select_row(open_events(), "seed-2021-08-china-war-games")
    ev = store.get("seed-2021-08-china-war-games")
    store.update(ev.model_copy(update={"notes": "their note"}), by="bob")  # another session saves first
    [t for t in at.text_area if t.label == "Evidence sentence"][0].set_value("My corrected sentence.")
    [b for b in at.button if b.label == "Save changes"][0].click().run()
    assert any("Not saved" in e.value and "changed by bob" in e.value for e in at.error)
    text = "\n".join(m.value for m in at.markdown)
    assert "**notes**: (none) → their note" in text and "My corrected sentence." in text
    assert store.get(ev.id).evidence == ev.evidence  # nothing of mine written yet
    [b for b in at.button if b.label == "Save my changes on top of theirs"][0].click().run()
    saved = store.get(ev.id)
    assert (saved.notes, saved.evidence, saved.version) == ("their note", "My corrected sentence.", 3)
    assert any("Saved." in s.value for s in at.success)


def test_the_form_shows_a_restored_version_not_stale_values(store: Store):
    at = select_row(open_events(), "seed-2021-08-china-war-games")
    [t for t in at.text_area if t.label == "Notes"][0].set_value("first")
    [b for b in at.button if b.label == "Save changes"][0].click().run()
    restore = [b for b in at.button if b.key and b.key.startswith("restore_")]
    restore[0].click().run()
    assert store.get("seed-2021-08-china-war-games").notes == ""
    at = select_row(at, "seed-2021-08-china-war-games")
    assert [t for t in at.text_area if t.label == "Notes"][0].value == ""  # the restored value
    [b for b in at.button if b.label == "Save changes"][0].click().run()
    assert store.get("seed-2021-08-china-war-games").notes == ""  # saving does not undo the restore


def test_history_says_who_changed_what(store: Store):
    ev = store.get("seed-2021-08-china-war-games")
    store.update(ev.model_copy(update={"notes": "n"}), by="alice")
    at = select_row(open_events(), ev.id)
    titles = "\n".join(m.value for m in at.markdown)
    assert "**Version 1**" in titles and "replaced by alice" in titles and "changed: notes" in titles
