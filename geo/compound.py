"""Answer a parsed phrase (``geo.phrases``): look its anchors up, then compute the place.

Operations: a geodesic offset from the anchor ("140 km north of Miyako Island"), the strait
between two anchors or else their geodesic midpoint, an owner's ADIZ polygon (or its
territory as airspace when the gazetteer has no zone), a named place inside someone's
airspace, and the one place behind two names of it. Why separate from the resolver: it only
needs "look this text up" and the gazetteer, so it takes them as a ``Context`` and the
resolver stays the one place that ranks names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .demonyms import PLACES as DEMONYM_PLACES
from .gazetteer import Gazetteer, Place
from .match import Match, precision_of
from .newsforms import _LEAD, _TRAIL
from .normalize import key, tokens
from .offset import destination, inverse, midpoint
from .phrases import POINTS, Phrase, compass

OFFSET_CONFIDENCE = 0.9  # share of the anchor's confidence an offset, "between" or "east of" keeps
ZONE_CONFIDENCE = 0.95  # same for a zone or a place named with its airspace / second name
BETWEEN_RATIO = 1.2  # a strait is "between" A and B when |SA| + |SB| <= this x |AB| (an ellipse)
_STRAIT_KINDS = frozenset({"strait", "channel"})
_MIN_STRAIT_RANK = 50  # Natural Earth slivers (rank 30) are runner-ups, never "the" strait
_GENERIC = _LEAD | frozenset(_TRAIL) | {"coastline", "shore", "shores", "side", "tip", "end", "part"}


@dataclass(frozen=True, slots=True)
class Context:
    """What an operation needs from the resolver."""

    gaz: Gazetteer
    # best plain (non-phrase) match for text, preferred countries, whether fuzzy matching may answer
    lookup: Callable[[str, Sequence[str], bool], Match | None]
    country_iso: Callable[[str], str | None]
    isos: tuple[str, ...] = ()  # the caller's preferred countries, in order ("its ADIZ")


def answer(phrase: Phrase, ctx: Context) -> list[Match]:
    """The phrase's answer as a one-item list, or [] when an anchor is unknown."""
    op = _OPS[phrase.op]
    m = op(phrase, ctx)
    return [m] if m is not None else []


def anchor(text: str, ctx: Context, *, islands: bool = False, isos: Sequence[str] = ()) -> Match | None:
    """Best match for an anchor as news writes it: "Okinawa's main island", "Japan's Okushiri
    Island", "Okushiri, Hokkaido", "Miyako Island in Okinawa Prefecture". Every reading is
    tried exactly before any is tried fuzzily ("Okushiri, Hokkaido" is not fuzzy "Kushiro")."""
    prefer = tuple(isos) or ctx.isos
    texts = _anchor_texts(text, islands)
    for fuzzy in (False, True):
        for t, owner in texts:
            iso = ctx.country_iso(DEMONYM_PLACES.get(owner.lower(), owner)) if owner else None
            m = ctx.lookup(t, (iso, *prefer) if iso else prefer, fuzzy)
            if m is not None:
                return m
    return None


def _anchor_texts(text: str, islands: bool) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if m := re.fullmatch(r"(.+?)'s\s+main\s+island|main\s+island\s+of\s+(?:the\s+)?(.+)", text, re.I):
        name = m[1] or m[2]
        out += [(f"{name} Island", ""), (name, "")]
    if islands and not re.search(r"\b(?:islands?|isles?|jima|shima|to)$", text, re.I):
        out.append((f"{text} Island", ""))
    out.append((text, ""))
    if m := re.fullmatch(r"(.+?)'s\s+(.+)", text):
        if all(t in _GENERIC for t in tokens(m[2])):  # "Hokkaido's east coast": Hokkaido
            out.append((m[1], ""))
        else:  # "Japan's Okushiri Island": the island, preferably in Japan
            out += [(m[2], m[1]), (m[1], "")]
    cut = re.split(r",|\s+(?:in|on|off|near)\s+(?:the\s+)?", text, maxsplit=1)[0].strip()
    if cut and cut != text:
        out.append((cut, ""))
    return list(dict.fromkeys(out))


def _derived_precision(anchor_precision: str) -> str:
    """An answer computed from an anchor is never more precise than a point, nor than the anchor."""
    return anchor_precision if anchor_precision in ("area", "country") else "place"


