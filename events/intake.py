"""Reports and files in, events out: the one path for the Ingest page and both command lines.

    read (text, an upload, a file or a folder) -> drafts -> duplicates -> save

An event file (CSV, GeoJSON, KML) gives its events, validated row by row. Articles and feeds
go through the extractor: each article's drafts carry the sentence that supports them and a
confidence, and identical drafts (the same article twice) are kept once. Drafts are then
checked against the store: identical ones dropped, possible duplicates noted. Saving is all or
nothing: any problem saves nothing unless the caller asks for ``partial``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from events import io as formats
from events.dedupe import possible_duplicates
from events.draft import Draft
from events.frame import events_frame
from events.io.articles import with_title
from events.io.base import Article, Format, Problem, Progress, unreadable
from events.schema import Event
from events.store import Store


@dataclass
class Batch:
    """What one read gave, and (after :func:`save`) what was saved."""

    drafts: list[Draft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    events_file: bool = False  # an event file: its rows keep their status (the CLI imports them as they are)
    articles: int = 0  # articles found, readable or not
    extracted: int = 0  # articles that went through the extractor
    empty: list[str] = field(default_factory=list)  # articles in which no activity was found
    left_out: list[Draft] = field(default_factory=list)  # planned, hypothetical or negated: shown, never saved
    skipped: list[str] = field(default_factory=list)  # files in a folder that are not articles
    identical: int = 0  # identical drafts dropped (the same article twice)
    stored_copies: set[str] = field(default_factory=set)  # ids of drafts identical to a stored event
    added: int = 0
    replaced: int = 0
    saved: bool = False

    @property
    def events(self) -> list[Event]:
        return [d.event for d in self.drafts]

    @property
    def already_stored(self) -> int:
        """Drafts identical to a stored event (the same article imported before): never saved twice."""
        return len(self.stored_copies)

    @property
    def flagged(self) -> int:
        return sum(bool(d.duplicates) for d in self.drafts if d.event.id not in self.stored_copies)

    def summary(self) -> str:
        if self.events_file:
            if self.saved:
                head = f"imported {self.added} new and {self.replaced} replaced event(s)"
                return head + (f"; skipped {len(self.problems)} bad field(s)" if self.problems else "")
            records = len(self.drafts) + len(self.problems)
            return f"nothing saved: {len(self.problems)} problem(s) in {records} record(s)"
        extras = [f"{n} {what}" for n, what in ((self.identical, "identical dropped"),
                                               (self.already_stored, "already stored"),
                                               (self.flagged, "flagged as possible duplicates")) if n]
        extra = f" ({'; '.join(extras)})" if extras else ""
        skipped = f"; skipped {len(self.skipped)} non-article file(s)" if self.skipped else ""
        if self.saved:
            probs = f"; {len(self.problems)} article(s) with problems left out" if self.problems else ""
            return (f"read {self.extracted} of {self.articles} article(s), saved {self.added} draft event(s) "
                    f"for review{extra}{probs}{skipped}")
        return (f"nothing saved: {len(self.problems)} problem(s) in {self.articles} article(s); "
                f"{len(self.drafts)} draft event(s) found{extra}{skipped}")


# ---- reading ------------------------------------------------------------------------------------


def _identity(e: Event) -> tuple:
    """What makes two drafts the same report of the same thing (ids and timestamps differ)."""
    return (e.type, e.date_start, e.date_end, e.date_precision, tuple(e.actors), tuple(e.observers),
            tuple(e.places), tuple(e.assets), " ".join(e.evidence.split()).lower())


def extract_drafts(articles: list[Article], published: date | None = None, progress: Progress = None) -> Batch:
    """Run the extractor over ``articles`` (``published``: for those that carry no date; without one,
    written-out dates still hold and relative ones are drafted as unknown, with a note)."""
    from events.extract import InputError, extract  # late: loading the extractor costs ~1 s
    from events.extract.textin import html_to_text

    batch = Batch(articles=len(articles))
    seen: dict[tuple, str] = {}
    renamed: dict[str, str] = {}  # dropped id -> the identical kept draft's id, for `related`
    for art in articles:
        try:
            when = art.published or published  # None: the extractor drafts relative dates as unknown
            text = html_to_text(art.text) if art.is_html and isinstance(art.text, str) else art.text
            if isinstance(text, str):
                text = with_title(art.title, text)
            skipped: list[Draft] = []
            try:
                cands = extract(text, when, url=art.url, outlet=art.outlet, left_out=skipped)
            except InputError as exc:
                batch.problems.append(Problem(art.name, str(exc)))
                continue
            except Exception as exc:  # an extractor bug names the article and blocks the save, never passes silently
                batch.problems.append(Problem(art.name, f"extractor failed: {type(exc).__name__}: {exc}"))
                continue
            batch.extracted += 1
            if not cands:
                batch.empty.append(art.name)
            for d in skipped:
                d.origin = art.name
            batch.left_out += skipped
            for d in cands:
                key = _identity(d.event)
                if key in seen:
                    renamed[d.event.id] = seen[key]
                    batch.identical += 1
                    continue
                seen[key] = d.event.id
                d.origin = art.name
                batch.drafts.append(d)
        finally:
            if progress:
                progress(1)
    for d in batch.drafts:
        if any(r in renamed for r in d.event.related):
            rel = [renamed.get(r, r) for r in d.event.related]
            d.event = d.event.model_copy(update={"related": list(dict.fromkeys(r for r in rel if r != d.event.id))})
    return batch


def read_text(text: str | bytes, published: date | None, url: str | None = None, outlet: str | None = None,
              name: str = "pasted text") -> Batch:
    """A pasted report (text or HTML)."""
    return extract_drafts([Article(name, text, published, url or None, outlet or None)], published)


def _events_batch(name: str, data: bytes, progress: Progress = None) -> Batch:
    events, errors = formats.read_events(name, data, progress)
    return Batch([Draft(e, name) for e in events], [Problem(name, str(e)) for e in errors], events_file=True)


def _articles_batch(articles: list[Article], problems: list[Problem], published: date | None,
                    progress: Progress = None) -> Batch:
    batch = extract_drafts(articles, published, progress)
    batch.problems[:0] = problems
    batch.articles += len(problems)
    return batch


def read_upload(name: str, data: bytes, published: date | None, progress: Progress = None) -> Batch:
    """An uploaded file, for review: an event file's rows (as drafts), or the drafts of its article(s)."""
    fmt = formats.detect(name, data)
    if fmt is not None and fmt.kind == "events":
        batch = _events_batch(name, data, progress)
        for d in batch.drafts:
            d.event = d.event.model_copy(update={"status": "draft"})
        return batch
    return _articles_batch(*formats.read_articles(name, data), published, progress)


