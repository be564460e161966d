"""From a pasted report or an uploaded file to draft events a person reviews.

The Ingest page holds drafts in the session and saves nothing until the reviewer approves
(or merges) each one. This module is the page's logic: reading the input into drafts (with the
extractor's confidence and any possible duplicates of stored events), turning an edited table
row back into a validated event, and merging a draft into the stored event it duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from events.articles import Article, Problem, read_article_bytes
from events.dedupe import Duplicate, possible_duplicates
from events.formats import read_bytes
from events.schema import Event, FieldError, FieldErrors, parse_event, utcnow

EVENT_FILES = (".csv", ".geojson", ".kml")
UPLOAD_TYPES = ["txt", "html", "htm", "md", "json", "xml", "rss", "atom", "csv", "geojson", "kml"]
ACTIONS = ("review", "approve", "merge", "discard")
LIST_COLUMNS = ("actors", "observers", "places", "assets")


@dataclass
class Draft:
    event: Event
    confidence: float | None  # None: came from an event file, not from the extractor
    origin: str
    duplicates: list[Duplicate] = field(default_factory=list)


def drafts_from_articles(articles: list[Article], published: date | None) -> tuple[list[Draft], list[Problem]]:
    """Run the extractor over each article; an unreadable one becomes a Problem naming it."""
    from events.extract import InputError, extract  # late: loading spaCy and dateparser takes ~1 s
    from events.extract.textin import html_to_text

    drafts: list[Draft] = []
    problems: list[Problem] = []
    for art in articles:
        when = art.published or published
        if when is None:
            problems.append(Problem(art.name, "no publication date: set it above"))
            continue
        text = html_to_text(art.text) if art.is_html and isinstance(art.text, str) else art.text
        try:
            cands = extract(text, when, url=art.url, outlet=art.outlet)
        except InputError as exc:
            problems.append(Problem(art.name, str(exc)))
            continue
        drafts += [Draft(c.event.model_copy(update={"status": "draft"}), c.confidence, art.name) for c in cands]
        if not cands:
            problems.append(Problem(art.name, "no reported military activity found in this text"))
    return drafts, problems


def drafts_from_text(text: str, published: date, url: str | None = None,
                     outlet: str | None = None) -> tuple[list[Draft], list[Problem]]:
    return drafts_from_articles([Article("pasted text", text, published, url or None, outlet or None)], published)


def drafts_from_upload(name: str, data: bytes, published: date | None) -> tuple[list[Draft], list[Problem]]:
    """An event file (CSV/GeoJSON/KML, validated row by row) or article(s) to extract from."""
    if Path(name).suffix.lower() in EVENT_FILES:
        events, errors = read_bytes(name, data)
        problems = [Problem(name, str(e)) for e in errors]
        return [Draft(e.model_copy(update={"status": "draft"}), None, name) for e in events], problems
    articles, problems = read_article_bytes(name, data)
    drafts, more = drafts_from_articles(articles, published)
    return drafts, problems + more


def flag_duplicates(drafts: list[Draft], stored: pd.DataFrame) -> list[Draft]:
    for d in drafts:
        d.duplicates = possible_duplicates(d.event, stored, limit=3)
    return drafts


def review_table(drafts: list[Draft]) -> pd.DataFrame:
    """The editable table: one row per draft, lists as '; '-joined text."""
    rows = []
    for d in drafts:
        e = d.event
        dup = d.duplicates[0] if d.duplicates else None
        rows.append({
            "action": "review",
            "type": e.type,
            "date_start": e.date_start,
            "date_end": e.date_end,
            **{c: "; ".join(getattr(e, c)) for c in LIST_COLUMNS},
            "closest_approach_km": e.closest_approach_km,
            "evidence": e.evidence,
            "confidence": d.confidence,
            "duplicate_of": dup[0] if dup else None,
            "why_duplicate": "; ".join(dup[2]) if dup else "",
            "id": e.id,
        })
    return pd.DataFrame(rows, columns=["action", "type", "date_start", "date_end", *LIST_COLUMNS,
                                       "closest_approach_km", "evidence", "confidence", "duplicate_of",
                                       "why_duplicate", "id"])


def _cell(v: Any) -> Any:
    return None if v is None or (isinstance(v, float) and v != v) else v


def event_from_row(row: dict[str, Any], draft: Event, number: int) -> Event:
    """The reviewer's edits applied to ``draft``, validated; errors name the table row."""
    data = draft.model_dump()
    for c in ("type", "date_start", "date_end", "evidence"):
        data[c] = _cell(row.get(c))
    for c in LIST_COLUMNS:
        data[c] = _cell(row.get(c)) or ""
    data["closest_approach_km"] = _cell(row.get("closest_approach_km"))
    data["status"] = "approved"
    data["created_at"] = data["updated_at"] = utcnow()
    return parse_event(data, row=number)


def merge_into(stored: Event, draft: Event) -> Event:
    """One event from two reports of the same activity: union of who, where and what, the wider
    dates, and the second report's sentence and source kept in the notes (nothing is dropped)."""

    def union(a: list[str], b: list[str]) -> list[str]:
        return list(dict.fromkeys([*a, *b]))

    source = " ".join(x for x in (draft.source_name, draft.source_url, str(draft.published or "")) if x)
    note = f"Also reported{f' ({source})' if source else ''}: {draft.evidence}".strip()
    notes = f"{stored.notes}\n{note}".strip() if stored.notes else note
    return stored.model_copy(update={
        "actors": union(stored.actors, draft.actors),
        "observers": union(stored.observers, draft.observers),
        "places": union(stored.places, draft.places),
        "assets": union(stored.assets, draft.assets),
        "date_start": min(stored.date_start, draft.date_start),
        "date_end": max(stored.date_end or stored.date_start, draft.date_end or draft.date_start),
        "closest_approach_km": min((x for x in (stored.closest_approach_km, draft.closest_approach_km)
                                    if x is not None), default=None),
        "related": union(stored.related, [r for r in draft.related if r != stored.id]),
        "notes": notes[:4900],
    })


@dataclass
class ReviewResult:
    approved: list[Event] = field(default_factory=list)
    merged: list[Event] = field(default_factory=list)  # stored events updated with a draft
    discarded: list[str] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)


def apply_review(table: pd.DataFrame, drafts: dict[str, Event], stored: dict[str, Event]) -> ReviewResult:
    """What the reviewer decided, validated as a whole: any error means nothing should be saved."""
    res = ReviewResult()
    for number, row in enumerate(table.to_dict("records"), start=1):
        action = row.get("action") or "review"
        if action == "review":
            continue
        if action == "discard":
            res.discarded.append(row["id"])
            continue
        try:
            ev = event_from_row(row, drafts[row["id"]], number)
        except FieldErrors as exc:
            res.errors.extend(exc.errors)
            continue
        if action == "approve":
            res.approved.append(ev)
        elif action == "merge":
            target = stored.get(row.get("duplicate_of") or "")
            if target is None:
                res.errors.append(FieldError(number, "duplicate_of", "no stored event to merge into"))
            else:
                res.merged.append(merge_into(target, ev))
    return res
