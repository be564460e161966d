"""Reactions and observers read from clause structure: who reacted, whom they met, who watched."""

from __future__ import annotations

from datetime import date

from events.extract import actors, extract, roles, types


def sides(text: str) -> roles.Sides:
    trig = next(t for t in types.find(text) if t.type == "scramble")
    r = roles.assign(text, actors.find(text))
    return roles.reaction_sides(text, trig.start, trig.end, r.by_mention)


def test_active_reaction_subject_reacts_object_was_met() -> None:
    s = sides("On 28 October, a pair of Polish Air Force MiG-29 Fulcrums on national alert intercepted another "
              "Russian Il-20 over the Baltic Sea.")
    assert (s.reactors, s.met) == (["POL"], ["RUS"])


def test_passive_reaction_agent_after_by_reacts() -> None:
    s = sides("The Russian aircraft had been detected by NATO and were initially intercepted and followed by "
              "Royal Norwegian Air Force F-16s off the coast of Norway.")
    assert (s.reactors, s.met) == (["NOR"], ["RUS"])


def test_jets_sent_then_purpose_names_what_was_met() -> None:
    s = sides("Italian Air Force Eurofighters were scrambled twice this week to identify Russian Il-20 aircraft.")
    assert (s.reactors, s.met) == (["ITA"], ["RUS"])
    s = sides("Japan's Joint Staff Office said it had scrambled Air Self-Defense Force fighters against Chinese "
              "H-6 bombers.")
    assert (s.reactors, s.met) == (["JPN"], ["CHN"])


def test_report_defined_acronym_and_ship_prefix_name_the_country() -> None:
    text = "The Philippine Coast Guard (PCG) deployed two ships. On 20 April, the PCG issued radio challenges."
    aliases = actors.acronyms(text)
    assert aliases == {"PCG": "PHL"}
    assert [m.code for m in actors.find("the PCG issued radio challenges", aliases)] == ["PHL"]
    assert [m.code for m in actors.find("a ship blocked BRP Malapascua near HMCS Ottawa")] == ["PHL", "CAN"]
    assert actors.acronyms("TAIPEI, Taiwan (AP) — Chinese jets flew.") == {}


def test_platform_designation_names_its_country_only_when_no_word_does() -> None:
    assert [m.code for m in actors.find("A second Il-20 was intercepted over the Baltic Sea.")] == ["RUS"]
    assert [m.code for m in actors.find("Two Chinese Y-9 planes flew")] == ["CHN"]
    assert [m.code for m in actors.find("Polish MiG-29s met a Russian Tu-95")] == ["POL", "RUS"]


def test_bare_said_does_not_make_the_next_country_a_reporter() -> None:
    text = "The task force said Chinese coast guard ships harassed the convoy."
    r = roles.assign(text, actors.find(text))
    assert r.actors == ["CHN"] and r.reporters == []
    text = "Two Russian bombers flew near Japan, said Japan's Defense Ministry."
    assert roles.assign(text, actors.find(text)).reporters == ["JPN"]


def test_conduct_is_not_a_drill_and_a_count_claim_is_an_event() -> None:
    assert [t.type for t in types.find("Chinese ships carried out dangerous maneuvers at close range.")] != [
        "exercise"]
    trig = types.find("Japan's Air Self-Defense Force scrambled jets 669 times in the fiscal year that ended in "
                      "March.")
    assert [(t.type, t.generic) for t in trig] == [("scramble", False)]


def test_reacting_country_observes_the_operation_it_met() -> None:
    text = ("Two Russian Tu-95 bombers and two Chinese H-6 bombers flew a joint patrol over the Sea of Japan on "
            "Tuesday, the Russian Defense Ministry said.\n\n"
            "Japan scrambled fighter jets in response to the patrol, the Joint Staff said.")
    drafts = [d.event for d in extract(text, date(2024, 11, 30))]
    patrol = next(e for e in drafts if e.type == "joint_patrol")
    scramble = next(e for e in drafts if e.type == "scramble")
    assert scramble.actors == ["JPN"] and set(scramble.observers) == {"RUS", "CHN"}
    assert "JPN" in patrol.observers


def test_base_the_jets_left_from_is_no_place_of_the_activity() -> None:
    text = ("RAF Typhoon jets were launched from RAF Lossiemouth on Monday to intercept two Russian Bear "
            "bombers flying over the North Sea, the Ministry of Defence said.")
    for d in extract(text, date(2024, 1, 9)):
        assert "RAF Lossiemouth" not in d.event.places, d.event


def test_strait_owner_observes_a_passage() -> None:
    text = "Two Chinese destroyers sailed through the Miyako Strait into the Pacific on Friday."
    transit = next(d.event for d in extract(text, date(2025, 5, 10)) if d.event.type == "transit")
    assert transit.actors == ["CHN"] and transit.observers == ["JPN"]
