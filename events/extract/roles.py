"""Who did it and who watched: split a sentence's country mentions into roles.

News syntax is regular enough for surface cues: the demonym on the aircraft is the actor
("two Russian Tu-95MS"), the country whose border, airspace or ADIZ is named is an
observer, the one "prompted to scramble" reacts, and "X said" reports. A mention joined to
the previous one by "and" or a comma shares its role ("both Russia and China").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import Mention
from .types import clause_start

_OBSERVED_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s*(?:,|and|or)\s+[A-Z][\w.]*(?:['’]s)?)*\s*(?:(?:northern|southern|eastern|western|"
    r"north|south|east|west|north-?eastern|north-?western|south-?eastern|south-?western|central)(?:,|\s+and|\s+or)?\s+){0,4}"
    r"(?:\w+\s+)?"
    r"(?:borders?|airspace|territory|coast(?:line)?(?!\s*guard)|waters|territorial waters|ADIZ|"
    r"air defen[cs]e (?:identification )?zone|mainland|islands?|shores?|area of (?:interest|responsibility)|"
    r"exclusive economic zone|EEZ|[Ff]light [Ii]nformation [Rr]egion|FIR|exclave|enclave)\b", re.I)
_OBSERVED_BEFORE = re.compile(
    r"\b(?:against|toward|towards|near|off|approaching|to|into|threat to|threat to both|around|encircl\w*|"
    r"over|circling|close to|neighbou?ring|surrounding|island of|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)? of|between\s+(?:[\w-]+\s+){1,3}and)\s+"
    r"(?:the\s+|both\s+)?$", re.I)
_SCRAMBLER_BEFORE = re.compile(r"\b(?:prompting|forcing|causing|leading|led|prompted|forced|(?:intercepted|escorted|"
                               r"shadowed|tracked|met|identified) by)\s+(?:the\s+)?$", re.I)
# "X jets were scrambled" and "X jets intercepted": X reacts; "X bombers were intercepted": X is the target.
_SCRAMBLER_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:[\w-]+\s+){0,5}?(?:scrambl\w*|to scramble|(?<!was )(?<!were )(?<!been )(?<!being )"
    r"(?:intercept\w*|escorted|shadowed)|dispatched|sent up|(?:were |was )launched|responded|"
    r"(?:(?<=jets )|(?<=fighters )|(?<=aircraft )|(?<=planes )|(?<=interceptors ))fired (?:\w+ ){0,3}warning)\b", re.I)
_REPORTER_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:[\w()-]+\s+){0,5}?(?<!been )(?<!was )(?<!were )(?<!being )(?<!also )(?<!first )"
    r"(?<!later )(?:said|says|say|reported|reports|"
    r"announced|stated|confirmed|claimed|detected|tracked|spotted|monitored|observed|identified|protested|warned|"
    r"accused)\b", re.I)
# "Chinese ships spotted in the Bering Sea", "Russian aircraft tracked by radar": the platforms were seen
_SEEN_PLATFORM = re.compile(r"\b(?:ships?|vessels?|warships?|boats?|aircraft|planes?|jets?|bombers?|drones?|"
                            r"balloons?|submarines?|carriers?|destroyers?|frigates?|cutters?)\s+(?:\w+\s+)?$", re.I)


def _reports(right: str) -> bool:
    """The mention is the subject of a reporting or watching verb ("Japan's ministry said", "Taiwan detected"),
    not the nationality of platforms that were seen ("Chinese ships spotted")."""
    m = _REPORTER_AFTER.match(right)
    return m is not None and not _SEEN_PLATFORM.search(right[:m.end()].rsplit(None, 1)[0] + " ")


# "..., said the ministry" names the reporter after the verb; "the task force said Chinese ships harassed ..."
# does not: what follows a bare "said" is the reported clause's subject.
_REPORTER_BEFORE = re.compile(r"(?:\b(?:according to|reported by|cited by)|[,\"”’]\s*(?:said|told))\s+(?:the\s+)?$",
                              re.I)
_LOCATED = re.compile(r"\b(?:at|from|in|near|to)\s+(?:the\s+)?(?:\([\w ]+\)\s+|[A-ZÀ-Þ][\w'’.()-]*\s+){0,4}?"
                      r"[A-ZÀ-Þ][\w'’.()-]*,\s*$")
_TRAVEL = re.compile(r"\b(?:returned|returning|back|home) from\s+(?:the\s+)?$|\b(?:visit|visits|trip|travel|tour|"
                     r"stopovers?|trips|tours|transit)\s+(?:to|in|through)\s+(?:the\s+)?$", re.I)
# "Italian F-35s deployed to Poland were scrambled", "French Rafales based in Lithuania": where they serve, not who
_STATIONED = re.compile(r"\b(?:deployed|stationed|based|rotated|forward-deployed)\s+(?:to|in|at)\s+(?:the\s+)?$", re.I)
# "entered Latvian airspace from Belarus": where it came from, not who flew it
_CAME_FROM = re.compile(r"\b(?:airspace|territory|waters|border)\s+from\s+(?:the\s+)?$", re.I)
_JOIN = re.compile(r"^\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?$", re.I)


@dataclass
class Roles:
    """Alpha-3 codes by role, each list in text order without repeats."""

    actors: list[str]
    observed: list[str]
    scramblers: list[str]
    reporters: list[str]
    hosts: list[str]  # "on Chinese territory": where a joint drill was held
    located: list[str] = field(default_factory=list)  # "at Ämari Air Base, Estonia": a place's country only
    by_mention: list[tuple[Mention, str]] = field(default_factory=list)


def _add(lst: list[str], code: str) -> None:
    if code not in lst:
        lst.append(code)


def assign(sentence: str, mentions: list[Mention]) -> Roles:
    """Give every mention one role from its surroundings."""
    r = Roles([], [], [], [], [])
    prev_role: str | None = None
    prev_end = -1
    for m in mentions:
        left = sentence[max(0, m.start - 40):m.start]
        right = sentence[m.end:m.end + 60]
        role = "actor"
        if prev_role and _JOIN.match(sentence[prev_end:m.start]):
            role = prev_role
        elif _STATIONED.search(left):
            role = "located"
        elif _SCRAMBLER_BEFORE.search(left) or _SCRAMBLER_AFTER.match(right):
            role = "scrambler"
        elif re.match(r"^\s*territory\b", right, re.I):
            role = "host"
        elif _TRAVEL.search(left) or _CAME_FROM.search(left):
            role = "located"  # "after President Tsai returned from the United States": a trip, not a party
        elif _LOCATED.search(left) and not re.match(r"^(?:['’]s|\s+(?:and|said|has|had|was|were)\b)", right):
            role = "located"  # "at Šiauliai Air Base, Lithuania", "the centre at Uedem, Germany": where, not who
        elif _OBSERVED_AFTER.match(right) or _OBSERVED_BEFORE.search(left):
            role = "observed"
        elif _REPORTER_BEFORE.search(left) or _reports(right):
            role = "reporter"
        _add({"actor": r.actors, "observed": r.observed, "scrambler": r.scramblers, "reporter": r.reporters,
              "host": r.hosts, "located": r.located}[role], m.code)
        r.by_mention.append((m, role))
        prev_role, prev_end = role, m.end
    _share_scramble(sentence, r)
    return r


_PLATFORM_AND = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:and|,)\s+(?:the\s+)?$", re.I)


def _share_scramble(sentence: str, r: Roles) -> None:
    """ "Polish F-16s and Dutch F-35s were scrambled": the first country's jets were scrambled too."""
    for i in range(len(r.by_mention) - 1, 0, -1):
        (m, role), (prev, prev_role) = r.by_mention[i], r.by_mention[i - 1]
        if role == "scrambler" and prev_role == "actor" and _PLATFORM_AND.match(sentence[prev.end:m.start]):
            r.by_mention[i - 1] = (prev, "scrambler")
            if prev.code in r.actors and not any(x.code == prev.code and y == "actor" for x, y in r.by_mention):
                r.actors.remove(prev.code)
            _add(r.scramblers, prev.code)


