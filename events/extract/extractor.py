"""Article text -> draft events with evidence and confidence.

Pipeline: clean input -> sentences -> per sentence: triggers (types), places, country
mentions and their roles, dates, assets, distances -> drafts -> context from neighbouring
sentences (actors of "the aircraft", the date and target of a scramble) -> merge repeated
mentions -> link one operation's events -> validated :class:`Event` objects.
"""

from __future__ import annotations

import copy
import re
from datetime import date, timedelta
from typing import Any

from events.draft import Draft
from events.event_types import BY_NAME
from events.schema import CHECKED_GEOMETRY, Event, country_name, new_id
from geo import demonyms

from . import activity, approach, article, assets, date_attach, dates, places, reactions, roles, sentences, types
from . import actors as actors_mod
from .link import Finding, merge
from .textin import clean_input

_SAME_OPERATION = {"joint_patrol": {"incursion", "bomber_approach"}, "incursion": {"joint_patrol", "bomber_approach"},
                   "bomber_approach": {"incursion", "joint_patrol"}}
_QUALIFIED_PLACE = re.compile(r"(?:border|borders|airspace|ADIZ|zone|territory|coast|coastline|waters)$", re.I)
_JOINT = re.compile(r"\b(?:joint|combined|jointly|together|(?<!paths )(?<!collided )(?<!clashed )(?<!interacted )"
                    r"(?<!interfered )(?<!communicated )(?<!contact )(?P<with>with))\b", re.I)
_PARTNER = re.compile(r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:allies|allied|partners?|counterparts?|"
                      r"navies|forces|militaries)\b", re.I)


def _is_joint(text: str, mentions: list[actors_mod.Mention], end: int | None = None) -> bool:
    """Two militaries act together (told before ``end``, anywhere by default): "joint", "together", or "with"
    followed by another party ("with Russian ships", "with its allies"); "with water cannon" or "with two
    destroyers" names a tool or an escort."""
    for m in _JOINT.finditer(text, 0, len(text) if end is None else end):
        if not m.group("with"):
            return True
        near = text[m.end():m.end() + 30]
        if _PARTNER.match(near) or any(m.end() < x.start <= m.end() + 30 for x in mentions):
            return True
    return False


def _country_words() -> frozenset[str]:
    return frozenset(actors_mod._names())


def _place_owners(items: list[Any], trigs: list[types.Trigger], text: str, after: bool = False,
                  ) -> dict[int, types.Trigger]:
    """With several activities in one sentence, each place (or actor) goes to the nearest one: places prefer the
    activity before them ("crossed the median line of the Taiwan Strait"), actors the one after them, their verb
    ("a day after North Korea fired a missile")."""
    if len(trigs) < 2:
        return {}
    out = {}
    for p in items:
        def dist(t: types.Trigger, p: Any = p) -> int:
            same_clause = not re.search(r"[,;]", text[min(p.start, t.start):max(p.end, t.end)])
            if after:
                d = t.start - p.end if t.start >= p.end else (p.start - t.end) + 40
            else:
                d = p.start - t.end if p.start >= t.end else (t.start - p.end) + 40
            return d + (0 if same_clause else 1000)
        out[id(p)] = min(trigs, key=dist)
    return out


_SELF = re.compile(r"\b(?:it|its|they|their|we|our)\b", re.I)


def _speaks_of_itself(text: str, r: roles.Roles, trigs: list[types.Trigger]) -> bool:
    """A reporter acts when what it reports is its own doing ("Russia's Northern Fleet said a group of its
    warships had completed exercises"), not when it reports someone else's ships ("the Japanese Joint Staff
    says the carrier Shandong is operating")."""
    said = max((m.end for m, role in r.by_mention if role == "reporter"), default=0)
    first = min(t.start for t in trigs)
    return bool(_SELF.search(text, said, first)) or first < said


# "encountered a Chinese cruiser sailing with two Russian destroyers": the seen ships' partners
_SAILING_WITH = re.compile(r"\s+(?:\w+ing\s+)?(?:together\s+)?with\s+(?:the\s+|an?\s+|\w+\s+)?", re.I)
# "appear to have fallen outside its exclusive economic zone": where it did not happen
_OUTSIDE = re.compile(r"\boutside\s+(?:of\s+)?(?:the\s+)?$", re.I)


