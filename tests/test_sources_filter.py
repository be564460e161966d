"""The outlet filter: EventFilter.sources through the URL, on a frame, and in Store.scan (both engines)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from events.frame import events_frame
from events.query import EventFilter, outlet_of, outlets, split_sources, url_host
from events.schema import Event
from events.store import Store

AP = "Associated Press (Moscow, V. Isachenkov)"  # the sample's outlet: a comma in the name


def test_sources_round_trip_through_the_url():
    flt = EventFilter(sources=(AP, "Yonhap", "odd|name\\here"), types=("joint_patrol",))
    params = flt.to_params()
    assert params["src"] == "Associated Press (Moscow, V. Isachenkov)|Yonhap|odd\\|name\\\\here"
    assert EventFilter.from_params(params) == flt
    assert "src" not in EventFilter().to_params() and EventFilter.from_params({}).sources == ()


def test_a_hand_edited_src_is_read_leniently():
    assert EventFilter.from_params({"src": " Yonhap || Yonhap |NHK| "}).sources == ("Yonhap", "NHK")
    assert EventFilter.from_params({"src": "x" * 300 + "|NHK"}).sources == ("NHK",)
    assert len(split_sources("|".join(f"o{i}" for i in range(500)))) == 50
    assert split_sources("trailing\\") == ("trailing",)


def test_the_outlet_is_the_source_name_else_the_links_host():
    assert outlet_of("Yonhap", "https://www.yna.co.kr/1") == "Yonhap"
    assert outlet_of(None, "https://www.yna.co.kr/view/1") == "yna.co.kr"
    assert outlet_of("", "http://NHK.or.jp:8080/x") == "nhk.or.jp"
    assert outlet_of(None, None) == "" and url_host("not a url") == ""
    df = pd.DataFrame({"source_name": ["Yonhap", None, "", None], "source_url": [None, "https://www.a.example/1",
                                                                                 "https://b.example/2", None]},
                      index=[10, 11, 12, 13])
    assert outlets(df).to_dict() == {10: "Yonhap", 11: "a.example", 12: "b.example", 13: ""}


def test_mask_keeps_only_the_chosen_outlets():
    events = [Event(id="y", type="scramble", date_start=date(2024, 1, 1), source_name="Yonhap"),
              Event(id="h", type="scramble", date_start=date(2024, 1, 1), source_url="https://www.nhk.or.jp/a"),
              Event(id="n", type="scramble", date_start=date(2024, 1, 1))]
    df = events_frame(events)
    assert EventFilter(sources=("Yonhap",)).apply(df)["id"].tolist() == ["y"]
    assert EventFilter(sources=("Yonhap", "nhk.or.jp")).apply(df)["id"].tolist() == ["y", "h"]
    assert EventFilter().apply(df)["id"].tolist() == ["y", "h", "n"]
    assert {"source_name", "source_url"} <= set(EventFilter(sources=("Yonhap",)).columns)


@pytest.mark.parametrize("flt", [
    EventFilter(sources=("Yonhap",)),
    EventFilter(sources=(AP,), types=("scramble", "joint_patrol")),
    EventFilter(sources=("example.org",)),  # only events without a source name, by their link
    EventFilter(sources=("example.org", "Yonhap"), drafts=True, date_from=date(2021, 11, 1)),
    EventFilter(sources=("nobody",)),
])
def test_scan_with_a_source_filter_is_exactly_the_filtered_frame(store: Store, flt: EventFilter):
    store.add_many([
        Event(id="host-only", type="scramble", date_start=date(2021, 11, 19), actors=["JPN"],
              source_url="https://www.example.org/report"),
        Event(id="host-draft", type="exercise", date_start=date(2021, 11, 5), status="draft",
              source_url="https://example.org/other"),
        Event(id="named-with-link", type="scramble", date_start=date(2021, 11, 20), source_name="NHK",
              source_url="https://www.example.org/nhk"),  # its name decides: NHK, not example.org
    ])
    want = flt.apply(store.frame()).reset_index(drop=True)
    parts = list(store.scan(flt, chunk=2))
    got = pd.concat(parts, ignore_index=True) if parts else want.iloc[:0]
    assert got["id"].tolist() == want["id"].tolist()
    if flt.sources != ("nobody",):
        assert len(want)
    if "example.org" in flt.sources:
        assert "named-with-link" not in set(got["id"]) and "host-only" in set(got["id"])
    # json_text reads (the standalone export's path) filter the same way
    narrow = pd.concat(store.scan(flt, ["id"], json_text=True), ignore_index=True) if len(want) else want.iloc[:0]
    assert narrow["id"].tolist() == want["id"].tolist()


def test_a_snapshot_says_which_sources_it_shows():
    from maps.snapshot.describe import filter_text

    assert filter_text(EventFilter(sources=("Yonhap", AP))) == f"sources: Yonhap, {AP}"
    assert filter_text(EventFilter(actors=("RUS",), sources=("Yonhap",))) == "acting: Russia; sources: Yonhap"
