"""The Events page speaks the analyst's words (labels), stores codes, and keeps GeoJSON for experts."""

from __future__ import annotations

import json

from apptest_util import open_page
from test_app_events import select_row

from events.store import Store

PATROL = "seed-2021-11-19-joint-patrol"


def widget(items, label: str):
    return [w for w in items if w.label == label][0]


def test_table_shows_type_and_status_labels_not_codes(store: Store):
    at = open_page("events.py")
    table = at.dataframe[0].value
    assert "Joint patrol" in set(table["type"]) and "joint_patrol" not in set(table["type"])
    assert set(table["status"]) == {"Approved"}
    assert PATROL in set(table["id"])  # rows are still found by id


def test_form_shows_labels_and_saves_codes(store: Store):
    at = select_row(open_page("events.py"), PATROL)
    dprec, gprec, status = (widget(at.selectbox, n) for n in ("Date precision", "Location precision", "Status"))
    assert "Exact day" in dprec.options and "day" not in dprec.options
    assert "Area-level location" in gprec.options and gprec.value == "area"
    assert status.options == ["Draft (to review)", "Approved"] and status.value == "approved"
    assert widget(at.selectbox, "Type").options[0] == "Joint patrol"
    dprec.set_value("month")
    gprec.set_value("exact")
    [b for b in at.button if b.label == "Save changes"][0].click().run()
    assert not at.exception
    saved = store.get(PATROL)
    assert (saved.date_precision, saved.geo_precision) == ("month", "exact")  # codes in the store
    at = select_row(at, PATROL)
    assert widget(at.selectbox, "Date precision").value == "month"  # the form shows the saved version
    assert "changed: date precision, geo precision" in "\n".join(m.value for m in at.markdown)


def test_geojson_sits_in_a_collapsed_expander_with_a_summary(store: Store):
    ev = store.get(PATROL)
    at = select_row(open_page("events.py"), PATROL)
    box = [e for e in at.expander if e.label == "Advanced: geometry (GeoJSON)"]
    assert len(box) == 1 and not box[0].proto.expanded
    n = len(ev.geometry["coordinates"])
    assert any(c.value == f"On the map: Route through {n} points." for c in at.caption)
    area = widget(box[0].text_area, "Geometry (GeoJSON)")
    assert json.loads(area.value) == ev.geometry
    # editing the geometry still works from inside the expander
    area.set_value(json.dumps({"type": "Point", "coordinates": [135.5, 40.25]}))
    [b for b in at.button if b.label == "Save changes"][0].click().run()
    assert not at.exception
    assert store.get(PATROL).geometry == {"type": "Point", "coordinates": [135.5, 40.25]}
    at = select_row(at, PATROL)
    assert any(c.value == "On the map: Point at 40.250° N, 135.500° E." for c in at.caption)


def test_an_event_without_location_says_so(store: Store):
    ev = store.get(PATROL)
    store.update(ev.model_copy(update={"geometry": None}))
    at = select_row(open_page("events.py"), PATROL)
    assert any("No location: the event is not drawn on the map" in c.value for c in at.caption)
