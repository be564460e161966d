"""Place names as written, in text order, resolved through the project's offline geocoder.

Finding the names is ours (geographic head words, capitalised spans after spatial
prepositions, ADIZ and border phrases); resolving them is ``geo``'s. ``geo`` is part of this
repository: if it cannot be imported or fails on a name, extraction fails with it rather
than quietly returning unresolved places (``geo`` answers None for text that is no place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import geo
from geo import phrases

AREA_KINDS = frozenset({"sea", "ocean", "gulf", "bay", "adiz", "basin", "sound", "lagoon", "region", "peninsula",
                        "island group", "archipelago", "channel", "strait", "area", "exercise area", "lake"})
_CAP = r"[A-Z][\w'’.-]*"
_HEADS = (r"Sea|Strait|Straits|Gulf|Bay|Channel|Ocean|Peninsula|Island|Islands|Islets|Shoal|Reef|Air Base|"
          r"Airbase|Air Force Base|Naval Base|Naval Air Station|Base|Atoll|Archipelago|Rocks|Passage|Narrows|"
          r"Canal|Lagoon|Sound|Fjord|Cape|Point|Harbor|Harbour|Port|Pass")
_HEAD_AFTER = re.compile(rf"\b(?:{_CAP}\s+){{0,3}}(?:{_HEADS})\b(?:\s+of\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})?)?"
                         r"(?!\s+(?:Fleet|Command|Flotilla|Group|Force|Forces|District)\b|-\d)")
_HEAD_BEFORE = re.compile(rf"\b(?:Sea|Strait|Straits|Gulf|Bay|Cape|Port|Isle)s?\s+of\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})?")
# "Taiwan's northern, central, southwestern and eastern ADIZ": the parts of a zone, listed
_PARTS = r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?,?\s+(?:and\s+)?)"
_ADIZ = re.compile(rf"\b(?-i:(?:{_CAP}(?:['’]s)?\s+){{1,2}}){_PARTS}{{0,4}}(?:ADIZ|air defen[cs]e identification zone|"
                   rf"air defen[cs]e zone|airspace|exclusive economic zone|EEZ)\b|"
                   r"\b[A-Z]ADIZ\b|\bJADIZ\b|\bKADIZ\b|\bCADIZ\b", re.I)
# "its air defense identification zone", "the island's airspace": the owner is named elsewhere in the sentence
# "the southwestern part of its ADIZ": a part of the zone is where the text locates the event, kept as written
_ZONE_PART = (r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+(?:part|portion|"
              r"corner|section|sector|edge)s?\s+of\s+)?")
_OWNED = re.compile(r"\b" + _ZONE_PART + r"(?:its|their|our|the island['’]s|the country['’]s)\s+"
                    r"(?:[\w-]+\s+){0,3}?(?:part of (?:its|the)\s+)?"
                    r"(?:ADIZ|air defen[cs]e identification zone|air defen[cs]e zone|airspace|territorial waters|"
                    r"exclusive economic zone|EEZ)\b", re.I)
_AROUND_ISLAND = re.compile(r"\b(?:waters\s+|areas?\s+)?(?:around|near|off|surrounding)\s+the\s+island\b", re.I)
_BORDER = re.compile(rf"\b(?:{_CAP}|both countries['’])\s+(?:borders?|territory|coast(?:line)?(?!\s+guard)|waters|"
                     rf"territorial waters)\b")
# "RAF Lossiemouth" is a base, "RAF Typhoons" the force's aircraft
_BASE = re.compile(r"\b(?:RAF|NAS|MCAS|CFB|JBER|Joint Base|Naval Station|Naval Air Station)\s+"
                   r"(?!(?:Typhoons?|Tornados?|Poseidons?|Voyagers?|Rivet|Atlas|Hercules|Sentinel|Wedgetail|F-\d+\w*|"
                   r"P-8\w*|E-7\w*|A400M|C-17\w*)\b)[A-Z][\w-]+"
                   r"(?:\s+[A-Z][\w-]+)?\b(?!\s+(?:jets?|fighters?|aircraft|planes?|crews?))")
# "about 140 km north of Miyako Island", "north of the Shetland Islands", "some 80 km east of Tsushima",
# "between Okinawa's main island and Miyako Island": kept as written, resolved by the geocoder as a whole
_NAME = rf"(?-i:{_CAP}(?:\s+{_CAP}){{0,3}})"
_RELATIVE = re.compile(
    rf"\b(?:{phrases.AMOUNT})?(?:{phrases.DIRECTION})(?:ern)?\s+of\s+(?:the\s+)?(?:(?:(?-i:{_CAP})['’]s\s+)?"
    rf"{_NAME}|(?-i:island|islands|archipelago)\b)|\bbetween\s+(?:the\s+)?(?:(?-i:{_CAP})['’]s\s+main\s+island|{_NAME})\s+and\s+(?:the\s+)?{_NAME}",
    re.I)
_PLURAL = re.compile(rf"\b(?P<a>{_CAP})\s+and\s+(?:the\s+)?(?P<b>{_CAP})\s+(?P<h>seas|straits|islands)\b")
_PREP = re.compile(rf"\b(?P<prep>over|near|off|in|into|through|across|around|toward|towards|from|via|between|"
                   rf"above|along|past|to|of|approached|circled|and|at)\s+(?:the\s+)?(?:coast\s+of\s+)?"
                   rf"(?:(?:western|eastern|northern|southern|central|north|south|east|west)(?:\s+and\s+\w+)?\s+)?"
                   rf"(?:{_CAP}['’]s\s+)?"
                   rf"(?P<p>{_CAP}(?:\s+(?:{_CAP}|of|de|la|du))*)")
_ALIAS = re.compile(r",?\s*(?:or|also known as|known (?:in \w+ )?as|which \w+ calls?|what \w+ calls?|"
                    r"or what \w+ calls?)\s+(?:the\s+)?$", re.I)
_STOPWORDS = frozenset({"The", "A", "An", "On", "In", "It", "He", "She", "They", "We", "I", "This", "That", "These",
                        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                        "February", "March", "April", "May", "June", "July", "August", "September", "October",
                        "November", "December", "Defense", "Defence", "Ministry", "President", "Minister"})
_NOT_PLACE = re.compile(r"\b(?:Ministry|Minister|Command|Force|Forces|Staff|Army|Navy|Fleet|Guard|Office|"
                        r"Agency|Department|Council|News|Times|Press|Post|Exercise|Operation|Drill|Vostok|"
                        r"Thunder|Shield|Sword|Strait Thunder)\b")


# "a mission against ISIS over Syria", "drones over Poland": a flight over a country is there ("tensions over
# Taiwan" are not)
_FLIGHT_BEFORE = re.compile(r"\b(?:fl(?:ew|y|ies|ying|own)|flights?|missions?|drones?|aircraft|jets?|planes?|"
                            r"patroll?(?:ed|ing)|operat(?:ed|ing)|sorties?)\b[^.;]{0,45}$", re.I)
_AROUND = frozenset({"around", "near", "off", "toward", "towards", "encircling", "surrounding"})
_CITY_PREPS = frozenset({"near", "off", "over", "in", "at", "from", "to", "toward", "towards", "into", "around"})


@dataclass
class Place:
    """One place name as written, with what the geocoder made of it (if anything)."""

    start: int
    end: int
    text: str
    name: str | None = None  # canonical name from the gazetteer
    kind: str | None = None
    lat: float | None = None
    lon: float | None = None
    confidence: float = 0.0
    geometry: dict[str, Any] | None = None
    iso3: str | None = None
    alias_of: int | None = None  # index of the place this one renames ("what Koreans call the East Sea")
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def resolved(self) -> bool:
        return self.lat is not None


@lru_cache(maxsize=8192)
def _lookup(name: str) -> tuple | None:
    loc = geo.geocode(name)  # bad input ("", emoji, 10k chars) is None, not an exception
    if loc is None:
        return None
    raw = loc.raw or {}
    # a phrase ("north of Christianso") is only as good as its anchor's lookup
    asked, found = (re.split(r"\b(?:of|from|off)\s+", name)[-1], raw.get("anchor")) if raw.get("method") == "phrase" \
        else (name, raw.get("name"))
    if raw.get("method") in ("fuzzy", "phrase") and float(raw.get("confidence") or 0) < 0.9 and not _names_agree(
            asked, found or loc.address):
        return None  # loose fuzzy hits put events in the wrong sea ("Alaska ADIZ" -> East China Sea ADIZ)
    return (raw.get("name") or loc.address, raw.get("kind"), loc.latitude, loc.longitude,
            float(raw.get("confidence") or 0), raw.get("geometry"), raw.get("iso_a3") or None)


_GENERIC_WORDS = frozenset({"air", "defense", "defence", "identification", "zone", "adiz", "sea", "strait", "the", "of",
                            "island", "islands", "bay", "gulf", "channel", "base", "airspace", "s"})


def _names_agree(query: str, found: str) -> bool:
    """A fuzzy hit is kept only if every distinctive word of the query is in the found name."""
    words = [w for w in re.findall(r"[a-z]+", query.casefold()) if w not in _GENERIC_WORDS]
    return bool(words) and all(re.search(rf"\b{w}\b", found.casefold()) for w in words)


_QUALIFIED = re.compile(r"^(?P<x>.+?)(?:['’]s)?\s+(?:ADIZ|air defen[cs]e identification zone|air defen[cs]e zone|"
                        r"airspace|borders?|territory|coast(?:line)?|waters|territorial waters|exclusive economic zone|"
                        r"EEZ)$", re.I)


def resolve(p: Place) -> Place:
    """Fill in the gazetteer's answer; "Alaska ADIZ" falls back to "Alaska" when the zone is unknown."""
    hit = _lookup(p.text)
    if hit is None:
        m = _QUALIFIED.match(p.text)
        if m:
            hit = _lookup(m.group("x"))
    if hit:
        p.name, p.kind, p.lat, p.lon, p.confidence, p.geometry, p.iso3 = hit
    return p


