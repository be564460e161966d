import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from events import intake
from events.io import COLUMNS, read_events, write
from events.store import Store

ROOT = Path(__file__).resolve().parent.parent
HEADER = ",".join(COLUMNS)


def csv_text(*rows: dict) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode()


OK = {"type": "exercise", "date_start": "2022-03-01", "actors": "USA;JPN", "lat": "35.1", "lon": "139.6",
      "evidence": "Drills off Yokosuka.", "source_url": "https://example.org/x"}


def test_csv_lat_lon_become_a_point_and_geometry_overrides_them():
    route = {"type": "LineString", "coordinates": [[135, 40], [125, 29]]}
    events, errors = read_events("x.csv", csv_text(OK, {**OK, "geometry": json.dumps(route)}))
    assert errors == []
    assert events[0].geometry == {"type": "Point", "coordinates": [139.6, 35.1]}
    assert events[0].geo_precision == "place"
    assert events[1].geometry == route


def test_every_bad_row_and_field_is_reported():
    data = csv_text(
        OK,
        {**OK, "type": "flyby"},
        {**OK, "date_start": "2022-13-45"},
        {**OK, "actors": "Narnia"},
        {**OK, "lat": "north"},
        {**OK, "lat": "95"},
        {**OK, "lat": "", "geometry": "{not json"},
    )
    events, errors = read_events("x.csv", data)
    assert len(events) == 1
    got = {(e.row, e.field) for e in errors}
    assert got == {(3, "type"), (4, "date_start"), (5, "actors"), (6, "lat"), (7, "geometry"), (8, "geometry")}


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("x.csv", b"date_start,actors\n2022-01-01,USA\n", "missing column(s): type"),
        ("x.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("x.geojson", b"{\"type\": \"Feature\"", "not valid JSON"),
        ("x.geojson", b"{\"type\": \"Feature\"}", "FeatureCollection"),
        ("x.xlsx", b"PK..", "unsupported file type"),
        ("x.csv", HEADER.encode() + b"\nexercise,2022-01-01" + b",x" * 40 + b"\n", "cells for"),
    ],
)
def test_malformed_files_get_a_clear_error(name, content, words):
    events, errors = read_events(name, content)
    assert events == []
    assert words in str(errors[0])


def test_huge_cell_is_an_error_not_a_crash():
    data = csv_text({**OK, "evidence": "A" * 1_100_000})
    events, errors = read_events("x.csv", data)
    assert events == [] and "unreadable CSV" in str(errors[0])


def test_import_with_a_bad_row_saves_nothing_unless_partial(store: Store):
    before, rev = store.count(), store.revision()
    data = csv_text(OK, {**OK, "type": "flyby"})
    report = intake.save(store, intake.read_upload("x.csv", data, None), partial=False)
    assert not report.saved and store.count() == before and store.revision() == rev
    assert "nothing saved" in report.summary()
    report = intake.save(store, intake.read_upload("x.csv", data, None), partial=True)
    assert report.saved and report.added == 1 and store.count() == before + 1


def test_geojson_import_reads_properties_and_geometry(empty_store: Store):
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [148, 55]},
         "properties": {"type": "bomber_approach", "date_start": "2021-11-10", "actors": ["USA"],
                        "observers": "RUS", "places": ["Sea of Okhotsk"], "closest_approach_km": 20}},
        {"type": "Feature", "geometry": None, "properties": {"type": "nope", "date_start": "2021-11-10"}},
    ]}
    events, errors = read_events("x.geojson", json.dumps(fc).encode())
    assert len(events) == 1 and events[0].observers == ["RUS"] and events[0].closest_approach_km == 20
    assert [(e.row, e.field) for e in errors] == [(2, "type")]


