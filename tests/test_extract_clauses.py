"""Clause-level rules of issue 10 (continued): each case is written here, not taken from a report."""

from __future__ import annotations

from datetime import date

from events.extract import draft_to_dict, extract


def _events(text: str, published: date = date(2024, 6, 17)) -> list[dict]:
    return [draft_to_dict(d) for d in extract(text, published)]


def test_reaction_without_a_place_of_its_own_takes_the_sentence_places() -> None:
    ev = _events("On June 4, 2024, a Canadian CP-140 Aurora on a surveillance patrol over the East China Sea was "
                 "intercepted by PLA fighter aircraft.")
    sc = next(e for e in ev if e["type"] == "scramble")
    assert sc["actors"] == ["CHN"] and sc["observers"] == ["CAN"]
    assert "East China Sea" in sc["places"]


def test_intercepted_again_is_another_reaction_not_a_repeat_mention() -> None:
    ev = _events("On June 4, 2024, a Canadian helicopter flying over the South China Sea was intercepted by two "
                 "Chinese J-11 fighters. Later the same day, the same helicopter was intercepted again, this time "
                 "by another J-11, which released flares ahead of it.")
    scrambles = [e for e in ev if e["type"] == "scramble"]
    assert len(scrambles) == 2
    assert all(e["actors"] == ["CHN"] and e["observers"] == ["CAN"] for e in scrambles)


def test_shadowing_through_a_strait_reports_the_transit_too() -> None:
    ev = _events("On June 12, HMS Tyne followed the Russian corvette Boikiy through the Strait of Dover.")
    tr = next(e for e in ev if e["type"] == "transit")
    assert tr["actors"] == ["RUS"] and tr["observers"] == ["GBR"]
    assert any(e["type"] == "other" and e["actors"] == ["GBR"] for e in ev)


def test_a_place_country_after_a_base_is_not_an_actor() -> None:
    ev = _events("On June 11, the alert pair was ordered up by the operations centre at Uedem, Germany, after "
                 "Dutch F-35s intercepted a Russian Il-20 over the Baltic Sea.")
    assert all("DEU" not in e["actors"] for e in ev)


def test_a_date_heading_dates_the_list_item_after_it() -> None:
    ev = _events("11 June (Tuesday). The fighters took off twice. Later a Russian Il-20 was intercepted over the "
                 "Baltic Sea.")
    sc = next(e for e in ev if e["type"] == "scramble")
    assert sc["date_start"] == "2024-06-11" == sc["date_end"]


def test_a_reaction_in_a_kadiz_report_by_another_country_answers_the_patrol() -> None:
    ev = _events("Chinese and Russian bombers flew a joint patrol over the Sea of Japan on June 5, the ministry "
                 "said. The aircraft entered the KADIZ on June 5, prompting South Korea to scramble jets. "
                 "Japan's Air Self-Defense Force also scrambled fighters against the Chinese and Russian bombers.")
    jp = next(e for e in ev if e["type"] == "scramble" and e["actors"] == ["JPN"])
    patrol = next(e for e in ev if e["type"] == "joint_patrol")
    assert "JPN" in patrol["observers"]
    assert jp["date_start"] == "2024-06-05"


def test_a_platform_at_work_is_an_activity_of_its_own() -> None:
    ev = _events("On June 10, USS Theodore Roosevelt was operating in the Philippine Sea.")
    assert [(e["type"], e["actors"]) for e in ev] == [("other", ["USA"])]
    assert any(e["type"] == "other" and e["actors"] == ["CHN"] for e in _events(
        "A Chinese drone flew between Yonaguni Island and Taiwan on June 11, the Joint Staff said."))


def test_its_is_not_a_ship_prefix() -> None:
    # "ITS" (an Italian warship's prefix) must not read "its forces had monitored" as a platform at work
    ev = _events("On June 3, two Canadian warships sailed south, and Taiwan said its forces had monitored the "
                 "waters around them.")
    assert not any(e["type"] == "other" and e["actors"] == ["TWN"] and not e["observers"] for e in ev)


def test_a_platform_in_a_drill_or_met_by_a_reaction_is_not_a_second_event() -> None:
    ev = _events("On June 9, the carrier Shandong was operating south of Miyako Island, with fighters taking off "
                 "and landing, the Joint Staff said.")
    assert [e["type"] for e in ev] == ["exercise"]


def test_scrambled_aircraft_sent_to_monitor_are_the_scramble_not_a_patrol_at_sea() -> None:
    ev = _events("On June 5, 22 Chinese military aircraft entered Taiwan's ADIZ, and Taiwan scrambled combat air "
                 "patrol aircraft to monitor them.")
    assert sorted(e["type"] for e in ev) == ["incursion", "scramble"]


def test_fighters_that_monitored_a_flight_reacted_to_it() -> None:
    ev = _events("On June 6, two U.S. B-52 bombers flew near the Russian border over the Gulf of Finland. Russia's "
                 "defense ministry said its fighters had monitored the flight.")
    sc = next(e for e in ev if e["type"] == "scramble")
    assert sc["actors"] == ["RUS"] and "USA" in sc["observers"]


def test_a_flight_called_a_joint_patrol_afterwards_is_a_joint_patrol_event() -> None:
    ev = _events("On June 7, four Chinese and 15 Russian military aircraft entered South Korea's air defense "
                 "identification zone over the East Sea. China and Russia said the flight was their second joint "
                 "strategic patrol.")
    jp = next(e for e in ev if e["type"] == "joint_patrol")
    assert set(jp["actors"]) == {"CHN", "RUS"} and jp["date_start"] == "2024-06-07"
    assert "East Sea" in jp["places"]


