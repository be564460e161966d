"""Benchmarks write their latest table into the README between ``<!-- bench/NAME.py -->`` markers."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def write_section(name: str, table: str) -> None:
    """Replace the text between the script's markers (appended at the end if there are none)."""
    start, end = f"<!-- bench/{name}.py -->", f"<!-- /bench/{name}.py -->"
    block = f"{start}\n{table}\n{end}"
    text = README.read_text()
    if start in text:
        text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    README.write_text(text)
