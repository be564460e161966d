"""Variants of news phrasing that point at a place: "off Hokkaido", "Russian border",
"waters near Taiwan", "Russia's Far East", "southern Kuril Islands", "off Japan's Okushiri Island".

Why separate: these rewrites are only tried when the text as written has no exact match
("Near Islands" and "East China Sea" are real names and must not be trimmed).
"""

from __future__ import annotations

from collections.abc import Iterator

from .demonyms import NOUNS, PLACES
from .normalize import FEATURE_WORDS

# Leading words that say where relative to a place, not which place.
_LEAD = frozenset(
    "in into over across near nearby off around close to along toward towards from at within "
    "waters airspace skies coast coastal shores area areas region vicinity approaches "
    "north south east west northeast northwest southeast southwest northern southern eastern "
    "western central northeastern northwestern southeastern southwestern far".split()
)
# Trailing words: "Japanese waters", "Russian border", "Chinese coast".
_TRAIL = {
    "waters": "near", "airspace": "airspace", "coast": "coast", "coastline": "coast",
    "border": "border", "borders": "border", "frontier": "border", "region": "near",
    "area": "near", "skies": "airspace", "territory": "near", "eez": "near",
}
# Demonym -> country name (the form the gazetteer knows), from the one table in geo.demonyms.
DEMONYMS = PLACES
# Owners in "Japan's Okushiri Island", "Alaska's Kiska Island": the place is what follows.
OWNERS = NOUNS | frozenset(PLACES.values())
# What is left after an owner must name something: "Japan's sea" is not a place called "Sea"
# (normalize.FEATURE_WORDS).


def variants(tokens: list[str]) -> Iterator[tuple[list[str], str]]:
    """Yield (tokens, qualifier) rewrites, most faithful first; qualifier says what was cut."""
    seen: set[tuple[str, ...]] = {tuple(tokens)}
    toks = list(tokens)
    qualifier = ""
    while len(toks) > 1 and toks[0] in _LEAD:
        qualifier = qualifier or "near"
        toks = toks[1:]
        if tuple(toks) not in seen:
            seen.add(tuple(toks))
            yield from _with_demonym(toks, qualifier)
    while len(toks) > 1 and toks[-1] in _TRAIL:
        qualifier = _TRAIL[toks[-1]]
        toks = toks[:-1]
        if tuple(toks) not in seen:
            seen.add(tuple(toks))
            yield from _with_demonym(toks, qualifier)
    if tuple(toks) == tuple(tokens):
        yield from _with_demonym(toks, qualifier, only_changed=True)


def _with_demonym(toks: list[str], qualifier: str, only_changed: bool = False) -> Iterator[tuple[list[str], str]]:
    if not only_changed:
        yield toks, qualifier
    text = " ".join(toks)
    for i in range(len(toks)):
        head = " ".join(toks[: i + 1])
        if head in DEMONYMS:
            rest = toks[i + 1:]
            yield DEMONYMS[head].split() + rest, qualifier or "near"
            if rest:
                yield DEMONYMS[head].split(), qualifier or "near"
    for i in range(min(3, len(toks) - 1)):
        rest = toks[i + 1:]
        if " ".join(toks[: i + 1]) in OWNERS and not all(t in FEATURE_WORDS or t in _LEAD for t in rest):
            yield rest, qualifier
    if text.endswith(" s") and len(toks) > 1:  # stray possessive
        yield toks[:-1], qualifier
