"""maps/trends.py on small hand-made frames: binning, baseline, records, firsts, assets, claims, files."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest

from events import event_types as et
from maps import trends as tr


def frame(*rows: dict) -> pd.DataFrame:
    """Events with only the columns the trends read; dates as ``date`` objects, like Store.frame()."""
    out = []
    for i, r in enumerate(rows):
        d0 = date.fromisoformat(r["date"])
        out.append({
            "id": r.get("id", f"e{i}"), "type": r.get("type", "joint_patrol"), "date_start": d0,
            "date_end": date.fromisoformat(r["end"]) if r.get("end") else d0,
            "actors": r.get("actors", ["RUS"]), "observers": r.get("observers", []),
            "places": r.get("places", []), "assets": r.get("assets", []), "status": r.get("status", "approved"),
        })
    return pd.DataFrame(out, columns=["id", "type", "date_start", "date_end", "actors", "observers", "places",
                                      "assets", "status"])


# --- periods ---------------------------------------------------------------------------------

def test_period_start_day_week_month():
    d = pd.to_datetime(pd.Series(["2021-11-19", "2021-11-21", "2021-11-22", "2021-12-01"]))
    assert list(tr.period_start(d, "day").dt.strftime("%F")) == ["2021-11-19", "2021-11-21", "2021-11-22", "2021-12-01"]
    # weeks run Monday to Sunday: Friday 19th and Sunday 21st share the week of Monday 15th
    assert list(tr.period_start(d, "week").dt.strftime("%F")) == ["2021-11-15", "2021-11-15", "2021-11-22",
                                                                  "2021-11-29"]
    assert list(tr.period_start(d, "month").dt.strftime("%F")) == ["2021-11-01"] * 3 + ["2021-12-01"]
    with pytest.raises(ValueError):
        tr.period_start(d, "fortnight")


def test_window_of_and_labels():
    assert tr.window_of("2021-11-15", "week") == (date(2021, 11, 15), date(2021, 11, 21))
    assert tr.window_of("2021-02", "month") == (date(2021, 2, 1), date(2021, 2, 28))
    assert tr.window_of("2021-11-19", "day") == (date(2021, 11, 19), date(2021, 11, 19))
    assert tr.period_label("2021-11", "month") == "November 2021"
    assert tr.period_label("2021-11-15", "week") == "week of 2021-11-15"


def test_default_period_follows_the_span():
    assert tr.default_period(date(2021, 11, 1), date(2021, 11, 30)) == "day"
    assert tr.default_period(date(2021, 8, 1), date(2021, 11, 23)) == "week"  # the sample: 114 days
    assert tr.default_period(date(2015, 1, 1), date(2021, 1, 1)) == "month"
    assert tr.default_period(None, None) == "week"


def test_trend_counts_by_type_fills_empty_periods_and_colours_from_registry():
    df = frame({"date": "2021-11-01"}, {"date": "2021-11-03", "type": "scramble"}, {"date": "2021-11-22"},
               {"date": "2021-11-23", "type": "exercise"})
    t = tr.trend(df, "week", "type")
    assert t.groups == [et.label("joint_patrol"), et.label("exercise"), et.label("scramble")]  # registry order
    assert t.colors == [et.COLORS["joint_patrol"], et.COLORS["exercise"], et.COLORS["scramble"]]
    assert list(t.totals["period_key"]) == ["2021-11-01", "2021-11-08", "2021-11-15", "2021-11-22"]
    assert list(t.totals["events"]) == [2, 0, 0, 2]
    first = t.bars[t.bars["period_key"] == "2021-11-01"]
    assert dict(zip(first["group"], first["events"], strict=True)) == {"Joint patrol": 1, "Scramble": 1}
    # bars are stacked in legend order, each from its bottom to its top
    assert list(first["bottom"]) == [0, 1] and list(first["top"]) == [1, 2]


def test_countries_count_once_each_and_other_pools_the_rest():
    df = frame({"date": "2021-11-01", "actors": ["RUS", "CHN"]}, {"date": "2021-11-02", "actors": ["RUS"]},
               {"date": "2021-11-02", "actors": ["USA"]}, {"date": "2021-11-02", "actors": []})
    t = tr.trend(df, "month", "actor", top=2)
    assert t.groups == ["Russia (RUS)", "China (CHN)", "Other countries", "(no acting country)"]
    assert int(t.totals["events"].iloc[0]) == 5  # country-events: the joint one counts for RUS and for CHN
    assert int(t.totals["distinct"].iloc[0]) == 4
    t = tr.trend(df, "month", "observer")
    assert t.groups == ["(none named)"]


def test_area_is_the_first_place_as_written():
    df = frame({"date": "2021-11-01", "places": ["Sea of Japan", "East China Sea"]},
               {"date": "2021-11-02", "places": [" Sea of Japan "]}, {"date": "2021-11-02", "places": []})
    t = tr.trend(df, "month", "area")
    assert dict(zip(t.bars["group"], t.bars["events"], strict=True)) == {"Sea of Japan": 2, "(no place named)": 1}


def test_since_moves_earlier_starts_into_the_window():
    df = frame({"date": "2021-10-24", "end": "2021-11-23"}, {"date": "2021-11-10"})
    t = tr.trend(df, "month", "type", since=date(2021, 11, 1))
    assert list(t.totals["period_key"]) == ["2021-11"] and int(t.totals["events"].iloc[0]) == 2


def test_baseline_is_the_mean_of_the_periods_before():
    b = tr.baseline(pd.Series([4, 0, 2, 2, 8, 0]), window=4)
    assert b.isna().tolist()[:4] == [True] * 4
    assert b.iloc[4] == 2.0  # mean of 4, 0, 2, 2: the period itself is not in its baseline
    assert b.iloc[5] == 3.0  # mean of 0, 2, 2, 8
    df = frame(*[{"date": f"2021-11-{d:02d}"} for d in (1, 2, 3, 4, 5, 5, 5, 5)])
    t = tr.trend(df, "day", "type", window=2)
    assert list(t.totals["baseline"].fillna(-1)) == [-1, -1, 1.0, 1.0, 1.0]


def test_behind_and_selected():
    df = frame({"date": "2021-11-19", "id": "patrol"}, {"date": "2021-11-19", "id": "scr", "type": "scramble"},
               {"date": "2021-11-01", "id": "early"})
    t = tr.trend(df, "week", "type")
    assert set(tr.behind(df, t, "2021-11-15")["id"]) == {"patrol", "scr"}
    assert list(tr.behind(df, t, "2021-11-15", "Scramble")["id"]) == ["scr"]
    assert tr.behind(df, t, "2020-01-06").empty
    state = {"selection": {"pick": [{"period_key": "2021-11-15", "group": "Scramble"}]}}
    assert tr.selected(state) == ("2021-11-15", "Scramble")
    assert tr.selected({"selection": {"pick": []}}) is None and tr.selected(None) is None


def test_empty_frame_gives_an_empty_trend():
    t = tr.trend(frame(), "week", "type")
    assert t.empty and tr.records(frame()) == [] and tr.firsts(frame()) == []


# --- assets, records, firsts -----------------------------------------------------------------

def test_asset_counts_read_x_n_and_default_to_one():
    df = frame({"date": "2021-11-19", "assets": ["Tu-95MS x2", "H-6K x2"]},
               {"date": "2021-11-19", "assets": ["fighter jets"]},
               {"date": "2021-11-19", "assets": ["strategic bomber (30 missions)"]},
               {"date": "2021-11-19", "assets": ["warships", "aircraft carrier x1", "aircraft"]},
               {"date": "2021-11-19", "assets": ["troops"]}, {"date": "2021-11-19", "assets": []},
               {"date": "2021-11-19", "assets": ["Su-30SM x 4", "destroyer x3"]})
    a = tr.asset_counts(df)
    assert list(a["aircraft"]) == [4, 1, 1, 1, 0, 0, 4]
    assert list(a["ships"]) == [0, 0, 0, 2, 0, 0, 3]
    assert list(a["missions"]) == [0, 0, 30, 0, 0, 0, 0]


def test_records_most_events_per_period_per_type_and_aircraft_per_day():
    df = frame({"date": "2021-11-01", "id": "a"}, {"date": "2021-11-02", "id": "b"},
               {"date": "2021-11-03", "id": "c", "type": "scramble"},
               {"date": "2021-11-19", "id": "d", "assets": ["Tu-95MS x2", "H-6K x2"]},
               {"date": "2021-11-19", "id": "e", "type": "scramble", "assets": ["fighter jets"]},
               {"date": "2021-11-20", "id": "f", "end": "2021-11-30", "assets": ["bomber x10"]})
    flags = {f.text.split(":")[0]: f for f in tr.records(df, "week")}
    most = flags["Most events in one week"]
    assert (most.value, most.when, most.ids) == (3, "2021-11-01", ("a", "b", "c"))
    assert most.text == "Most events in one week: 3, week of 2021-11-01 (also 1 other week)"
    assert most.latest and most.at == ("2021-11-01", "2021-11-15")  # tied by the latest week
    assert flags["Most joint patrol events in one week"].value == 2
    assert "Most scramble events in one week" not in flags  # never more than one a week: no record
    air = flags["Most aircraft in one day (single-day events)"]
    assert (air.value, air.when, air.ids) == (5, "2021-11-19", ("d", "e"))  # the 10 bombers span 11 days
    assert "Most ships in one day (single-day events)" not in flags


def test_firsts_are_over_the_collection_and_shown_for_the_view():
    df = frame({"date": "2021-01-05", "id": "old", "actors": ["RUS", "CHN"], "observers": ["JPN"]},
               {"date": "2024-07-24", "id": "alaska", "actors": ["RUS", "CHN"], "observers": ["USA"],
                "places": ["Alaska"]},
               {"date": "2024-08-01", "id": "again", "actors": ["RUS"], "observers": ["USA"]})
    texts = [f.text for f in tr.firsts(df, among=df.index[1:])]
    assert texts == ["First joint patrol event with United States (USA) as approached / reacting country: 2024-07-24, "
                     "Alaska"]
    assert len(tr.firsts(df)) == 4  # RUS, CHN as actors; JPN, USA approached
    assert tr.firsts(df, among=df.index[2:]) == []


# --- claims ----------------------------------------------------------------------------------

def test_window_to_and_parse_claim():
    assert tr.window_to(date(2021, 11, 23), "month") == (date(2021, 10, 24), date(2021, 11, 23))
    assert tr.window_to(date(2021, 11, 23), "week") == (date(2021, 11, 17), date(2021, 11, 23))
    assert tr.window_to(date(2021, 11, 23), "30 days") == (date(2021, 10, 25), date(2021, 11, 23))
    c = tr.parse_claim("30 bomber approaches in the month to 2021-11-23")
    assert c == tr.Claim(30, "bomber_approach", date(2021, 10, 24), date(2021, 11, 23))
    c = tr.parse_claim("12 ADIZ incursions between 2022-03-31 and 2022-01-01")
    assert (c.count, c.type, c.date_from, c.date_to) == (12, "incursion", date(2022, 1, 1), date(2022, 3, 31))
    assert tr.parse_claim("1,200 strait transits in the past year to 2023-12-31").count == 1200
    assert tr.parse_claim("3 joint patrols in the last 14 days to 2021-11-23").date_from == date(2021, 11, 10)
    assert tr.parse_claim("many bombers lately") is None
    assert tr.parse_claim("30 unicorns in the month to 2021-11-23") is None
    assert tr.parse_claim("30 scrambles in the month to 2021-13-45") is None


def test_check_claim_counts_overlapping_events_and_stated_missions():
    df = frame({"date": "2021-11-01", "end": "2021-11-23", "type": "bomber_approach", "actors": ["USA"]},
               {"date": "2021-10-24", "end": "2021-11-23", "type": "bomber_approach", "actors": ["USA"],
                "assets": ["strategic bomber (30 missions)"]},
               {"date": "2021-10-20", "end": "2021-10-25", "type": "bomber_approach", "actors": ["RUS"]},
               {"date": "2021-09-01", "type": "bomber_approach"},
               {"date": "2021-11-19", "type": "joint_patrol"})
    r = tr.check_claim(df, tr.Claim(30, "bomber_approach", date(2021, 10, 24), date(2021, 11, 23)))
    assert (r.overlapping, r.within, r.missions) == (3, 2, 30)
    assert r.text.startswith("The collection holds 3 bomber approach events overlapping 2021-10-24 – 2021-11-23 "
                             "(2 entirely within it); the claim is 30.")
    assert "30 missions" in r.text
    r = tr.check_claim(df, tr.Claim(5, "bomber_approach", date(2021, 10, 24), date(2021, 11, 23), actor="RUS"))
    assert r.overlapping == 1 and "Fewer events are recorded than claimed" in r.text and "by Russia (RUS)" in r.text


# --- chart and files -------------------------------------------------------------------------

def test_chart_has_selection_baseline_and_record_star():
    df = frame({"date": "2021-11-01"}, {"date": "2021-11-02"}, {"date": "2021-11-19", "type": "scramble"})
    t = tr.trend(df, "week", "type")
    spec = tr.trend_chart(t, tr.records(df, "week"), title="T").to_dict()
    bars, line, stars = spec["layer"]
    (pick,) = spec["params"]  # altair lifts a layer's selection to the top, bound to the bars' view
    assert pick["name"] == "pick" and pick["select"]["fields"] == ["period_key", "group"]
    assert pick["views"] == [bars["name"]]
    assert line["mark"]["strokeDash"] and line["encoding"]["y"]["field"] == "baseline"
    assert stars["mark"]["text"] == "★"
    assert "params" not in tr.trend_chart(t, select=False).to_dict()


def test_csv_has_one_row_per_bar_with_baseline():
    df = frame(*[{"date": f"2021-11-{d:02d}"} for d in (1, 8, 15, 22, 29, 29)])
    t = tr.trend(df, "week", "type")
    out = pd.read_csv(io.BytesIO(tr.trend_csv(t)))
    assert list(out.columns) == ["period", "period_start", "period_end", "event_type", "events",
                                 "events_that_period", "baseline_mean_previous_4"]
    assert out.iloc[-1].to_dict() == {"period": "2021-11-29", "period_start": "2021-11-29", "period_end": "2021-12-05",
                                      "event_type": "Joint patrol", "events": 2, "events_that_period": 2,
                                      "baseline_mean_previous_4": 1.0}


def test_png_and_svg_render_offline():
    pytest.importorskip("vl_convert")
    t = tr.trend(frame({"date": "2021-11-01"}, {"date": "2021-11-19", "type": "scramble"}), "week", "type")
    chart = tr.trend_chart(t, title="Events per week")
    png = tr.chart_image(chart, "png", width=400, scale=1)
    assert png.startswith(b"\x89PNG")
    svg = tr.chart_image(chart, "svg", width=400).decode()
    assert svg.lstrip().startswith("<svg") and "Events per week" in svg
    with pytest.raises(ValueError):
        tr.chart_image(chart, "pdf")


def test_type_labels_in_sentences_keep_their_acronyms():
    df = frame({"date": "2021-11-01", "type": "incursion"}, {"date": "2021-11-02", "type": "incursion"})
    texts = [f.text for f in tr.records(df, "week")]
    assert f"Most {et.label('incursion')} events in one week: 2, week of 2021-11-01" in texts  # "ADIZ ..." kept
    assert tr.firsts(df)[0].text.startswith(f"First {et.label('incursion')} event with Russia (RUS)")


def test_behind_a_pooled_bar():
    df = frame({"date": "2021-11-01", "actors": ["RUS"], "id": "r"},
               {"date": "2021-11-01", "actors": ["USA"], "id": "u"},
               {"date": "2021-11-02", "actors": ["RUS", "JPN"], "id": "rj"})
    t = tr.trend(df, "week", "actor", top=1)
    assert t.groups == ["Russia (RUS)", "Other countries"]
    assert set(tr.behind(df, t, "2021-11-01", "Other countries")["id"]) == {"u", "rj"}
    assert set(tr.behind(df, t, "2021-11-01", "Russia (RUS)")["id"]) == {"r", "rj"}


def test_one_activity_reported_by_two_outlets_counts_its_aircraft_once() -> None:
    """Yonhap's 9 and AP's 4 aircraft of one patrol are 9 that day; a second outlet's report of
    another day's patrol, and one outlet's two flights, still add up."""
    base = {"type": "joint_patrol", "date_precision": "day", "actors": ["RUS", "CHN"], "observers": ["KOR"],
            "places": ["Sea of Japan"], "lat": 40.0, "lon": 135.0, "geo_precision": "area", "status": "approved",
            "source_url": None}
    day, other = date(2021, 11, 19), date(2021, 12, 1)
    rows = [
        base | {"id": "ap", "date_start": day, "date_end": day, "assets": ["Tu-95MS x2", "H-6K x2"],
                "source_name": "AP"},
        base | {"id": "yna", "date_start": day, "date_end": day, "assets": ["military aircraft x9"],
                "source_name": "Yonhap"},
        base | {"id": "ap2", "date_start": other, "date_end": other, "assets": ["Tu-95MS x2"], "source_name": "AP"},
        base | {"id": "ap3", "date_start": other, "date_end": other, "assets": ["H-6K x3"], "source_name": "AP",
                "places": ["East China Sea"], "lat": 29.0, "lon": 126.0},
    ]
    df = pd.DataFrame(rows)
    once = tr.once_per_activity(df, tr.asset_counts(df))
    assert once["aircraft"].tolist() == [0, 9, 2, 3]
    assert any(f.text == "Most aircraft in one day (single-day events): 9, 2021-11-19" for f in tr.records(df))
