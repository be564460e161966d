"""One operation -> linked events; several mentions of one activity -> one event (issue 5)."""

from __future__ import annotations

from datetime import date

from events.extract import extract

PUB = date(2021, 11, 23)


def test_patrol_and_the_scramble_it_prompted_are_linked() -> None:
    out = extract("On Friday, two Russian Tu-95MS strategic bombers and two Chinese H-6K strategic bombers flew a "
                  "joint patrol over the Sea of Japan and the East China Sea, prompting South Korea to scramble "
                  "fighter jets.", PUB)
    patrol, scramble = (c.event for c in out)
    assert patrol.type == "joint_patrol" and scramble.type == "scramble"
    assert patrol.related == [scramble.id] and scramble.related == [patrol.id]
    assert patrol.actors == ["RUS", "CHN"] and patrol.observers == ["KOR"]
    assert patrol.assets == ["Tu-95MS x2", "H-6K x2"]
    assert patrol.places == ["Sea of Japan", "East China Sea"]
    assert scramble.actors == ["KOR"] and scramble.date_start == date(2021, 11, 19)


def test_reaction_in_the_next_sentence_links_back_and_takes_the_date() -> None:
    out = extract("Two Russian Tu-160 bombers flew over the Barents Sea on Oct. 27, the Norwegian military said.\n"
                  "Norwegian F-35 jets were scrambled to identify them.", date(2022, 11, 2))
    by_type = {c.event.type: c.event for c in out}
    assert by_type["scramble"].actors == ["NOR"] and by_type["scramble"].observers == ["RUS"]
    assert by_type["scramble"].date_start == date(2022, 10, 27)
    assert by_type["bomber_approach"].id in by_type["scramble"].related


def test_repeated_mentions_are_one_event() -> None:
    text = ("Russian and Chinese bombers flew a joint patrol over the Sea of Japan on Tuesday, Japan said.\n"
            "It was the eighth joint patrol by the two countries since 2019.\n"
            "The patrol lasted about eight hours.")
    out = extract(text, date(2024, 6, 5))
    assert [c.event.type for c in out] == ["joint_patrol"]
    assert out[0].event.date_start == date(2024, 6, 4)


def test_distinct_activities_of_one_type_stay_apart() -> None:
    text = ("Shoigu said there were 30 such missions by US strategic bombers near Russian borders over the past "
            "month.\nThis month, 10 US strategic bombers came as close as 20 kilometers to the Russian border.")
    out = [c.event for c in extract(text, PUB)]
    assert [e.type for e in out] == ["bomber_approach", "bomber_approach"]


def test_a_day_after_dates_the_earlier_activity() -> None:
    out = extract("The United States flew B-1B bombers in joint drills with South Korean fighter jets on Sunday, a day "
                  "after North Korea fired an intercontinental ballistic missile into the sea off Japan's Hokkaido.",
                  date(2023, 2, 20))
    by_type = {c.event.type: c.event for c in out}
    assert by_type["exercise"].date_start == date(2023, 2, 19)
    assert by_type["other"].date_start == date(2023, 2, 18) and by_type["other"].actors == ["PRK"]


def test_alias_east_sea_is_not_a_second_place() -> None:
    out = extract("On Wednesday, six Russian bombers flew over the Sea of Japan, or what Koreans call the East Sea, "
                  "and entered the Korea Air Defense Identification Zone.", date(2022, 12, 1))
    incursions = [c.event for c in out if c.event.type == "incursion"]
    assert incursions and "East Sea" not in incursions[0].places


def test_every_candidate_is_a_valid_draft_with_evidence_and_confidence() -> None:
    out = extract("On Friday, two Russian Tu-95MS strategic bombers flew a joint patrol with two Chinese H-6K "
                  "bombers over the Sea of Japan.", PUB, url="https://example.org/a", outlet="AP")
    for c in out:
        assert c.event.status == "draft" and c.event.evidence and 0 < c.confidence <= 1
        assert c.event.source_url == "https://example.org/a" and c.event.source_name == "AP"


def test_its_adiz_resolves_through_the_reporting_country() -> None:
    out = extract("Taiwan's defense ministry said 10 Chinese aircraft entered the southwestern part of its air defense "
                  "identification zone on Wednesday.", date(2024, 1, 4))
    assert [c.event.type for c in out] == ["incursion"]
    assert out[0].gazetteer_names[0].startswith("Taiwan") and out[0].event.geo_precision == "area"


def test_route_geometry_and_precision() -> None:
    out = extract("On Friday, two Russian Tu-95MS bombers and two Chinese H-6K bombers flew a joint patrol over the "
                  "Sea of Japan and the East China Sea.", PUB)
    e = out[0].event
    assert e.geometry["type"] == "LineString" and len(e.geometry["coordinates"]) == 2
    assert e.geo_precision == "area"
