"""Date forms resolved against the publication date (issue 5)."""

from __future__ import annotations

from datetime import date

import pytest

from events.extract import dates

TUE = dates.Anchor(date(2021, 11, 23))  # the seed report's dateline: Tuesday 23 Nov 2021


def one(text: str, a: dates.Anchor = TUE) -> tuple[date, date, str]:
    found = dates.find(text, a)
    assert found, text
    return found[0].date_start, found[0].date_end, found[0].precision


@pytest.mark.parametrize("text, start, end", [
    ("On Friday, two bombers flew", date(2021, 11, 19), date(2021, 11, 19)),
    ("Russia's defense chief on Tuesday signed", date(2021, 11, 23), date(2021, 11, 23)),
    ("joint naval maneuvers in the Sea of Japan last month", date(2021, 10, 1), date(2021, 10, 31)),
    ("This month, during the exercise", date(2021, 11, 1), date(2021, 11, 23)),
    ("In August, Shoigu visited China", date(2021, 8, 1), date(2021, 8, 31)),
    ("30 such missions over the past month alone", date(2021, 10, 24), date(2021, 11, 23)),
    ("drills earlier this week", date(2021, 11, 22), date(2021, 11, 22)),
    ("flew on Nov. 19", date(2021, 11, 19), date(2021, 11, 19)),
    ("on 19 November 2021", date(2021, 11, 19), date(2021, 11, 19)),
    ("from Nov. 15 to 19", date(2021, 11, 15), date(2021, 11, 19)),
    ("between 15 and 19 November", date(2021, 11, 15), date(2021, 11, 19)),
    ("Aug. 9-13, 2021", date(2021, 8, 9), date(2021, 8, 13)),
    ("on Monday and Tuesday", date(2021, 11, 22), date(2021, 11, 23)),
    ("last week", date(2021, 11, 15), date(2021, 11, 21)),
    ("yesterday", date(2021, 11, 22), date(2021, 11, 22)),
    ("over the weekend", date(2021, 11, 20), date(2021, 11, 21)),
    ("over the previous 24 hours", date(2021, 11, 22), date(2021, 11, 23)),
])
def test_relative_and_explicit_forms(text: str, start: date, end: date) -> None:
    s, e, _ = one(text)
    assert (s, e) == (start, end)


def test_month_precision() -> None:
    assert one("last month")[2] == "month"
    assert one("On Friday")[2] == "day"


def test_range_running_past_the_dateline_stays_in_this_year() -> None:
    s, e, _ = one("which runs from June 4 to June 20", dates.Anchor(date(2023, 6, 16)))
    assert (s, e) == (date(2023, 6, 4), date(2023, 6, 20))


def test_anchor_from_timestamp_and_dateline_zone() -> None:
    # Published 01:27 IST on the 24th = 22:57 on the 23rd in Moscow, the dateline.
    text = "AP Moscow\nSome text here.\nFirst Published: Nov 24 2021 | 1:27 AM IST\n"
    a = dates.anchor(text, date(2021, 11, 24))
    assert a.day == date(2021, 11, 23)
    assert one("On Friday", a)[0] == date(2021, 11, 19)


def test_local_time_ahead_of_the_dateline() -> None:
    # 21:30 EST on Tuesday 5 March is already Wednesday in Kyiv: "early Wednesday local time" = 6 March.
    text = "KYIV, Ukraine —\nPublished: March 5, 2024 at 9:30 PM EST\n"
    a = dates.anchor(text, date(2024, 3, 5))
    assert one("flew early Wednesday local time", a)[0] == date(2024, 3, 6)


def test_no_timestamp_keeps_the_given_date() -> None:
    assert dates.anchor("Plain text with no stamp.", date(2022, 1, 5)).day == date(2022, 1, 5)


def test_relative_to_previous_event_is_flagged() -> None:
    assert dates.find("the next day", TUE)[0].relative_to_event
