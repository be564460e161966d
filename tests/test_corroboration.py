"""Corroboration: one activity reported by several outlets is grouped, and their claims compared."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bench.views import reports_frame
from events import corroboration as co
from events.frame import events_frame
from events.io import read_events
from events.schema import Event
from events.store import SAMPLE

SEA_OF_JAPAN = {"type": "Point", "coordinates": [135.0, 40.0]}
BALTIC = {"type": "Point", "coordinates": [19.0, 56.9]}
EAST_CHINA_SEA = {"type": "Point", "coordinates": [126.0, 29.0]}  # ~1,470 km from the Sea of Japan point
ROOT = Path(__file__).resolve().parent.parent


def patrol(id: str, outlet: str | None, **kw: object) -> Event:
    base: dict[str, object] = {
        "id": id, "type": "joint_patrol", "date_start": date(2024, 6, 4), "actors": ["RUS", "CHN"],
        "observers": ["JPN"], "places": ["Sea of Japan"], "geometry": SEA_OF_JAPAN, "geo_precision": "place",
        "assets": ["Tu-95MS x2", "H-6K x2"], "source_name": outlet, "source_url": f"https://{id}.example/report",
        "evidence": f"Report {id}.",
    }
    base.update(kw)
    return Event.model_validate(base)


def found(*events: Event, **kw: object) -> list[co.Group]:
    return co.groups(events_frame(events), **kw)


def grouped_ids(*events: Event, **kw: object) -> list[set[str]]:
    return [set(g.ids) for g in found(*events, **kw)]


def texts(group: co.Group) -> list[str]:
    return [d.text for d in group.disagreements]


def test_the_sample_has_the_joint_patrol_reported_by_ap_and_yonhap():
    events, errors = read_events(SAMPLE.name, SAMPLE.read_bytes())
    assert not errors
    patrol_group, scramble_group = co.groups(events_frame(events))
    assert set(patrol_group.ids) == {"seed-2021-11-19-joint-patrol", "seed-2021-11-19-yonhap-kadiz"}
    assert patrol_group.outlets == ("Yonhap", "Associated Press (Moscow, V. Isachenkov)")  # oldest report first
    assert patrol_group.disputed == {"type", "count"}
    assert texts(patrol_group) == [
        "type: Yonhap ADIZ / airspace incursion; Associated Press (Moscow, V. Isachenkov) joint patrol",
        "total count: Yonhap 9 (Chinese military aircraft x2, Russian military aircraft x7); "
        "Associated Press (Moscow, V. Isachenkov) 4 (Tu-95MS x2, H-6K x2)",
    ]
    # South Korea's scramble, in both reports: nothing to disagree on (no count, nearby places)
    assert set(scramble_group.ids) == {"seed-2021-11-19-kor-scramble", "seed-2021-11-19-yonhap-scramble"}
    assert not scramble_group.disagreements


def test_a_platform_counted_differently_is_named_with_each_count():
    a = patrol("a", "Yonhap", assets=["two Tu-95MS bombers", "2 H-6K"])
    b = patrol("b", "Japan Joint Staff", assets=["Tu-95MS x4", "H-6K x2"])
    [g] = found(a, b)
    assert texts(g) == ["count of Tu-95MS: Japan Joint Staff 4; Yonhap 2"]  # not the totals again
    table = co.claims_table(g)
    row = table.set_index("Field").loc[f"{co.FLAG} Count"]
    assert row["Yonhap"] == f"{co.FLAG} 2 Tu-95MS bombers, 2 H-6K (total 4)"
    assert row["Japan Joint Staff"] == f"{co.FLAG} 4 Tu-95MS, 2 H-6K (total 6)"


def test_dates_actors_and_closest_approach_that_differ_are_flagged():
    a = patrol("a", "Yonhap", closest_approach_km=20, observers=["KOR"])
    b = patrol("b", "NHK", date_start=date(2024, 6, 5), closest_approach_km=35.5, actors=["RUS"])
    [g] = found(a, b)
    assert g.disputed == {"dates", "actors", "observers", "closest"}
    assert "dates: Yonhap 2024-06-04; NHK 2024-06-05" in texts(g)
    assert "acting countries: Yonhap Russia, China; NHK Russia" in texts(g)
    assert "closest approach: Yonhap 20 km; NHK 35.5 km" in texts(g)


def test_what_an_outlet_does_not_state_is_no_disagreement():
    a = patrol("a", "Yonhap", assets=["Tu-95MS x2"], observers=[], closest_approach_km=20)
    b = patrol("b", "NHK", assets=["bombers"], observers=["JPN"], actors=[])
    [g] = found(a, b)
    assert g.disagreements == ()
    cells = co.claims_table(g).set_index("Field")
    assert not any(str(v).startswith(co.FLAG) for v in cells.to_numpy().ravel())


def test_reports_of_the_same_flight_as_other_types_group_but_a_scramble_does_not():
    a = patrol("a", "Yonhap")
    b = patrol("b", "NHK", type="incursion")
    c = patrol("c", "Kyodo", type="bomber_approach")
    d = patrol("d", "Reuters", type="scramble", actors=["RUS", "CHN"])
    e = patrol("e", "AFP", type="exercise")
    [g] = found(a, b, c, d, e)
    assert set(g.ids) == {"a", "b", "c"} and g.disputed == {"type"}


def test_one_outlet_is_never_grouped_with_itself():
    # two reports by one outlet are a duplicate to merge (Ingest flags them), not corroboration
    assert grouped_ids(patrol("a", "Yonhap"), patrol("b", "Yonhap")) == []
    # an event without a source name is credited to its link's web site
    no_name = [patrol("a", None, source_url="https://www.yna.co.kr/1"), patrol("b", None,
                                                                              source_url="https://yna.co.kr/2")]
    assert grouped_ids(*no_name) == []
    assert grouped_ids(patrol("a", None, source_url="https://www.yna.co.kr/1"), patrol("b", "NHK")) == [{"a", "b"}]
    # and one without any source has nobody to credit
    assert grouped_ids(patrol("a", None, source_url=None), patrol("b", "NHK")) == []


def test_one_claim_per_outlet_in_a_group():
    events = [patrol("a", "Yonhap"), patrol("b", "Yonhap", evidence="Report a."), patrol("c", "NHK")]
    [g] = found(*events)
    assert len(g.ids) == 2 and "c" in g.ids and g.outlets == ("NHK", "Yonhap")  # same day: by outlet


def test_different_dates_actors_or_far_places_do_not_group():
    a = patrol("a", "Yonhap")
    assert grouped_ids(a, patrol("b", "NHK", date_start=date(2024, 6, 7))) == []
    assert grouped_ids(a, patrol("b", "NHK", actors=["USA"])) == []
    assert grouped_ids(a, patrol("b", "NHK", places=["Baltic Sea"], geometry=BALTIC)) == []


def test_sea_areas_far_apart_with_no_name_in_common_group_but_are_flagged():
    # area-level points say little about where it happened (as for duplicates): grouped, and the places flagged
    a = patrol("a", "Yonhap", geo_precision="area")
    b = patrol("b", "NHK", places=["East China Sea"], geometry=EAST_CHINA_SEA, geo_precision="area")
    [g] = found(a, b)
    [text] = [t for t in texts(g) if t.startswith("places")]
    assert text.startswith("places: NHK East China Sea; Yonhap Sea of Japan (") and text.endswith("km apart)")


def test_a_vague_month_report_does_not_chain_two_separate_patrols():
    first = patrol("first", "Yonhap", date_start=date(2024, 6, 4))
    later = patrol("later", "NHK", date_start=date(2024, 6, 20))
    month = patrol("month", "Kyodo", date_start=date(2024, 6, 1), date_precision="month")
    groups = grouped_ids(first, later, month)
    assert len(groups) == 1 and len(groups[0]) == 2 and "month" in groups[0]


def test_groups_with_disagreements_come_first_then_the_most_recent():
    agree = [patrol("a1", "Yonhap", date_start=date(2024, 7, 1)), patrol("a2", "NHK", date_start=date(2024, 7, 1))]
    differ = [patrol("d1", "Yonhap"), patrol("d2", "NHK", assets=["Tu-95MS x4"])]
    old_differ = [patrol("o1", "Yonhap", date_start=date(2023, 1, 5)),
                  patrol("o2", "NHK", date_start=date(2023, 1, 5), type="incursion")]
    assert [set(g.ids) for g in found(*agree, *differ, *old_differ)] == [{"d1", "d2"}, {"o1", "o2"}, {"a1", "a2"}]


def test_claims_table_is_a_column_per_outlet_with_flagged_rows():
    [g] = found(patrol("a", "Yonhap"), patrol("b", "NHK", type="incursion", status="draft"))
    table = co.claims_table(g)
    assert list(table.columns) == ["Field", "NHK", "Yonhap"]
    fields = list(table["Field"])
    assert fields[:3] == ["Event", f"{co.FLAG} Type", "Dates"] and "Evidence" in fields
    by = table.set_index("Field")
    assert by.loc["Event", "NHK"] == "b (draft)"
    assert by.loc[f"{co.FLAG} Type", "NHK"] == f"{co.FLAG} ADIZ / airspace incursion"
    assert by.loc["Acting", "Yonhap"] == "Russia, China"


def test_outlet_table_counts_events_dates_types_and_groups():
    events, _ = read_events(SAMPLE.name, SAMPLE.read_bytes())
    df = events_frame(events)
    t = co.outlet_table(df, co.groups(df)).set_index("outlet")
    ap = t.loc["Associated Press (Moscow, V. Isachenkov)"]
    assert (ap["events"], ap["grouped"], ap["disputed"]) == (7, 2, 1)
    assert (str(ap["first"]), str(ap["last"])) == ("2021-08-01", "2021-11-23")
    assert ap["types"].startswith("Bomber approach 3, Exercise 2")
    assert t.loc["Yonhap", "types"] == "ADIZ / airspace incursion 1, Scramble 1"
    assert list(co.outlet_table(df.iloc[:0]).columns)[:2] == ["outlet", "events"]


@pytest.mark.parametrize(("asset", "want"), [
    ("Tu-95MS x2", ("Tu-95MS", 2)), ("2 Tu-95MS", ("Tu-95MS", 2)), ("two Tu-95MS bombers", ("Tu-95MS bombers", 2)),
    ("a pair of H-6K", ("H-6K", 2)), ("strategic bomber x10", ("strategic bomber", 10)), ("H-6K ×4", ("H-6K", 4)),
    ("fighter jets", ("fighter jets", None)), ("troops", ("troops", None)),
    ("strategic bomber (30 missions)", ("strategic bomber (30 missions)", None)),
])
def test_asset_count(asset: str, want: tuple[str, int | None]):
    assert co.asset_count(asset) == want


def test_platform_key():
    assert co.platform_key("Tu-95MS bombers") == co.platform_key("Tu-95MS") == "tu-95ms"
    assert co.platform_key("fighter jets") == co.platform_key("Fighter jet") == "fighter jet"


def test_the_module_needs_neither_streamlit_nor_maps():
    code = ("import sys, events.corroboration as c; c.asset_count('two H-6K');"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'maps')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stderr


def test_empty_and_single_outlet_frames():
    assert co.groups(events_frame([])) == []
    assert co.groups(events_frame([patrol("a", "Yonhap")])) == []


def test_groups_of_a_big_collection_hold_one_claim_per_outlet():
    """Dense and typical synthetic collections (bench/views.py times them at 1k and 100k)."""
    for places in (300, 6):
        groups = co.groups(reports_frame(10_000, places=places))
        assert groups and all(len(set(g.outlets)) == len(g.claims) for g in groups)
