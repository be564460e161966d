"""The dashboard page, run headless by Streamlit's AppTest."""

from __future__ import annotations

import pytest
from apptest_util import ids_on_map, map_args, map_file, map_selection
from streamlit.testing.v1 import AppTest

from events.schema import Event
from events.store import Store

SEED_IDS = {
    "seed-2021-11-19-joint-patrol", "seed-2021-11-19-kor-scramble", "seed-2021-11-global-thunder-approach",
    "seed-2021-11-us-bomber-missions", "seed-2021-11-okhotsk-bomber-flights", "seed-2021-10-sea-of-japan-naval",
    "seed-2021-08-china-war-games", "seed-2021-11-19-yonhap-kadiz", "seed-2021-11-19-yonhap-scramble",
}


@pytest.fixture
def app(store: Store) -> AppTest:
    return AppTest.from_file("../app.py", default_timeout=60)


def test_dashboard_shows_sample_on_map_and_table(app: AppTest):
    app.run()
    assert not app.exception
    assert ids_on_map(app) == SEED_IDS
    assert len(app.dataframe[0].value) == 9
    assert app.metric[0].value == "9"
    # most events state no closest approach: those cells read blank, not "None"
    assert app.dataframe[0].value["closest_approach_km"].isna().any() and app.dataframe[0].proto.placeholder == ""


def test_map_assets_are_local_only(app: AppTest):
    app.run()
    args = map_args(app)
    links = args["js_links"] + args["css_links"]
    assert links and all(link.startswith("/app/static/") for link in links), links
    assert "http" not in " ".join(links)
    assert any("leaflet.js" in link for link in args["js_links"])


def test_type_filter_changes_map_table_and_url(app: AppTest):
    app.run()
    app.multiselect(key="f_types").set_value(["joint_patrol", "scramble"]).run()
    assert ids_on_map(app) == {"seed-2021-11-19-joint-patrol", "seed-2021-11-19-kor-scramble",
                               "seed-2021-11-19-yonhap-scramble"}
    assert len(app.dataframe[0].value) == 3
    assert app.query_params["types"] == "joint_patrol,scramble"


def test_a_filter_change_keeps_the_map_and_sends_a_selection(app: AppTest):
    """The map is the same component (same script, same events file) whatever the filters: the
    browser hides what a filter leaves out (static/sortie/selection.js), so it is not remounted."""
    app.run()
    before, sel = map_args(app)["script"], map_selection(app)
    assert sel["n"] == len(map_file(app)["id"]) and sel["key"].startswith("main@")
    app.multiselect(key="f_types").set_value(["exercise"]).run()
    after = map_selection(app)
    assert map_args(app)["script"] == before
    assert after["key"] == sel["key"] and after["keep"] != sel["keep"]
    assert after["borders"] == {} and sel["borders"]  # only bomber approaches light up borders
    assert ids_on_map(app) == {"seed-2021-10-sea-of-japan-naval", "seed-2021-08-china-war-games"}


def test_country_and_date_filters(app: AppTest):
    app.run()
    app.multiselect(key="f_observers").set_value(["KOR"]).run()
    assert ids_on_map(app) == {"seed-2021-11-19-joint-patrol", "seed-2021-11-19-yonhap-kadiz"}
    app.multiselect(key="f_observers").set_value([]).run()
    app.multiselect(key="f_actors").set_value(["USA"]).run()
    assert len(app.dataframe[0].value) == 3
    app.text_input(key="f_from").set_value("2021-08-01").run()
    app.text_input(key="f_to").set_value("2021-10-31").run()
    assert ids_on_map(app) == {"seed-2021-11-us-bomber-missions", "seed-2021-11-okhotsk-bomber-flights"}
    assert (app.query_params["from"], app.query_params["to"]) == ("2021-08-01", "2021-10-31")


def test_url_reproduces_a_view(store: Store):
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.query_params.update({"actors": "RUS", "types": "exercise", "from": "2021-09-01", "to": "2021-12-31"})
    at.run()
    assert ids_on_map(at) == {"seed-2021-10-sea-of-japan-naval"}
    assert at.multiselect(key="f_actors").value == ["RUS"]


def test_bad_url_values_are_ignored_not_fatal(store: Store):
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.query_params.update({"actors": "<script>,RUS", "from": "2021-99-99", "types": "nuke"})
    at.run()
    assert not at.exception
    assert at.multiselect(key="f_actors").value == ["RUS"]


def test_hostile_evidence_travels_as_data_not_markup(store: Store):
    store.add(Event(id="xss-test", type="other", date_start="2021-11-20", actors=["RUS"],
                    geometry={"type": "Point", "coordinates": [140, 40]},
                    evidence='<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>',
                    source_name="<b>bold</b>"))
    at = AppTest.from_file("../app.py", default_timeout=60).run()
    # the page itself carries no report text: it goes as JSON data, rendered with textContent
    assert "pwned" not in map_args(at)["script"]
    row = map_file(at, "events")["id"].index("xss-test")
    assert map_file(at, "cards")[row][5].startswith("<img src=x")  # the evidence, as plain data


def test_filters_survive_a_visit_to_another_page(app: AppTest):
    app.run()
    app.multiselect(key="f_types").set_value(["exercise"]).run()
    app.switch_page("pages/events.py").run()
    app.switch_page("pages/map.py").run()
    assert not app.exception
    assert app.multiselect(key="f_types").value == ["exercise"]
    assert ids_on_map(app) == {"seed-2021-10-sea-of-japan-naval", "seed-2021-08-china-war-games"}


def test_untouched_date_range_follows_new_events(app: AppTest, store: Store):
    app.run()
    store.add(Event(id="later", type="transit", date_start="2022-03-01", actors=["CHN"],
                    geometry={"type": "Point", "coordinates": [121.0, 24.0]}))
    app.run()
    assert "later" in ids_on_map(app)


def test_reset_clears_filters_and_url(app: AppTest):
    app.run()
    app.multiselect(key="f_types").set_value(["exercise"]).run()
    assert len(app.dataframe[0].value) == 2
    [b for b in app.button if b.label == "Reset filters"][0].click().run()
    assert not app.exception
    assert app.multiselect(key="f_types").value == []
    assert len(app.dataframe[0].value) == 9 and "types" not in app.query_params


def test_the_table_shows_one_page_of_a_large_view(store: Store):
    from datetime import date, timedelta

    store.add_many([Event(type="other", date_start=date(2022, 1, 1) + timedelta(days=i), actors=["RUS"],
                          evidence=f"Event number {i}.") for i in range(230)])
    at = AppTest.from_file("../app.py", default_timeout=60).run()
    assert not at.exception and at.metric[0].value == "239"
    table = at.dataframe[0].value
    assert len(table) == 100  # one page, not every row
    page = [n for n in at.number_input if n.label == "Page"][0]
    assert page.max == 3
    page.set_value(3).run()
    assert len(at.dataframe[0].value) == 39
    assert any("Rows 201–239 of 239" in c.value for c in at.caption)
