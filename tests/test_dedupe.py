"""Possible duplicates: same activity reported twice is flagged; different activities are not."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

import numpy as np
import pandas as pd

from events.dedupe import normalise_place, possible_duplicates
from events.event_types import EVENT_TYPES
from events.frame import events_frame
from events.schema import Event
from events.store import Store

SEA_OF_JAPAN = {"type": "Point", "coordinates": [135.0, 40.0]}
NEAR_SOJ = {"type": "Point", "coordinates": [133.0, 41.5]}  # ~230 km away
BALTIC = {"type": "Point", "coordinates": [19.0, 56.9]}


def patrol(**kw: object) -> Event:
    base: dict[str, object] = {"type": "joint_patrol", "date_start": date(2024, 6, 4), "actors": ["RUS", "CHN"],
                               "observers": ["JPN"], "places": ["Sea of Japan"], "geometry": SEA_OF_JAPAN,
                               "geo_precision": "place", "evidence": "Russian and Chinese bombers flew a joint patrol."}
    base.update(kw)
    return Event.model_validate(base)


def ids(cand: Event, stored: list[Event], **kw: object) -> list[str]:
    return [i for i, _, _ in possible_duplicates(cand, events_frame(stored), **kw)]


def test_true_duplicate_flagged_with_reasons(empty_store: Store) -> None:
    stored = patrol(id="old", places=["the Sea of Japan"], source_url="https://a.example/1")
    empty_store.add(stored)
    cand = patrol(evidence="Two countries' bombers patrolled together.", source_url="https://a.example/1")
    [(eid, score, reasons)] = possible_duplicates(cand, empty_store.frame())
    assert eid == "old" and score > 0.9
    assert "same place: the Sea of Japan" in reasons
    assert "actors overlap: RUS, CHN" in reasons and "same source" in reasons


def test_candidate_never_matches_itself() -> None:
    ev = patrol()
    assert ids(ev, [ev]) == []


def test_different_type_dates_places_actors_not_flagged() -> None:
    cand = patrol()
    assert ids(cand, [patrol(type="exercise")]) == []
    assert ids(cand, [patrol(date_start=date(2024, 6, 10))]) == []
    assert ids(cand, [patrol(places=["Baltic Sea"], geometry=BALTIC)]) == []
    assert ids(cand, [patrol(actors=["USA"])]) == []


def test_one_day_tolerance_for_time_zones() -> None:
    cand = patrol()
    assert ids(cand, [patrol(id="x", date_start=date(2024, 6, 5))]) == ["x"]
    assert ids(cand, [patrol(id="x", date_start=date(2024, 6, 5))], tolerance_days=0) == []
    assert ids(cand, [patrol(id="x", date_start=date(2024, 6, 6))]) == []


def test_month_precision_overlaps_a_day_in_that_month() -> None:
    month = patrol(id="m", date_start=date(2024, 6, 1), date_precision="month")  # "in June"
    day = patrol(id="d", date_start=date(2024, 6, 20))
    assert ids(day, [month]) == ["m"]
    assert ids(month, [day]) == ["d"]
    assert ids(patrol(date_start=date(2024, 7, 3)), [month]) == []
    [(_, month_score, reasons)] = possible_duplicates(day, events_frame([month]))
    [(_, day_score, _)] = possible_duplicates(patrol(date_start=date(2024, 6, 20)), events_frame([day]))
    assert month_score < day_score  # a vaguer date is weaker evidence
    assert "dates overlap: 2024-06-20 and 2024-06 (month)" in reasons


def test_range_overlap() -> None:
    drill = Event(id="r", type="exercise", date_start=date(2024, 6, 1), date_end=date(2024, 6, 14),
                  date_precision="range", actors=["CHN"], places=["Taiwan Strait"])
    assert ids(Event(type="exercise", date_start=date(2024, 6, 10), actors=["CHN"], places=["Taiwan Strait"]),
               [drill]) == ["r"]


def test_nearby_points_or_other_names_match() -> None:
    cand = patrol(places=["East Sea"], geometry=NEAR_SOJ)  # another name, ~230 km from the stored point
    [(eid, _, reasons)] = possible_duplicates(cand, events_frame([patrol(id="s")]))
    assert eid == "s" and any(r.endswith("km apart") for r in reasons)
    assert ids(cand, [patrol()], max_km=100) == []


def test_country_point_far_away_does_not_rule_out() -> None:
    japan = {"type": "Point", "coordinates": [138.0, 36.6]}  # country centroid, ~500 km from the sea point
    scramble = patrol(type="scramble", actors=["JPN"], places=["Japan"], geometry=japan, geo_precision="country")
    [(_, _, reasons)] = possible_duplicates(scramble, events_frame([patrol(id="s", type="scramble", actors=["JPN"])]))
    assert any("only a country or area" in r for r in reasons)
    precise = patrol(type="scramble", actors=["JPN"], places=["Japan"], geometry=japan)
    assert ids(precise, [patrol(type="scramble", actors=["JPN"])]) == []


def test_missing_actors_or_place_weakens_but_does_not_rule_out() -> None:
    full = patrol(id="full")
    vague = patrol(actors=[], places=[], geometry=None)
    [(_, score, reasons)] = possible_duplicates(vague, events_frame([full]))
    assert "no actors to compare" in reasons and "no place to compare" in reasons
    assert score < possible_duplicates(patrol(), events_frame([full]))[0][1]


def test_best_first_and_limit() -> None:
    stored = [patrol(id="exact"), patrol(id="near", geometry=NEAR_SOJ, places=["East Sea"], actors=["RUS"])]
    assert ids(patrol(), stored) == ["exact", "near"]
    assert ids(patrol(), stored, limit=1) == ["exact"]


def test_normalise_place() -> None:
    assert normalise_place("The  Sea of Japan.") == normalise_place("sea of japan") == "sea of japan"
    assert normalise_place("Bōsō Peninsula") == "boso peninsula"
    assert normalise_place("Øresund") == "øresund"  # no ASCII fold drops the letter


def test_empty_frame(empty_store: Store) -> None:
    assert possible_duplicates(patrol(), empty_store.frame()) == []


def _synthetic(n: int, seed: int = 7) -> pd.DataFrame:
    rng = random.Random(seed)
    countries = ["RUS", "CHN", "JPN", "KOR", "USA", "TWN", "GBR", "FIN"]
    places = ["Sea of Japan", "East China Sea", "Baltic Sea", "Black Sea", "Taiwan Strait", "Barents Sea"]
    rows = []
    for i in range(n):
        d = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        prec = rng.choice(["day"] * 8 + ["month", "range"])
        rows.append({"id": f"e{i}", "type": rng.choice(EVENT_TYPES), "date_start": d,
                     "date_end": d + timedelta(days=rng.randrange(10)) if prec == "range" else d,
                     "date_precision": prec, "actors": rng.sample(countries, rng.randrange(3)), "observers": [],
                     "places": rng.sample(places, rng.randrange(3)), "lat": rng.uniform(20, 70),
                     "lon": rng.uniform(0, 180), "geo_precision": "place", "source_url": None, "evidence": "",
                     "status": "approved"})
    return pd.DataFrame(rows)


def test_speed_one_candidate_against_100k() -> None:
    big = _synthetic(100_000)
    cand = patrol(date_start=date(2020, 6, 4))
    possible_duplicates(cand, big)  # warm caches
    times = []
    for _ in range(3):
        t = time.perf_counter()
        possible_duplicates(cand, big)
        times.append(time.perf_counter() - t)
    # worst case: every row has the same type and date, so nothing is filtered out cheaply
    worst = big.assign(type="joint_patrol", date_start=date(2020, 6, 4), date_end=date(2020, 6, 4),
                       date_precision="day")
    t = time.perf_counter()
    found = possible_duplicates(cand, worst)
    worst_time = time.perf_counter() - t
    print(f"\ndedupe 100k: typical {min(times) * 1000:.1f} ms, all-rows-match {worst_time * 1000:.0f} ms")
    assert found and np.median(times) < 0.25 and worst_time < 1.0