def _clean(s: str) -> str:
    s = re.sub(r"^(?:the|The)\s+", "", s.strip(" ,.;:'’"))
    return re.sub(r"['’]s$", "", s) if not s.endswith(("ADIZ", "airspace")) else s


_MEASURED = re.compile(rf"^(?:{phrases.AMOUNT})", re.I)
_OF_THE_ISLAND = re.compile(r"\bof\s+the\s+(?:island|islands|archipelago)$")


def _measured_from_named(phrase: str) -> bool:
    """ "about 270 kilometers west of Okidaito Island", "200 nautical miles southeast of the island": a
    distance and bearing from a named feature (or the island the report is about) locates a point, so the
    coding rules keep it as written even when the gazetteer does not know the feature."""
    phrase = _clean(phrase)  # "... of Okidaito Island." ends a sentence
    if not _MEASURED.match(phrase):
        return False
    anchor = re.split(r"\bof\s+", phrase, maxsplit=1)[-1]
    return bool(_OF_THE_ISLAND.search(phrase) or _HEAD_AFTER.fullmatch(re.sub(r"^the\s+", "", anchor)))


def find(sentence: str, countries: frozenset[str] = frozenset()) -> list[Place]:
    """Places in text order; resolved where the geocoder knows them; aliases marked, not dropped."""
    found: list[Place] = []

    def add(s: int, e: int, strict: bool, prep: str = "") -> None:
        text = sentence[s:e]
        lead = len(text) - len(text.lstrip())
        text = _clean(text)
        if not text or text.split()[0] in _STOPWORDS or _NOT_PLACE.search(text) or re.fullmatch(_HEADS, text):
            return
        if re.match(r"\s*(?:,\s*)?(?:said|says|told|announced|reported)\b", sentence[e:]):
            return  # "the ministry in Taipei said": where the statement was made, not the activity
        s = sentence.find(text, s + lead - 1 if s + lead else 0)
        e = s + len(text)
        if any(s < p.end and p.start < e for p in found):
            return
        if _OWNED.fullmatch(text) or _AROUND_ISLAND.fullmatch(text):
            p = Place(s, e, text)  # resolved once the owner is known (resolve_owned)
        elif text in ("Pacific", "Atlantic", "Arctic", "Indian"):
            p = resolve(Place(s, e, text + " Ocean"))  # "into the Pacific"
            p.text = text
        else:
            p = resolve(Place(s, e, text))
        if strict:
            if not p.resolved or p.confidence < 0.9 or p.kind == "city" and p.confidence < 1.0:
                return
            if p.kind == "country" and text.lower() in countries and prep.lower() not in _AROUND and not (
                    prep.lower() in ("over", "above") and _FLIGHT_BEFORE.search(sentence, max(0, s - 60), s)):
                return  # a bare country name is an actor, not where it happened ("a flight over Syria" is where)
            city_of = prep.lower() == "of" and re.search(
                r"\b(?:city|port|town|village|base|island|exclave|enclave|region|province|prefecture)\s+of\s+"
                r"(?:the\s+)?$", sentence[:s])
            if p.kind in ("city", "capital", "town", "port") and prep.lower() not in _CITY_PREPS and not city_of:
                return  # "Moscow and Beijing", "Shoigu and Wei": people and metonyms, not places
        found.append(p)

    for m in _PLURAL.finditer(sentence):
        head = m.group("h")[:-1].capitalize() if m.group("h") != "islands" else "Islands"
        for g in ("a", "b"):
            p = resolve(Place(m.start(g), m.end(g) if g == "a" else m.end(), f"{m.group(g)} {head}"))
            if p.resolved:
                found.append(p)
    for m in _RELATIVE.finditer(sentence):
        if _measured_from_named(m.group(0)) or not _OF_THE_ISLAND.search(m.group(0)) and resolve(
                Place(m.start(), m.end(), m.group(0))).resolved:
            add(m.start(), m.end(), False)
    for pat in (_OWNED, _AROUND_ISLAND, _BASE, _ADIZ, _BORDER, _HEAD_BEFORE, _HEAD_AFTER):
        for m in pat.finditer(sentence):
            start = m.start()
            if pat is _HEAD_AFTER:  # "Russia's Black Sea": the possessor is not part of the name
                pm = re.match(r"[^\s]+['’]s\s+", m.group(0))
                start += pm.end() if pm else 0
            add(start, m.end(), False)
    for m in _PREP.finditer(sentence):
        prep = m.group("prep")
        if prep.lower() == "and" and not any(0 <= m.start() - p.end <= 5 for p in found):
            continue  # "and X" is a place only when it continues a list of places
        add(m.start("p"), m.end("p"), True, prep)
    found.sort(key=lambda p: p.start)
    for i, p in enumerate(found[1:], 1):
        between = sentence[found[i - 1].end:p.start]
        if _ALIAS.search(between) or between.strip() == "(" or (
                p.name and p.name == found[i - 1].name and len(between) < 40):
            p.alias_of = i - 1 if found[i - 1].alias_of is None else found[i - 1].alias_of
    return found


