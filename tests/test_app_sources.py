"""The Sources page and the sidebar's Source filter, run headless by AppTest on the sample store
(SQLite and PostgreSQL): per-outlet counts, the AP/Yonhap groups side by side, the map following."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from apptest_util import ids_on_map, open_page
from streamlit.testing.v1 import AppTest

from events.accounts import Accounts
from events.query import EventFilter
from events.schema import Event
from events.store import Store
from maps.snapshot.outputs import Request, export
from ui import auth

AP = "Associated Press (Moscow, V. Isachenkov)"
YONHAP_IDS = {"seed-2021-11-19-yonhap-kadiz", "seed-2021-11-19-yonhap-scramble"}


@pytest.fixture
def at(store: Store) -> AppTest:
    return open_page("sources.py")


def plain(markdown: str) -> str:
    """Markdown as read: the page escapes report text, so an outlet name cannot become a link."""
    return re.sub(r"\\(.)", r"\1", markdown)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label))


def tables(at: AppTest) -> list:
    """The side-by-side tables (the first dataframe is the outlets table)."""
    return [d.value for d in at.dataframe[1:]]


def test_page_shows_outlets_and_the_patrol_both_outlets_report(at: AppTest):
    assert not at.exception
    assert (metric(at, "Outlets"), metric(at, "Events shown")) == ("2", "9")
    assert (metric(at, "Reported by several"), metric(at, "Where they disagree")) == ("2", "1")
    outlets = at.dataframe[0].value.set_index("outlet")
    assert outlets.loc[AP, "events"] == 7 and outlets.loc["Yonhap", "events"] == 2
    assert outlets.loc["Yonhap", "types"] == "ADIZ / airspace incursion 1, Scramble 1"

    heads = [plain(m.value) for m in at.markdown if m.value.startswith("**") and " · " in m.value]
    assert heads[0].startswith("**ADIZ / airspace incursion or joint patrol · 2021-11-19 · China, Russia → South Korea")
    assert heads[1].startswith("**Scramble · 2021-11-19")  # disagreements first
    flagged = plain(next(c.value for c in at.caption if "disagree on" in c.value))
    assert "⚠ The sources disagree on type, count:" in flagged
    assert "⚠ total count: Yonhap 9 (Chinese military aircraft x2, Russian military aircraft x7); " + AP in flagged
    patrol, scramble = tables(at)
    assert list(patrol.columns) == ["Field", "Yonhap", AP]  # one column per source, oldest report first
    by = patrol.set_index("Field")
    assert by.loc["⚠ Type", "Yonhap"] == "⚠ ADIZ / airspace incursion" and by.loc["⚠ Type", AP] == "⚠ Joint patrol"
    assert by.loc["Event", AP] == "seed-2021-11-19-joint-patrol" and by.loc["Dates", "Yonhap"] == "2021-11-19"
    assert "Evidence" not in list(patrol["Field"])  # the sentences are under the table, in full
    said = [plain(m.value) for m in at.markdown if m.value.startswith("**Yonhap**: ")]
    assert said[0].startswith("**Yonhap**: SEOUL, Nov. 19 (Yonhap) -- Two Chinese and seven Russian military aircraft")
    assert not any(str(f).startswith("⚠") for f in scramble["Field"])
    assert any("agree on every field" in c.value for c in at.caption)


def test_each_event_links_to_the_map_with_its_card_open(at: AppTest):
    links = [m.value for m in at.markdown if m.value.startswith("On the map:")]
    assert "(./?event=seed-2021-11-19-yonhap-kadiz)" in links[0]
    assert "(./?event=seed-2021-11-19-joint-patrol)" in links[0]
    at.multiselect(key="f_types").set_value(["incursion", "joint_patrol"]).run()
    link = next(m.value for m in at.markdown if m.value.startswith("On the map:"))
    assert "(./?types=incursion%2Cjoint_patrol&event=seed-2021-11-19-yonhap-kadiz)" in link  # the filter travels


def test_only_groups_where_sources_disagree(at: AppTest):
    at.toggle(key="src_disputed").set_value(True).run()
    assert len(tables(at)) == 1 and list(tables(at)[0].columns) == ["Field", "Yonhap", AP]


def test_the_source_filter_narrows_the_page_and_the_url(at: AppTest):
    box = at.multiselect(key="f_sources")
    assert box.options == [f"{AP} (7)", "Yonhap (2)"]
    box.set_value(["Yonhap"]).run()
    assert at.query_params["src"] == "Yonhap"
    assert metric(at, "Outlets") == "1" and metric(at, "Events shown") == "2"
    assert "No activity among the events shown is reported by more than one outlet." in at.info[0].value
    assert not tables(at)


def test_a_link_with_src_filters_the_map(store: Store):
    at = AppTest.from_file("../app.py", default_timeout=90)
    at.query_params.update({"src": "Yonhap"})
    at.run()
    assert not at.exception
    assert at.multiselect(key="f_sources").value == ["Yonhap"]
    assert ids_on_map(at) == YONHAP_IDS and at.metric[0].value == "2"
    # the exports read through the same filter (the CLI and its scan; the buttons take the view shown)
    out = io.BytesIO()
    assert export(store, EventFilter.from_params({"src": "Yonhap"}), Request("csv"), out) == 2
    csv = out.getvalue()
    assert csv.count(b"seed-2021-11-19-yonhap-") >= 2 and b"seed-2021-11-19-joint-patrol" not in csv


def test_report_text_is_shown_as_text(store: Store):
    # an outlet name and a place written as Markdown must not become a link or an image
    store.add_many([
        Event(id="md-a", type="transit", date_start=date(2021, 11, 20), actors=["CHN"], places=["Taiwan Strait"],
              source_name="[click](http://example.org/x) ![i](http://example.org/p.png)", assets=["destroyer x2"]),
        Event(id="md-b", type="transit", date_start=date(2021, 11, 20), actors=["CHN"], places=["Taiwan Strait"],
              source_name="Taipei Times", assets=["destroyer x3"]),
    ])
    at = open_page("sources.py")
    texts = [m.value for m in (*at.markdown, *at.caption)]
    joined = "\n".join(texts)
    assert "](http://example.org/x)" not in joined and "![i](" not in joined
    assert any("count of destroyer: " in plain(t) for t in texts)
    assert "[click](http://example.org/x) ![i](http://example.org/p.png)" in plain(joined)


def test_drafts_count_only_when_included(store: Store):
    store.add(Event(id="draft-y", type="joint_patrol", date_start=date(2021, 11, 19), actors=["RUS", "CHN"],
                    places=["Sea of Japan"], source_name="Kyodo", status="draft", assets=["Tu-95MS x2"]))
    at = open_page("sources.py")
    assert metric(at, "Outlets") == "2"
    at.checkbox(key="f_drafts").check().run()
    assert metric(at, "Outlets") == "3"
    patrol = tables(at)[0]
    assert "Kyodo" in patrol.columns and patrol.set_index("Field").loc["Event", "Kyodo"] == "draft-y (draft)"


def test_empty_view_says_so(at: AppTest):
    at.text_input(key="f_q").input("nothing matches this").run()
    assert not at.exception and "No event matches" in at.info[0].value and not at.dataframe


def test_with_accounts_on_the_page_needs_a_signed_in_account(store: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SORTIE_AUTH", "1")
    monkeypatch.setattr(auth, "WRONG_DELAY_S", 0.05)
    Accounts(store).add("vera", "viewer", "vera-password")
    # the page script reached without app.py's gate: nothing of the data renders
    bare = AppTest.from_file("../pages/sources.py", default_timeout=90).run()
    assert not bare.dataframe and not bare.metric and not [m for m in bare.markdown if "Yonhap" in m.value]
    at = AppTest.from_file("../app.py", default_timeout=90).run()
    assert [t.label for t in at.text_input] == ["Username", "Password"] and not at.dataframe
    [t for t in at.text_input if t.label == "Username"][0].set_value("vera")
    [t for t in at.text_input if t.label == "Password"][0].set_value("vera-password")
    [b for b in at.button if b.label == "Sign in"][0].click()
    at.run()
    at.switch_page("pages/sources.py").run()
    assert not at.exception and metric(at, "Reported by several") == "2"  # a viewer may read it


def test_many_groups_come_a_page_at_a_time(store: Store):
    from datetime import timedelta

    store.add_many([Event(id=f"p{i}-{o}", type="transit", date_start=date(2022, 1, 1) + timedelta(days=3 * i),
                          actors=["CHN"], places=["Taiwan Strait"], source_name=o, assets=[f"destroyer x{n}"])
                    for i in range(12) for o, n in (("Taipei Times", 2), ("Focus Taiwan", 2 + i % 2))])
    at = open_page("sources.py")
    assert metric(at, "Reported by several") == "14" and len(tables(at)) == 10
    pager = at.number_input(key="src_page_False")
    assert pager.max == 2
    pager.set_value(2).run()
    assert not at.exception and len(tables(at)) == 4
    assert any("Groups 11–14 of 14" in c.value for c in at.caption)
    at.toggle(key="src_disputed").set_value(True).run()  # 6 transits + the patrol disagree: one page
    assert not at.exception and len(tables(at)) == 7 and not at.number_input