def _sentence_drafts(s: sentences.Sentence, anchor: dates.Anchor, countries: frozenset[str],
                     left_out: list[tuple[types.Trigger, str]] | None = None,
                     aliases: dict[str, str] | None = None) -> list[Finding]:
    text = s.text
    trigs = types.find(text, left_out)
    if not trigs and not activity.may_tell(text):
        return []
    pls = [p for p in places.find(text, countries)
           if not types._NEG.search(text[types.clause_start(text, p.start):p.start])
           and not types._WITHOUT.search(text[max(0, p.start - 40):p.start])
           and not _OUTSIDE.search(text[max(0, p.start - 20):p.start])]
    mentions = [m for m in actors_mod.find(text, aliases)
                if not any(p.start <= m.start and m.end <= p.end and not _QUALIFIED_PLACE.search(p.text)
                           and p.kind != "country" for p in pls)]
    trigs = trigs or activity.find(text, mentions, pls)  # a platform subject's verb the keywords do not know
    if not trigs:
        return []
    r = roles.assign(text, mentions)
    owner_country = (r.observed + r.reporters + r.scramblers or [None])[0]
    if owner_country:
        pls = [places.resolve_owned(p, _display_country(owner_country)) for p in pls]
    actor_owner = _place_owners([m for m, role in r.by_mention if role == "actor"],  # type: ignore[misc]
                                [t for t in trigs if t.type != "scramble"], text, after=True)
    dms = dates.find(text, anchor)
    found_assets = assets.find(text)
    closest = approach.find(text)
    joint = _is_joint(text, mentions)
    out: list[Finding] = []
    extra: list[Finding] = []
    main_actors = list(r.actors)
    if not main_actors and r.reporters and any(t.type in ("exercise", "transit", "other") for t in trigs) and \
            _speaks_of_itself(text, r, trigs):
        main_actors = list(r.reporters)
    if joint and any(t.type in ("exercise", "joint_patrol") for t in trigs):
        for h in r.hosts:
            if h not in main_actors:
                main_actors.append(h)
    sides = {id(t): roles.reaction_sides(text, t.start, t.end, r.by_mention) for t in trigs if t.type == "scramble"}
    reacting = {c for x in sides.values() for c in x.reactors}
    met = [c for x in sides.values() for c in x.met]
    has_incursion = any(t.type == "incursion" for t in trigs)
    scramble_places = [p for t in trigs if t.type == "scramble" for p in reactions.scramble_places(text, t, pls)]
    bases = reactions.departures(text, trigs, pls)
    pls = [p for p in pls if p not in bases]
    owner = _place_owners(pls, [t for t in trigs if t.type != "scramble"], text)
    for t in trigs:
        d = Finding(type=t.type, sentence=s.index, evidence=text, anaphoric=t.anaphoric, generic=t.generic,
                    monitor=t.monitor, repeat=t.repeat, reporters=list(r.reporters))
        positions = [t.start]
        if t.type == "bomber_approach":
            positions += [m.start() for m in types._APPROACH_CUE.finditer(text)]
        dm = date_attach.attach(dms, positions, text)
        dm = date_attach.day_after(text, t, dm, dms)
        said = next((x for x in dms if date_attach.said_date(text, x) and x.precision == "day"), None)
        if dm is not None:
            d.date_start, d.date_end, d.date_precision, d.date_explicit = (dm.date_start, dm.date_end,
                                                                           dm.precision, True)
            d.date_relative = dm.relative
            if dm.relative_to_event:
                d.date_precision = "rel:" + str((dm.date_start - anchor.day).days)
        elif said is not None:  # "said Thursday that bombers flew ...": the activity is at most that recent
            d.date_start, d.date_end, d.date_precision = said.date_start, said.date_end, "day"
            d.date_relative = said.relative
        if t.type == "scramble":
            side = sides[id(t)]
            # ... else whose base the jets took off from ("Typhoons launched from RAF Lossiemouth")
            home = list(dict.fromkeys(p.iso3 for p in bases if p.iso3 and t.start - 80 < p.start))
            d.actors = side.reactors or [c for c in list(r.scramblers) or home or list(r.reporters) or list(r.observed)
                                         if c not in side.met]
            if types.ESCORTED_BY.match(text, t.start):  # the agent named no country: the reactor is unknown
                d.escort, d.actors = True, list(side.reactors)
            elif re.search(r"\b(?:escorted|accompanied)$", t.text, re.I):  # "Su-35S fighters escorted the bombers"
                d.escort = True  # company, unless they are another country's (_contextualise)
            d.observers = [c for c in side.met or main_actors if c not in d.actors]
            # none in its own clause: the clause it answers ("an Aurora on patrol over the East China Sea was
            # intercepted by PLA fighters") locates it, as the coding rules give a reaction its trigger's places
            d.places = reactions.scramble_places(text, t, pls) or [
                p for p in pls if p.alias_of is None and p.kind != "country" and p not in bases]
            d.assets = [a for a in found_assets if re.search(r"fighter|jet|F-\d|interceptor|aircraft|plane",
                                                             a, re.I) and text.find(a.split(" x")[0]) > t.start - 60]
        elif t.monitor:  # "a Japanese destroyer monitored the ships", "were shadowed by HMS Tyne"
            passive = " by " in t.text
            watchers = [m.code for m in mentions if (m.start >= t.start + t.text.index(" by ") if passive
                                                       else m.start < t.end and t.start < m.end)]
            # ... or whose the watching platform is ("a Japan Maritime Self-Defense Force P-1 patrol aircraft")
            own = [] if passive else roles.modifier_actor(r, t.start, text)
            d.actors = list(dict.fromkeys(watchers)) or own or list(r.reporters) or list(r.observed)
            d.observers = list(dict.fromkeys(c for c in main_actors + r.observed if c not in d.actors))
            d.places = [p for p in pls if p.alias_of is None]
            if not any(x.type == "transit" for x in trigs) and types.WATCHED_THROUGH.search(text, t.end):
                # shadowing a ship through a strait reports the ship's transit too; the watched are its actors
                tr = Finding(type="transit", sentence=s.index, evidence=text, watched_transit=True,
                             actors=list(d.observers), observers=list(d.actors), places=list(d.places),
                             reporters=list(r.reporters),
                             anaphoric=bool(re.match(r"\W*(?:[\w-]+\s+){0,2}?(?:(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?"
                                                     r"(?:ships|vessels|warships|group|flotilla|formation)\b|them\b)",
                                                     text[t.end:], re.I)))
                tr.date_start, tr.date_end, tr.date_precision = d.date_start, d.date_end, d.date_precision
                tr.date_explicit, tr.date_relative = d.date_explicit, d.date_relative
                extra.append(tr)
        else:
            own = [m.code for m, role in r.by_mention if role == "actor" and actor_owner.get(id(m)) is t]
            d.actors = list(dict.fromkeys(own)) if actor_owner and own else list(main_actors)
            d.actors = _not_reacting(d.actors, reacting, met)
            acted_on: list[str] = []
            owned = roles.modifier_actor(r, t.start, text) if types.is_mission_noun(t) else []
            if types.is_sighting(t):  # "the Navy counted 163 Chinese vessels": the vessels' country acted
                owned = list(dict.fromkeys(m.code for m, role in r.by_mention if role in ("actor", "observed") and (
                    t.start < m.start < t.end or _SAILING_WITH.fullmatch(text, t.end, m.start))))
            if owned:
                acted_on, d.actors = [c for c in d.actors if c not in owned], owned
            elif t.type in roles.SUBJECT_ACTS and not _is_joint(text, mentions, types.clause_end(text, t.end)):
                subject = roles.subject_actors(d.actors, r, t.start, text)
                acted_on, d.actors = [c for c in d.actors if c not in subject], subject
            if t.anaphoric and not any(role == "actor" and m.start < t.start for m, role in r.by_mention):
                # "The bombers came within 100 km of the Russian exclave": the subject points back, so the actors
                # are the antecedent's (context), and the countries after the verb were approached
                acted_on, d.actors = acted_on + d.actors, []
            d.observers = [c for c in r.observed + r.scramblers + sorted(reacting) + r.reporters +
                           ([] if joint else r.hosts) if c not in d.actors]
            d.observers = list(dict.fromkeys(d.observers + acted_on))
            # places in the scramble's clause before this trigger ("launched from RAF Lossiemouth to track
            # bombers") are the reaction's, not the activity's
            mine = [p for p in pls if p.alias_of is None and not (p in scramble_places and p.start < t.start)]
            # none of its own: share those of the same operation ("entered the KADIZ, in what Moscow called a
            # joint patrol"), not those of another activity in the sentence
            # none of those either: two activities told in one sentence ("a patrol ship fired warning shots ...
            # after the destroyer entered Russian territorial waters near Cape Fiolent") happened in one place
            d.places = [p for p in mine if owner.get(id(p), t) is t] or [
                p for p in mine if owner.get(id(p), t).type in _SAME_OPERATION.get(t.type, ())] or [
                p for p in mine if owner.get(id(p), t).type != "scramble"]
            if t.type == "joint_patrol" and has_incursion:
                d.places = [p for p in d.places if p.kind != "adiz" and not re.search(r"ADIZ|airspace|zone$",
                                                                                      p.text, re.I)] or d.places
            scramble_start = next((x.start for x in trigs if x.type == "scramble"), None)
            d.assets = [a for a in found_assets if scramble_start is None
                        or text.find(a.split(" x")[0].split(" (")[0]) < scramble_start]
            d.closest_km = closest if t.type in ("bomber_approach", "incursion", "other", "transit") else None
        out.append(d)
    return _split_count_targets(out + extra, text, mentions)


