"""Fuzzy key matching with rapidfuzz, blocked so a lookup scans thousands of keys, not 100k.

Why blocking: a full rapidfuzz scan of every key costs ~6 ms here. Keys are token-sorted, so
a typo rarely changes their first character: we scan the keys that share it, and fall back to
the prominent (non-city) keys for first-letter typos. A city misspelt in its first letter is
therefore not found (a measured trade-off: ~0.3 ms instead of ~6 ms per fuzzy lookup).

Why the guards: a fuzzy match that is wrong puts an event on the wrong coast or continent, which
is worse than "unknown place" (the reviewer sees that and fixes it). One letter is a large share
of a short name, and short names are where distinct places differ by one letter (Adak / Adana,
Attu / Attur, Crete / Cereté, Kinloss / Kinross), so a name shorter than :data:`MIN_FUZZY_CHARS`
only matches exactly. And a shared generic word must not carry a different name ("Green Island"
is not Greenland, "Noto Peninsula" not "Nom Peninsula"): every word of the query of at least
:data:`WORD_CHARS` letters needs a close word in the match (:data:`WORD_CUTOFF`), as a typo has.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import permutations

from rapidfuzz import fuzz, process

MIN_FUZZY_CHARS = 8  # shorter keys ("adak" vs "adana", "kinloss" vs "kinross") only match exactly
WORD_CHARS = 4  # query words this long must each have a close word in a fuzzy match ...
WORD_CUTOFF = 75.0  # ... at this rapidfuzz ratio ("shaol"/"shoal" 80, "green"/"greenland" 71)


def words_agree(query_key: str, key: str) -> bool:
    """Every longer word of the query is close to some word of ``key``, or to two of them run
    together ("airbse" for "air base"): a misspelling, not another name that shares a generic word."""
    words = key.split()
    theirs = words + [a + b for a, b in permutations(words, 2)]
    return all(any(fuzz.ratio(w, t) >= WORD_CUTOFF for t in theirs)
               for w in query_key.split() if len(w) >= WORD_CHARS)


class FuzzyIndex:
    """Keys grouped by first character, plus a pool of prominent keys."""

    def __init__(self, keys: Iterable[str], prominent: Callable[[str], bool]) -> None:
        buckets: dict[str, list[str]] = defaultdict(list)
        pool: list[str] = []
        for k in keys:
            buckets[k[0]].append(k)
            if prominent(k):
                pool.append(k)
        self._buckets = dict(buckets)
        self._pool = pool

    def search(self, query_key: str, cutoff: float, limit: int = 5) -> list[tuple[str, float]]:
        """Best ``(key, score 0-100)`` pairs at or above ``cutoff``, best first."""
        if len(query_key) < MIN_FUZZY_CHARS:
            return []
        found: dict[str, float] = {}
        for choices in (self._buckets.get(query_key[0], ()), self._pool):
            for k, score, _ in process.extract(query_key, choices, scorer=fuzz.ratio,
                                                score_cutoff=cutoff, limit=limit):
                if words_agree(query_key, k):
                    found[k] = max(score, found.get(k, 0.0))
            if found:
                break
        return sorted(found.items(), key=lambda kv: -kv[1])[:limit]
