"""Derive the country layers from Natural Earth 1:50m admin-0 countries.

Outputs (our schema: ``iso_a3`` and ``name`` only):
- ``data/ne/countries.geojson``: ~1 km simplification, for border/coast distances.
- ``data/ne/basemap.geojson``: ~3 km simplification, light enough to send to the browser.

Natural Earth writes ``-99`` in ISO_A3 for France, Norway and a few others; ADM0_A3 holds
the right code there, so we fall back to it.

Run: ``python scripts/build_basemap.py`` (needs ../shared/data).
"""

from __future__ import annotations

from ne_data import DATA, load_features, rounded, write_collection
from shapely.geometry import shape

ATTRIBUTION = "Made with Natural Earth (public domain), 1:50m admin-0 countries v4.0.0"


def country_features(tolerance: float, decimals: int) -> list[dict]:
    out = []
    for f in load_features("naturalearth/ne_50m_admin_0_countries.json"):
        p = f["properties"]
        iso = p["ISO_A3"] if p["ISO_A3"] not in ("-99", None) else p["ADM0_A3"]
        geom = shape(f["geometry"]).simplify(tolerance, preserve_topology=True)
        out.append(
            {
                "type": "Feature",
                "properties": {"iso_a3": iso, "name": p["NAME"]},
                "geometry": rounded(geom, decimals),
            }
        )
    out.sort(key=lambda f: f["properties"]["iso_a3"])
    return out


def main() -> None:
    for name, tol, dec in (("countries", 0.01, 3), ("basemap", 0.03, 2)):
        size = write_collection(DATA / "ne" / f"{name}.geojson", country_features(tol, dec), ATTRIBUTION)
        print(f"data/ne/{name}.geojson: {size:,} bytes")


if __name__ == "__main__":
    main()
