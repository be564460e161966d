"""A reviewer's decisions on drafts: approve, merge into the stored event it duplicates, or discard.

The Ingest page shows drafts in an editable table (:func:`review_table`); :func:`decide`
validates every decided row as a whole and :func:`commit` saves them in one transaction, so a
bad row saves nothing and a merge never leaves half its batch behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from events.draft import Draft
from events.edits import apply_edits, list_text
from events.schema import Event, FieldError, FieldErrors, utcnow
from events.store import StaleEdit, Store

ACTIONS = ("review", "save draft", "approve", "merge", "discard")
LIST_COLUMNS = ("actors", "observers", "places", "assets")
EDITABLE = ("type", "date_start", "date_end", *LIST_COLUMNS, "closest_approach_km", "evidence")
# What the reviewer decides on comes first, next to the action (no sideways scrolling to see
# that a row may be a duplicate), then the fields they may correct, then the draft's id.
COLUMNS = ("action", "confidence", "duplicate_of", "why_duplicate", *EDITABLE, "id")


def review_table(drafts: list[Draft]) -> pd.DataFrame:
    """One row per draft: the action, what the extractor and duplicate check say, then the editable fields.

    "Possible duplicate of" names the best *stored* match (what a merge folds into); a duplicate
    among the drafts themselves is left to the reviewer to discard.
    """
    batch_ids = {d.event.id for d in drafts}
    rows = []
    for d in drafts:
        e = d.event
        dup = next((x for x in d.duplicates if x[0] not in batch_ids), None)
        rows.append({
            "action": "review",
            "duplicate_of": dup[0] if dup else None,
            "why_duplicate": "; ".join(dup[2]) if dup else "",
            "confidence": d.confidence,
            "type": e.type, "date_start": e.date_start, "date_end": e.date_end,
            **{c: list_text(getattr(e, c)) for c in LIST_COLUMNS},
            "closest_approach_km": e.closest_approach_km, "evidence": e.evidence, "id": e.id,
        })
    return pd.DataFrame(rows, columns=list(COLUMNS))


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
class Decisions:
    approved: list[Event] = field(default_factory=list)
    drafted: list[Event] = field(default_factory=list)  # saved for a reviewer to approve later
    merged: list[Event] = field(default_factory=list)  # stored events updated with a draft
    discarded: list[str] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)

    @property
    def decided(self) -> bool:
        return bool(self.approved or self.drafted or self.merged or self.discarded)

    def summary(self) -> str:
        drafted = f", saved {len(self.drafted)} draft(s) for review" if self.drafted else ""
        return (f"Saved {len(self.approved)} new event(s){drafted}, merged {len(self.merged)}, "
                f"discarded {len(self.discarded)}.")


def decide(table: pd.DataFrame, drafts: Mapping[str, Event], store: Store) -> Decisions:
    """What the reviewer decided, validated as a whole: any error means nothing should be saved."""
    res = Decisions()
    merged: dict[str, Event] = {}
    for number, row in enumerate(table.to_dict("records"), start=1):
        action = row.get("action") or "review"
        if action == "review":
            continue
        if action == "discard":
            res.discarded.append(row["id"])
            continue
        values: dict[str, Any] = {c: row.get(c) for c in EDITABLE}
        status = "draft" if action == "save draft" else "approved"
        try:
            ev = apply_edits(drafts[row["id"]], values, row=number, status=status, created_at=utcnow())
        except FieldErrors as exc:
            res.errors.extend(exc.errors)
            continue
        if action == "save draft":
            res.drafted.append(ev)
        elif not ev.evidence:
            res.errors.append(FieldError(number, "evidence", "an approved event needs the sentence that supports it"))
        elif action == "approve":
            res.approved.append(ev)
        elif action == "merge":
            target_id = row.get("duplicate_of") or ""
            target = merged.get(target_id) or store.get(target_id)  # two drafts may fold into one stored event
            if target is None:
                res.errors.append(FieldError(number, "duplicate_of", "no stored event to merge into"))
            else:
                merged[target_id] = merge_into(target, ev)
    res.merged = list(merged.values())
    return res


def commit(store: Store, decisions: Decisions) -> None:
    """Approved drafts added and merged events updated, in one transaction (all or nothing).

    Raises ValueError, with a message for the reviewer, if a merge target was deleted or changed
    meanwhile (applying again merges into its new version).
    """
    try:
        store.save(added=[*decisions.approved, *decisions.drafted], updated=decisions.merged)
    except KeyError as exc:
        raise ValueError(f"nothing was saved: {exc.args[0]} (deleted in another session?)") from None
    except StaleEdit as exc:
        raise ValueError(f"nothing was saved: {exc}. Apply again to merge into the new version.") from None


def done_ids(table: pd.DataFrame, decisions: Decisions) -> set[str]:
    """Drafts the decisions used up (they leave the review table)."""
    merged = set(table.loc[table["action"] == "merge", "id"])
    return {e.id for e in (*decisions.approved, *decisions.drafted)} | set(decisions.discarded) | merged
