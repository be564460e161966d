"""Bad input returns None (or a clear reason) quickly: never a trace, never (0, 0)."""

from __future__ import annotations

import pytest

from geo import geocode, query_problem
from geo.normalize import MAX_QUERY_CHARS

BAD = ["", "   ", "\t\n", "\x00\x01\x1f", "🚀", "🚀🛳️✈️", "!!!???", "12345", "x" * 10_000,
       "Sea of Okhotsk " * 700, "\u200b\u200b", "\ufeff"]


@pytest.mark.parametrize("query", BAD, ids=lambda q: repr(q[:20]))
def test_bad_queries_return_none(query: str) -> None:
    assert geocode(query) is None


@pytest.mark.parametrize("query", [None, 42, b"Sea of Japan", ["Sea of Japan"]], ids=repr)
def test_non_string_queries_return_none(query: object) -> None:
    assert geocode(query) is None  # type: ignore[arg-type]
    assert "string" in query_problem(query)


def test_reasons_are_clear() -> None:
    assert query_problem("") == "empty query"
    assert query_problem("🚀") == "query has no letters"
    assert str(MAX_QUERY_CHARS) in query_problem("x" * 10_000)
    assert query_problem("Sea of Japan") is None


def test_control_characters_are_stripped_not_fatal() -> None:
    loc = geocode("Sea of\x00 Okhotsk\r\n")
    assert loc is not None and loc.address == "Sea of Okhotsk"


@pytest.mark.parametrize("query", ["日本海", "Охотское море", "독도", "津軽海峡"])
def test_cjk_and_cyrillic_resolve(query: str) -> None:
    loc = geocode(query)
    assert loc is not None and (loc.latitude, loc.longitude) != (0.0, 0.0)


@pytest.mark.parametrize("query", ["漢字漢字漢字", "Щщщщщщ", "ฮฮฮฮ", "Sea of 🚀"])
def test_unknown_scripts_and_emoji_mix_give_none_or_a_real_place(query: str) -> None:
    loc = geocode(query)
    assert loc is None or (loc.latitude, loc.longitude) != (0.0, 0.0)


def test_no_result_is_ever_null_island() -> None:
    for q in ["Null Island", "0,0", "Atlantic", "a", "the", "of the"]:
        loc = geocode(q)
        assert loc is None or abs(loc.latitude) + abs(loc.longitude) > 1
