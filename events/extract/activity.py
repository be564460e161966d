"""An activity told by its clause's structure, not by a trigger word: a military platform as subject, a verb
of its own, and a place after the verb ("Two Chinese destroyers skirted the coast of Yonaguni", "a Russian
Il-38 loitered east of Hokkaido").

The type keywords in :mod:`types` cover the verbs reports have used so far; a report in new wording ("prowled",
"hugged", "threaded through") has the same shape, so the shape is read instead: a country word (or a force, a
named ship, a designator only one air arm flies) owning a platform noun, the first verb after that noun
phrase, and a located place in the rest of the clause. Used only for a sentence with no trigger at all.
"""

from __future__ import annotations

import re

from . import places as places_mod
from .actors import Mention
from .types import Trigger, clause_start, modality

# What the platform is: a warship, aircraft or unit word, or a designator ("Tu-142", "Type 055")
_PLATFORM_WORDS = (
    r"warships?|destroyers?|frigates?|corvettes?|cruisers?|submarines?|vessels?|ships?|boats?|cutters?|"
    r"aircraft|planes?|jets?|fighters?|bombers?|drones?|helicopters?|carriers?|flotillas?|task (?:force|group)|"
    r"(?:carrier|naval|surface|strike) groups?|formations?|squadrons?|patrol boats?|[A-Z][A-Za-z]{0,2}-\d{1,3}\w*|"
    r"Type \d{3}\w*")
_PLATFORM = re.compile(rf"\b(?:{_PLATFORM_WORDS})\b")
# The rest of the noun phrase after its head: more platform words, a designator or name, a second platform
# ("destroyer and two frigates"), "of the Pacific Fleet", "(hull 117)"
_NP_TAIL = re.compile(r"(?:\s+(?:[A-Z0-9][\w'’./-]*|\([^)]{1,30}\)|and|or|an?|the|its|their|of|from|two|three|four|"
                      r"five|six|seven|eight|nine|ten|several|navy|naval|military|coast|guard|air|force|"
                      + _PLATFORM_WORDS + r")\b){0,10}")
_VERB = re.compile(r"\s*,?\s*(?:(?:also|later|then|briefly|again|reportedly|repeatedly|first|had|have|has)\s+)*"
                   r"(?P<v>[a-z]{3,}ed|flew|overflew|swept|rode|ran|sped|spent|lay|slipped|stole|swung|drew|shot|made|"
                   r"cut|struck|hit|sank|fired|came|went|took)\b")
# Verbs that say something about the platform, not that it did something somewhere
_NOT_ACTS = frozenset({
    "said", "reported", "announced", "stated", "claimed", "added", "noted", "warned", "accused", "based", "named",
    "called", "designed", "equipped", "armed", "built", "expected", "planned", "scheduled", "intended", "used",
    "involved", "included", "believed", "considered", "described", "assigned", "stationed",
    "commissioned", "decommissioned", "retired", "upgraded", "deemed", "required", "allowed", "needed", "owned",
    "manufactured", "developed", "produced", "tested", "registered", "listed", "seemed", "appeared", "remained",
    "belonged", "returned", "received", "welcomed", "hosted", "joined", "worked",
    # watching or meeting another's platforms is a reaction (the monitoring and scramble rules), not an activity
    "tracked", "monitored", "detected", "spotted", "sighted", "observed", "located", "watched", "shadowed",
    "followed", "identified", "intercepted", "escorted", "confirmed", "counted", "photographed",
})
_PLACE_PREP = re.compile(r"\b(?:in|into|over|across|through|near|off|around|along|past|toward|towards|inside|within|"
                         r"east|west|north|south|between|from|to|via|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}$", re.I)
_STRAIT_PASSAGE = re.compile(r"\b(?:through|via|across)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:Strait|Straits|Channel|"
                             r"Passage|Bosphorus|Bosporus|Dardanelles|Narrows)\b")
_VESSEL = re.compile(r"warship|destroyer|frigate|corvette|cruiser|submarine|vessel|ship|boat|cutter|flotilla|"
                     r"group|Type \d", re.I)
# "... flew into the zone over the East Sea": the zone or area the report already named
_BACK = re.compile(r"\s+(?:\w+\s+)?(?:the|that|this|these)\s+(?:zone|area|airspace|region|waters)\b", re.I)
# Between the country word and its platform: a few modifiers ("Chinese navy", "PLA Eastern Theater Command"),
# no verb ("Japan's Ministry of Defense says its ships")
_OWNS = re.compile(r"(?:['’]s)?(?:\s+(?!(?:says|said|reports|reported|announced|claims|claimed|stated)\b)"
                   r"[\w-]+){0,3}\s+", re.I)
_CLAUSE_END = re.compile(r";|\b(?:after|before|when|while|but)\b|,\s*(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:said|says|"
                         r"reported|according)\b")
_NEAR = 40  # a country word owns a platform noun this close after it ("two Chinese navy destroyers")


def may_tell(text: str) -> bool:
    """Cheap test before the places and country words are read: the sentence names a platform at all."""
    return _PLATFORM.search(text) is not None


def find(text: str, mentions: list[Mention], pls: list[places_mod.Place]) -> list[Trigger]:
    """The activity of a platform subject whose verb the type keywords do not know, as a trigger on the verb:
    ``transit`` for ships through a named strait, else ``other``; at most one per sentence."""
    for m in mentions:
        head = _PLATFORM.search(text, m.start, m.end + _NEAR)
        if head is None or not _OWNS.fullmatch(text, m.end, head.start()):
            continue
        lead = text[clause_start(text, m.start):m.start]
        if len(lead.split()) > 4 or re.search(r"\b(?:by|of|with|against|at|to|on|from)\s+(?:\w+\s+){0,2}$", lead):
            continue  # the platform is an object or a complement here ("intercepted by two Russian jets")
        tail = _NP_TAIL.match(text, head.end())
        verb = _VERB.match(text, tail.end() if tail else head.end())
        if verb is None or verb.group("v") in _NOT_ACTS:
            continue
        v0, v1 = verb.start("v"), verb.end("v")
        if modality(text, v0, v1) != "reported":
            continue
        if _BACK.match(text, v1):
            continue  # "flew into the zone": the activity told before, not a new one
        stop = _clause_stop(text, v1)
        located = [p for p in pls if v1 <= p.start < stop and (p.resolved or places_mod.named(p))
                   and (_PLACE_PREP.search(text[max(0, p.start - 60):p.start])
                        or re.fullmatch(r"\s+(?:the\s+)?", text[v1:p.start]))]  # "skirted Yonaguni", "prowled east of"
        if not located:
            continue
        passage = _STRAIT_PASSAGE.search(text, v1, stop)
        kind = "transit" if passage and _VESSEL.search(text[m.start:head.end()]) else "other"
        return [Trigger(kind, v0, v1, verb.group("v"))]
    return []


def _clause_stop(text: str, pos: int) -> int:
    """Where the verb's clause ends: a semicolon, a new clause of time, or a reporting frame (", the ministry
    said")."""
    m = _CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)
