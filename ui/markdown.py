"""Report text inside Streamlit Markdown: shown as written, never as links, images or emphasis."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def md(text: object) -> str:
    """Report text (place names, outlet names, group labels) as literal Markdown."""
    return _SPECIAL.sub(r"\\\1", str(text))
