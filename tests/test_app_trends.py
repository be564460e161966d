"""The Trends page, run headless by Streamlit's AppTest on the sample store (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import re

import pytest
from apptest_util import open_page
from streamlit.testing.v1 import AppTest

from events.schema import Event
from events.store import Store


@pytest.fixture
def at(store: Store) -> AppTest:
    return open_page("trends.py")


def chart_spec(at: AppTest) -> dict:
    (chart,) = at.get("vega_lite_chart")
    return json.loads(chart.proto.spec)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label))


def plain(markdown: str) -> str:
    """Markdown as read: the page escapes report text, so a place name cannot become a link or an image."""
    return re.sub(r"\\(.)", r"\1", markdown)


def bold(at: AppTest) -> list[str]:
    return [plain(m.value) for m in at.markdown if m.value.startswith("**")]


def test_page_shows_weekly_chart_records_firsts_and_claim(at: AppTest):
    assert metric(at, "Events shown") == "9"
    assert at.radio(key="tr_period").value == "auto"  # the sample spans 114 days: weeks
    assert at.radio(key="tr_period").options[0] == "auto (week)"
    spec = chart_spec(at)
    assert [p["name"] for p in spec["params"]] == ["pick"]
    assert "Events per week by event type" in json.dumps(spec["title"])
    texts = [plain(m.value) for m in at.markdown]
    assert any("Most events in one week: 4, week of 2021-11-15" in t for t in texts)
    assert any("Most bomber approach events in one week: 2, week of 2021-10-18" in t for t in texts)
    # AP's and Yonhap's reports of one patrol (4 and 9 aircraft) and of one scramble (1 each) count
    # once each, at the larger report: 10, not the 15 a sum of every report gives
    assert any("Most aircraft in one day (single-day events): 10, 2021-11-19" in t for t in texts)
    assert any("First joint patrol event with South Korea (KOR) as approached / reacting country" in t for t in texts)
    # the seed report's own claim, checked against the collection
    assert at.info[0].value.startswith("The collection holds 3 bomber approach events overlapping "
                                       "2021-10-24 – 2021-11-23")
    assert [b.label for b in at.get("download_button")] == ["PNG", "SVG", "CSV"]
    assert not at.exception


def test_clicking_a_bar_lists_the_events_behind_it(at: AppTest):
    # what Streamlit stores when a bar segment is clicked (the browser test clicks for real)
    at.session_state["trend_chart_week_type"] = {"selection": {"pick": [
        {"period_key": "2021-11-15", "group": "Joint patrol"}]}}
    at.run()
    assert "**1 event(s): week of 2021-11-15, Joint patrol**" in bold(at)
    table = at.dataframe[0].value
    assert list(table["type"]) == ["Joint patrol"] and "Sea of Japan" in table["places"].iloc[0]
    at.toggle(key="tr_whole").set_value(True).run()
    assert "**4 event(s): week of 2021-11-15**" in bold(at)
    assert sorted(at.dataframe[0].value["type"]) == ["ADIZ / airspace incursion", "Joint patrol", "Scramble",
                                                     "Scramble"]


def test_period_picker_lists_a_period_without_the_chart(at: AppTest):
    pick = at.selectbox(key="tr_pick_week")
    assert pick.options[0].startswith("week of 2021-11-15")
    pick.set_value("2021-10-18").run()
    assert "**2 event(s): week of 2021-10-18**" in bold(at)
    assert set(at.dataframe[0].value["type"]) == {"Bomber approach"}


def test_month_bars_by_acting_country(at: AppTest):
    at.radio(key="tr_period").set_value("month").run()
    at.selectbox(key="tr_by").set_value("actor").run()
    assert not at.exception
    spec = chart_spec(at)
    legend = spec["layer"][0]["encoding"]["color"]["scale"]["domain"]  # largest first
    assert legend == ["China (CHN)", "Russia (RUS)", "United States (USA)", "South Korea (KOR)"]
    assert any("counts once for each" in c.value for c in at.caption)
    assert metric(at, "Busiest month") == "5"  # November 2021, by start date (October: 3)


def test_sidebar_filters_apply(at: AppTest):
    at.multiselect(key="f_types").set_value(["exercise"]).run()
    assert metric(at, "Events shown") == "2"
    assert at.query_params["types"] == "exercise"  # the same URL-backed filters as the map


def test_drafts_count_only_when_included(store: Store):
    store.add(Event(id="draft-1", type="joint_patrol", date_start="2021-11-19", actors=["RUS"], status="draft"))
    at = open_page("trends.py")
    assert metric(at, "Events shown") == "9"
    at.checkbox(key="f_drafts").check().run()
    assert metric(at, "Events shown") == "10"


def test_claim_text_is_parsed_and_bad_text_explained(at: AppTest):
    at.text_input(key="tr_claim_text").input("2 joint patrols in the week to 2021-11-21").run()
    assert at.info[0].value.startswith("The collection holds 1 joint patrol event overlapping 2021-11-15 – 2021-11-21")
    assert "Fewer events are recorded than claimed" in at.info[0].value
    at.text_input(key="tr_claim_text").input("lots of planes").run()
    assert at.warning and "Could not read that claim" in at.warning[0].value


def test_empty_view_says_so(at: AppTest):
    at.text_input(key="f_q").input("nothing matches this").run()
    assert not at.exception
    assert "No event matches" in at.info[0].value
    assert not at.get("vega_lite_chart")


def test_place_names_are_shown_as_text_not_markdown(store: Store):
    store.add(Event(id="md-test", type="transit", date_start="2021-11-20", actors=["CHN"], observers=["TWN"],
                    places=["![x](http://example.org/p.png) *Strait*"]))
    at = open_page("trends.py")
    line = next(m.value for m in at.markdown if "First strait transit event with China" in plain(m.value))
    assert plain(line).endswith("2021-11-20, ![x](http://example.org/p.png) *Strait*")
    assert "![x](" not in line and "*Strait*" not in line  # escaped: no image fetched, no emphasis