_PLATFORM = r"(?:military\s+)?(?:aircraft|planes?|jets?|fighters?|bombers?|drones?|warplanes?|flights?)"
_TARGET_BEFORE = re.compile(r"\b(?:against|at|toward|towards|to warn(?: off)?|in response to|responding to)\s+"
                            r"(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_TARGET_AFTER = re.compile(rf"^(?:['’]s)?\s+{_PLATFORM}[^.;]{{0,30}}?\b(?:accounted for|made up|represented|"
                           rf"were behind|prompted|triggered)\b|^\s+{_PLATFORM}\b", re.I)


def _count_targets(text: str, mentions: list[actors_mod.Mention]) -> list[actors_mod.Mention]:
    """In a tally of scrambles the nationality words name whose aircraft were met: "Chinese aircraft
    accounted for 234 of the scrambles, while 134 were against Russian aircraft"."""
    out = []
    for m in mentions:
        after = text[m.end:m.end + 60]
        if _TARGET_BEFORE.search(text[max(0, m.start - 40):m.start]) and re.match(rf"\s+{_PLATFORM}", after, re.I):
            out.append(m)
        elif re.match(_TARGET_AFTER.pattern, after, re.I) and re.search(r"\baccounted for|made up|represented|"
                                                                         r"were behind|prompted|triggered", after):
            out.append(m)
    return out


def _split_count_targets(drafts: list[Finding], text: str, mentions: list[actors_mod.Mention]) -> list[Finding]:
    """A scramble tally split by the country met: one aggregate per country with its own number; the
    nationality words are observers, and the scrambling country comes from the report (context)."""
    tallies = [d for d in drafts if d.type == "scramble" and types.is_count_claim(text)]
    if not tallies:
        return drafts
    targets = _count_targets(text, mentions)
    codes = list(dict.fromkeys(m.code for m in targets))
    if not codes:
        return drafts
    out = []
    for d in drafts:
        if d not in tallies:
            if d.type != "scramble" and set(d.actors) <= set(codes) and types.is_count_claim(text):
                continue  # "Chinese aircraft accounted for 234 of the scrambles" reports no flight of its own
            out.append(d)
            continue
        d.actors = [c for c in d.actors if c not in codes]
        numbered = [m for m in targets if re.search(r"\d", text[max(0, m.start - 60):m.end + 60])]
        per = list(dict.fromkeys(m.code for m in numbered))
        if len(per) < 2:
            d.observers = codes
            out.append(d)
            continue
        for c in per:
            x = copy.copy(d)
            x.observers, x.actors, x.links, x.share = [c], list(d.actors), set(d.links), True
            x.notes, x.absorbed, x.merged_evidence = list(d.notes), set(), []
            out.append(x)
    return out


_AGAIN_ON = re.compile(r"(?:,|;)\s*(?:and\s+|then\s+|but\s+)?(?:again\s+)?(?:on|later on)\s+$", re.I)
_AGAIN_CUE = re.compile(r"[,;]\s*(?:and\s+|then\s+|but\s+)?(?:again\s+)?(?:later\s+)?on\s+\w", re.I)
_REPEATABLE = frozenset({"scramble", "other", "incursion", "transit"})


def _elided_repeats(s: sentences.Sentence, found: list[Finding], anchor: dates.Anchor) -> list[Finding]:
    """A clause that only adds a date repeats the sentence's action: "the jets launched again on 29 October to
    identify an Il-78, and on 30 October to identify and escort an Il-76" reports two scrambles."""
    text = s.text
    if not found or not _AGAIN_CUE.search(text):
        return []
    days = [m for m in dates.find(text, anchor) if m.precision == "day"]
    if len(days) < 2 or not found:
        return []
    out = []
    for m in days[1:]:
        before = text[max(0, m.start - 24):m.start] + ("on " if m.text.lower().startswith("on ") else "")
        if not _AGAIN_ON.search(before):
            continue
        for d in found:
            single_day = d.date_explicit and d.date_start is not None and d.date_start == d.date_end
            if d.type not in _REPEATABLE or not single_day or d.date_start == m.date_start or any(
                    x.type == d.type and x.date_start == m.date_start for x in found + out):
                continue
            x = copy.copy(d)
            x.actors, x.observers, x.links, x.places = list(d.actors), list(d.observers), set(), list(d.places)
            x.notes, x.absorbed, x.merged_evidence = list(d.notes), set(), []
            x.assets = [a for a in d.assets if text.find(a.split(" x")[0], m.end) >= 0]
            x.date_start = x.date_end = m.date_start
            x.date_relative = m.relative
            out.append(x)
    return out


def _not_reacting(actors: list[str], reacting: set[str], met: list[str]) -> list[str]:
    """The activity a reaction met is not done by the reactors: "Portuguese F-16s were launched to identify
    an Il-20 reconnaissance aircraft" drafts the Il-20's flight, whose actor is not Portugal."""
    if not reacting or not set(actors) & reacting:
        return actors
    rest = [c for c in actors if c not in reacting]
    return rest or list(dict.fromkeys(met))


_MOVE = re.compile(r"\b(?:flew|flying|sailed|sailing|passed|continued|headed|operated|transited|moved)\b", re.I)


def _add_followup_places(drafts: list[Finding], sents: list[sentences.Sentence], countries: frozenset[str]) -> None:
    """ "... as they flew over the North Sea": a sentence with no event of its own may give the route."""
    with_events = {d.sentence for d in drafts}
    for s in sents:
        if s.index in with_events or not _MOVE.search(s.text):
            continue
        target = next((d for d in reversed(drafts) if d.sentence == s.index - 1 and d.type != "scramble"
                       and (not d.places or d.inherited_places)), None)
        if target is None:
            continue
        new = [p for p in places.find(s.text, countries) if p.resolved and p.alias_of is None and p.kind != "country"]
        if new:
            target.places = new
            target.inherited_places = False


# "sailed through the strait", "the 180-km waterway", "near the reef": a place named before, by its kind
_PLACE_ANAPHOR = re.compile(r"\b[Tt]he\s+(?:[\w()-]+\s+){0,3}?(?P<n>strait|waterway|channel|shoal|reef|atoll)\b"
                            r"(?!\s+of\b)")
_ANAPHOR_KINDS = {"strait": {"strait", "channel", "passage"}, "waterway": {"strait", "channel", "passage"},
                  "channel": {"strait", "channel", "passage"}, "shoal": {"shoal", "reef", "bank", "atoll"},
                  "reef": {"shoal", "reef", "bank", "atoll"}, "atoll": {"shoal", "reef", "bank", "atoll"}}


def _anaphoric_places(drafts: list[Finding], sents: list[sentences.Sentence], countries: frozenset[str]) -> None:
    """A place told again by its kind ("The British frigate sailed through the strait") is the last place of that
    kind the report named: the draft keeps the word as written, drawn where the antecedent is."""
    named: list[tuple[int, places.Place]] = []  # (sentence, place) in text order, read only when needed
    read_to = -1
    for d in drafts:
        m = _PLACE_ANAPHOR.search(d.evidence)
        if m is None:
            continue
        kinds = _ANAPHOR_KINDS[m.group("n").lower()]
        if any(p.kind in kinds for p in d.places if not d.inherited_places):
            continue
        for s in sents[read_to + 1:d.sentence + 1]:
            named += [(s.index, p) for p in places.find(s.text, countries) if p.resolved and p.alias_of is None]
        read_to = max(read_to, d.sentence)
        before = [p for i, p in named if p.kind in kinds and (i < d.sentence or p.start < m.start())]
        if before:
            ante = before[-1]
            word = places.Place(m.start("n"), m.end("n"), m.group("n"), ante.name, ante.kind, ante.lat, ante.lon,
                                ante.confidence, ante.geometry, ante.iso3)
            d.places = d.places + [word]


def _listed_places(drafts: list[Finding]) -> None:
    """The items of a dated list ("12 June (Wednesday). An Il-20 was identified.") happen where the report's
    lead says the whole tally did ("over the Baltic Sea"), unless they name a place of their own."""
    lead = next((x for x in drafts if not x.listed and any(p.resolved and p.kind != "country" for p in x.places)), None)
    if lead is None:
        return
    for d in drafts:
        if d.listed and not [p for p in d.places if p.kind != "country" and p.alias_of is None]:
            d.places = [p for p in lead.places if p.alias_of is None and p.kind != "country"]
            d.inherited_places = True


_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12, "twice": 2}
_TOTAL = re.compile(r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+){0,2}?"
                    r"(?:times|scrambles|sorties|intercepts|interceptions|launches)\b|\btwice\b", re.I)


