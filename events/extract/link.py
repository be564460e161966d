"""One activity -> one event; one operation -> linked events.

A report names the same patrol in its lead, its body and a quote; and one operation (a
joint patrol, its ADIZ entry, the scramble it prompted) is several events that belong
together. Merging needs the same type, overlapping actors, dates and places, and no
conflicting specifics (different explicit dates, counts or distances).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from .places import Place
from .types import is_count_claim

_RELATED_TYPES = {"bomber_approach": {"bomber_approach", "joint_patrol", "incursion"},
                  # "were confirmed sailing east ... The two ships subsequently sailed through the Osumi Strait"
                  "transit": {"other"}}


@dataclass
class Finding:
    """An event being assembled, with the evidence needed to merge and score it."""

    type: str
    sentence: int
    evidence: str
    actors: list[str] = field(default_factory=list)
    observers: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str = "unknown"
    date_explicit: bool = False
    date_relative: bool = True  # counted from the publication date; False once a written-out date is attached
    assets: list[str] = field(default_factory=list)
    closest_km: float | None = None
    anaphoric: bool = False
    generic: bool = False
    inherited_actors: bool = False
    inherited_places: bool = False
    key: int = 0  # index in the article's draft list, used for links
    links: set[int] = field(default_factory=set)
    monitor: bool = False  # shadowing at sea: watches the activity reported just before
    watched_transit: bool = False  # a strait passage read from the shadowing of it ("followed ... through")
    repeat: bool = False  # another occurrence of an activity just reported ("intercepted again"): never merged
    reporters: list[str] = field(default_factory=list)  # countries whose statement the sentence reports
    section: int | None = None  # the live blog's day it is told under: no mention refers across days
    day_default: tuple[date, date] | None = None  # the live blog's day, for an entry that gives none itself
    share: bool = False  # one country's part of a tally ("those against Russian aircraft rose to 115")
    listed: bool = False  # under a date heading of a list ("11 June (Tuesday). ..."): one item of a tally
    answers: int | None = None  # a reaction's trigger (its key): the reaction takes its places
    escort: bool = False  # "were escorted by <fighters>": only the agent reacts, possibly unnamed ("foreign jets")
    own_escort: bool = False  # ... by the escorted side's own fighters: company, no reaction (dropped)
    merged_evidence: list[str] = field(default_factory=list)
    absorbed: set[int] = field(default_factory=set)  # keys of drafts folded into this one
    notes: list[str] = field(default_factory=list)  # for the reviewer, saved in the event's notes

    def take_date(self, other: Finding) -> None:
        """This activity happened when ``other`` did (a scramble and its trigger, a follow-up sentence)."""
        self.date_start, self.date_end, self.date_precision = other.date_start, other.date_end, other.date_precision
        self.date_relative = other.date_relative

    @property
    def place_names(self) -> set[str]:
        return {(p.name or p.text).lower() for p in self.places if p.alias_of is None}

    @property
    def counts(self) -> set[str]:
        return {a for a in self.assets if " x" in a or "missions" in a}

    @property
    def strong(self) -> bool:
        own_place = any(p.resolved for p in self.places) and not self.inherited_places
        return self.date_explicit or own_place or bool(self.counts) or \
            self.closest_km is not None


def _overlap(a: Finding, b: Finding) -> bool:
    if a.date_start is None or b.date_start is None:
        return True
    return a.date_start <= b.date_end and b.date_start <= a.date_end


def _numbers(f: Finding) -> list[str]:
    """The numbers of a finding's counted assets ("Tu-95MS x2" -> 2), in order."""
    return sorted(a.rsplit(" x", 1)[-1] for a in f.counts if " x" in a)


SHORT_SPAN_DAYS = 3  # "on the weekend", "Saturday night into Sunday": a span one told day can be part of


