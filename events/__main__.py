"""Command line: ``python -m events import FILE`` and ``python -m events export``.

The store is the one at ``SORTIE_DB`` (a path or SQLAlchemy URL), or ``--db``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from events.articles import cli_import, is_article_source, parse_published
from events.formats import read_bytes, write_csv, write_geojson
from events.importer import save_events
from events.kml import write_kml
from events.store import Store


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if is_article_source(path):  # a folder of articles or an RSS/Atom feed: drafts for review
        return cli_import(Store(args.db, seed=None), path, args.published, args.partial, args.quiet, args.max_errors)
    if not path.is_file():
        print(f"error: {path} is not a file", file=sys.stderr)
        return 2
    store = Store(args.db, seed=None)
    with tqdm(desc="validating", unit=" rows", disable=args.quiet, file=sys.stderr) as bar:
        events, errors = read_bytes(path.name, path.read_bytes(), progress=bar.update)
    for err in errors[: args.max_errors]:
        print(f"{path.name}: {err}", file=sys.stderr)
    if len(errors) > args.max_errors:
        print(f"... and {len(errors) - args.max_errors} more problem(s)", file=sys.stderr)
    with tqdm(total=len(events), desc="saving", unit=" events", disable=args.quiet or (errors and not args.partial),
              file=sys.stderr) as bar:
        report = save_events(store, events, errors, args.partial, progress=bar.update)
    print(report.summary(), file=sys.stderr if not report.saved else sys.stdout)
    return 0 if report.saved else 1


def _export(args: argparse.Namespace) -> int:
    store = Store(args.db, seed=None)
    events = tqdm(store.iter_events(), total=store.count(), desc="exporting", unit=" events",
                  disable=args.quiet or not args.out, file=sys.stderr)
    write = {"csv": write_csv, "geojson": write_geojson, "kml": write_kml}[args.format]
    if not args.out:
        write(events, sys.stdout)
        return 0
    out = Path(args.out)
    tmp = out.with_name(out.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            write(events, f)
        tmp.replace(out)  # atomic: a reader never sees half a file, a failure leaves the old one
    finally:
        tmp.unlink(missing_ok=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m events", description="Import and export Sortie events.")
    p.add_argument("--db", help="database path or SQLAlchemy URL (default: $SORTIE_DB or data/sortie.db)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    sub = p.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="load a CSV, GeoJSON or KML file (all or nothing)")
    imp.add_argument("file", help="CSV, GeoJSON or KML events; or articles: a folder, an RSS/Atom feed, .txt/.html/.md")
    imp.add_argument("--partial", action="store_true", help="save the good rows even if some are bad")
    imp.add_argument("--max-errors", type=int, default=50, help="how many problems to print")
    imp.add_argument("--published", type=parse_published, metavar="YYYY-MM-DD",
                     help="articles: publication date for those whose file or feed item gives none")
    exp = sub.add_parser("export", help="write the stored events")
    exp.add_argument("--format", choices=("csv", "geojson", "kml"), default="csv")
    exp.add_argument("--out", help="file to write (default: standard output)")
    args = p.parse_args(argv)
    return _import(args) if args.command == "import" else _export(args)


if __name__ == "__main__":
    sys.exit(main())