def _drop_listed_totals(kept: list[Finding]) -> list[Finding]:
    """A small total ("scrambled six times last week", "Three scrambles.") whose incidents the report goes on to
    list one by one is not an event beside them (the coding rules count an aggregate only where the incidents
    are not told); a total the report does not itemise stays."""
    out = []
    for d in kept:
        m = _TOTAL.search(d.evidence) if types.is_count_claim(d.evidence) or "twice" in d.evidence else None
        n = _NUMBER.get(m.group(1).lower() if m.group(1) else "twice", 0) if m else 0
        if m and m.group(1) and m.group(1).isdigit():
            n = int(m.group(1))
        items = [x for x in kept if x is not d and x.type == d.type and x.date_start is not None and
                 x.date_start == x.date_end and x.sentence != d.sentence and x.date_explicit
                 and d.date_start <= x.date_start <= d.date_end and not types.is_count_claim(x.evidence)]
        if 2 <= n <= 12 and items and len(items) >= n // 2 and d.type == "scramble" and not d.merged_evidence:
            continue
        out.append(d)
    return out


_COUNT_WORD = r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|some|most|all|several)"
# A part of a count told just before: "Of these, 8 aircraft ...", "15 of the aircraft ...", "17 out of 21
# aircraft ...", "..., with 10 of the aircraft entering ..."
_OF_THESE = re.compile(rf"^\W*(?:Of (?:these|them|those|the [\w,]+(?: [\w-]+)?)|Among them),|"
                       rf"(?:^\W*|,\s*(?:with|and|including)\s+){_COUNT_WORD}\s+(?:of|out of)\s+"
                       rf"(?:the|these|those|them|its|\d{{1,3}})\b", re.I)


def _lead_places(sents: list[sentences.Sentence], countries: frozenset[str]) -> list[places.Place]:
    """The named places (not countries) of the first sentences that give any: where the report sets its story."""
    for s in sents[:3]:
        found = [p for p in places.find(s.text, countries) if places.named(p)]
        if found:
            return found
    return []


def _drop_subset_tallies(kept: list[Finding]) -> list[Finding]:
    """ "22 PLA aircraft ... were detected today. Of these, 8 aircraft crossed the median line and entered our
    ADIZ" (also "17 out of 21 aircraft ...", "..., with 10 of the aircraft entering ..."): the daily count is the
    activity the part reports precisely (an incursion), not a sighting beside it; the coding rules give one
    event per activity."""
    drop = set()
    for d in kept:
        if d.type == "scramble":
            continue
        subset = _OF_THESE.search(d.evidence)
        if subset is None:
            continue
        told_in = (d.sentence - 1,) if subset.start() == 0 else (d.sentence,)
        for x in kept:
            if x.type == "other" and not x.monitor and not x.absorbed and x.sentence in told_in \
                    and set(x.actors) <= set(d.actors) \
                    and (x.date_start, x.date_end) == (d.date_start, d.date_end):
                drop.add(id(x))
                for y in kept:  # its places stay with the sentence's other activity ("as Beijing staged drills")
                    if y is not x and y.sentence == x.sentence and not y.places:
                        y.places = [p for p in x.places if p.alias_of is None]
    return [d for d in kept if id(d) not in drop]