# A clause's first finite verb in the past ("Chinese coast guard ships blasted Philippine vessels with water
# cannon"): what comes after it is the object, even before the trigger word; participles that describe a
# platform ("guided-missile", "armed", "unmanned", "based") are not verbs.
_MAIN_VERB = re.compile(r"(?<![\w-])(?!(?:armed|guided|unmanned|manned|based|advanced|combined|allied|named|called|"
                        r"related|rotary-winged|winged|red|need|speed|seed|feed|bed|hundred|detached)\b)"
                        r"[a-z]{3,}ed\b(?![\w-])|\b(?:flew|sent|fired|shot|came|went|made|took|struck|threw|held|"
                        r"began|drove|left|ran|led|hit|sank|fought|caught|swept|rode)\b")

SUBJECT_ACTS = frozenset({"other", "incursion", "bomber_approach", "transit"})


def subject_actors(actors: list[str], r: Roles, start: int, text: str) -> list[str]:
    """The clause's subject acts; a country named after the verb is what was acted on ("Chinese coast
    guard ships blasted Philippine vessels", "drones crossed into its airspace during an attack on Ukraine")."""
    clause = clause_start(text, start)
    first = next((m for m, role in r.by_mention if role == "actor" and clause <= m.start < start), None)
    verb = _MAIN_VERB.search(text, first.end, start) if first else None
    cut = verb.start() if verb else start
    before = {m.code for m, role in r.by_mention if role == "actor" and clause <= m.start < cut}
    if not before:  # "... as it approached Ayungin Shoal and performed ...": "it" is the sentence's subject
        before = {m.code for m, role in r.by_mention[:1] if role == "actor" and m.start < start}
    if not before:
        return actors
    return [c for c in actors if c in before] or actors


