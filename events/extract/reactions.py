"""Reactions: where a scramble met anyone, and the activity a scramble answered when no other sentence drafts it.

The coding rules give a reaction the places of the event it answers and make the aircraft it
met an event of its own; these steps run on the article's findings after the context pass.
"""

from __future__ import annotations

import re

from . import places, types
from .link import Finding


def scramble_places(sentence: str, trig: types.Trigger, pls: list[places.Place]) -> list[places.Place]:
    end = len(sentence)
    m = re.search(r"[,;]", sentence[trig.end:])
    if m:
        end = trig.end + m.start()
    # "launched from RAF Lossiemouth": where the jets took off, not where they met anyone
    return [p for p in pls if trig.end <= p.start < end and p.alias_of is None
            and not re.search(r"\b(?:from|out of|based at|at)\s+(?:the\s+)?$", sentence[max(0, p.start - 12):p.start])]


_DEPARTURE = re.compile(r"\b(?:from|out of|based at|stationed at|deployed (?:to|at)|at)\s+(?:the\s+)?$", re.I)
_BASE_NAME = re.compile(r"\b(?:Air Base|Airbase|Air Force Base|Air Station|Airfield|Naval Base|Base)$|^(?:RAF|NAS|MCAS|"
                        r"CFB|JBER|Joint Base)\b")


def departures(sentence: str, trigs: list[types.Trigger], pls: list[places.Place]) -> list[places.Place]:
    """Where the reacting jets took off or are based ("launched from RAF Lossiemouth", "held at readiness at
    Ämari Air Base"): a place of neither the reaction nor the activity it met, which the coding rules
    locate where the meeting happened."""
    if not any(t.type == "scramble" for t in trigs):
        return []
    near = [(types.clause_start(sentence, t.start), t.end + 40) for t in trigs if t.type == "scramble"]
    out = []
    for p in pls:
        if not _DEPARTURE.search(sentence[max(0, p.start - 16):p.start]):
            continue
        if _BASE_NAME.search(p.text) or any(a <= p.start <= b for a, b in near):
            out.append(p)
    return out


_BOMBER = re.compile(r"\bbombers?\b|\b(?:Tu-95|Tu-160|Tu-22M|H-6|B-52|B-1B?|B-2)\w*", re.I)


def met_aircraft(drafts: list[Finding]) -> list[Finding]:
    """A scramble answering no drafted activity still reports one: the foreign aircraft it met.

    "Typhoons were launched to intercept two Russian Tu-142s": the Tu-142 flight is an event
    (``other``; a bomber approach when bombers are named), by the country the jets met, where and
    when the interception was, citing the same sentence.
    """
    out = []
    for d in drafts:
        if d.type != "scramble" or d.answers is not None or not d.observers or types.is_count_claim(d.evidence):
            continue
        kind = "bomber_approach" if _BOMBER.search(d.evidence) else "other"
        met = Finding(type=kind, sentence=d.sentence, evidence=d.evidence, actors=list(d.observers),
                      observers=list(d.actors), places=list(d.places), anaphoric=d.anaphoric, generic=d.generic)
        met.take_date(d)
        met.date_explicit = d.date_explicit
        met.key = len(drafts) + len(out)
        met.links, d.links = {d.key}, d.links | {met.key}
        d.answers = met.key
        out.append(met)
    return out


def take_trigger_places(drafts: list[Finding]) -> None:
    """A reaction takes the places of the event it answers (the coding rules), not the base it flew from."""
    by_key = _by_key(drafts)
    for d in drafts:
        trig = by_key.get(d.answers) if d.answers is not None else None
        if trig is not None and trig is not d and trig.places:
            d.places = [p for p in trig.places if p.alias_of is None]
            d.inherited_places = False


def _by_key(kept: list[Finding]) -> dict[int, Finding]:
    """Each kept finding under its own key and the keys of the drafts merged into it."""
    out: dict[int, Finding] = {}
    for d in kept:
        out[d.key] = d
        for k in d.absorbed:
            out.setdefault(k, d)
    return out