def _day_of_short_span(day: Finding, span: Finding) -> bool:
    """ "on the weekend" and "on Saturday evening" can tell one incident: a single day inside a span of a few
    days (not a tally's week or month, whose days are other incidents)."""
    if day.date_start is None or span.date_start is None or day.date_start != day.date_end:
        return False
    if is_count_claim(day.evidence) or is_count_claim(span.evidence):
        return False
    return (span.date_end - span.date_start).days < SHORT_SPAN_DAYS and span.date_start <= day.date_start <= \
        span.date_end


def compatible(a: Finding, b: Finding, anaphor: bool = False) -> bool:
    """Could a and b be two mentions of one activity? An anaphor ("some of the planes") may add places."""
    if a.type != b.type and not (anaphor and (b.type in _RELATED_TYPES.get(a.type, ()) or
                                              a.type in _RELATED_TYPES.get(b.type, ()))):
        return False
    if a.actors and b.actors and not set(a.actors) & set(b.actors):
        return False
    if not _overlap(a, b):
        return False
    if a.section is not None and b.section is not None and a.section != b.section:
        return False  # "Of the aircraft, 31 crossed ..." under Sunday's heading is not Saturday's crossing
    if a.type == b.type == "scramble" and a.observers and b.observers and not set(a.observers) & set(b.observers):
        return False  # jets sent against Chinese aircraft and jets sent against Russian ones: two reactions
    one_patrol = a.type == b.type == "joint_patrol" and set(a.actors) == set(b.actors) and not (
        a.date_explicit and b.date_explicit)  # an article's joint patrol is one operation, however routed
    if not (anaphor or one_patrol) and a.place_names and b.place_names and not a.place_names & b.place_names:
        return False
    if a.date_explicit and b.date_explicit and (a.date_start, a.date_end) != (b.date_start, b.date_end) and not (
            anaphor or _day_of_short_span(a, b) or _day_of_short_span(b, a)):
        return False
    if a.counts and b.counts and a.counts != b.counts and not (anaphor and _numbers(a) == _numbers(b)):
        return False  # ("the two bombers" may name the two Tu-95MS by kind)
    if a.sentence != b.sentence and (a.share or b.share or is_count_claim(a.evidence) and is_count_claim(b.evidence)):
        return False  # a total and its share by country ("358 times ... those against Russian aircraft, 115")
    if a.closest_km is not None and b.closest_km is not None and a.closest_km != b.closest_km:
        return False
    return True


def absorb(keep: Finding, drop: Finding) -> None:
    """Fold drop's extra facts into keep; keep's own facts win."""
    for c in drop.actors:
        if c not in keep.actors and not keep.actors:
            keep.actors.append(c)
    for c in drop.observers:
        if c not in keep.observers and c not in keep.actors:
            keep.observers.append(c)
    names = keep.place_names
    for p in [] if drop.inherited_places else drop.places:
        if (p.name or p.text).lower() not in names and p.alias_of is None:
            keep.places.append(p)
    if not keep.date_explicit and drop.date_explicit or keep.date_explicit and _day_of_short_span(drop, keep):
        keep.take_date(drop)  # (the day, "on Saturday evening", is the more precise of "on the weekend")
        keep.date_explicit = True
    for a in drop.assets:
        if a not in keep.assets and not keep.counts:
            keep.assets.append(a)
    if keep.closest_km is None:
        keep.closest_km = drop.closest_km
    keep.links |= drop.links
    keep.absorbed |= {drop.key} | drop.absorbed
    keep.merged_evidence.append(drop.evidence)


def best_target(d: Finding, pool: list[Finding]) -> Finding | None:
    """The compatible earlier event whose evidence reads most like d's (rapidfuzz token-set ratio)."""
    cands = [p for p in pool if p is not d and compatible(p, d, anaphor=d.anaphoric)]
    if not cands:
        return None
    return max(cands, key=lambda p: (fuzz.token_set_ratio(p.evidence, d.evidence), -abs(p.sentence - d.sentence)))