def run_cli(*args: str, env_db: Path | str) -> subprocess.CompletedProcess:
    """``env_db`` is a SQLite path or a store URL (a PostgreSQL store keeps its URL)."""
    import os

    env = {**os.environ, "SORTIE_DB": str(env_db)}
    return subprocess.run([sys.executable, "-m", "events", "-q", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_export_then_import_round_trips(store: Store, db_path: Path, tmp_path: Path):
    for fmt in ("csv", "geojson"):
        out = tmp_path / f"all.{fmt}"
        r = run_cli("export", "--format", fmt, "--out", str(out), env_db=db_path)
        assert r.returncode == 0, r.stderr
        fresh = tmp_path / f"fresh-{fmt}.db"
        r = run_cli("import", str(out), env_db=fresh)
        assert r.returncode == 0, r.stderr
        assert "imported 9 new" in r.stdout
        stamps = {"created_at", "updated_at", "updated_by"}  # who wrote this copy
        a = {e.id: e.model_dump(exclude=stamps) for e in store.iter_events()}
        b = {e.id: e.model_dump(exclude=stamps) for e in Store(str(fresh), seed=None).iter_events()}
        assert a == b


def test_cli_import_reports_rows_and_exits_nonzero(db_path: Path, tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_text(OK, {**OK, "actors": "ZZZ"}))
    r = run_cli("import", str(bad), env_db=db_path)
    assert r.returncode == 1
    assert "bad.csv: row 3: actors: 'ZZZ' is not an ISO 3166-1 alpha-3 country code" in r.stderr
    assert Store(str(db_path), seed=None).count() == 0


def test_csv_writer_quotes_hostile_text():
    from events.schema import Event

    ev = Event(type="other", date_start="2022-01-01", evidence='say "hi",\nnew line <script>x</script>')
    buf = io.StringIO()
    write("csv", [ev], buf)
    events, errors = read_events("x.csv", buf.getvalue().encode())
    assert errors == [] and events[0].evidence == ev.evidence


def test_misnamed_csv_columns_are_errors_naming_the_nearest_known_one(store: Store, tmp_path: Path):
    data = b"type,date_start,latitude,longitude,country,evidnce\nexercise,2022-03-01,35.1,139.6,USA,Drills.\n"
    events, errors = read_events("x.csv", data)
    assert events == []
    msgs = [str(e) for e in errors]
    assert "row 1: header: unknown column 'latitude' (did you mean 'lat'?)" in msgs
    assert "row 1: header: unknown column 'longitude' (did you mean 'lon'?)" in msgs
    assert "row 1: header: unknown column 'country' (did you mean 'actors'?)" in msgs
    assert "row 1: header: unknown column 'evidnce' (did you mean 'evidence'?)" in msgs
    # all or nothing, from the command line too
    f = tmp_path / "misnamed.csv"
    f.write_bytes(data)
    before = store.count()
    r = run_cli("import", str(f), env_db=store.url)
    assert r.returncode == 1 and "did you mean 'lat'" in r.stderr and store.count() == before


def test_misnamed_geojson_property_is_an_error_and_our_own_stamps_are_not():
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [130, 40]},
         "properties": {"type": "exercise", "date_start": "2022-01-01", "actor": "RUS"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [130, 40]},
         "properties": {"type": "exercise", "date_start": "2022-01-01", "created_at": "2022-01-02T00:00:00"}}]}
    events, errors = read_events("x.geojson", json.dumps(fc).encode())
    assert [str(e) for e in errors] == ["row 1: properties: unknown property 'actor' (did you mean 'actors'?)"]
    assert len(events) == 1 and events[0].created_at.year == 2022


def test_partial_with_nothing_usable_saves_nothing_and_says_so(db_path: Path, tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_text({**OK, "actors": "ZZZ"}))
    r = run_cli("import", str(bad), "--partial", env_db=db_path)
    assert r.returncode == 1 and "nothing saved" in r.stderr


def test_a_trailing_comma_in_the_header_is_no_column_but_a_value_under_it_is_an_error():
    events, errors = read_events("x.csv", b"type,date_start,evidence,\nexercise,2022-01-01,Drills.,\n")
    assert errors == [] and len(events) == 1
    events, errors = read_events("x.csv", b"type,date_start,\nexercise,2022-01-01,RUS\n")
    assert events == [] and "column with no name" in str(errors[0])


def test_an_unreadable_file_is_a_clear_problem(tmp_path: Path):
    f = tmp_path / "unreadable.txt"
    f.symlink_to("/proc/self/mem")  # reading it fails with an I/O error, even as root
    batch = intake.read_path(f)
    assert not batch.drafts and "cannot read" in str(batch.problems[0])
    assert intake.is_event_file(tmp_path / "missing.csv") is False
