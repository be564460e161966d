"""Command line: ``python -m geo "Sea of Okhotsk"`` and ``python -m geo --batch FILE``.

Why JSON lines: the extraction pipeline and shell users can both consume them; a miss is a
JSON object with ``error`` in batch mode (one line out per line in) and exit code 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from .geocoder import OfflineGeocoder
from .resolve import query_problem


def record(geocoder: OfflineGeocoder, query: str) -> dict[str, Any]:
    """The CLI's JSON object for one query (``error`` set when nothing matches)."""
    problem = query_problem(query)
    if problem:
        return {"query": query, "error": problem}
    loc = geocoder.geocode(query, geometry=False)
    if loc is None:
        return {"query": query, "error": "no match"}
    r = loc.raw
    return {"query": query, "name": r["name"], "lat": round(loc.latitude, 5), "lon": round(loc.longitude, 5),
            "kind": r["kind"], "source": r["source"], "confidence": r["confidence"]}


def _batch(geocoder: OfflineGeocoder, stream: TextIO, out: TextIO) -> int:
    misses = 0
    for line in stream:
        rec = record(geocoder, line.rstrip("\r\n"))
        misses += "error" in rec
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 1 if misses else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo", description="Offline geocoder for seas, straits, "
                                 "islands, bases, ports and cities (prints JSON).")
    ap.add_argument("query", nargs="*", help="place name, e.g. 'Sea of Okhotsk'")
    ap.add_argument("--batch", metavar="FILE", help="one query per line ('-' for stdin); JSON line per input")
    ap.add_argument("--online", action="store_true",
                    help="allow the Nominatim fallback (else env SORTIE_GEOCODER_ONLINE)")
    args = ap.parse_args(argv)
    if bool(args.batch) == bool(args.query):
        ap.error("give either a query or --batch FILE")
    geocoder = OfflineGeocoder(online=True if args.online else None)
    if args.batch:
        if args.batch == "-":
            return _batch(geocoder, sys.stdin, sys.stdout)
        try:
            with open(args.batch, encoding="utf-8", errors="replace") as fh:
                return _batch(geocoder, fh, sys.stdout)
        except OSError as exc:
            print(f"cannot read {args.batch}: {exc.strerror}", file=sys.stderr)
            return 2
    rec = record(geocoder, " ".join(args.query))
    if "error" in rec:
        print(f"no place found for {rec['query'][:80]!r}: {rec['error']}", file=sys.stderr)
        return 1
    print(json.dumps(rec, ensure_ascii=False))
    return 0
