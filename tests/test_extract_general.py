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


def test_fighters_sent_in_the_passive_are_a_scramble() -> None:
    ev = _events("Poland's operational command said a Russian drone entered Polish airspace on Sunday. Two Polish "
                 "Rafale jets were sent up to identify it.")
    sc = [e for e in ev if e["type"] == "scramble"]
    assert sc and sc[0]["actors"] == ["POL"] and "RUS" in sc[0]["observers"]


def test_an_escort_by_unnamed_foreign_jets_has_no_known_reactor() -> None:
    ev = _events("Two Russian Tu-22M3 bombers flew over the neutral waters of the Baltic Sea on Monday, the Russian "
                 "Defence Ministry said. At times the bombers were escorted by fighter jets of foreign countries.")
    sc = [e for e in ev if e["type"] == "scramble"]
    assert len(sc) == 1 and sc[0]["actors"] == [] and sc[0]["observers"] == ["RUS"]


def test_an_escort_by_the_bombers_own_fighters_is_no_reaction() -> None:
    ev = _events("Two Russian Tu-95MS bombers flew over the Sea of Japan on Monday, the Russian Defence Ministry "
                 "said. The bombers were accompanied by Su-35 fighters of the Russian Aerospace Forces.")
    assert "scramble" not in [e["type"] for e in ev]


def test_a_platform_subject_with_an_unknown_verb_and_a_place_is_an_activity() -> None:
    ev = _events("Two Chinese destroyers skirted the coast of Yonaguni Island on Tuesday, Japan's Joint Staff said.")
    assert [(e["type"], e["actors"]) for e in ev] == [("other", ["CHN"])]
    assert ev[0]["places"] == ["Yonaguni Island"]


def test_ships_through_a_strait_with_an_unknown_verb_are_a_transit() -> None:
    ev = _events("Three Russian warships threaded through the Tsugaru Strait on Monday.")
    assert [(e["type"], e["actors"]) for e in ev] == [("transit", ["RUS"])]


def test_what_a_platform_is_or_where_it_is_based_is_no_activity() -> None:
    assert _events("Chinese warships are based in Sanya on Hainan Island.") == []
    assert _events("Japanese destroyers were commissioned in Yokosuka last year.") == []


def test_overnight_is_the_night_before_the_report() -> None:
    ev = _events("Romania's defence ministry says a Russian drone entered its airspace overnight.", date(2024, 9, 8))
    inc = next(e for e in ev if e["type"] == "incursion")
    assert (inc["date_start"], inc["date_end"]) == ("2024-09-07", "2024-09-08")
