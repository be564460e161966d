"""List-style and multi-incident reports (issue 10, continued): each case is written here, not taken from a report."""

from __future__ import annotations

from datetime import date

from events.extract import draft_to_dict, extract


def _events(text: str, published: date = date(2024, 6, 17)) -> list[dict]:
    return [draft_to_dict(d) for d in extract(text, published)]


def test_a_field_list_is_one_incident_with_its_date_place_and_platforms() -> None:
    ev = _events("Movements of Russian Navy vessels\n\n"
                 "(1) Date and time: June 10, 2024 (Mon), around 6:00 a.m.\n"
                 "(2) Location: about 100 km west of Tsushima\n"
                 "(3) Vessels: Udaloy I-class destroyer - 1 vessel\n"
                 "(4) Outline: The above vessel was confirmed sailing south at the location above\n"
                 "(5) Response: A P-1 of Fleet Air Wing 4 conducted warning and surveillance\n")
    seen = next(e for e in ev if e["actors"] == ["RUS"])
    assert seen["date_start"] == "2024-06-10"
    assert "about 100 km west of Tsushima" in seen["places"]
    watch = next(e for e in ev if e["actors"] == ["JPN"])
    assert watch["observers"] == ["RUS"] and watch["date_start"] == "2024-06-10"


def test_passing_between_two_islands_is_a_strait_transit() -> None:
    ev = _events("On June 11, three Chinese navy vessels were spotted north of Miyako Island. They then passed between "
                 "Okinawa Island and Miyako Island into the Pacific Ocean.")
    assert any(e["type"] == "transit" and e["actors"] == ["CHN"] for e in ev)


def test_a_weekly_tally_lists_each_identification_under_its_day() -> None:
    ev = _events("Last week NATO fighters were scrambled two times to identify Russian aircraft over the "
                 "Baltic Sea.\n\n"
                 "11 June (Tuesday). The fighters took off to identify an Il-76 transport aircraft.\n\n"
                 "13 June (Thursday). A Tu-134 was identified and escorted.\n")
    scrambles = sorted(e["date_start"] for e in ev if e["type"] == "scramble")
    assert scrambles == ["2024-06-11", "2024-06-13"]  # the total is not a third event beside them
    assert all("RUS" not in e["actors"] for e in ev if e["type"] == "scramble")
    assert all("Baltic Sea" in e["places"] for e in ev)


def test_a_live_blog_dates_each_entry_by_its_day_line() -> None:
    ev = _events("Live: Taiwan updates\n\nSaturday 8 June 2024\n\n"
                 "09:00 Taiwan says 20 Chinese aircraft crossed the median line of the Taiwan Strait.\n\n"
                 "Sunday 9 June 2024\n\n"
                 "10:00 Taiwan says 12 Chinese aircraft crossed the median line of the Taiwan Strait.\n")
    crossings = sorted(e["date_start"] for e in ev if e["type"] == "incursion")
    assert crossings == ["2024-06-08", "2024-06-09"]


def test_a_country_someone_returned_from_is_no_party() -> None:
    ev = _events("On June 8, China began drills around Taiwan, a day after the president returned from the United "
                 "States.")
    assert all("USA" not in e["actors"] for e in ev)