# "15 of the aircraft crossed the median line": part of what was reported doing something of its own
_SUBSET = re.compile(r"^\W*(?:\d+|some|most|several|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out\s+)?of\s+"
                     r"(?:the|them|these|those)\b", re.I)


def merge(drafts: list[Finding]) -> list[Finding]:
    """Anaphoric and weak mentions fold into the event they repeat; strong distinct ones stay."""
    out: list[Finding] = []
    for d in drafts:
        if d.anaphoric:
            target = best_target(d, out)
            if target is not None and target.type != d.type and d.type == "transit":
                if target.monitor or "missile" in target.evidence.lower():
                    target = None
                else:  # the sighting was the passage's start: one transit with the places of both
                    absorb(d, target)
                    d.places = [p for p in target.places if p.alias_of is None] + [
                        p for p in d.places if p not in target.places]
                    out[out.index(target)] = d
                    continue
            if target is not None:
                absorb(target, d)
                continue
            renamed = _renamed_operation(d, out)
            if renamed is not None:
                out.append(renamed)
                continue
            # "... since March 16, when it fired a Hwasong-17": told on a day of its own, another occurrence
            # (not a drill or patrol: an operation of several days is told again on each of them)
            own_day = d.type not in ("exercise", "joint_patrol") and d.date_explicit and d.date_precision == "day" \
                and not any(
                o.type == d.type and _overlap(o, d) for o in out)
            if not (d.strong or _SUBSET.match(d.evidence) or own_day) or any(
                    o.type == d.type for o in out) and not own_day:
                continue  # "the bomber patrol" with nothing to refer to: context, not an event
        target = best_target(d, out)
        if target is not None and d.repeat and target.type == d.type:
            target = None
        if target is not None and (not d.strong or not target.strong or not (d.date_explicit and target.date_explicit)
                                   or _same_specifics(target, d)):
            if d.strong and not target.strong:
                absorb(d, target)
                out[out.index(target)] = d
            else:
                absorb(target, d)
            continue
        out.append(d)
    return out


def _renamed_operation(d: Finding, out: list[Finding]) -> Finding | None:
    """ "China and Russia said the flight was their second joint strategic patrol": a later sentence calls an
    activity already reported (an ADIZ entry, a bomber flight) a joint patrol. Under the coding rules that is
    its own event, on the activity's day and route, linked to it."""
    if d.type != "joint_patrol" or any(o.type == "joint_patrol" for o in out):
        return None
    base = next((o for o in reversed(out) if o.type in ("incursion", "bomber_approach") and o.date_start is not None
                 and (not d.actors or set(d.actors) & set(o.actors)) and len(set(d.actors) | set(o.actors)) >= 2
                 and 0 <= d.sentence - o.sentence <= 4), None)
    if base is None:
        return None
    d.actors = list(dict.fromkeys(d.actors + [c for c in base.actors if c not in d.actors]))
    d.observers = list(dict.fromkeys(c for c in base.observers + d.observers if c not in d.actors))
    d.take_date(base)
    d.date_explicit = base.date_explicit
    if d.inherited_places or not any(p.resolved for p in d.places):
        route = [p for p in base.places if p.alias_of is None and p.kind != "adiz"]
        d.places = route or [p for p in base.places if p.alias_of is None]
    d.assets = d.assets or list(base.assets)
    d.links.add(base.key)
    base.links.add(d.key)
    d.anaphoric = False
    return d


def _same_specifics(a: Finding, b: Finding) -> bool:
    """Two strong mentions are one event when their dates and places agree exactly."""
    same_days = (a.date_start, a.date_end) == (b.date_start, b.date_end) or _day_of_short_span(a, b) or \
        _day_of_short_span(b, a)
    return a.date_explicit and b.date_explicit and same_days and (
        bool(a.place_names & b.place_names) or not (a.place_names and b.place_names))
