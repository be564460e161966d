"""Split article text into the sentences that can carry an event, dropping page furniture.

Scraped reports come with headlines, "Also Read" link lists, captions and bylines; those
lines have no final punctuation and would add false events ("Suicide bomber attack in ...").
A sentence repeated verbatim (subtitle and lead) is kept once so it yields one event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_END = re.compile(r"[.!?][\"'”’)]*\s*$")
_FURNITURE = re.compile(
    r"^(also read|read more|related|advertisement|first published|updated|photo:|image:|"
    r"representative image|copyright|\(only the headline)", re.I)


# A field of a list-style release: "(2) Location: about 90 km north of Miyako Island", "- Aircraft: one drone",
# "Date and time: ...": an item marker ("(1)", "1.", "-", "•"), a short label and a colon, often no final stop.
_ITEM = r"(?:\(\d{1,2}\)|\d{1,2}[.)]|[-•*·–])"
_FIELD = re.compile(rf"^(?:{_ITEM}\s*)?(?P<label>[A-Z][A-Za-z /&-]{{1,28}}?)\s*:\s+(?P<value>\S.*)$")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?"
# A line that is only a date ("Sunday 3 December 2023", "Monday, April 10"): a live blog's day heading.
_DAY_LINE = re.compile(rf"^(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?),?"
                       rf"(?:\s+\d{{4}})?\s*(?:\({_WEEKDAY[:-2]}\))?$", re.I)
_ITEM_LINE = re.compile(rf"^{_ITEM}\s+\S")


@dataclass(frozen=True)
class Sentence:
    """One sentence with its position: index in the article and paragraph number. A sentence of a field list
    ("(2) Location: ...") carries its block number and its field's label (lower case)."""

    index: int
    para: int
    text: str
    block: int | None = None
    label: str | None = None
    day_line: str | None = None  # the last date-only line above it ("Sunday 9 April 2023"): a live blog's day
    section: int | None = None  # which of those day lines it is under


@lru_cache(maxsize=1)
def _nlp():  # noqa: ANN202 - spaCy Language; built once, ~50 ms
    import spacy

    nlp = spacy.blank("en")  # tokenizer + rule-based sentencizer, no downloaded model
    nlp.add_pipe("sentencizer")
    return nlp


def _is_prose(line: str) -> bool:
    """A paragraph of running text ends with sentence punctuation; headlines and links do not."""
    return bool(_END.search(line)) and not _FURNITURE.match(line) and len(line.split()) >= 4


def field(line: str) -> tuple[str, str] | None:
    """(label, value) of a field line ("(1) Date and time: February 10, 2025"), else None."""
    m = _FIELD.match(line)
    if m is None or _FURNITURE.match(line) or len(m.group("label").split()) > 4:
        return None
    return m.group("label").strip().lower(), m.group("value")


def _blocks(paras: list[str]) -> list[int | None]:
    """A block number for each line of a field list: two or more consecutive field or item lines (a numbered
    heading such as "1 Surface group" between them starts a new block), read as one incident."""
    out: list[int | None] = [None] * len(paras)
    n, i = 0, 0
    while i < len(paras):
        j = i
        while j < len(paras) and (field(paras[j]) is not None or _ITEM_LINE.match(paras[j])):
            j += 1
        if j - i >= 2 and any(field(p) is not None for p in paras[i:j]):
            for k in range(i, j):
                out[k] = n
            n += 1
        i = max(j, i + 1)
    return out


def titles(text: str) -> str:
    """The short lines without a final stop above the first field block ("Movements of Chinese Navy vessels",
    "Flight of an unmanned aircraft presumed to be Chinese"): what the list is about."""
    paras = [" ".join(p.split()) for p in re.split(r"\n", text) if p.strip()]
    blocks = _blocks(paras)
    first = next((i for i, b in enumerate(blocks) if b is not None), 0)
    return " ".join(p for p in paras[:first] if not _is_prose(p) and not _FURNITURE.match(p))


def split(text: str) -> list[Sentence]:
    """Sentences of the prose paragraphs and field lists, in order, de-duplicated."""
    out: list[Sentence] = []
    seen: set[str] = set()
    paras = [p.strip() for p in re.split(r"\n", text)]
    paras = [" ".join(p.split()) for p in paras if p.strip()]
    blocks = _blocks(paras)
    kept = []
    day: tuple[str, int] | None = None
    n_days = 0
    for p, b in zip(paras, blocks, strict=True):
        if _DAY_LINE.match(p):
            day, n_days = (p, n_days), n_days + 1
        elif _is_prose(p) or (b is not None and len(p.split()) >= 3):
            kept.append((p, b, day))
    nlp = _nlp()
    for pi, doc in enumerate(nlp.pipe(p for p, _, _ in kept)):
        block, day = kept[pi][1], kept[pi][2]
        f = field(kept[pi][0]) if block is not None else None
        for s in doc.sents:
            t = s.text.strip()
            key = t.casefold() if block is None else f"{block}|{t.casefold()}"  # each list item says it anew
            if len(t) < 12 or key in seen:
                continue
            seen.add(key)
            out.append(Sentence(len(out), pi, t, block, f[0] if f else None, day[0] if day else None,
                                day[1] if day else None))
    return out
