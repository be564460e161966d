"""Turn free text into lookup keys, so that spelling noise does not defeat an exact match.

News and Natural Earth spell the same place many ways ("Sea of Okhotsk", "Okhotsk Sea",
"the Sea of  Okhotsk", "HOKKAIDÖ"). One key per place name makes exact lookup a dict hit.
"""

from __future__ import annotations

import re
import unicodedata

MAX_QUERY_CHARS = 300  # longer text is not a place name; refuse rather than scan it

# Words that carry no identity in a place name ("Sea of Japan" == "Japan Sea").
_STOP = frozenset({"the", "of"})

# Abbreviations and plural/typo forms seen in news and in Natural Earth labels.
_TOKEN_SYNONYMS = {
    "straits": "strait", "str": "strait", "st": "saint", "ste": "sainte", "mt": "mount",
    "is": "island", "isl": "island", "i": "island", "isle": "island", "islands": "islands",
    "isands": "islands", "isles": "islands", "is.": "island", "airbase": "air base",
    "afb": "air force base", "ab": "air base", "nas": "naval air station", "pen": "peninsula",
    "g": "gulf", "b": "bay", "chan": "channel",
}

# Generic words of place names: alone they name no place ("the strait", "Sea"), and a lookup of
# nothing else answers nothing rather than whatever lists them as an alternate name.
FEATURE_WORDS = frozenset(
    "sea seas island islands strait gulf bay coast waters ocean base port peninsula channel shoal reef "
    "cape harbor harbour".split())

_PUNCT = re.compile(r"[\s\-\u2010-\u2015_/,.;:!?()\[\]{}\"“”‘’'`´·•|+*&#@%^~<>=]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def clean(text: str) -> str:
    """Strip control characters and collapse whitespace; keeps the text human-readable."""
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())


def _strip_accents(text: str) -> str:
    """Drop combining marks ("Pérouse" -> "Perouse"), keeping CJK/Hangul composed."""
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Hangul syllables decompose into jamo under NFKD; recompose so keys stay readable.
    return unicodedata.normalize("NFC", out)


def tokens(text: str) -> list[str]:
    """Lower-case, accent-free tokens with synonyms applied (in names of two words or more) and
    stop words removed."""
    text = _strip_accents(unicodedata.normalize("NFKC", text)).casefold()
    text = text.replace("'s ", " ").replace("’s ", " ")
    if text.endswith("'s") or text.endswith("’s"):
        text = text[:-2]
    words = [tok for tok in _PUNCT.split(text) if tok and tok not in _STOP]
    if len(words) == 1:  # a name of one word is no abbreviation: "Pen" the town, not "peninsula"
        return words
    out: list[str] = []
    for tok in words:
        out.extend(_TOKEN_SYNONYMS.get(tok, tok).split())
    return out


def key(text: str) -> str:
    """Order-free lookup key: "the Sea of Okhotsk" and "Okhotsk Sea" both give "okhotsk sea"."""
    return " ".join(sorted(tokens(text)))


def has_letters(text: str) -> bool:
    """True when the text holds at least one letter of any script (emoji-only text has none)."""
    return any(unicodedata.category(c).startswith("L") for c in text)