def _offset(ph: Phrase, ctx: Context) -> Match | None:
    a = anchor(ph.anchors[0], ctx)
    if a is None or ph.distance_km is None or ph.bearing_deg is None:
        return None
    lat, lon = destination(a.place.lat, a.place.lon, ph.bearing_deg, ph.distance_km)
    code = POINTS[round(ph.bearing_deg / 22.5) % 16].upper()
    name = f"{ph.distance_km:g} km {code} of {a.place.name}"
    place = Place(-1, name, "offset", round(lat, 5), round(lon, 5), a.place.rank, "",
                  f"{a.place.source}; offset on the WGS84 ellipsoid (pyproj Geod.fwd)", False, "")
    info = {"kind": "offset", "precision": _derived_precision(precision_of(a.place)), "anchor": a.place.name,
            "anchor_id": a.place.idx, "distance_km": ph.distance_km, "bearing_deg": ph.bearing_deg,
            "direction": ph.direction}
    return Match(place, round(a.confidence * OFFSET_CONFIDENCE, 3), "phrase", a.matched, "offset", info)


def _distance(ph: Phrase, ctx: Context) -> Match | None:
    """"50 km off Hokkaido": somewhere on a ring round the anchor; the anchor, noted as near."""
    a = anchor(ph.anchors[0], ctx)
    if a is None:
        return None
    info = {"precision": "country" if precision_of(a.place) == "country" else "area", "anchor": a.place.name,
            "distance_km": ph.distance_km}
    return Match(a.place, round(a.confidence * OFFSET_CONFIDENCE, 3), "phrase", a.matched, a.qualifier or "near",
                 info)


def _relative(ph: Phrase, ctx: Context) -> Match | None:
    """"east of Hokkaido": the anchor, with the direction as its qualifier and bearing."""
    a = anchor(ph.anchors[0], ctx)
    if a is None:
        return None
    info = {"precision": "country" if precision_of(a.place) == "country" else "area", "anchor": a.place.name,
            "bearing_deg": ph.bearing_deg, "direction": ph.direction}
    return Match(a.place, round(a.confidence * OFFSET_CONFIDENCE, 3), "phrase", a.matched, ph.direction, info)


