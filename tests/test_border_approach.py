"""Bomber approaches that name only a country are drawn on its border, not inside it."""

from __future__ import annotations

import pandas as pd

from maps.border_approach import ON_BORDER, border_point
from maps.payload import prepare


def _event(eid: str, etype: str, precision: str, lat: float, lon: float, actors: list[str],
           observers: list[str]) -> dict:
    return {"id": eid, "type": etype, "date_start": pd.Timestamp("2021-11-01").date(),
            "date_end": pd.Timestamp("2021-11-01").date(), "date_precision": "day", "actors": actors,
            "observers": observers, "places": ["Russia"], "assets": [], "evidence": "", "source_name": None,
            "source_url": None, "published": None, "status": "approved", "lat": lat, "lon": lon,
            "geo_precision": precision, "closest_approach_km": 20.0, "related": [], "modality": "reported",
            "geometry": {"type": "Point", "coordinates": [lon, lat]}}


def test_a_us_approach_to_russia_sits_on_chukotka_facing_alaska() -> None:
    lat, lon = border_point("USA", "RUS", 61.98, 96.69)  # Russia's interior point
    assert 60 < lat < 70 and -180 <= lon < -165  # east of 180, across the Bering Strait from Alaska


def test_only_country_level_approaches_inside_the_approached_country_move() -> None:
    df = pd.DataFrame([
        _event("inland", "bomber_approach", "country", 61.98, 96.69, ["USA"], ["RUS"]),
        _event("named-sea", "bomber_approach", "area", 51.5, 149.9, ["USA"], ["RUS"]),  # a sea: stays
        _event("exercise", "exercise", "country", 61.98, 96.69, ["RUS"], ["RUS"]),  # not an approach
        _event("outside", "bomber_approach", "country", 40.0, 170.0, ["USA"], ["RUS"]),  # not inside Russia
        _event("no-actor", "bomber_approach", "country", 61.98, 96.69, [], ["RUS"]),
    ])
    prep = prepare(df).set_index("id")
    assert prep.at["inland", "inf"] == ON_BORDER and prep.at["inland", "lat"] != 61.98
    for eid in ("named-sea", "exercise", "outside", "no-actor"):
        assert prep.at[eid, "inf"] == 0 and prep.at[eid, "lat"] == df.set_index("id").at[eid, "lat"], eid


def test_json_text_columns_are_read_too() -> None:
    """Exports prepare frames read with ``Store.scan(json_text=True)``: lists as JSON text."""
    df = pd.DataFrame([_event("inland", "bomber_approach", "country", 61.98, 96.69, ["USA"], ["RUS"])])
    df["actors"], df["observers"] = ['["USA"]'], ['["RUS"]']
    assert prepare(df).iloc[0]["inf"] == ON_BORDER


def test_approached_countries_carry_the_merged_days_of_their_approaches() -> None:
    from maps.build import approached
    from maps.payload import day_number

    d = pd.Timestamp
    df = pd.DataFrame({
        "type": ["bomber_approach", "bomber_approach", "bomber_approach", "exercise"],
        "observers": [["RUS"], ["RUS", "JPN"], ["RUS"], ["KOR"]],
        "date_start": [d("2021-11-01").date(), d("2021-11-03").date(), d("2021-12-20").date(), d("2021-11-01").date()],
        "date_end": [d("2021-11-04").date(), d("2021-11-05").date(), None, d("2021-11-01").date()],
    })
    day = lambda s: day_number(d(s).date())  # noqa: E731
    assert approached(df) == {"JPN": [[day("2021-11-03"), day("2021-11-05")]],
                              "RUS": [[day("2021-11-01"), day("2021-11-05")], [day("2021-12-20"), day("2021-12-20")]]}


def test_an_approach_is_drawn_on_the_coast_not_on_a_land_border() -> None:
    """China's aircraft approaching South Korea meet its coast, not the DMZ (38.3N) it shares with
    the North; US aircraft approaching China meet China's coast, not its border with Russia."""
    lat, lon = border_point("CHN", "KOR", 36.5, 127.8)
    assert lat < 38.0 and lon < 127.0  # the west coast, facing China
    lat, lon = border_point("USA", "CHN", 35.0, 103.0)
    assert lat < 41.0 and lon > 117.0  # the sea coast, not the Amur (about 48N) nor Central Asia
