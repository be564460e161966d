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


_BOMBER = re.compile(r"\bbombers?\b|\b(?:Tu-95|Tu-160|Tu-22M|H-6|B-52|B-1B?|B-2)\w*", re.I)


def met_aircraft(drafts: list[Finding]) -> list[Finding]:
    """A scramble answering no drafted activity still reports one: the foreign aircraft it met.

    "Typhoons were launched to intercept two Russian Tu-142s": the Tu-142 flight is an event
    (``other``; a bomber approach when bombers are named), by the country the jets met, where and
    when the interception was, citing the same sentence.
    """
    out = []
    for d in drafts:
        if d.type != "scramble" or d.answers is not None or not d.observers:
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
    by_key = {d.key: d for d in drafts}
    for d in drafts:
        trig = by_key.get(d.answers) if d.answers is not None else None
        if trig is not None and trig.places:
            d.places = [p for p in trig.places if p.alias_of is None]
            d.inherited_places = False