def _between(ph: Phrase, ctx: Context) -> Match | None:
    pair = None
    for a_text, b_text in zip(ph.anchors[::2], ph.anchors[1::2], strict=True):
        a = anchor(a_text, ctx, islands=ph.islands)
        b = anchor(b_text, ctx, islands=ph.islands) if a is not None else None
        if a is not None and b is not None:
            pair = _nearest_readings((a, _island_reading(a_text, ctx)), (b, _island_reading(b_text, ctx)))
            break
    if pair is None:
        return None
    a, b = pair
    conf = round(min(a.confidence, b.confidence) * OFFSET_CONFIDENCE, 3)
    names = [a.place.name, b.place.name]
    strait = strait_between(ctx.gaz, a.place, b.place)
    if strait is not None:
        info = {"kind": "strait", "precision": precision_of(strait), "anchors": names,
                "anchor_ids": [a.place.idx, b.place.idx]}
        return Match(strait, conf, "phrase", key(strait.name), "between", info)
    lat, lon = midpoint(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
    precs = {precision_of(a.place), precision_of(b.place)}
    iso = a.place.iso_a3 if a.place.iso_a3 == b.place.iso_a3 else ""
    place = Place(-1, f"between {names[0]} and {names[1]}", "between", round(lat, 5), round(lon, 5),
                  min(a.place.rank, b.place.rank), iso,
                  f"geodesic midpoint of {names[0]} ({a.place.source}) and {names[1]} ({b.place.source})", False, "")
    info = {"kind": "between", "precision": "place" if precs <= {"exact", "place"} else "area", "anchors": names,
            "anchor_ids": [a.place.idx, b.place.idx]}
    return Match(place, conf, "phrase", f"{a.matched} | {b.matched}", "between", info)


def _island_reading(text: str, ctx: Context) -> Match | None:
    """"Miyako" read as Miyako Island (an exact name only), for choosing between readings."""
    if re.search(r"\b(?:islands?|isles?|strait|sea|island group)$", text, re.I):
        return None
    return ctx.lookup(f"{text} Island", ctx.isos, False)


def _nearest_readings(a: tuple[Match, Match | None], b: tuple[Match, Match | None]) -> tuple[Match, Match]:
    """Two places named together lie near each other: "between Okinawa and Miyako" is Miyako
    Island (290 km away), not the city of Miyako in Iwate (1,800 km). The best readings win ties."""
    options = [(x, y) for x in a if x is not None for y in b if y is not None]
    return min(options, key=lambda p: inverse(p[0].place.lat, p[0].place.lon, p[1].place.lat, p[1].place.lon)[0])


@lru_cache(maxsize=4)
def _straits(gaz: Gazetteer) -> tuple[Place, ...]:
    rows = gaz._rows  # noqa: SLF001 (same package; a scan of rows, not 36k Place objects)
    return tuple(gaz.place(i) for i, r in enumerate(rows) if r[1] in _STRAIT_KINDS and r[4] >= _MIN_STRAIT_RANK)


def strait_between(gaz: Gazetteer, a: Place, b: Place) -> Place | None:
    """The gazetteer strait whose point lies between the two places (Miyako Strait between
    Okinawa and Miyako islands): inside the ellipse |SA| + |SB| <= BETWEEN_RATIO x |AB|,
    the most nearly in line first."""
    ab = inverse(a.lat, a.lon, b.lat, b.lon)[0]
    if ab < 1.0:
        return None
    best: tuple[float, float, Place] | None = None
    for s in _straits(gaz):
        if s.idx in (a.idx, b.idx):
            continue
        ratio = (inverse(s.lat, s.lon, a.lat, a.lon)[0] + inverse(s.lat, s.lon, b.lat, b.lon)[0]) / ab
        if ratio <= BETWEEN_RATIO and (best is None or (ratio, -s.rank) < best[:2]):
            best = (ratio, -s.rank, s)
    return best[2] if best else None


@lru_cache(maxsize=4)
def _adiz_by_iso(gaz: Gazetteer) -> dict[str, Place]:
    """The zone each country declares; a polygon before a partial line."""
    out: dict[str, Place] = {}
    for i, r in enumerate(gaz._rows):  # noqa: SLF001
        if r[1] == "adiz":
            p = gaz.place(i)
            old = out.get(p.iso_a3)
            if old is None or "partial" in old.note:
                out[p.iso_a3] = p
    return out


_ZONE_TOKENS = frozenset({"adiz", "air", "defense", "defence", "identification", "zone", "s", "as"})


@lru_cache(maxsize=4)
def _adiz_words(gaz: Gazetteer) -> tuple[tuple[frozenset[str], Place], ...]:
    """Each zone with the words its names use for the owner ("korea", "korean", "roc"...)."""
    words: dict[int, set[str]] = {}
    rows = gaz._rows  # noqa: SLF001
    for k, idxs in gaz.keys.items():
        for i in idxs:
            if rows[i][1] == "adiz":
                words.setdefault(i, set()).update(w for w in k.split() if w not in _ZONE_TOKENS and w.isalpha())
    return tuple((frozenset(w), gaz.place(i)) for i, w in words.items())


def _zone_named(gaz: Gazetteer, owner: str) -> Place | None:
    """The one zone whose names hold every word of the owner ("Korea" -> KADIZ), else None."""
    want = set(tokens(owner))
    hits = [p for w, p in _adiz_words(gaz) if want and want <= w]
    return hits[0] if len(hits) == 1 else None


def _owner(text: str | None, ctx: Context) -> tuple[str | None, Match | None]:
    """(ISO alpha-3 or None, the owner's match) for "Taiwan", "Japanese", "Alaska", or "" (a
    pronoun: the caller's first preferred country)."""
    if text is None:
        return None, None
    if not text:
        if not ctx.isos:
            return None, None
        iso = ctx.isos[0]
        return iso, _country(ctx, iso)
    name = DEMONYM_PLACES.get(text.lower(), text)
    iso = ctx.country_iso(name)
    if iso:
        return iso, _country(ctx, iso)
    m = ctx.lookup(name, (), False)  # exact names only: a misread owner would put the zone elsewhere
    if m is None:
        return None, None
    return (m.place.iso_a3 if m.place.kind == "country" else None), m


def _country(ctx: Context, iso: str) -> Match | None:
    idx = ctx.gaz.by_iso.get(iso)
    if idx is None:
        return None
    p = ctx.gaz.place(idx)
    return Match(p, 1.0, "exact", key(p.name))


def _zone(ph: Phrase, ctx: Context) -> Match | None:
    iso, owner = _owner(ph.owner, ctx)
    zone = None
    if ph.zone:
        zone = _adiz_by_iso(ctx.gaz).get(iso) if iso else None
        if zone is None and ph.owner:
            zone = _zone_named(ctx.gaz, ph.owner)
    if zone is not None:
        conf = round((owner.confidence if owner else 1.0) * ZONE_CONFIDENCE, 3)
        info: dict[str, Any] = {"precision": "area", "owner": owner.place.name if (owner and iso) else ph.owner}
        place = zone
        if ph.part:
            found = compass(ph.part)
            geom = ctx.gaz.geometry(zone)
            ref = owner.place if owner else zone
            pt = _part_point(geom, ref, found[0]) if (found and geom) else None
            if pt is not None:
                place = replace(zone, lat=round(pt[0], 4), lon=round(pt[1], 4))
                info["part"] = ph.part
        return Match(place, conf, "phrase", key(zone.name), ph.part or "", info)
    if owner is None:
        return None
    conf = round(owner.confidence * ZONE_CONFIDENCE, 3)
    info = {"kind": "airspace", "precision": precision_of(owner.place), "owner": owner.place.name, "zone": None}
    if ph.zone:  # the zone was named but the gazetteer has none: say so, and trust it less
        info["note"] = f"no {ph.owner or owner.place.name} ADIZ in the gazetteer: its territory instead"
        conf = round(conf * 0.85, 3)
    if ph.part:
        info["part"] = ph.part
    return Match(owner.place, conf, "phrase", owner.matched, "airspace", info)


def _part_point(geom: dict[str, Any], owner: Place, bearing: float) -> tuple[float, float] | None:
    from .geometry import part_point  # shapely: only when a part of a zone is asked for

    return part_point(geom, owner.lat, owner.lon, bearing)


def _near(ph: Phrase, ctx: Context) -> Match | None:
    """"Japanese airspace near the Danjo Islands": the islands give the point; the airspace is noted."""
    iso, owner = _owner(ph.owner, ctx)
    m = anchor(ph.anchors[0], ctx, isos=(iso,) if iso else ())
    if m is None:  # the place is unknown: the owner's zone or airspace, trusted less
        z = _zone(replace(ph, op="zone"), ctx)
        return replace(z, confidence=round(z.confidence * 0.8, 3)) if z is not None else None
    airspace = iso or (owner.place.name if owner else None)
    info: dict[str, Any] = {"precision": precision_of(m.place), "airspace": airspace}
    if ph.zone and iso and (z := _adiz_by_iso(ctx.gaz).get(iso)):
        info["zone"] = z.name
    return Match(m.place, round(m.confidence * ZONE_CONFIDENCE, 3), "phrase", m.matched, "airspace", info)


def _both(ph: Phrase, ctx: Context) -> Match | None:
    """"the Sea of Japan, known in South Korea as the East Sea": one sea, named first."""
    a = anchor(ph.anchors[0], ctx)
    b = anchor(ph.anchors[1], ctx)
    best = a or b
    if best is None:
        return None
    same = a is not None and b is not None and a.place.idx == b.place.idx
    info = {"also": ph.anchors[1] if best is a else ph.anchors[0], "names_agree": same}
    conf = best.confidence * (1.0 if same else ZONE_CONFIDENCE)
    return Match(best.place, round(conf, 3), "phrase", best.matched, best.qualifier, info)


def _within(ph: Phrase, ctx: Context) -> Match | None:
    """"Okushiri, Hokkaido", "Sasebo, Japan": the first place, preferring the second's country;
    nothing when the first is unknown (the second alone would be a guess at a wider area)."""
    a_text, b_text = ph.anchors
    iso = ctx.country_iso(DEMONYM_PLACES.get(b_text.lower(), b_text))
    if iso is None:
        b = ctx.lookup(b_text, (), False)
        iso = (b.place.iso_a3 or None) if b is not None else None
    m = anchor(a_text, ctx, isos=(iso,) if iso else ())
    if m is None:
        return None
    return Match(m.place, round(m.confidence * ZONE_CONFIDENCE, 3), "phrase", m.matched, m.qualifier,
                 {"within": b_text})


_OPS: dict[str, Callable[[Phrase, Context], Match | None]] = {
    "offset": _offset, "distance": _distance, "relative": _relative, "between": _between, "zone": _zone,
    "near": _near, "both": _both, "within": _within,
}
