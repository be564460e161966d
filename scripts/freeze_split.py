"""Freeze a test split of the extraction corpus: record a SHA-256 of every report and gold file.

    python scripts/freeze_split.py tests/data/extraction/test_2026_12

Run it once, when the split is written and before any rule is changed for it; then record its
first run (``python bench/extraction.py --dev FOLDER --first-run``, kept in first_runs.json and
printed by every later run) and write that figure into the split's FROZEN.md.
tests/test_extract_frozen.py fails if a frozen file is edited, added or removed afterwards.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

MANIFEST = "MANIFEST.sha256"


def digests(folder: Path) -> dict[str, str]:
    """File name -> SHA-256 of every report and gold file of the split."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
            if p.suffix in (".txt", ".json")}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    if (folder / MANIFEST).exists():
        print(f"{folder} is frozen already; a frozen split is never re-frozen", file=sys.stderr)
        return 1
    lines = [f"{h}  {name}" for name, h in digests(folder).items()]
    (folder / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"froze {len(lines)} files in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