_IN_PHRASE = re.compile(r"^(?:['’]s)?\s+(?:[\w.-]+\s+){0,3}$")


def modifier_actor(r: Roles, start: int, text: str) -> list[str]:
    """The country word inside the noun phrase that ends at ``start`` ("a U.S. MQ-9 Reaper [surveillance
    drone]"), if any; a verb between them ends the phrase."""
    for m, role in reversed(r.by_mention):
        if m.end <= start:
            gap = text[m.end:start]
            ok = role in ("actor", "observed") and _IN_PHRASE.match(gap) and not _MAIN_VERB.search(gap)
            return [m.code] if ok else []
    return []


# Verbs whose object is what was met ("intercepted two Tu-95s"), as opposed to verbs whose object is the
# jets sent ("scrambled F-15s to intercept ...").
_MEET_VERB = re.compile(r"intercept|escort|shadow|follow|track|warning|identif|met\b|flares|accompan|tail", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:[\w-]+\s+){0,2}$", re.I)
_AGENT = re.compile(r"^[^,;]{0,60}?\bby\b|^[^;]{0,30}?\bby\b(?!\s+(?:sending|dispatching))", re.I)
# Where the jets' purpose starts: what follows is the aircraft they went to meet.
_PURPOSE = re.compile(r"\b(?:to|and)\s+(?:[\w-]+\s+){0,2}?(?:intercept|identify|track|monitor|shadow|escort|follow|"
                      r"meet|respond|warn|counter|check|investigate|inspect|observe|accompany|deter|chase|expel)\w*|"
                      r"\bagainst\b|\bin response\b|\bresponse to\b", re.I)
_CLAUSE_END = re.compile(r"[;]|,\s*(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:said|says|reported|according)\b|\bafter\b|"
                         r"\bwhen\b|\bbefore\b|\bwhile\b|\bbut\b")


_PRONOUN_BEFORE = re.compile(r"\b(?:it|they|we)\s+(?:also\s+|then\s+|later\s+|immediately\s+|had\s+|has\s+|have\s+)?$",
                             re.I)
