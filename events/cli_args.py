"""Argument types shared by the command lines (``python -m events``, ``python -m events.extract``)."""

from __future__ import annotations

import argparse
from datetime import date


def iso_date(value: str) -> date:
    """argparse type for a day: strictly YYYY-MM-DD, so 03/04/2024 is never guessed."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None