_DATE_FIELD = re.compile(r"\b(?:date|time|when|day)\b", re.I)
_PLACE_FIELD = re.compile(r"\b(?:location|position|area|airspace|place|waters|where|route|region)\b", re.I)
_ASSET_FIELD = re.compile(r"\b(?:vessels?|ships?|aircraft|units?|platforms?|assets|type)\b", re.I)


def _field_blocks(drafts: list[Finding], sents: list[sentences.Sentence], anchor: dates.Anchor,
                  countries: frozenset[str], text: str) -> list[Finding]:
    """A field list ("(1) Date and time: ...", "(2) Location: ...", "(3) Vessels: ...", "(4) Outline: ...") is one
    incident: its date, place and platform fields fill what the outline and response sentences leave out; a
    block with platforms but no activity word still reports their sighting (``other``)."""
    blocks = sorted({s.block for s in sents if s.block is not None})
    if not blocks:
        return drafts
    title_codes = list(dict.fromkeys(m.code for m in actors_mod.find(sentences.titles(text))))
    out = list(drafts)
    for b in blocks:
        mine = [s for s in sents if s.block == b]
        idx = {s.index for s in mine}
        fields = [(s, sentences.field(s.text)) for s in mine]
        days: list[dates.DateMention] = []
        start = None
        loc: list[places.Place] = []
        kit: list[str] = []
        kit_codes: list[str] = []
        asset_sentence = None
        for s, f in fields:
            found = [m for m in dates.find(s.text, anchor)
                     if m.precision in ("day", "range") and not m.relative_to_event]
            days += found
            if f is None:
                continue
            label, value = f
            if _DATE_FIELD.search(label) and found and start is None:
                start = found[0]
            elif _PLACE_FIELD.search(label) and not loc:
                loc = [p for p in places.find(value, countries) if p.alias_of is None]
            elif _ASSET_FIELD.search(label) and not kit:
                kit = assets.find(value)
                kit_codes = list(dict.fromkeys(m.code for m in actors_mod.find(value)))
                asset_sentence = s
        codes = kit_codes or title_codes
        in_block = [d for d in out if d.sentence in idx]
        # (a reaction that names whom it met already reports their flight: reactions.met_aircraft)
        if not any(d.type != "scramble" and not d.monitor for d in in_block) and asset_sentence is not None \
                and not any(d.type == "scramble" and d.observers for d in in_block) and (start or loc):
            seen = Finding(type="other", sentence=asset_sentence.index, evidence=asset_sentence.text,
                           actors=list(codes))
            out.insert(next((i for i, d in enumerate(out) if d.sentence > asset_sentence.index), len(out)), seen)
            in_block = [seen] + in_block
        if start is not None:
            first = min([start.date_start] + [m.date_start for m in days])
            last = max([start.date_end] + [m.date_end for m in days])
        for d in in_block:
            if start is not None:
                d.date_start, d.date_end = first, last
                d.date_precision = "day" if first == last else "range"
                d.date_explicit, d.date_relative = True, start.relative
            names = {(p.name or p.text).lower() for p in loc}
            d.places = loc + [p for p in d.places if p.alias_of is None and (p.name or p.text).lower() not in names]
            d.inherited_places = False
            if d.type != "scramble" and not d.monitor:
                d.assets = list(kit) or d.assets
                d.actors = d.actors or list(codes)
    for k, d in enumerate(out):
        d.key = k
    return out


_OPEN_WATERS = re.compile(r"\b(?:international|neutral)\s+(?:waters|airspace)\b", re.I)


def _approaches_no_one(d: Finding, kept: list[Finding]) -> bool:
    """Bombers that no country watched or reacted to, over open waters ("flew over the neutral waters of the
    Barents and Norwegian seas") or their own country's islands, approached no one: the coding rules do not
    count them."""
    if d.type != "bomber_approach" or d.observers:
        return False
    own = any(set(article.owners(p, watched=True)) & set(d.actors) for p in d.places if p.alias_of is None)
    foreign = any(set(article.owners(p, watched=True)) - set(d.actors) or _QUALIFIED_PLACE.search(p.text)
                  for p in d.places if p.alias_of is None)
    # "a scheduled flight over the Arctic Ocean": open sea that is no one's, and no one watched or reacted
    met = any(x.type == "scramble" and (x.answers == d.key or d.key in x.links or set(x.actors) - set(d.actors))
              for x in kept)
    return own or not (foreign or met) or any(_OPEN_WATERS.search(e) for e in [d.evidence, *d.merged_evidence])


def _one_army_joint_patrol(d: Finding, kept: list[Finding]) -> bool:
    """ "launched what it called 'joint patrols and exercises'": one military's joint (all-service) patrol
    told with its drills is the exercise; the coding rules' joint patrol needs two militaries."""
    return d.type == "joint_patrol" and len(d.actors) == 1 and any(
        x.type == "exercise" and x.sentence == d.sentence and x.actors == d.actors for x in kept)


def _confidence(d: Finding) -> float:
    c = BY_NAME[d.type].confidence
    c += 0.1 if d.date_explicit else -0.1
    c += 0.05 if any(p.resolved for p in d.places) else -0.05
    c += 0.05 if d.actors else -0.25
    c -= 0.15 if d.generic else 0
    c -= 0.1 if d.inherited_actors else 0
    c -= 0.1 if d.inherited_places else 0
    return round(min(0.97, max(0.05, c)), 2)


def _other_day(a: Finding, b: Finding) -> bool:
    """Two single days the text gives explicitly and that differ: a reaction on 29 October did not meet a
    flight of 27 October; it met an aircraft of its own (see :func:`reactions.met_aircraft`)."""
    return (a.date_explicit and b.date_explicit and a.date_start is not None and b.date_start is not None
            and a.date_start == a.date_end and b.date_start == b.date_end and a.date_start != b.date_start)


def _earlier_reaction(before: list[Finding], d: Finding) -> list[Finding]:
    """A reaction that names no one ("were shadowed by the Typhoons") continues the last reaction reported
    just before it: its jets, not the aircraft of the activity between them."""
    return [x for x in before if x.type == "scramble" and x.actors and 0 <= d.sentence - x.sentence <= 3]


