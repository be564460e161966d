"""Command line: ``python -m events import PATH`` and ``python -m events export``.

The store is the one at ``SORTIE_DB`` (a path or SQLAlchemy URL), or ``--db``. Imports go
through :mod:`events.intake`, as the Ingest page does; formats come from :mod:`events.io`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from events import intake
from events import io as formats
from events.cli_args import iso_date
from events.store import Store


def _read(args: argparse.Namespace, path: Path) -> intake.Batch:
    if intake.is_event_file(path):
        with tqdm(desc="validating", unit=" rows", disable=args.quiet, file=sys.stderr) as bar:
            return intake.read_event_file(path, progress=bar.update)  # judged once, by is_event_file
    with tqdm(desc="extracting", unit=" articles", disable=args.quiet, file=sys.stderr, delay=0.2) as bar:
        def set_total(n: int) -> None:
            bar.total = n
            bar.refresh()

        return intake.read_path(path, args.published, progress=bar.update, total=set_total)


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.exists():
        print(f"error: {path}: no such file or folder", file=sys.stderr)
        return 2
    store = Store(args.db, seed=None)
    batch = _read(args, path)
    quiet = args.quiet or (bool(batch.problems) and not args.partial) or not batch.events_file
    with tqdm(total=len(batch.drafts), desc="saving", unit=" events", disable=quiet, file=sys.stderr) as bar:
        intake.import_batch(store, batch, args.partial, progress=bar.update)
    for p in batch.problems[: args.max_errors]:
        print(p, file=sys.stderr)
    if len(batch.problems) > args.max_errors:
        print(f"... and {len(batch.problems) - args.max_errors} more problem(s)", file=sys.stderr)
    print(batch.summary(), file=sys.stdout if batch.saved else sys.stderr)
    return 0 if batch.saved else 1


def _export(args: argparse.Namespace) -> int:
    store = Store(args.db, seed=None)
    events = tqdm(store.iter_events(), total=store.count(), desc="exporting", unit=" events",
                  disable=args.quiet or not args.out, file=sys.stderr)
    if not args.out:
        try:
            formats.write(args.format, events, sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:  # piped into head: not an error of ours
            sys.stderr.close()
        return 0
    out = Path(args.out)
    tmp = out.with_name(out.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            formats.write(args.format, events, f)
        tmp.replace(out)  # atomic: a reader never sees half a file, a failure leaves the old one
    finally:
        tmp.unlink(missing_ok=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    readable = ", ".join(f.label for f in formats.FORMATS)
    p = argparse.ArgumentParser(prog="python -m events", description="Import and export Sortie events.")
    p.add_argument("--db", help="database path or SQLAlchemy URL (default: $SORTIE_DB or data/sortie.db)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    sub = p.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="load events, or draft them from articles (all or nothing)")
    imp.add_argument("file", help=f"a file ({readable}) or a folder of articles")
    imp.add_argument("--partial", action="store_true", help="save the good rows even if some are bad")
    imp.add_argument("--max-errors", type=int, default=50, help="how many problems to print")
    imp.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                     help="articles: publication date for those whose file or feed item gives none")
    exp = sub.add_parser("export", help="write the stored events")
    exp.add_argument("--format", choices=[f.name for f in formats.writable()], default="csv")
    exp.add_argument("--out", help="file to write (default: standard output)")
    args = p.parse_args(argv)
    return _import(args) if args.command == "import" else _export(args)


if __name__ == "__main__":
    sys.exit(main())