def resolve_owned(p: Place, country: str) -> Place:
    """ "its ADIZ" said by Taiwan's ministry -> the Taiwan ADIZ; "its airspace" -> the country."""
    if p.resolved or not (_OWNED.fullmatch(p.text) or _AROUND_ISLAND.fullmatch(p.text)):
        return p
    zone = re.search(r"ADIZ|identification zone|defen[cs]e zone", p.text, re.I)
    hit = _lookup(f"{country} ADIZ") if zone else None
    hit = hit or _lookup(country)
    if hit:
        p.name, p.kind, p.lat, p.lon, p.confidence, p.geometry, p.iso3 = hit
    return p


def country_place(name: str) -> Place | None:
    """A country as the place of last resort ("prompting South Korea to scramble")."""
    p = resolve(Place(-1, -1, name))
    return p if p.resolved else Place(-1, -1, name)


def named(p: Place) -> bool:
    """A place the gazetteer locates that is more than a country (whose centre says little about where)."""
    return p.resolved and p.kind != "country" and p.alias_of is None


def geometry_for(places: list[Place], route: bool) -> tuple[dict[str, Any] | None, str]:
    """GeoJSON geometry and geo_precision for an event's places (aliases already removed)."""
    res = [p for p in places if p.resolved]
    if not res:
        return None, "unknown"
    # "Russian territorial waters off Crimea": a country's centre is only a fallback, never a point on a route
    # or the spot beside a named place (the event would be drawn in Siberia)
    res = [p for p in res if p.kind != "country"] or res
    kinds = {p.kind for p in res}
    if route and len(res) >= 2:
        coords = []
        for p in res:
            c = [round(p.lon, 4), round(p.lat, 4)]
            if not coords or coords[-1] != c:
                coords.append(c)
        if len(coords) >= 2:
            prec = "country" if kinds == {"country"} else "area" if kinds & AREA_KINDS else "place"
            return {"type": "LineString", "coordinates": coords}, prec
    p = res[0]
    if p.kind == "country":
        return {"type": "Point", "coordinates": [round(p.lon, 4), round(p.lat, 4)]}, "country"
    if p.kind in AREA_KINDS and p.geometry and p.geometry.get("type") in ("Polygon", "MultiPolygon"):
        return p.geometry, "area"
    return {"type": "Point", "coordinates": [round(p.lon, 4), round(p.lat, 4)]}, (
        "area" if p.kind in AREA_KINDS else "place")
