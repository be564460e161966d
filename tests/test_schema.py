from datetime import date

import pytest

from events.schema import CHECKED_GEOMETRY, Event, FieldErrors, parse_event

GOOD = {"type": "joint_patrol", "date_start": "2021-11-19", "actors": "RUS;CHN", "observers": ["kor"]}


def test_valid_event_normalises_codes_and_defaults_end_date():
    ev = parse_event(GOOD)
    assert ev.actors == ["RUS", "CHN"]
    assert ev.observers == ["KOR"]
    assert ev.date_end == date(2021, 11, 19)
    assert ev.status == "approved" and len(ev.id) == 12


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"type": "dogfight"}, "type", "joint_patrol"),
        ({"actors": "RUS;XXX"}, "actors", "'XXX' is not an ISO 3166-1 alpha-3"),
        ({"date_end": "2021-11-01"}, "event", "before date_start"),
        ({"date_start": "2021-02-30"}, "date_start", "date"),
        ({"geometry": {"type": "Point", "coordinates": [200, 10]}}, "geometry", "longitude 200"),
        ({"geometry": {"type": "Point", "coordinates": [10, -91]}}, "geometry", "latitude -91"),
        ({"geometry": {"type": "Circle", "coordinates": [1, 2]}}, "geometry", "geometry type"),
        ({"geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}}, "geometry", "malformed"),
        ({"closest_approach_km": -5}, "closest_approach_km", "greater than or equal"),
        ({"source_url": "javascript:alert(1)"}, "source_url", "http"),
        ({"evidence": "x" * 6000}, "evidence", "at most 5000"),
        ({"colour": "red"}, "colour", "Extra inputs"),
    ],
)
def test_bad_values_name_the_field(change, field, words):
    with pytest.raises(FieldErrors) as exc:
        parse_event({**GOOD, **change}, row=7)
    errors = exc.value.errors
    assert any(e.field == field and words in e.message and e.row == 7 for e in errors), [str(e) for e in errors]
    assert "row 7" in str(exc.value)


def test_all_bad_fields_are_reported_at_once():
    with pytest.raises(FieldErrors) as exc:
        parse_event({**GOOD, "type": "x", "actors": "ZZZ", "closest_approach_km": "far"})
    assert {e.field for e in exc.value.errors} == {"type", "actors", "closest_approach_km"}


def test_representative_point_lies_on_the_shape():
    ev = Event(type="exercise", date_start=date(2021, 10, 1),
               geometry={"type": "Polygon", "coordinates": [[[130, 35], [140, 35], [140, 45], [130, 45], [130, 35]]]})
    lat, lon = ev.point
    assert 35 < lat < 45 and 130 < lon < 140


def test_point_of_a_route_across_the_antimeridian_stays_in_the_bering_sea():
    ev = Event(type="transit", date_start=date(2023, 8, 1),
               geometry={"type": "LineString", "coordinates": [[177.5, 64.7], [-172.0, 64.0], [-166.0, 65.5]]})
    lat, lon = ev.point
    assert 63 < lat < 66 and (lon > 170 or lon < -160)


def test_only_the_geometry_object_named_known_good_skips_the_check() -> None:
    """The extractor names the gazetteer's own outline as checked (CHECKED_GEOMETRY); any other
    geometry, an equal copy included, is checked as before."""
    bad = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}  # a ring of two points
    base = {"type": "exercise", "date_start": "2024-05-01"}
    with pytest.raises(ValueError, match="malformed"):
        Event.model_validate({**base, "geometry": bad})
    with pytest.raises(ValueError, match="malformed"):
        Event.model_validate({**base, "geometry": bad}, context={CHECKED_GEOMETRY: (dict(bad),)})
    ok = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
    assert Event.model_validate({**base, "geometry": ok}, context={CHECKED_GEOMETRY: (ok,)}).geometry is ok
