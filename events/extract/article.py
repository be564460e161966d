"""Article-level passes over an article's findings: who reported it, and what it recalls as history."""

from __future__ import annotations

from collections import Counter
from datetime import date

from .link import Finding


def reporting_country_observes(kept: list[Finding]) -> None:
    """The country whose ministry reports the article's foreign activity watched it (the coding rules make it
    an observer), also in sentences that do not repeat "the ministry said"."""
    said = Counter(c for d in kept for c in d.reporters)
    if not said:
        return
    (reporter, _), = said.most_common(1)
    for d in kept:
        if d.type != "scramble" and d.actors and reporter not in d.actors and reporter not in d.observers:
            d.observers.append(reporter)


BACKGROUND_DAYS = 180  # older than this, beside news of the last two weeks, a dated activity is recalled history


def background(kept: list[Finding], day: date) -> set[int]:
    """Keys of activity the report recalls as history ("In July 2019, ..." in a story about this week)."""
    if not any((day - d.date_end).days <= 14 for d in kept):
        return set()
    return {d.key for d in kept if d.date_precision != "unknown" and (day - d.date_end).days > BACKGROUND_DAYS}
