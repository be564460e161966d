"""The sidebar's date window: From/To boxes, the calendar picker, the URL, run by AppTest."""

from __future__ import annotations

import datetime as dt

import pytest
from apptest_util import ids_on_map
from streamlit.testing.v1 import AppTest

from events.store import Store
from ui.filters import parse_day

# the sample events that overlap August–October 2021
TO_OCTOBER = {"seed-2021-11-us-bomber-missions", "seed-2021-11-okhotsk-bomber-flights",
              "seed-2021-08-china-war-games", "seed-2021-10-sea-of-japan-naval"}


@pytest.fixture
def app(store: Store) -> AppTest:
    return AppTest.from_file("../app.py", default_timeout=60)


@pytest.mark.parametrize(("text", "day"), [
    ("2021-11-19", dt.date(2021, 11, 19)), (" 2021-11-9 ", dt.date(2021, 11, 9)), ("20211119", dt.date(2021, 11, 19)),
    ("2021-13-01", None), ("2021-02-30", None), ("19/11/2021", None), ("", None),
])
def test_parse_day(text: str, day: dt.date | None) -> None:
    assert parse_day(text) == day


def test_boxes_start_on_the_data_and_the_url_carries_them(app: AppTest):
    app.run()
    assert (app.text_input(key="f_from").value, app.text_input(key="f_to").value) == ("2021-08-01", "2021-11-23")
    assert (app.query_params["from"], app.query_params["to"]) == ("2021-08-01", "2021-11-23")


def test_url_dates_fill_the_boxes(store: Store):
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.query_params.update({"from": "2021-08-01", "to": "2021-10-31"})
    at.run()
    assert at.text_input(key="f_from").value == "2021-08-01" and at.text_input(key="f_to").value == "2021-10-31"
    assert ids_on_map(at) == TO_OCTOBER


def test_a_typed_date_narrows_map_metric_and_url(app: AppTest):
    app.run()
    app.text_input(key="f_to").set_value("2021-10-31").run()
    assert ids_on_map(app) == TO_OCTOBER and app.metric[0].value == "4"
    app.text_input(key="f_from").set_value("2021-11-20").run()
    assert ids_on_map(app) == TO_OCTOBER - {"seed-2021-08-china-war-games"} | {
        "seed-2021-11-19-joint-patrol", "seed-2021-11-19-kor-scramble", "seed-2021-11-global-thunder-approach",
        "seed-2021-11-19-yonhap-kadiz", "seed-2021-11-19-yonhap-scramble"}
    assert app.query_params["from"] == "2021-10-31" and app.query_params["to"] == "2021-11-20"  # read swapped
    assert any("From is after To" in c.value for c in app.sidebar.caption)


def test_a_bad_date_is_named_and_leaves_that_side_open(app: AppTest):
    app.run()
    app.text_input(key="f_to").set_value("2021-10-31").run()
    app.text_input(key="f_from").set_value("2021-13-01").run()
    assert not app.exception
    assert any("“2021-13-01” is not a date" in e.value for e in app.sidebar.error)
    assert "from" not in app.query_params and app.query_params["to"] == "2021-10-31"
    assert app.metric[0].value == "4"  # everything up to 31 Oct


def test_the_calendar_fills_the_boxes(app: AppTest):
    app.run()
    app.date_input(key="f_cal").set_value((dt.date(2021, 8, 1), dt.date(2021, 10, 31))).run()
    assert app.text_input(key="f_from").value == "2021-08-01" and app.text_input(key="f_to").value == "2021-10-31"
    assert app.query_params["to"] == "2021-10-31"
    assert app.metric[0].value == "4"


def test_reset_puts_the_data_range_back(app: AppTest):
    app.run()
    app.text_input(key="f_from").set_value("2021-11-01").run()
    [b for b in app.button if b.label == "Reset filters"][0].click().run()
    assert app.text_input(key="f_from").value == "2021-08-01" and app.metric[0].value == "9"