def _contextualise(drafts: list[Finding], anchor: dates.Anchor) -> None:
    """Fill what a sentence leaves to its neighbours: actors of "the aircraft", dates of reactions."""
    for i, d in enumerate(drafts):
        siblings = [x for x in drafts if x.sentence == d.sentence and x is not d]
        prev = [x for x in drafts[:i] if x.sentence < d.sentence and d.sentence - x.sentence <= 2 and
                x.type != "scramble"]
        trigger = next((x for x in siblings if x.type != "scramble"), None) if d.type == "scramble" else None
        if d.type == "scramble" and trigger is None and prev and not _other_day(d, prev[-1]):
            trigger = prev[-1]
        if d.type == "scramble" and trigger is None and d.observers and not d.repeat and not d.date_explicit:
            # "Japan also scrambled fighters ... after the Chinese bombers flew ...": the activity of the aircraft
            # it met, told a few sentences before
            met = [x for x in drafts[:i] if x.type != "scramble" and not x.monitor and 0 < d.sentence - x.sentence <= 5
                   and set(x.actors) & set(d.observers) and not _other_day(d, x)]
            trigger = met[-1] if met else None
        if d.type == "scramble" and trigger is not None and trigger.type == "incursion" and d.actors and \
                trigger.observers and not set(d.actors) & set(trigger.observers):
            # Japan scrambling during a Chinese-Russian patrol that entered the KADIZ answers the patrol, not
            # the entry into another country's zone
            op = [x for x in drafts[:i] if x.type in ("joint_patrol", "bomber_approach") and x.sentence < d.sentence
                  and set(x.actors) & set(trigger.actors) and not _other_day(d, x)]
            if op:
                trigger = op[-1]
        elif d.type == "scramble" and trigger is None and prev and all(p.kind == "country" for p in d.places):
            d.places = [p for p in prev[-1].places if p.alias_of is None]  # same route, another day
        if d.escort and trigger is not None and set(d.actors) & set(trigger.actors):
            # "the bombers were escorted by Su-35S fighters of the Russian Aerospace Forces": their own company;
            # only others' fighters ("as well as by US Air Force F-22s") met them
            d.actors = [c for c in d.actors if c not in trigger.actors]
            d.observers = [c for c in trigger.actors if c not in d.actors]
            d.own_escort = not d.actors
        if trigger is not None:
            d.links.add(trigger.key)
            trigger.links.add(d.key)
            if d.type == "scramble":
                d.answers = trigger.key
            if not d.observers:
                d.observers = [c for c in trigger.actors if c not in d.actors]
            if not d.date_explicit and trigger.date_start is not None:
                d.take_date(trigger)
        if d.type == "scramble" and trigger is None and not d.observers:
            # "the same helicopter was intercepted again, this time by another J-11": the object names no
            # country; it is the aircraft an earlier reaction by the same side met
            again = [x for x in _earlier_reaction(drafts[:i], d) if x.observers and set(x.actors) & set(d.actors)]
            if again:
                d.observers = [c for c in again[-1].observers if c not in d.actors]
                if not [p for p in d.places if p.kind != "country"]:
                    d.places = [p for p in again[-1].places if p.alias_of is None]
                    d.inherited_places = True
        watched = next((x for x in reversed(siblings + prev) if not x.monitor and x.type != "scramble"), None)
        if d.monitor and watched is not None:  # "... monitored the vessels": the ships of the activity reported
            d.observers = d.observers or [c for c in watched.actors if c not in d.actors]
            d.places = d.places or [p for p in watched.places if p.alias_of is None]
            d.links.add(watched.key)
            d.answers = watched.key if d.answers is None else d.answers  # it reacts to what it watched
            if not d.date_explicit and watched.date_start is not None:
                d.take_date(watched)
        if d.watched_transit:
            watch = next((x for x in siblings if x.monitor), None)
            if watch is not None:
                d.actors = d.actors or [c for c in watch.observers if c not in watch.actors]
                d.observers = list(dict.fromkeys(d.observers + watch.actors))
                d.links.add(watch.key)
                watch.links.add(d.key)
        if d.type != "scramble":
            for x in siblings:
                if x.type != "scramble" and x.type != d.type:
                    d.links.add(x.key)
        antecedent = [x for x in prev if x.type == d.type] if d.anaphoric else []
        if d.type == "scramble" and not d.actors and not d.escort:
            antecedent = _earlier_reaction(drafts[:i], d)
        if not d.actors and antecedent:
            d.actors = list(antecedent[-1].actors)
            d.inherited_actors = True
        elif not d.actors and prev and not d.escort and not (
                d.type == "scramble" and set(prev[-1].actors) <= set(d.observers)):
            # (a reaction whose met aircraft are the previous activity's is not by them: "a Su-24 was intercepted")
            d.actors = list(prev[-1].actors)
            d.inherited_actors = True
            d.observers = d.observers or list(prev[-1].observers)
            if d.type in ("incursion", "transit", "scramble") or d.type != prev[-1].type:
                d.links.add(prev[-1].key)
                prev[-1].links.add(d.key)
        if types.is_count_claim(d.evidence) and not d.date_explicit:
            # "Scrambles against Russian aircraft rose by five to 115": a share of the total told just before, over
            # its period and where it was counted
            total = [x for x in drafts[:i] if x.type == d.type and x.date_explicit and 0 < d.sentence - x.sentence <= 3
                     and types.is_count_claim(x.evidence)]
            if total:
                d.take_date(total[-1])
                d.date_explicit = True
                if all(p.kind == "country" for p in d.places):
                    d.places = [p for p in total[-1].places if p.alias_of is None]
        if d.date_precision.startswith("rel:"):
            base = next((x for x in reversed(drafts[:i]) if x.date_start is not None and x.date_precision in (
                "day", "range", "month") and x.sentence < d.sentence), None)  # not its sibling, counted already
            offset = int(d.date_precision[4:])
            if base is not None:
                d.date_start = d.date_end = base.date_start + timedelta(days=offset)
                d.date_relative = base.date_relative
            d.date_precision = "day"
        if not d.places and d.type != "scramble" and not d.generic:
            before = [x for x in drafts[:i] if x.places and 0 < d.sentence - x.sentence <= 3]
            if before:
                d.places = [p for p in before[-1].places if p.alias_of is None]
                d.inherited_places = True
        dated_sibling = next((x for x in siblings if x.date_start is not None and x.date_precision != "unknown"), None)
        just_before = [x for x in drafts[:i] if x.sentence == d.sentence - 1 and x.date_start is not None]
        same_type = [x for x in drafts[:i] if x.type == d.type and x.date_start is not None
                     and 0 < d.sentence - x.sentence <= 2]
        just_before = same_type or just_before  # "The drills took place ...": the drills' date, not the last one
        if d.date_start is None and dated_sibling is not None:
            d.take_date(dated_sibling)
        elif d.date_start is None and d.anaphoric and just_before:  # "The Russian planes, an Il-20 ..."
            d.take_date(just_before[-1])
        if d.date_start is None:
            # an undated sentence continues the incident the text is telling, when one just before has a day
            told = [x for x in drafts[:i] if 0 < d.sentence - x.sentence <= 2 and x.date_explicit
                    and x.date_precision == "day" and x.date_start is not None]
            if d.type in ("scramble", "incursion") and prev and prev[-1].date_start is not None and \
                    prev[-1].section == d.section:
                d.take_date(prev[-1])
            elif told and not d.generic and not types.is_count_claim(d.evidence):
                d.take_date(told[-1])
            elif d.day_default is not None:  # a live blog's entry with no date: the day it is posted under
                d.date_start, d.date_end = d.day_default
                d.date_precision, d.date_relative = "day", False
            else:
                d.date_start, d.date_end, d.date_precision = dates.fallback(anchor)
                d.date_relative = True


