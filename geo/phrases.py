"""Parse places as news reports write them into an anchor (or two) and an operation:
"about 140 km north of Miyako Island", "between Yonaguni and Taiwan", "Taiwan's southwest
ADIZ", "Japanese airspace near the Danjo Islands", "the Sea of Japan, known in South Korea as
the East Sea".

Why only parsing here: what the words say (distance, bearing, which two places, whose zone)
is text work and testable without the gazetteer; ``geo.compound`` looks the anchors up and
computes the answer. The resolver calls ``parse`` only after the exact lookup missed, so
plain names pay nothing. The patterns have no nested unbounded repeats (at worst a lazy span
scans the text once per start), and the resolver refuses text over ``MAX_QUERY_CHARS`` before
it gets here, so hostile text costs milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KM_PER_UNIT = {"km": 1.0, "nmi": 1.852, "mi": 1.609344}
# 16-point compass, clockwise from north, as letter codes ("nne" = north-northeast).
POINTS = ("n", "nne", "ne", "ene", "e", "ese", "se", "sse", "s", "ssw", "sw", "wsw", "w", "wnw", "nw", "nnw")
POINT_NAMES = {"n": "north", "s": "south", "e": "east", "w": "west"}
PRONOUNS = frozenset({"its", "their", "his", "her", "the", "the country", "the island", "the nation", ""})

_W = r"(?:north|south|east|west)"
_DIR_WORDS = rf"{_W}(?:[\s-]?{_W}){{0,2}}"
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_UNIT = (r"(?P<unit>nautical[\s-]+miles?|nmi|nm|n\.m\.|kilomet(?:er|re)s?|kms?|statute[\s-]+miles?|miles?|mi)"
         r"(?![a-z])\.?")
_APPROX = r"(?:(?:about|around|some|approximately|approx\.?|roughly|nearly|almost|just|over|under|less than|" \
          r"more than|up to|at least|an estimated)\s+)?"
# "about 200 kilometers (124 miles)": the first figure counts, a converted one in brackets does not
_AMOUNT = rf"(?<![\w.,]){_APPROX}{_NUM}\s*-?\s*{_UNIT}(?:\s*\([^()]{{0,60}}\))?\s+"
_OFFSET = re.compile(rf"{_AMOUNT}(?:(?:to\s+the|due|directly)\s+)?(?P<dir>{_DIR_WORDS}|[nsew]{{1,3}})\s+of\s+"
                     rf"(?P<anchor>\S.*)$", re.I)
_DISTANCE = re.compile(rf"{_AMOUNT}(?:off|from|of|away\s+from|outside|offshore\s+from)\s+(?:the\s+coast\s+of\s+)?"
                       rf"(?P<anchor>\S.*)$", re.I)
_RELATIVE = re.compile(rf"(?:^|\s)(?:(?:to\s+the|due|just|directly|far)\s+)?(?P<dir>{_DIR_WORDS})\s+of\s+"
                       rf"(?P<anchor>\S.*)$", re.I)
# The same words for finding such phrases inside a sentence (events.extract.places): one vocabulary.
DIRECTION = _DIR_WORDS
AMOUNT = _AMOUNT
_BETWEEN = re.compile(r"(?:^|\s)between\s+(?P<rest>\S.*)$", re.I)
_ISLANDS_OF = re.compile(r"^(?:the\s+)?(?:islands?|isles)\s+of\s+", re.I)
_AND = re.compile(r"\s+(?:and|&)\s+", re.I)
MAX_SPLITS = 4  # "between A and B and C": try at most this many places to cut

_ZONE_WORDS = r"(?:adiz|air[\s-]+defen[cs]e[\s-]+(?:identification[\s-]+)?zone)"
_PART = rf"(?P<{{}}>{_W}(?:[\s-]?{_W})?)(?:ern)?"
_ZONE = re.compile(
    rf"^(?:the\s+)?(?:{_PART.format('part1')}\s+(?:part|portion|section|sector|corner|edge|area|side|reaches)\s+"
    rf"of\s+)?(?:(?P<owner>.*?)\s+)?(?:{_PART.format('part2')}\s+)?{_ZONE_WORDS}(?:\s*\(\w*adiz\))?$", re.I)
_NEAR = re.compile(
    rf"^(?P<owner>.+?)\s+(?P<what>airspace|air\s+space|skies|territorial\s+(?:waters|airspace)|waters|{_ZONE_WORDS})"
    r"\s+(?:near|over|around|off|close\s+to|by|above)\s+(?P<place>\S.*)$", re.I)
# "its airspace", "the island's airspace": whose it is comes from the caller's country preference
_OWNED_AIR = re.compile(r"^(?P<owner>its|their|the\s+(?:island|country|nation)'s)\s+(?:territorial\s+)?"
                        r"(?:airspace|air\s+space|skies|waters)$", re.I)
# "Okushiri, Hokkaido", "Sasebo, Japan": the place, in (or near) the one after the comma
_WITHIN = re.compile(r"^(?P<a>[^,()]{2,80}),\s*(?P<b>[^,()]{2,60})$")
_BOTH = (
    re.compile(r"^(?P<a>.+?)\s*,?\s+(?:(?:also|otherwise|better|widely)\s+)?(?:known|referred\s+to)\s+"
               r"(?:(?:in|to|by)\s+[^,]{1,40}?\s+)?as\s+(?P<b>\S.*)$", re.I),
    re.compile(r"^(?P<a>.+?)\s*,?\s+(?:as|which|what)\s+[^,]{1,40}?\s+calls?\s+(?:it\s+)?"
               r"(?:(?:a\s+)?parts?\s+of\s+)?(?P<b>\S.*)$", re.I),
    re.compile(r"^(?P<a>.+?)\s*,?\s+(?:called|named)\s+(?P<b>.+?)(?:\s+(?:in|by)\s+[^,]{1,40})?$", re.I),
    re.compile(r"^(?P<a>[^,]+?)\s*,\s*(?:or|aka|a\.k\.a\.)\s+(?P<b>\S.*)$", re.I),
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """What a phrase asks for. ``op``: offset | distance | relative | between | zone | near | both | within."""

    op: str
    # place texts as written ("Miyako Island"), cleaned of "the"; for ``between``, (A, B) pairs
    # flattened, one pair per "and" that could separate them: A1, B1, A2, B2...
    anchors: tuple[str, ...] = ()
    distance_km: float | None = None
    bearing_deg: float | None = None
    direction: str = ""  # the compass point in words ("north-northeast")
    owner: str | None = None  # whose zone or airspace ("Taiwan", "Japanese"); "" for a pronoun
    zone: bool = False  # an ADIZ was named (else airspace, waters...)
    part: str = ""  # "southwest" of "Taiwan's southwest ADIZ"
    islands: bool = False  # "between the islands of A and B"


def compass(text: str) -> tuple[float, str] | None:
    """Bearing (degrees from north) and name of a compass point: "NNE", "north-northeast",
    "north east" -> (22.5 / 45, ...); None if the words are no 16-point direction."""
    low = re.sub(r"[\s-]", "", text.lower())
    words = re.findall(r"north|south|east|west", low)
    if words and len("".join(words)) != len(low):
        return None  # other letters too: "upward", "northerly"
    code = "".join(w[0] for w in words) if words else low
    if code not in POINTS:
        return None
    name = "-".join(_point_words(code))
    return POINTS.index(code) * 22.5, name


def _point_words(code: str) -> list[str]:
    # "nne" -> ["north", "northeast"]; "ne" -> ["northeast"]; "n" -> ["north"]
    if len(code) == 3:
        return [POINT_NAMES[code[0]], POINT_NAMES[code[1]] + POINT_NAMES[code[2]]]
    return ["".join(POINT_NAMES[c] for c in code)]


def _km(num: str, unit: str) -> float:
    value = float(num.replace(",", ""))
    u = unit.lower().replace(".", "")
    if u.startswith(("nautical", "nmi", "nm")):
        return value * KM_PER_UNIT["nmi"]
    if u.startswith(("mi", "statute")):
        return value * KM_PER_UNIT["mi"]
    return value * KM_PER_UNIT["km"]


def _place_text(text: str) -> str:
    """"the Miyako Island." -> "Miyako Island": the article and trailing punctuation say nothing."""
    text = text.strip(" \t,.;:!?\"'")
    return re.sub(r"^the\s+", "", text, flags=re.I).strip()


def _part(text: str | None) -> str:
    if not text:
        return ""
    found = compass(text)
    return found[1] if found else ""


def parse(text: str) -> Phrase | None:
    """The phrase's operation and anchors, or None when the text is a plain name (or nothing)."""
    text = text.replace("’", "'")
    if m := _OFFSET.search(text):
        found = compass(m["dir"])
        if found is not None:
            return Phrase("offset", (_place_text(m["anchor"]),), round(_km(m["num"], m["unit"]), 3),
                          found[0], found[1])
    if m := _DISTANCE.search(text):
        return Phrase("distance", (_place_text(m["anchor"]),), round(_km(m["num"], m["unit"]), 3))
    if m := _BETWEEN.search(text):
        rest = m["rest"]
        islands = bool(_ISLANDS_OF.match(rest))
        rest = _ISLANDS_OF.sub("", rest)
        cuts = list(_AND.finditer(rest))[:MAX_SPLITS]
        if cuts:
            # all cut points, left to right: the resolver keeps the first where both sides are places
            pairs = tuple(x for c in cuts for x in (_place_text(rest[:c.start()]), _place_text(rest[c.end():])))
            return Phrase("between", pairs, islands=islands)
    if m := _NEAR.match(text):
        return Phrase("near", (_place_text(m["place"]),), owner=_owner(m["owner"]),
                      zone=re.fullmatch(_ZONE_WORDS, m["what"], re.I) is not None)
    if m := _ZONE.match(text):
        return Phrase("zone", owner=_owner(m["owner"]), zone=True, part=_part(m["part1"] or m["part2"]))
    if m := _OWNED_AIR.match(text):
        return Phrase("zone", owner="", zone=False)
    for pat in _BOTH:
        if m := pat.match(text):
            a, b = _place_text(m["a"]), _place_text(m["b"])
            if a and b:
                return Phrase("both", (a, b))
    if m := _WITHIN.match(text):
        a, b = _place_text(m["a"]), _place_text(m["b"])
        if a and b:
            return Phrase("within", (a, b))
    if m := _RELATIVE.search(text):
        found = compass(m["dir"])
        if found is not None:
            return Phrase("relative", (_place_text(m["anchor"]),), None, found[0], found[1])
    return None


def _owner(text: str | None) -> str:
    """"Taiwan's" -> "Taiwan", "the Alaska" -> "Alaska", "its" -> "" (a pronoun: owner from context)."""
    t = re.sub(r"'s?$", "", (text or "").strip(" ,")).strip()
    t = re.sub(r"^the\s+", "", t, flags=re.I) if t.lower() not in PRONOUNS else t
    return "" if t.lower() in PRONOUNS else t
