"""Structure rules of the generalisation session: each case is written here, not taken from a report."""

from __future__ import annotations

from datetime import date

from events.extract import draft_to_dict, extract


def _events(text: str, published: date = date(2024, 6, 17)) -> list[dict]:
    return [draft_to_dict(d) for d in extract(text, published)]


def test_a_count_with_a_part_entering_the_zone_is_the_entry_not_a_sighting_too() -> None:
    ev = _events("Taiwan's defense ministry said on Monday it had detected 17 Chinese military aircraft operating "
                 "around the island, with 9 of the aircraft entering the northern part of its air defense "
                 "identification zone.")
    assert [e["type"] for e in ev] == ["incursion"]
    assert ev[0]["places"] == ["northern part of its air defense identification zone"]


def test_n_out_of_m_in_the_next_sentence_is_a_part_of_the_count() -> None:
    ev = _events("30 PLA aircraft operating around Taiwan were detected today. 12 out of 30 aircraft crossed the "
                 "median line and entered Taiwan's eastern ADIZ.")
    assert [e["type"] for e in ev] == ["incursion"]
