"""CLI: ``python -m events.extract [--published YYYY-MM-DD] [--url U] [--outlet O] FILE`` -> JSON list.

The report goes through :func:`events.intake.read_text`, as a report pasted on the Ingest page
does, so both give the same drafts. FILE may be ``-`` for standard input. Input that is not an
article (empty, huge, binary) exits with code 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from events.cli_args import iso_date


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m events.extract",
                                description="Extract draft military-activity events from a news report.")
    p.add_argument("--published", type=iso_date,
                   help="publication date, YYYY-MM-DD; without it, relative dates ('on Friday') are drafted as unknown")
    p.add_argument("--url", help="source URL (http/https)")
    p.add_argument("--outlet", help="source name, e.g. 'Associated Press'")
    p.add_argument("--indent", type=int, default=2, help="JSON indent (0 for one line)")
    p.add_argument("file", help="text or HTML file, or - for standard input")
    args = p.parse_args(argv)
    try:
        if args.file == "-":
            raw: bytes = sys.stdin.buffer.read()
        else:
            path = Path(args.file)
            if not path.is_file():
                print(f"error: {args.file}: no such file", file=sys.stderr)
                return 2
            raw = path.read_bytes()
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if args.url and not args.url.lower().startswith(("http://", "https://")):
        print("error: --url must start with http:// or https://", file=sys.stderr)
        return 2
    from events import intake

    from .extractor import draft_to_dict

    batch = intake.read_text(raw, args.published, args.url, args.outlet, name=args.file)  # as the Ingest page
    if batch.problems:
        for problem in batch.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        json.dump([draft_to_dict(d) for d in batch.drafts], sys.stdout, indent=args.indent or None, ensure_ascii=False)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into head: not an error of ours
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
