"""Article-level passes over an article's findings: who reported it, and what it recalls as history."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from geo.geometry import countries_near

from .link import Finding
from .places import Place

_FRAME = re.compile(r"\b(?:the|its)\s+([a-z]+)(?:['’]s\s+[\w ]{1,20}?)?\s+(?:said|says|reported|announced|stated)\b")


def _self_reported(d: Finding) -> bool:
    """The sentence gives the acting side's own statement ("Russia's Northern Fleet said ...", "... near
    Sevastopol, the fleet said"): the article's reporting country did not report this one, so it is no
    observer of it."""
    if d.reporters and set(d.reporters) <= set(d.actors):
        return True
    m = _FRAME.search(d.evidence)
    return bool(m and re.search(rf"\b{m.group(1).capitalize()}\b", d.evidence[:m.start()]))


def _friendly_exercise(d: Finding) -> bool:
    """A bilateral or allied exercise has no observers unless its own sentence names one (the coding rules)."""
    return d.type == "exercise" and len(d.actors) >= 2


def reporting_country_observes(kept: list[Finding]) -> None:
    """The country whose ministry reports the article's foreign activity watched it (the coding rules make it
    an observer), also in sentences that do not repeat "the ministry said"."""
    said = Counter(c for d in kept for c in d.reporters)
    if not said:
        return
    (reporter, _), = said.most_common(1)
    for d in kept:
        if d.type == "scramble" and not d.actors and not d.escort:  # "prompting fighter jets to scramble"
            d.actors = [reporter]
            d.observers = [c for c in d.observers if c != reporter]
        if _self_reported(d) or _friendly_exercise(d):
            continue
        if d.type != "scramble" and d.actors and reporter not in d.actors and reporter not in d.observers:
            d.observers.append(reporter)


BACKGROUND_DAYS = 180  # older than this, beside news of the last two weeks, a dated activity is recalled history


def background(kept: list[Finding], day: date) -> set[int]:
    """Keys of activity the report recalls as history ("In July 2019, ..." in a story about this week)."""
    if not any((day - d.date_end).days <= 14 for d in kept):
        return set()
    return {d.key for d in kept if d.date_precision != "unknown" and (day - d.date_end).days > BACKGROUND_DAYS}


# Kinds of place whose owner was approached by activity there ("through the Miyako Strait", "off Hokkaido");
# a port or base is where ships sail from, a sea nobody's.
_OWNED_KINDS = frozenset({"strait", "channel", "island", "island group", "archipelago", "peninsula", "country", "adiz",
                          "airspace"})


SHORE_KM = 150.0  # a strait's shores: countries this close to its point ...
SHORE_SLACK_KM = 50.0  # ... and not much farther than the nearest one


def _shores(p: Place) -> list[str]:
    """The countries either side of a strait the gazetteer gives no single owner (the Taiwan Strait: China and
    Taiwan; the Korea Strait: Japan and South Korea), whose waters a passage goes between: approached, so
    observers under the coding rules."""
    near = countries_near(round(p.lat, 3), round(p.lon, 3), SHORE_KM)
    return [c for c, km in near if km <= near[0][1] + SHORE_SLACK_KM] if near else []


LAND_KM = 20.0  # an island the gazetteer gives no owner lies in (or this close to) its country's territory
# Places whose owner a bomber flight near them approached ("near Kaliningrad", "off Shimane"), besides _OWNED_KINDS
_APPROACHED_KINDS = frozenset({"city", "town", "port", "capital", "area", "region", "geoarea"})


def owners(p: Place, watched: bool) -> list[str]:
    """Whose place it is: the gazetteer's owner, else the country an island lies in, else a strait's shores
    (only when no one is reported watching: HMS Tyne followed a corvette through the Strait of Dover makes
    Britain, not France too, an observer)."""
    if p.iso3 or not p.resolved:
        return [p.iso3] if p.iso3 else []
    if p.kind in ("island", "island group", "archipelago", "peninsula"):
        return [c for c, _ in countries_near(round(p.lat, 3), round(p.lon, 3), LAND_KM)[:1]]
    return _shores(p) if p.kind == "strait" and not watched else []


def place_owners_observe(kept: list[Finding]) -> None:
    """The country that owns a strait, island or coast the activity passed is approached, so observes it (the
    coding rules), when the gazetteer gives the place one owner: a passage through the Miyako Strait is
    watched by Japan though the sentence names only the ships. Exercises are left out: whose waters a drill
    was held in is no approach."""
    for d in kept:
        if d.type in ("scramble", "exercise") or d.monitor or not d.actors:
            continue
        kinds = _OWNED_KINDS | (_APPROACHED_KINDS if d.type == "bomber_approach" else frozenset())
        for p in d.places:
            if p.alias_of is None and p.kind in kinds:
                d.observers += [c for c in owners(p, bool(d.observers)) if c not in d.actors and c not in d.observers]



_FIRST_PERSON = re.compile(r"\bour\s+(?:[\w-]+\s+){0,2}?(?:ADIZ|air defen[cs]e identification zone|airspace|"
                           r"territorial (?:waters|sea|airspace)|waters|surrounding (?:region|area|waters|sea)|"
                           r"country|territory|coast|islands?)\b", re.I)


def issuer_observes(kept: list[Finding], issuer: list[str]) -> None:
    """A ministry's own release ("entered the southwestern part of our ADIZ", "operating in our surrounding
    region") is written by the country approached: it observes every foreign activity it reports, and its
    forces are the ones that responded."""
    if not issuer:
        return
    code = issuer[0]
    for d in kept:
        if d.type == "scramble":
            if not d.actors and not d.escort:
                d.actors = [code]
            continue
        if d.actors and code not in d.actors and code not in d.observers and not _friendly_exercise(d):
            d.observers.append(code)


def issuer(text: str, kept: list[Finding], title_codes: list[str]) -> list[str]:
    """The country a first-person release speaks for: named in its heading, else the one whose forces responded."""
    if not _FIRST_PERSON.search(text):
        return []
    reactors = [c for d in kept if d.type == "scramble" for c in d.actors]
    return (title_codes or reactors)[:1]