def _event_format(path: Path) -> Format | None:
    """The event format of a file on disk, judged by its head (a .json whole, within the article limit)."""
    with open(path, "rb") as f:
        head = f.read(formats.MAX_ARTICLE_BYTES if path.suffix.lower() == ".json" else 4096)
    fmt = formats.detect(path.name, head)
    return fmt if fmt is not None and fmt.kind == "events" else None


def read_path(path: Path, published: date | None = None, progress: Progress = None,
              total: Callable[[int], None] | None = None) -> Batch:
    """A file or a folder of articles (searched recursively); ``total`` is told the article count first."""
    if path.is_file():
        try:
            is_events = _event_format(path) is not None
        except OSError as exc:
            return Batch(problems=[unreadable(path.name, exc)])
        if is_events:
            return read_event_file(path, progress)
    articles, problems, skipped = formats.collect(path)
    if total:
        total(len(articles))
    batch = _articles_batch(articles, problems, published, progress)
    batch.skipped = skipped
    if batch.articles == 0:
        batch.problems.append(Problem(str(path), "no articles found (.txt, .html, .md, .json or an RSS/Atom feed)"))
    return batch


def read_event_file(path: Path, progress: Progress = None) -> Batch:
    """An event file known to be one (:func:`is_event_file`): its rows, validated."""
    try:
        return _events_batch(path.name, path.read_bytes(), progress)
    except OSError as exc:
        return Batch(problems=[unreadable(path.name, exc)], events_file=True)



