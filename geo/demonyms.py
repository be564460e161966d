"""Demonyms and informal country names ("Russian", "U.S.", "DPRK"): one table for geo and the extractor.

Why one table, and why in ``geo``: the geocoder rewrites "Russian border" to the country the
gazetteer knows ("russia"), the extractor reads "Russian" as the actor RUS; neither pycountry
nor the gazetteer lists these words, and ``geo`` imports nothing of Sortie's, so the table
lives here and ``events.extract.actors`` reads it. A new country's demonym is one row.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Demonym:
    """One word (lower case, as matched) and what it names."""

    word: str
    iso3: str | None  # the country as an actor (ISO 3166-1 alpha-3); None: a place, not an actor
    place: str | None = None  # the gazetteer's name for geo's rewrite; None: geo does not rewrite the word
    noun: bool = False  # a name of the country ("russia", "u.s."), not an adjective ("russian")


TABLE: tuple[Demonym, ...] = (
    Demonym("russian", "RUS", "russia"),
    Demonym("soviet", "RUS"),
    Demonym("russia", "RUS", noun=True),
    Demonym("chinese", "CHN", "china"),
    Demonym("china", "CHN", noun=True),
    Demonym("american", "USA", "united states"),
    Demonym("u.s.", "USA", "united states", noun=True),
    Demonym("us", "USA", "united states", noun=True),
    Demonym("u.s", "USA", noun=True),
    Demonym("usa", "USA", noun=True),
    Demonym("america", "USA", noun=True),
    Demonym("united states", "USA", noun=True),
    Demonym("japanese", "JPN", "japan"),
    Demonym("japan", "JPN", noun=True),
    Demonym("south korean", "KOR", "south korea"),
    Demonym("south korea", "KOR", noun=True),
    Demonym("rok", "KOR", noun=True),
    Demonym("north korean", "PRK", "north korea"),
    Demonym("north korea", "PRK", noun=True),
    Demonym("dprk", "PRK", noun=True),
    Demonym("taiwanese", "TWN", "taiwan"),
    Demonym("taiwan", "TWN", noun=True),
    Demonym("british", "GBR", "united kingdom"),
    Demonym("britain", "GBR", noun=True),
    Demonym("uk", "GBR", noun=True),
    Demonym("u.k.", "GBR", noun=True),
    Demonym("french", "FRA", "france"),
    Demonym("german", "DEU", "germany"),
    Demonym("italian", "ITA"),
    Demonym("spanish", "ESP"),
    Demonym("dutch", "NLD", "netherlands"),
    Demonym("norwegian", "NOR", "norway"),
    Demonym("swedish", "SWE", "sweden"),
    Demonym("finnish", "FIN", "finland"),
    Demonym("danish", "DNK", "denmark"),
    Demonym("polish", "POL", "poland"),
    Demonym("estonian", "EST", "estonia"),
    Demonym("latvian", "LVA", "latvia"),
    Demonym("lithuanian", "LTU", "lithuania"),
    Demonym("ukrainian", "UKR", "ukraine"),
    Demonym("belarusian", "BLR", "belarus"),
    Demonym("turkish", "TUR", "turkey"),
    Demonym("turkey", "TUR", noun=True),
    Demonym("romanian", "ROU", "romania"),
    Demonym("bulgarian", "BGR", "bulgaria"),
    Demonym("georgian", "GEO", "georgia"),
    Demonym("canadian", "CAN", "canada"),
    Demonym("australian", "AUS", "australia"),
    Demonym("indian", "IND", "india"),
    Demonym("philippine", "PHL", "philippines"),
    Demonym("filipino", "PHL", "philippines"),
    Demonym("vietnamese", "VNM", "vietnam"),
    Demonym("vietnam", "VNM", noun=True),
    Demonym("iranian", "IRN", "iran"),
    Demonym("iran", "IRN", noun=True),
    Demonym("israeli", "ISR", "israel"),
    Demonym("greek", "GRC"),
    Demonym("belgian", "BEL"),
    Demonym("portuguese", "PRT"),
    Demonym("czech", "CZE"),
    Demonym("hungarian", "HUN"),
    Demonym("icelandic", "ISL"),
    Demonym("new zealand", "NZL", noun=True),
    Demonym("syrian", "SYR", "syria"),
    Demonym("syria", "SYR", noun=True),
    Demonym("pakistani", "PAK"),
    Demonym("singaporean", "SGP"),
    Demonym("malaysian", "MYS", "malaysia"),
    Demonym("indonesian", "IDN", "indonesia"),
    Demonym("thai", "THA", "thailand"),
    Demonym("mongolian", "MNG", "mongolia"),
    Demonym("kazakh", "KAZ"),
    Demonym("serbian", "SRB"),
    Demonym("croatian", "HRV"),
    Demonym("austrian", "AUT"),
    Demonym("swiss", "CHE"),
    Demonym("irish", "IRL"),
    Demonym("egyptian", "EGY"),
    Demonym("saudi", "SAU"),
    # geo only: a place, but no one actor
    Demonym("korean", None, "korea"),  # North or South
    Demonym("alaskan", None, "alaska"),
)

PLACES: dict[str, str] = {d.word: d.place for d in TABLE if d.place}  # "russian" -> "russia"
COUNTRIES: dict[str, str] = {d.word: d.iso3 for d in TABLE if d.iso3}  # "russian" -> "RUS"
NOUNS: frozenset[str] = frozenset(d.word for d in TABLE if d.noun)  # "russia", "u.s.", "dprk"