# "were scrambled, backed by an Italian AWACS aircraft": the supporting side reacted too
_SUPPORT = re.compile(r"\b(?:backed|supported|assisted|joined|accompanied) by\s+(?:an?\s+|the\s+)?$", re.I)


def _jets_end(text: str, end: int, purpose_at: int) -> int:
    """Where the noun phrase of the jets sent ends: at their purpose, or at the first comma ("Japan also
    scrambled fighters, and protested to Seoul and Moscow": the countries protested to sent no jets)."""
    comma = text.find(",", end, purpose_at)
    return comma if comma >= 0 else purpose_at


@dataclass
class Sides:
    """Who reacted and whom they met, read from the reaction's clause."""

    reactors: list[str]
    met: list[str]


def reaction_sides(text: str, start: int, end: int, by_mention: list[tuple[Mention, str]]) -> Sides:
    """Read a reaction's two sides from its clause, not from the reporting frame.

    Active "Polish MiG-29s intercepted a Russian Il-20": the subject reacts, the object was met. Passive
    "the Russian aircraft were intercepted by Norwegian F-16s": the agent after "by" reacts. With verbs
    that send jets ("scrambled ASDF fighters to intercept Chinese bombers"), the jets right after the verb
    are the reactor's and the aircraft after their purpose ("to intercept", "against") were met. A
    zone owner ("Taiwan's ADIZ") is neither; a reporter ("the ministry said it scrambled jets") reacts
    only when the clause names no one else.
    """
    verb = text[start:end]
    clause = clause_start(text, start)
    stop = _CLAUSE_END.search(text, end)
    stop_at = stop.start() if stop else len(text)
    parties = [(m, role) for m, role in by_mention if role not in ("host", "located") and not (
        role == "observed" and _OBSERVED_AFTER.match(text[m.end:m.end + 60]))]  # "against Chinese H-6s" was met
    before = [m for m, role in parties if clause <= m.start < start and role != "reporter"]
    after = [m for m in (m for m, _ in parties) if end <= m.start < stop_at]
    reporters = [m.code for m, role in parties if role == "reporter" and m.start < start]
    codes = lambda ms: list(dict.fromkeys(m.code for m in ms))  # noqa: E731
    meets = bool(_MEET_VERB.search(verb))
    auxiliary = verb.rsplit(None, 1)[0] + " " if " " in verb else ""  # a trigger "were sent" holds its own
    # "were sent to intercept": the infinitive is active, whatever auxiliary came before
    passive = bool(_PASSIVE_BEFORE.search(text[max(0, start - 40):start] + auxiliary)) and not re.search(
        r"\bto\s+$", text[max(0, start - 5):start]) or bool(
        meets and _AGENT.match(text[end:]) and not re.match(r"\s*by\s+(?:sending|dispatching)", text[end:]))
    if passive and not before:
        # "... when it was intercepted by two J-11s": "it" is the sentence's earlier subject; "Fighters of the
        # Japan Air Self-Defense Force, were scrambled": the subject before an aside
        before = [m for m, role in parties if m.start < start and role != "reporter"]
    if meets and passive:
        agent = _AGENT.match(text[end:])
        by_at = end + agent.end() if agent else stop_at
        return Sides(codes(m for m in after if m.start >= by_at), codes(before))
    if reporters and not passive and _PRONOUN_BEFORE.search(text, 0, start):
        # "Seoul said Russian aircraft entered the KADIZ and that it scrambled jets": "it" is the one who said so
        return Sides(reporters, [c for c in codes(before + after) if c not in reporters])
    if meets:
        return Sides(codes(before) or reporters, codes(after))
    purpose = _PURPOSE.search(text, end, stop_at)
    met_from = purpose.start() if purpose else stop_at
    support = [m for m in after if _SUPPORT.search(text, max(end, m.start - 40), m.start)]
    jets = support + ([] if passive else [m for m in after if m.start < _jets_end(text, end, met_from)])
    met = [m for m in after if m.start >= (end if passive and not purpose else met_from) and m not in support]
    return Sides(codes(before + jets) or reporters, [c for c in codes(met) if c not in codes(before + jets)])