def _to_event(d: Finding, key_to_id: dict[int, str], published: date | None, url: str | None, outlet: str | None,
              ) -> tuple[Event, list[places.Place]] | None:
    """The draft as an Event and its places; None if the schema refuses it."""
    plist = [p for p in d.places if p.alias_of is None]
    if not plist and d.type == "scramble" and d.actors:
        cp = places.country_place(_display_country(d.actors[0]))
        plist = [cp] if cp else []
    geometry, precision = places.geometry_for(plist, route=BY_NAME[d.type].route)
    notes = list(d.notes)
    if d.merged_evidence:
        notes.append("Also reported as: " + " | ".join(e[:300] for e in d.merged_evidence))
    if d.inherited_actors:
        notes.append("Actors taken from the previous sentence.")
    if d.inherited_places:
        notes.append("Place taken from another sentence of the report.")
    try:
        # the geometry is the gazetteer's own (an area's outline) or made here from its points: known good
        ev = Event.model_validate(dict(
            id=key_to_id[d.key], type=d.type, date_start=d.date_start, date_end=d.date_end,
            date_precision=d.date_precision if d.date_precision in ("day", "month", "range", "unknown") else "unknown",
            actors=d.actors, observers=[c for c in d.observers if c not in d.actors],
            places=[p.text for p in plist], geometry=geometry, geo_precision=precision,
            closest_approach_km=d.closest_km, assets=d.assets, source_url=url or None, source_name=outlet,
            published=published, evidence=d.evidence[:4000], status="draft",
            related=sorted({key_to_id[k] for k in d.links if k in key_to_id and key_to_id[k] != key_to_id[d.key]}),
            notes=" ".join(notes)[:4000]), context={CHECKED_GEOMETRY: (geometry,)})
    except ValueError:  # a draft the schema refuses is a bug here, not the user's problem: skip it
        return None
    return ev, plist


def _display_country(code: str) -> str:
    """The name a geocoder knows: "South Korea", not pycountry's "Korea, Republic of"."""
    forms = [d.word for d in demonyms.TABLE if d.iso3 == code and d.noun and "." not in d.word and len(d.word) > 3]
    if forms:
        return max(forms, key=len).title()
    return country_name(code)


NO_PUBLISHED = ("The report gives no publication date, so a relative date ('on Friday', 'last week') could "
                "not be placed; shown as {}, counted from {}: set the date.")


def _left_out_draft(sentence: str, trigger: types.Trigger, mode: str, anchor: dates.Anchor,
                    published: date | None, url: str | None, outlet: str | None) -> Draft:
    """What a sentence presents as planned, hypothetical or negated: not drafted, but kept (low confidence,
    its modality set) so a reviewer sees what was left out and why, and can add it back."""
    dms = dates.find(sentence, anchor)
    start, end, prec = (dms[0].date_start, dms[0].date_end, dms[0].precision) if dms else (anchor.day, anchor.day,
                                                                                          "unknown")
    codes = list(dict.fromkeys(m.code for m in actors_mod.find(sentence)))
    ev = Event(type=trigger.type, date_start=start, date_end=end, date_precision=prec if prec != "range" or
               start != end else "day", actors=codes, evidence=sentence[:4000], published=published,
               source_url=url or None, source_name=outlet, status="draft", modality=mode, confidence=0.3,
               notes=f"Left out by the extractor: the report presents this as {mode} ({trigger.text!r}).")
    return Draft(ev)


_TOOK_PLACE = re.compile(r"\b(?:took place|happened|occurred|unfolded)\b", re.I)


def _dates_told_after(s: sentences.Sentence, drafts: list[Finding], anchor: dates.Anchor) -> None:
    """ "... the incidents took place on May 19, 2024, when ...": a sentence with no activity of its own that
    dates what the sentences just before reported without a written date."""
    if not _TOOK_PLACE.search(s.text):
        return
    days = [m for m in dates.find(s.text, anchor)
            if m.precision == "day" and not m.relative_to_event and not m.relative]
    if not days:
        return
    for d in drafts:  # a written-out date beats none, and beats "on the same day" counted from an unknown day
        if 0 < s.index - d.sentence <= 2 and (not d.date_explicit or d.date_relative):
            d.date_start, d.date_end, d.date_precision = days[0].date_start, days[0].date_end, "day"
            d.date_explicit, d.date_relative = True, days[0].relative