def is_event_file(path: Path) -> bool:
    """Would :func:`read_path` read ``path`` as an event file (rather than articles)?"""
    try:
        return path.is_file() and _event_format(path) is not None
    except OSError:
        return False


# ---- duplicates ---------------------------------------------------------------------------------


def _stored_key(etype: str, start: object, end: object, evidence: object) -> tuple:
    """What makes a draft the same as a stored event: type, dates and the sentence (spacing and case aside)."""
    return (etype, str(start), str(end), " ".join(str(evidence).split()).lower())


def check_duplicates(batch: Batch, stored: pd.DataFrame | None) -> Batch:
    """Note each draft's possible duplicates, best first: up to three stored events and up to three
    earlier drafts from other articles of the same batch (so a batch twin never hides the stored
    match a merge needs). Drafts identical to a stored event are marked
    (:attr:`Batch.stored_copies`): a reviewer sees them flagged, an unattended import skips them."""
    have: set[tuple] = set()
    if stored is not None and len(stored):
        have = {_stored_key(*row) for row in zip(stored["type"], stored["date_start"], stored["date_end"],
                                                 stored["evidence"], strict=True)}
    frame = events_frame(batch.events)
    origins = np.array([d.origin for d in batch.drafts], dtype=object)
    kept = np.ones(len(batch.drafts), dtype=bool)
    for i, d in enumerate(batch.drafts):
        e = d.event
        if _stored_key(e.type, e.date_start, e.date_end, e.evidence) in have:
            batch.stored_copies.add(d.event.id)
            kept[i] = False
        dups = possible_duplicates(d.event, stored, limit=3) if have else []
        earlier = kept[:i] & (origins[:i] != d.origin)
        if earlier.any():
            dups += possible_duplicates(d.event, frame.iloc[:i][earlier], limit=3)
        d.duplicates = sorted(dups, key=lambda t: -t[1])
    return batch


# ---- saving -------------------------------------------------------------------------------------


def save(store: Store, batch: Batch, partial: bool = False, progress: Progress = None,
         by: str | None = None) -> Batch:
    """Save the batch in one transaction, unless it had problems (then nothing, unless ``partial``).

    Articles' drafts are saved with status "draft" and their possible duplicates in the notes,
    for a person to review; an event file's rows are saved as they are (an existing id is
    replaced, its old version kept in the history).
    """
    if batch.problems and not partial:
        return batch
    if not batch.events_file and batch.articles == 0:
        return batch
    events = batch.events if batch.events_file else [
        d.event.model_copy(update={"notes": d.duplicate_note()}) for d in batch.drafts
        if d.event.id not in batch.stored_copies]
    if not events:
        batch.saved = not batch.problems  # --partial with nothing usable has saved nothing
        return batch
    try:
        batch.added, batch.replaced = store.add_many(events, progress=progress, by=by)
    except ValueError as exc:  # e.g. a duplicate id inside the file; the transaction rolled back
        batch.problems.append(Problem(batch.drafts[0].origin, f"id: {exc}"))
        return batch
    batch.saved = True
    return batch


def import_batch(store: Store, batch: Batch, partial: bool = False, progress: Progress = None,
                 by: str | None = None) -> Batch:
    """What ``python -m events import`` does with what it read: articles' drafts checked for
    duplicates against the store, then everything saved, all or nothing."""
    if not batch.events_file:
        check_duplicates(batch, store.frame())
    return save(store, batch, partial, progress, by)
