"""KML: escaped text, all geometry kinds, foreign Placemarks, and hostile XML refused."""

from __future__ import annotations

from defusedxml import ElementTree as DET

from events.io import read_events, to_text
from events.schema import Event

HOSTILE = 'A & B <img src=x onerror="alert(1)"> ]]> </description>'


def _events() -> list[Event]:
    return [
        Event(id="pt", type="scramble", date_start="2022-01-02", actors=["JPN"], evidence=HOSTILE,
              geometry={"type": "Point", "coordinates": [139.25, 35.5]}, source_url="https://example.org/a?b=1&c=2"),
        Event(id="area", type="exercise", date_start="2022-02-01", date_end="2022-02-05", actors=["RUS", "CHN"],
              places=["Sea of Okhotsk"], geo_precision="area",
              geometry={"type": "MultiPolygon", "coordinates": [
                  [[[140, 50], [150, 50], [150, 58], [140, 58], [140, 50]],
                   [[142, 52], [144, 52], [144, 54], [142, 52]]],
                  [[[160, 50], [161, 50], [161, 51], [160, 50]]]]}),
        Event(id="route", type="transit", date_start="2022-03-01", actors=["CHN"], closest_approach_km=12.5,
              geometry={"type": "LineString", "coordinates": [[121.1, 24.0], [119.9, 25.3]]}, related=["pt"]),
        Event(id="none", type="other", date_start="2022-04-01", notes="no location"),
    ]


def test_kml_is_well_formed_and_escapes_report_text():
    text = to_text("kml", _events(), "Q1 <2022> & more")
    root = DET.fromstring(text.encode())
    ns = "{http://www.opengis.net/kml/2.2}"
    pms = root.findall(f".//{ns}Placemark")
    assert len(pms) == 4
    assert "<img" not in text and "&lt;img" in text  # description escaped (twice: as HTML, then as XML)
    desc = pms[0].find(f"{ns}description").text
    assert "&lt;img src=x" in desc  # after XML parsing, the HTML shown by Google Earth is still escaped
    assert pms[0].find(f"{ns}TimeSpan/{ns}begin").text == "2022-01-02"


def test_kml_round_trips_every_field_and_geometry():
    events, errors = read_events("x.kml", to_text("kml", _events()).encode())
    assert errors == []
    drop = {"created_at", "updated_at"}
    assert [e.model_dump(exclude=drop) for e in events] == [e.model_dump(exclude=drop) for e in _events()]


def test_foreign_placemark_imports_as_other_with_its_date():
    kml = b"""<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>Seen here</name><TimeStamp><when>2023-05-06T10:00:00Z</when></TimeStamp>
      <Point><coordinates>130.5,33.2,0</coordinates></Point></Placemark></Document></kml>"""
    events, errors = read_events("g.kml", kml)
    assert errors == []
    (ev,) = events
    assert (ev.type, str(ev.date_start), ev.notes) == ("other", "2023-05-06", "Seen here")
    assert ev.geometry == {"type": "Point", "coordinates": [130.5, 33.2]}


def test_bad_placemarks_are_reported_by_row():
    kml = b"""<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><Point><coordinates>1,2</coordinates></Point></Placemark>
      <Placemark><TimeStamp><when>2023-01-01</when></TimeStamp><Point><coordinates>oops</coordinates></Point>
      </Placemark></Document></kml>"""
    events, errors = read_events("b.kml", kml)
    assert events == []
    assert {(e.row, e.field) for e in errors} == {(1, "date_start"), (2, "geometry")}


def test_hostile_xml_is_refused_not_expanded():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
      <kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&b;</name></Placemark></kml>"""
    events, errors = read_events("bomb.kml", bomb)
    assert events == [] and "not allowed" in str(errors[0])
    xxe = b"""<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml>&x;</kml>"""
    assert read_events("xxe.kml", xxe)[0] == []
    assert "not valid XML" in str(read_events("t.kml", b"<kml><Placemark>")[1][0])
    assert "not a KML document" in str(read_events("h.kml", b"<html/>")[1][0])
