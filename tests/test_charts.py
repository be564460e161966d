"""The time histogram under the map: bin choice, labels, padding, colours."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from events import event_types as et
from maps.charts import (
    MAX_BINS,
    MIN_BINS,
    bin_label,
    bin_start,
    binned_counts,
    bins_between,
    chart_bin,
    choose_bin,
    weekly_chart,
)


def frame(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"date_start": [date.fromisoformat(d) for d, _ in rows], "type": [t for _, t in rows]})


@pytest.mark.parametrize(("day", "unit", "label"), [
    (date(2022, 1, 1), "week", "2021 W52"),  # Saturday of ISO week 52 of 2021, not "2022 W00"
    (date(2022, 1, 3), "week", "2022 W01"),
    (date(2025, 12, 29), "week", "2026 W01"),  # a Monday in December that starts ISO 2026's first week
    (date(2021, 11, 23), "week", "2021 W47"),
    (date(2020, 12, 31), "week", "2020 W53"),
    (date(2024, 3, 9), "month", "2024-03"),
    (date(2024, 3, 9), "quarter", "2024 Q1"),
    (date(2024, 10, 1), "quarter", "2024 Q4"),
    (date(2024, 3, 9), "day", "2024-03-09"),
    (date(2024, 3, 9), "year", "2024"),
])
def test_bin_labels(day: date, unit: str, label: str) -> None:
    assert bin_label(day, unit) == label
    assert bin_label(bin_start(day, unit), unit) == label  # the bin's first day is in the same bin


def test_weeks_start_on_monday_and_quarters_on_their_first_month() -> None:
    assert bin_start(date(2021, 11, 21), "week") == date(2021, 11, 15)  # Sunday -> that week's Monday
    assert bin_start(date(2024, 8, 30), "quarter") == date(2024, 7, 1)
    assert bins_between(date(2023, 11, 20), date(2024, 2, 3), "month") == [
        date(2023, 11, 1), date(2023, 12, 1), date(2024, 1, 1), date(2024, 2, 1)]


@pytest.mark.parametrize(("first", "last", "unit"), [
    (date(2021, 11, 19), date(2021, 11, 19), "day"),
    (date(2021, 10, 1), date(2021, 11, 29), "day"),  # 60 days
    (date(2021, 8, 9), date(2021, 11, 23), "week"),  # the sample: 16 weeks
    (date(2021, 1, 1), date(2022, 1, 31), "week"),
    (date(2021, 8, 9), date(2024, 3, 5), "month"),  # 2021 to 2024: 32 months, not 135 hairline weeks
    (date(2010, 1, 1), date(2024, 12, 31), "quarter"),
    (date(1980, 1, 1), date(2024, 12, 31), "year"),
])
def test_bin_follows_the_span_and_keeps_bars_readable(first: date, last: date, unit: str) -> None:
    assert choose_bin(first, last) == unit
    assert len(bins_between(first, last, unit)) <= MAX_BINS


def test_multi_year_range_gives_each_event_a_visible_bar_with_gaps_kept() -> None:
    v = frame(("2021-11-19", "joint_patrol"), ("2021-11-19", "scramble"), ("2021-08-09", "exercise"),
              ("2024-03-05", "transit"))
    counts, labels, unit = binned_counts(v)
    assert unit == "month"
    assert labels[0] == "2021-08" and labels[-1] == "2024-03" and len(labels) == 32  # empty months drawn too
    assert "2022-06" in labels and "2022-06" not in set(counts["bin"])
    row = counts[counts["bin"] == "2024-03"].iloc[0]
    assert (row["type"], row["events"]) == ("Strait transit", 1)
    nov = counts[counts["bin"] == "2021-11"]
    assert dict(zip(nov["type"], nov["events"], strict=True)) == {"Joint patrol": 1, "Scramble": 1}


def test_single_event_is_one_bar_among_empty_neighbours() -> None:
    counts, labels, unit = binned_counts(frame(("2021-11-19", "joint_patrol")))
    assert unit == "day" and len(counts) == 1
    assert len(labels) == MIN_BINS and len(set(labels)) == MIN_BINS  # no repeated label
    assert labels[MIN_BINS // 2] == "2021-11-19"  # in the middle, not a full-width block


def test_sample_weeks_are_iso_weeks() -> None:
    sample = pd.read_csv("data/sample_events.csv")[["date_start", "type"]]
    counts, labels, unit = binned_counts(sample)
    assert unit == "week"
    assert set(counts["bin"]) <= set(labels) and "2021 W46" in set(counts["bin"])
    assert all(" W00" not in b for b in labels)
    assert counts["events"].sum() == len(sample)


def test_chart_spec_stacks_by_type_in_the_map_colours_and_names_the_bin() -> None:
    v = frame(("2021-11-19", "joint_patrol"), ("2021-11-20", "scramble"), ("2022-03-01", "transit"))
    spec = weekly_chart(v).to_dict()
    assert chart_bin(v) == "week"
    assert spec["title"]["text"] == "Events per week by type"
    enc = spec["encoding"]
    assert enc["x"]["field"] == "bin" and enc["x"]["type"] == "ordinal"
    assert enc["x"]["scale"]["domain"][0] == "2021 W46" and enc["x"]["title"] == "ISO week"
    assert enc["color"]["scale"]["range"] == list(et.COLORS.values())
    assert enc["color"]["scale"]["domain"] == [et.LABELS[t] for t in et.COLORS]
    assert enc["y"]["axis"]["values"] == [0, 1, 2]  # whole events (two in W46): no 0.5 ticks


def test_empty_view_draws_an_empty_chart() -> None:
    spec = weekly_chart(frame()).to_dict()
    assert spec["mark"]["type"] == "bar"
