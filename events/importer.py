"""All-or-nothing import of a file into the store, with a report of every bad row."""

from __future__ import annotations

from dataclasses import dataclass, field

from events.formats import Progress
from events.schema import Event, FieldError
from events.store import Store


@dataclass
class ImportReport:
    read: int = 0
    added: int = 0
    replaced: int = 0
    errors: list[FieldError] = field(default_factory=list)
    saved: bool = False

    def summary(self) -> str:
        if self.saved:
            head = f"imported {self.added} new and {self.replaced} replaced event(s)"
            return head + (f"; skipped {len(self.errors)} bad field(s)" if self.errors else "")
        return f"nothing saved: {len(self.errors)} problem(s) in {self.read + len(self.errors)} record(s)"


def save_events(store: Store, events: list[Event], errors: list[FieldError], partial: bool,
                progress: Progress = None) -> ImportReport:
    """Save ``events`` unless there were errors (then save nothing), or ``partial`` is asked."""
    report = ImportReport(read=len(events), errors=errors)
    if errors and not partial:
        return report
    if not events:
        report.saved = not errors
        return report
    try:
        report.added, report.replaced = store.add_many(events, progress=progress)
    except ValueError as exc:  # e.g. a duplicate id inside the file; the transaction rolled back
        report.errors.append(FieldError(None, "id", str(exc)))
        return report
    report.saved = True
    return report

