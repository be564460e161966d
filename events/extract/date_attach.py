"""Which date mention governs a trigger; apart from dates.py, which finds dates but not whose they are."""

from __future__ import annotations

import re
from datetime import timedelta

from .dates import DateMention
from .types import Trigger


def attach(dms: list[DateMention], positions: list[int], sentence: str) -> DateMention | None:
    """The date mention that governs a trigger: same comma-clause, else a sentence-initial adverbial."""
    def seg(pos: int) -> int:
        n = 0
        for i, ch in enumerate(sentence[:pos]):
            if ch in ",;" and not any(d.start <= i < d.end for d in dms):
                n += 1
        return n
    # "the ministry said on Friday": the date of the statement, not of the activity
    dms = [d for d in dms if not said_date(sentence, d)]
    best = None
    for d in dms:
        for pos in positions:
            if seg(d.start) == seg(pos):
                dist = abs(d.start - pos)
                if best is None or dist < best[0]:
                    best = (dist, d)
    if best:
        return best[1]
    for d in dms:
        if re.fullmatch(r"\s*(?:(?:late|early|earlier|later|then)\s+)?", sentence[:d.start], re.I):
            return d
    # "..., which runs from June 4 to June 20": a relative clause right after the trigger's clause
    trig_seg = min(seg(p) for p in positions)
    rel = [d for d in dms if seg(d.start) == trig_seg + 1 and re.match(
        r"\s*(?:which|that|lasting|running|held)\b", sentence[_seg_start(sentence, d.start, dms):])]
    if rel:
        return min(rel, key=lambda d: (d.date_end - d.date_start).days)
    if len(dms) == 1:  # one date in the sentence, in another clause: still the likeliest
        return dms[0]
    return None


def day_after(text: str, t: Trigger, dm: DateMention | None, dms: list[DateMention]) -> DateMention | None:
    """ "on Sunday, a day after North Korea fired a missile": the missile is Saturday."""
    m = re.search(r"\b(?P<n>a|one|two|three)\s+days?\s+(?P<dir>after|before)\s+(?:[\w'’-]+\s+){0,4}$",
                  text[:t.start])
    if not m:
        return dm
    base = next((d for d in dms if d.end <= m.start() and not said_date(text, d)), None) or next(
        (d for d in dms if d.end <= m.start()), None)  # "said on Tuesday ..., a day after": Monday
    if base is None:
        return dm
    n = {"a": 1, "one": 1, "two": 2, "three": 3}[m.group("n").lower()]
    shift = timedelta(days=-n if m.group("dir") == "after" else n)
    return DateMention(m.start(), m.end(), m.group(0), base.date_start + shift, base.date_start + shift, "day")


def said_date(sentence: str, d: DateMention) -> bool:
    """ "the ministry said on Friday": the date of the statement, which need not be the activity's."""
    # also with who was told and how: "confirmed to Stars and Stripes by phone Tuesday that ..."
    return bool(re.search(r"\b(?:said|says|announced|reported|stated|added|confirmed|told [\w ]{1,30})"
                          r"(?:\s+(?:to|by|in)\s+[\w.' ]{1,30}?)?\s*$", sentence[:d.start]))


def _seg_start(sentence: str, pos: int, dms: list[DateMention]) -> int:
    for i in range(pos - 1, -1, -1):
        if sentence[i] in ",;" and not any(d.start <= i < d.end for d in dms):
            return i + 1
    return 0
