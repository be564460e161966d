"""Replace the sample events' locations by what the offline geocoder resolves for their places.

The sample is hand-coded from the seed report; its coordinates come from here, so they are
reproducible and as good as the gazetteer. One place -> its point (country or named place) or
its polygon (a sea: the event is "over the Sea of Japan", not at a pin); several places of a
patrol or transit -> a line through them in the order the report names them (straight for
aircraft, along shipping lanes for ships), drawn dashed on the map as an inferred path.

Run: ``python scripts/geocode_sample.py`` (rewrites data/sample_events.csv in place).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.io import read_file, write  # noqa: E402
from events.schema import Event  # noqa: E402
from geo import geocode  # noqa: E402
from geo.geometry import sea_route  # noqa: E402

SAMPLE = ROOT / "data" / "sample_events.csv"
AREA_KINDS = {"sea", "ocean", "gulf", "bay", "strait", "channel", "sound", "adiz"}


def locate(ev: Event) -> Event:
    hits = [geocode(p) for p in ev.places]
    if not ev.places or any(h is None for h in hits):
        missing = [p for p, h in zip(ev.places, hits, strict=True) if h is None]
        raise SystemExit(f"{ev.id}: no location for {missing or 'an event without places'}")
    if len(hits) > 1 and ev.type in ("joint_patrol", "transit"):
        points = [(h.latitude, h.longitude) for h in hits]
        if ev.type == "transit":
            legs = [sea_route(a, b)["geometry"]["coordinates"] for a, b in zip(points, points[1:], strict=False)]
            coords = [c for leg in legs for c in leg]
        else:
            coords = [[round(lon, 4), round(lat, 4)] for lat, lon in points]
        route = {"type": "LineString", "coordinates": coords}
        return ev.model_copy(update={"geometry": route, "geo_precision": "area"})
    hit = hits[0]
    kind = hit.raw["kind"]
    if kind in AREA_KINDS and hit.raw.get("geometry"):
        return ev.model_copy(update={"geometry": hit.raw["geometry"], "geo_precision": "area"})
    point = {"type": "Point", "coordinates": [round(hit.longitude, 4), round(hit.latitude, 4)]}
    return ev.model_copy(update={"geometry": point, "geo_precision": "country" if kind == "country" else "place"})


def main() -> None:
    events, errors = read_file(SAMPLE)
    if errors:
        raise SystemExit(f"{SAMPLE}: {errors[0]}")
    located = [locate(ev) for ev in events]
    with open(SAMPLE, "w", encoding="utf-8", newline="") as f:
        write("csv", located, f)
    for ev in located:
        print(f"{ev.id:40} {ev.geometry['type']:12} {ev.geo_precision}")


if __name__ == "__main__":
    main()
