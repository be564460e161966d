"""A draft: an event nobody has approved yet, with how it was found and what it may duplicate.

The one shape between a report and the store: the extractor makes drafts, the intake checks
them for duplicates, the reviewer approves, merges or discards them; only the :class:`Event`
inside is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from events.schema import Event

Duplicate = tuple[str, float, list[str]]  # (stored event id, score 0..1, reasons a reviewer reads)


@dataclass
class Draft:
    event: Event
    origin: str = ""  # the article or file it came from, for messages and duplicate checks
    duplicates: list[Duplicate] = field(default_factory=list)  # best first
    gazetteer_names: list[str | None] = field(default_factory=list)  # what each place resolved to

    @property
    def confidence(self) -> float | None:
        """The extractor's (0..1), as stored with the event; None for an event a person wrote."""
        return self.event.confidence

    def duplicate_note(self) -> str:
        """The event's notes with its possible duplicates named, as saved for later review."""
        if not self.duplicates:
            return self.event.notes
        line = "possible duplicate of " + ", ".join(f"{i} ({s:.2f})" for i, s, _ in self.duplicates[:3])
        return (f"{self.event.notes}\n{line}" if self.event.notes else line)[:5000]
