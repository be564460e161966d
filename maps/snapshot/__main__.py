"""``python -m maps.snapshot --out FILE.png``: the filtered view as an image, page, animation or data file.

The format follows the file's extension. Events come from the store at ``SORTIE_DB`` (or
``--db``). Bad arguments print one line and exit with status 2, so a weekly briefing script
fails loudly and readably.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from events.event_types import EVENT_TYPES
from events.query import EventFilter
from events.schema import country_codes
from maps.snapshot.extent import BadBBox, parse_bbox
from maps.snapshot.outputs import FORMATS, Request, export


class UsageError(ValueError):
    """Bad command-line input; printed as one line, exit status 2."""


def _codes(text: str | None, what: str) -> tuple[str, ...]:
    if not text:
        return ()
    codes = tuple(c.strip().upper() for c in text.split(",") if c.strip())
    bad = [c for c in codes if c not in country_codes()]
    if bad:
        raise UsageError(f"--{what}: {', '.join(bad)} not ISO 3166-1 alpha-3 code(s) (e.g. RUS,CHN)")
    return codes


def _types(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    types = tuple(t.strip() for t in text.split(",") if t.strip())
    bad = [t for t in types if t not in EVENT_TYPES]
    if bad:
        raise UsageError(f"--type: unknown {', '.join(bad)}; choose from {', '.join(EVENT_TYPES)}")
    return types


def _day(text: str | None, flag: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{flag}: {text!r} is not a date YYYY-MM-DD") from None


def build_filter(args: argparse.Namespace) -> EventFilter:
    flt = EventFilter(
        actors=_codes(args.country, "country"),
        observers=_codes(args.observer, "observer"),
        types=_types(args.type),
        date_from=_day(args.date_from, "--from"),
        date_to=_day(args.date_to, "--to"),
        text=(args.text or "").strip(),
    )
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise UsageError(f"--from {flt.date_from} is after --to {flt.date_to}")
    return flt


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m maps.snapshot", description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True, help=f"file to write; its extension picks the format: {', '.join(FORMATS)}")
    p.add_argument("--country", help="acting countries, alpha-3, comma-separated (e.g. RUS,CHN)")
    p.add_argument("--observer", help="approached/reacting countries, alpha-3, comma-separated (e.g. JPN,KOR)")
    p.add_argument("--type", help=f"event types, comma-separated: {', '.join(EVENT_TYPES)}")
    p.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="last day, YYYY-MM-DD")
    p.add_argument("--text", help="only events whose evidence, places, assets or source contain this")
    p.add_argument("--bbox", help="map extent W,S,E,N in degrees; W > E crosses the antimeridian; "
                   "write --bbox=-10,30,40,60 when it starts with a minus sign")
    p.add_argument("--width", type=int, help="image width in pixels (default 1600; 1200 for gif/mp4)")
    p.add_argument("--dpi", type=int, default=100, help="dots per inch: text size and PDF/SVG page size (default 100)")
    p.add_argument("--title", default="Reported military activity", help="heading of the image or page")
    p.add_argument("--db", help="database path or SQLAlchemy URL (default: $SORTIE_DB or data/sortie.db)")
    return p


def run(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)  # argparse itself exits 2 with a usage line on unknown flags
    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    try:
        if fmt not in FORMATS:
            raise UsageError(f"--out: unknown extension {out.suffix or '(none)'!r}; use one of .{', .'.join(FORMATS)}")
        if not out.parent.is_dir():
            raise UsageError(f"--out: folder {out.parent} does not exist")
        flt = build_filter(args)
        if args.bbox:
            parse_bbox(args.bbox)
        if args.width is not None and not 100 <= args.width <= 10_000:
            raise UsageError(f"--width must be 100..10000 pixels, got {args.width}")
        if not 30 <= args.dpi <= 1_200:
            raise UsageError(f"--dpi must be 30..1200, got {args.dpi}")
    except (UsageError, BadBBox) as exc:
        p.print_usage(sys.stderr)
        print(f"{p.prog}: error: {exc}", file=sys.stderr)
        return 2

    from events.store import Store

    store = Store(args.db)
    req = Request(fmt=fmt, title=args.title, width=args.width, dpi=args.dpi, bbox=args.bbox)
    tmp = out.with_name(out.name + ".part")
    try:
        with open(tmp, "wb") as f:
            n = export(store, flt, req, f)
        tmp.replace(out)  # atomic: a reader never sees half a file
    finally:
        tmp.unlink(missing_ok=True)
    print(f"wrote {out} ({out.stat().st_size:,} bytes, {n:,} of {store.count():,} events)")
    return 0


if __name__ == "__main__":
    sys.exit(run())
