"""Closest approach in km: "as close as 20 kilometers (12 miles)" -> 20.0.

Reports give km, miles or nautical miles, often both; the metric figure wins because the
imperial one is the reporter's rounding.
"""

from __future__ import annotations

import re

_UNIT_KM = {"km": 1.0, "kilometer": 1.0, "kilometre": 1.0, "mile": 1.609344, "nautical mile": 1.852, "nm": 1.852}
_NUMBER = r"(?P<v>\d{1,5}(?:[.,]\d+)?)"
_UNIT = r"(?P<u>nautical miles?|kilomet(?:er|re)s?|km|miles?|nm)\b"
_CUE = re.compile(
    rf"(?:as close as|within|to within|only|just|some|about|approximately|roughly|less than|closer than|"
    rf"came|flew|approached|to)\s+{_NUMBER}\s*-?\s*{_UNIT}", re.I)
_FROM = re.compile(rf"{_NUMBER}\s*-?\s*{_UNIT}\s+(?:\(\s*[\d.,]+\s*\w+(?: \w+)?\s*\)\s+)?"
                   r"(?:from|off|of|short of)\s+(?:the\s+)?", re.I)


def _km(v: str, unit: str) -> float:
    unit = unit.lower().rstrip("s")
    unit = "kilometer" if unit.startswith("kilomet") else unit
    return round(float(v.replace(",", "")) * _UNIT_KM[unit], 1)


def find(sentence: str) -> float | None:
    """Smallest stated distance to a border, coast or airspace, in km, or None."""
    best = None
    for pat in (_CUE, _FROM):
        for m in pat.finditer(sentence):
            km = _km(m.group("v"), m.group("u"))
            if best is None or km < best:
                best = km
        if best is not None:
            return best
    return best
