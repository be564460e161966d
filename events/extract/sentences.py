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


@dataclass(frozen=True)
class Sentence:
    """One sentence with its position: index in the article and paragraph number."""

    index: int
    para: int
    text: str


@lru_cache(maxsize=1)
def _nlp():  # noqa: ANN202 - spaCy Language; built once, ~50 ms
    import spacy

    nlp = spacy.blank("en")  # tokenizer + rule-based sentencizer, no downloaded model
    nlp.add_pipe("sentencizer")
    return nlp


def _is_prose(line: str) -> bool:
    """A paragraph of running text ends with sentence punctuation; headlines and links do not."""
    return bool(_END.search(line)) and not _FURNITURE.match(line) and len(line.split()) >= 4


def split(text: str) -> list[Sentence]:
    """Sentences of the prose paragraphs, in order, de-duplicated."""
    out: list[Sentence] = []
    seen: set[str] = set()
    paras = [p.strip() for p in re.split(r"\n", text)]
    paras = [" ".join(p.split()) for p in paras if p.strip()]
    prose = [p for p in paras if _is_prose(p)]
    nlp = _nlp()
    for pi, doc in enumerate(nlp.pipe(prose)):
        for s in doc.sents:
            t = s.text.strip()
            key = t.casefold()
            if len(t) < 12 or key in seen:
                continue
            seen.add(key)
            out.append(Sentence(len(out), pi, t))
    return out