def _date_heading(sentence: str, anchor: dates.Anchor) -> dates.DateMention | None:
    """A list item's heading that is only a date ("11 June (Tuesday).", "On 12 June:"): it dates the sentences
    after it in its paragraph."""
    if len(sentence.split()) > 6:
        return None
    found = [m for m in dates.find(sentence, anchor) if m.precision == "day" and not m.relative_to_event]
    written = [m for m in found if not m.relative]  # "4 February (Tuesday)": the written date, not a weekday
    if not found or len({m.date_start for m in written or found}) != 1:  # "11 June (Tuesday)": one day, said twice
        return None
    rest = sentence
    for m in sorted(found, key=lambda m: -m.start):
        rest = rest[:m.start] + " " + rest[m.end:]
    # ... or a spoken one: "So this was Sunday, July 23rd, 2023.", "It happened on 4 May."
    rest = re.sub(r"\((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\)|\b(?:on|the|so|this|that|it|was|happened|"
                  r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b|[\W\d_]+", " ", rest, flags=re.I)
    return (written or found)[0] if not rest.strip() else None


def extract(text: str | bytes, published: date | None = None, url: str | None = None, outlet: str | None = None,
            left_out: list[Draft] | None = None) -> list[Draft]:
    """Draft events reported as having happened in ``text``, in text order, with confidence.

    Without ``published``, written-out dates ("on Dec. 22", "in July 2025") still date their
    events; an event dated only relatively ("on Friday") is drafted with its date unknown and a
    note saying so. ``left_out`` collects drafts of activity the report presents as planned,
    hypothetical or negated (their ``modality`` says which). Raises
    :class:`events.extract.textin.InputError` for input that is not an article.
    """
    text = clean_input(text)
    anchor = dates.anchor(text, published or dates.reference_day(text, date.today()))
    countries = _country_words()
    drafts: list[Finding] = []
    sents = sentences.split(text)
    aliases = actors_mod.acronyms(text)
    headings: dict[int, dates.DateMention] = {}
    day_lines = len({s.day_line for s in sents if s.day_line})
    for s in sents:
        skipped: list[tuple[types.Trigger, str]] = []
        found = _sentence_drafts(s, anchor, countries, skipped, aliases)
        heading = _date_heading(s.text, anchor)
        if heading is not None:
            headings[s.para] = heading
        elif s.para in headings:  # "11 June (Tuesday). The fighters took off twice. ...": the item's date
            h = headings[s.para]
            for d in found:
                d.listed = True
                if d.date_precision.startswith("rel:"):  # "Later the same day": the item's day
                    d.date_start = d.date_end = h.date_start + timedelta(days=int(d.date_precision[4:]))
                    d.date_precision, d.date_relative = "day", h.relative
                if not d.date_explicit:
                    d.date_start, d.date_end, d.date_precision = h.date_start, h.date_end, h.precision
                    d.date_explicit, d.date_relative = True, h.relative
        if day_lines >= 2 and s.day_line:  # a live blog: each entry is told under its day
            days = [m for m in dates.find(s.day_line, anchor) if m.precision == "day"]
            day = next((m for m in days if not m.relative), days[0] if days else None)  # the date, not "Sunday"
            for d in found:
                d.section = s.section
                d.day_default = (day.date_start, day.date_end) if day is not None else None
        if not found:
            _dates_told_after(s, drafts, anchor)
        for d in found + _elided_repeats(s, found, anchor):
            d.key = len(drafts)
            drafts.append(d)
        if left_out is not None:
            left_out += [_left_out_draft(s.text, t, mode, anchor, published, url, outlet) for t, mode in skipped]
    drafts = _field_blocks(drafts, sents, anchor, countries, text)
    _anaphoric_places(drafts, sents, countries)
    _contextualise(drafts, anchor)
    _add_followup_places(drafts, sents, countries)
    _listed_places(drafts)
    drafts += reactions.met_aircraft(drafts)
    reactions.take_trigger_places(drafts)
    drafts = [d for d in drafts if not (d.generic and (not any(p.resolved for p in d.places) or (
        not d.date_explicit and types.HABIT.search(d.evidence))))]
    drafts = [d for d in drafts if (d.date_start is not None or d.anaphoric) and not d.own_escort]
    kept = merge(drafts)
    kept = [d for d in kept if d.date_start is not None]
    kept = _drop_listed_totals(kept)
    kept = _drop_subset_tallies(kept)
    key_to_id: dict[int, str] = {}
    for d in kept:
        eid = new_id()
        key_to_id[d.key] = eid
        for k in d.absorbed:
            key_to_id[k] = eid
    if published is None:
        for d in kept:
            if d.date_relative:
                d.date_precision = "unknown"
                shown = f"{d.date_start}" if d.date_start == d.date_end else f"{d.date_start} to {d.date_end}"
                d.notes.append(NO_PUBLISHED.format(shown, anchor.day))
    reactions.take_trigger_places(kept)
    reactions.near_places(kept, _lead_places(sents, countries))
    reactions.reactors_observe(kept)
    article.reporting_country_observes(kept)
    heading = list(dict.fromkeys(m.code for m in actors_mod.find(" ".join(text.splitlines()[:3]))))
    article.issuer_observes(kept, article.issuer(text, kept, heading))
    article.place_owners_observe(kept)
    reactions.owner_reacts(kept)
    kept = [d for d in kept if not _approaches_no_one(d, kept) and not _one_army_joint_patrol(d, kept)]
    background = article.background(kept, anchor.day) if published is not None else set()
    out = []
    for d in kept:
        made = _to_event(d, key_to_id, published, url, outlet)  # geocoder errors propagate
        if made is None:
            continue
        conf = _confidence(d)
        draft = Draft(made[0].model_copy(update={"confidence": conf}), gazetteer_names=[p.name for p in made[1]])
        if d.key not in background:
            out.append(draft)
        elif left_out is not None:
            note = f"{draft.event.notes} Left out by the extractor: the report recalls this as background.".strip()
            update = {"modality": "background", "confidence": 0.3, "notes": note}
            left_out.append(Draft(draft.event.model_copy(update=update)))
    return out


def _marker(e: Event) -> tuple[float, float] | None:
    """(lat, lon) for a marker: the middle of a route, the gazetteer's in-water point of an area."""
    g = e.geometry
    if not g:
        return None
    if g["type"] == "LineString":
        from shapely.geometry import shape

        p = shape(g).interpolate(0.5, normalized=True)
        return (p.y, p.x)
    if g["type"] in ("Polygon", "MultiPolygon") and e.places:
        found = [p for p in (places.resolve(places.Place(-1, -1, n)) for n in e.places) if p.resolved]
        p = next((x for x in found if x.kind != "country"), found[0] if found else None)
        if p is not None:
            return (p.lat, p.lon)
    return e.point


def draft_to_dict(c: Draft) -> dict[str, Any]:
    """The CLI contract's JSON object for one draft (plus id, related and precisions)."""
    e = c.event
    pt = _marker(e)
    return {
        "id": e.id, "type": e.type, "actors": e.actors, "observers": e.observers,
        "date_start": e.date_start.isoformat(), "date_end": e.date_end.isoformat() if e.date_end else None,
        "date_precision": e.date_precision, "places": e.places,
        "lat": round(pt[0], 4) if pt else None, "lon": round(pt[1], 4) if pt else None,
        "geometry": e.geometry, "geo_precision": e.geo_precision, "closest_approach_km": e.closest_approach_km,
        "assets": e.assets, "evidence": e.evidence, "confidence": c.confidence, "related": e.related,
        "gazetteer_names": c.gazetteer_names,
        "modality": e.modality, "status": e.status, "source_url": e.source_url, "source_name": e.source_name,
        "published": e.published.isoformat() if e.published else None, "notes": e.notes,
    }
