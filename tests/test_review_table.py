"""The Ingest review table: what the reviewer decides on sits next to the action."""

from __future__ import annotations

from datetime import date

import pandas as pd

from events.draft import Draft
from events.review import COLUMNS, EDITABLE, review_table
from events.schema import Event


def test_action_confidence_and_duplicate_come_first_then_the_editable_fields() -> None:
    ev = Event(type="joint_patrol", date_start=date(2021, 11, 19), actors=["RUS", "CHN"], evidence="flew",
               status="draft", confidence=0.9)
    lone = Event(type="scramble", date_start=date(2021, 11, 19), actors=["KOR"], evidence="scrambled",
                 status="draft", confidence=0.7)
    table = review_table([Draft(ev, "a", [("seed-1", 0.95, ["same type", "same day"])]), Draft(lone, "a")])
    assert list(table.columns) == list(COLUMNS)
    assert list(table.columns[:4]) == ["action", "confidence", "duplicate_of", "why_duplicate"]
    assert list(table.columns[4:-1]) == list(EDITABLE) and table.columns[-1] == "id"
    first, second = table.to_dict("records")
    assert (first["action"], first["confidence"], first["duplicate_of"], first["why_duplicate"]) == (
        "review", 0.9, "seed-1", "same type; same day")
    assert pd.isna(second["duplicate_of"]) and second["why_duplicate"] == ""  # shown blank (placeholder="")