def test_a_named_place_is_drawn_rather_than_the_country_centre() -> None:
    ev = _events("On June 8, a British destroyer entered Russian territorial waters off Cape Fiolent in Crimea.")
    inc = next(e for e in ev if e["type"] == "incursion")
    assert inc["geo_precision"] != "country"
    assert 43 < inc["lat"] < 46 and 32 < inc["lon"] < 35  # Crimea, not the middle of Russia


def test_a_tally_and_its_shares_by_country_are_separate_aggregates() -> None:
    ev = _events("Air Self-Defense Force fighter jets were scrambled 358 times in the first half of fiscal 2024 in "
                 "response to aircraft approaching Japanese airspace, the Defense Ministry said. Scrambles against "
                 "Chinese military aircraft fell by 63 to 241, while those against Russian aircraft rose by five to "
                 "115.", date(2024, 10, 18))
    sc = [e for e in ev if e["type"] == "scramble"]
    assert len(sc) == 3
    assert {tuple(e["observers"]) for e in sc} >= {("CHN",), ("RUS",)}
    assert all(e["actors"] == ["JPN"] and e["date_start"] == "2024-04-01" and e["date_end"] == "2024-09-30"
               for e in sc)


def test_a_statement_date_after_who_was_told_is_not_the_reaction_date() -> None:
    ev = _events("On Monday, a Chinese drone flew between Okinawa's main island and Miyako Island. A Joint Staff "
                 "spokesman confirmed to reporters by phone Tuesday that fighters had been scrambled in response.",
                 date(2022, 11, 16))
    sc = next(e for e in ev if e["type"] == "scramble")
    assert sc["date_start"] == "2022-11-14"


def test_an_aircraft_through_a_strait_is_a_flight_not_a_transit() -> None:
    ev = _events("On June 12, a U.S. Navy P-8A Poseidon flew through the Taiwan Strait in international airspace. "
                 "The aircraft's transit of the Taiwan Strait shows the U.S. commitment to a free Indo-Pacific.")
    assert "transit" not in [e["type"] for e in ev]
    assert any(e["type"] == "other" and e["actors"] == ["USA"] for e in ev)


def test_a_first_person_release_speaks_for_the_country_approached() -> None:
    text = ("Ministry of National Defense, Taiwan\n\n22 PLA aircraft operating in our surrounding region were "
            "detected today (June 2, 2024).\n\nOf these, 8 aircraft crossed the median line of the Taiwan Strait "
            "and entered the southwestern part of our ADIZ.\n\nThe ROC Armed Forces have monitored the situation "
            "and tasked CAP aircraft to respond to these activities.")
    ev = _events(text)
    assert sorted(e["type"] for e in ev) == ["incursion", "scramble"]  # the count is the entry told next
    inc = next(e for e in ev if e["type"] == "incursion")
    assert inc["actors"] == ["CHN"] and "TWN" in inc["observers"]
    assert next(e for e in ev if e["type"] == "scramble")["actors"] == ["TWN"]


def test_coast_guard_ships_on_patrol_are_an_activity() -> None:
    ev = _events("Chinese coast guard vessels conducted law-enforcement patrols near the Matsu islands on June 3.")
    assert [(e["type"], e["actors"]) for e in ev] == [("other", ["CHN"])]


def test_a_reaction_with_only_a_country_is_placed_where_the_lead_sets_the_story() -> None:
    ev = _events("A Chinese fighter jet released flares in front of an Australian navy helicopter over the Yellow Sea "
                 "on Saturday, the government says.\n\nThe Seahawk helicopter, launched from the destroyer HMAS "
                 "Hobart, was on a routine flight when it was intercepted by a People's Liberation Army Air Force "
                 "J-10.", date(2024, 5, 6))
    sc = [e for e in ev if e["type"] == "scramble"]
    assert sc and all("Yellow Sea" in e["places"] for e in sc)
    assert all(e["actors"] == ["CHN"] for e in sc)


def test_what_a_platform_is_and_what_happens_as_a_habit_are_no_events() -> None:
    assert _events("The P-8A Poseidon is the Navy's maritime patrol and reconnaissance aircraft.") == []
    assert _events("NORAD tracks and positively identifies foreign military aircraft that enter the North American "
                   "ADIZ.") == []


def test_a_sentence_that_only_dates_the_incidents_dates_them() -> None:
    text = ("MANILA — The China Coast Guard seized supplies meant for Filipino troops at Ayungin Shoal on the same "
            "day, an official said. According to the official, the incidents took place on May 19, 2024, when a "
            "Philippine Navy aircraft made an airdrop.")
    ev = [draft_to_dict(d) for d in extract(text)]  # no publication date
    assert ev and ev[0]["date_start"] == "2024-05-19" and ev[0]["date_precision"] == "day"


def test_fighters_sent_after_detecting_or_airborne_before_are_reactions() -> None:
    ev = _events("On June 2, a Chinese military aircraft entered the KADIZ. The Air Force sent fighter jets to the "
                 "area after detecting the plane.")
    assert any(e["type"] == "scramble" and e["actors"] == ["KOR"] for e in ev)
    ev = _events("On June 2, two Chinese H-6 bombers entered the KADIZ. The JCS said Republic of Korea Air Force "
                 "fighters, including F-15Ks, were airborne before the bombers reached the zone.")
    assert any(e["type"] == "scramble" and e["actors"] == ["KOR"] for e in ev)