def _zone_owned(d: Finding) -> bool:
    """An incursion whose zone owner is already its observer: the owner is who it was aimed at; others
    that scrambled answered the wider operation, not the entry into someone else's zone."""
    return d.type == "incursion" and bool(d.observers)


_OPERATION = frozenset({"joint_patrol", "incursion", "bomber_approach"})


def reactors_observe(kept: list[Finding]) -> None:
    """The country that reacts to an activity (scrambles, shadows, monitors it) is one of its observers
    (the coding rules), and so of the operation it belongs to: "Japan and South Korea scrambled jets" makes
    both observers of the joint patrol they met, even when the patrol's own sentence names neither."""
    by_key = _by_key(kept)
    for r in kept:
        if r.type != "scramble" and not r.monitor:
            continue
        answered = by_key.get(r.answers) if r.answers is not None else None
        keys = ([r.answers] if r.answers is not None else []) + sorted(r.links)
        if answered is not None:  # the operation the answered activity belongs to (a patrol and its ADIZ entry)
            keys += sorted(k for k in answered.links if k in by_key and by_key[k].type in _OPERATION)
        targets = list({id(by_key[k]): by_key[k] for k in keys if k in by_key}.values())
        for t in targets:
            if t is r or t.type == "scramble" or t.monitor or not t.actors:
                continue
            if t is not answered and not (set(t.actors) & set(r.observers)):
                continue  # linked but not what this reaction met
            if _zone_owned(t) and t is not answered:
                continue
            for c in r.actors:
                if c not in t.actors and c not in t.observers:
                    t.observers.append(c)


def _located(d: Finding) -> bool:
    """The event has a place of its own: one the gazetteer locates, or one its sentence writes that the gazetteer
    does not know ("Taiwan's northern, central, southwestern and eastern ADIZ")."""
    return any(places.named(p) or not p.resolved and p.alias_of is None and not d.inherited_places for p in d.places)


def near_places(kept: list[Finding], lead: list[places.Place] | None = None) -> None:
    """A reaction that names no place but a country ("it was intercepted by a PLA J-10") happened where the
    report has placed the activity it belongs to (the Yellow Sea), not at the reacting country's centre: the
    places of a linked event, else of the nearest located event told just before (or just after), else the
    places of the report's lead (``lead``). So does an activity whose sentence names no place at all ("The
    drills involved live firing"): it is drawn where the story is, marked as inherited, not left off the map."""
    by_key = _by_key(kept)
    for d in kept:
        met = any(by_key[k].type == "scramble" for k in d.links if k in by_key)  # the aircraft a reaction met
        # an activity its sentence gives no place at all is placed the same way: where the story is told
        if _located(d) or (d.type != "scramble" and not met and d.places):
            continue
        linked = [by_key[k] for k in sorted(d.links) if k in by_key and by_key[k] is not d and _located(by_key[k])]
        before = [x for x in kept if x is not d and 0 <= d.sentence - x.sentence <= 3 and _located(x)]
        after = [x for x in kept if x is not d and 0 < x.sentence - d.sentence <= 2 and _located(x)]
        src = linked[:1] or before[-1:] or after[:1]
        if src:
            d.places = [p for p in src[0].places if p.alias_of is None]
            d.inherited_places = True
        elif lead:  # the report's lead places the whole story ("over the Yellow Sea on the weekend")
            d.places = list(lead)
            d.inherited_places = True


def owner_reacts(kept: list[Finding]) -> None:
    """A reaction that names no one ("The Air Force sent fighter jets to the area") to an entry into a zone is
    the zone owner's: the country the entry was aimed at."""
    by_key = _by_key(kept)
    for d in kept:
        answered = by_key.get(d.answers) if d.answers is not None else None
        if d.type == "scramble" and not d.actors and not d.escort and answered is not None \
                and answered.type == "incursion" and answered.observers:
            d.actors = [answered.observers[0]]
            d.observers = [c for c in d.observers if c != d.actors[0]]
