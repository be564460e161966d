"""Country mentions -> alpha-3, and their roles (issue 5)."""

from __future__ import annotations

from events.extract import actors, roles


def codes(text: str) -> list[str]:
    return [m.code for m in actors.find(text)]


def test_demonyms_names_forces_and_capital_metonyms() -> None:
    assert codes("two Russian Tu-95MS and two Chinese H-6K") == ["RUS", "CHN"]
    assert codes("Seoul's Joint Chiefs of Staff said") == ["KOR"]
    assert codes("the ASDF scrambled fighters") == ["JPN"]
    assert codes("the PLA Eastern Theater Command") == ["CHN", "CHN"]
    assert codes("NORAD said") == ["USA"]
    assert codes("relations between Moscow and Beijing") == ["RUS", "CHN"]
    assert codes("South Korea and North Korea") == ["KOR", "PRK"]


def test_pronoun_us_is_not_the_united_states() -> None:
    assert codes("he told us that U.S. bombers and US jets") == ["USA", "USA"]


def test_capital_as_a_place_is_not_an_actor() -> None:
    assert codes("drills near Vladivostok, held in Moscow") == []


def roles_of(text: str) -> roles.Roles:
    return roles.assign(text, actors.find(text))


def test_roles_actor_observer_scrambler() -> None:
    r = roles_of("two Russian and two Chinese bombers flew a joint patrol, prompting South Korea to scramble jets")
    assert r.actors == ["RUS", "CHN"] and r.scramblers == ["KOR"]
    r = roles_of("US bombers came as close as 20 km to the Russian border")
    assert r.actors == ["USA"] and r.observed == ["RUS"]
    r = roles_of("it poses a threat to both Russia and China")
    assert r.observed == ["RUS", "CHN"]


def test_passive_intercept_target_is_the_actor() -> None:
    r = roles_of("Two Russian bombers were intercepted by U.S. and Canadian fighter jets")
    assert r.actors == ["RUS"] and r.scramblers == ["USA", "CAN"]


def test_one_demonym_table_feeds_the_actors_and_the_geocoder() -> None:
    from events.schema import country_codes
    from geo import demonyms, geocode, newsforms

    words = [d.word for d in demonyms.TABLE]
    assert len(words) == len(set(words)) and all(w == w.lower() for w in words)
    assert all(d.iso3 in country_codes() for d in demonyms.TABLE if d.iso3)
    assert all(d.iso3 or d.place for d in demonyms.TABLE)
    assert actors.DEMONYMS == demonyms.COUNTRIES and newsforms.DEMONYMS == demonyms.PLACES
    # an actor-only word ("Soviet") is an actor; a place-only one ("Alaskan", "Korean") is not
    assert codes("Alaskan airspace and Korean waters, Soviet-era jets") == ["RUS"]
    assert geocode("Alaskan coast").raw["name"] == "Alaska" and geocode("Russian border").raw["kind"] == "country"
