"""CLI contract and bad input: a clear message and exit code 2, never a traceback (issue 5)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from events.extract import InputError, clean_input, extract

ROOT = Path(__file__).resolve().parents[1]
FIELDS = {"type", "actors", "observers", "date_start", "date_end", "places", "lat", "lon", "geometry",
          "closest_approach_km", "assets", "evidence", "confidence"}
TEXT = ("On Friday, two Russian Tu-95MS strategic bombers and two Chinese H-6K strategic bombers flew a joint "
        "patrol over the Sea of Japan and the East China Sea, prompting South Korea to scramble fighter jets.\n")


def run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "events.extract", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=60)


def test_cli_prints_the_contract(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(TEXT)
    p = run(["--published", "2021-11-23", "--url", "https://example.org/x", "--outlet", "AP", str(f)])
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert [e["type"] for e in out] == ["joint_patrol", "scramble"]
    assert all(FIELDS <= set(e) for e in out)
    assert out[0]["date_start"] == "2021-11-19" and out[0]["actors"] == ["RUS", "CHN"]


@pytest.mark.parametrize("stdin, message", [
    (b"", "empty"),
    (b"\x00\x01\x02binary\x00" * 100, "binary"),
    (b"a" * 5_000_001, "MB"),
])
def test_cli_bad_input_exits_2_with_a_message(stdin: bytes, message: str) -> None:
    p = run(["--published", "2021-11-23", "-"], stdin)
    assert p.returncode == 2
    assert message in p.stderr.decode() and b"Traceback" not in p.stderr


def test_cli_bad_arguments() -> None:
    p = run(["--published", "2021-13-40", "nope.txt"])
    assert p.returncode == 2 and b"Traceback" not in p.stderr
    p = run(["--published", "2021-11-23", "does-not-exist.txt"])
    assert p.returncode == 2 and b"no such file" in p.stderr


def test_html_with_scripts_is_reduced_to_text() -> None:
    html = ("<html><head><script>var bombers = 'On Monday, 99 Russian bombers flew a joint patrol';</script>"
            "<style>p{}</style></head><body><nav>Home | World</nav><article><p>" + TEXT +
            "</p></article></body></html>")
    text = clean_input(html)
    assert "<script" not in text and "99 Russian" not in text and "joint patrol" in text
    assert [c.event.type for c in extract(html, date(2021, 11, 23))] == ["joint_patrol", "scramble"]


@pytest.mark.parametrize("raw", ["", "   \n\t ", "12345 !!! ---", b"\xff\xfe\x00\x00garbage", "x" * 1_000_001])
def test_clean_input_refuses(raw: str | bytes) -> None:
    with pytest.raises(InputError):
        clean_input(raw)


def test_text_without_events_gives_an_empty_list() -> None:
    assert extract("The weather in Moscow was mild on Tuesday, and markets rose.", date(2021, 11, 23)) == []


def test_cli_works_without_a_publication_date(tmp_path: Path) -> None:
    f = tmp_path / "release.txt"
    f.write_text("On Dec. 22, 2025, two Russian Tu-95MS bombers flew over the Sea of Japan. On Friday, Japan "
                 "scrambled fighter jets.\n")
    p = run([str(f)])
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    dated = [e for e in out if e["date_start"] == "2025-12-22"]
    assert dated and dated[0]["date_precision"] == "day"
    assert all("no publication date" in e["notes"] for e in out if e["date_precision"] == "unknown")


def test_page_cli_and_folder_import_give_the_same_drafts(tmp_path: Path) -> None:
    from events import intake
    from events.store import Store

    def key(e: dict) -> tuple:
        return (e["type"], e["date_start"], e["date_end"], tuple(e["actors"]), tuple(e["observers"]),
                tuple(e["places"]), e["evidence"])

    page = intake.read_text(TEXT, date(2021, 11, 23), "https://example.org/x", "AP")
    f = tmp_path / "in" / "a.txt"
    f.parent.mkdir()
    f.write_text(TEXT)
    cli = json.loads(run(["--published", "2021-11-23", "--url", "https://example.org/x", "--outlet", "AP",
                          str(f)]).stdout)
    store = Store(str(tmp_path / "s.db"), seed=None)
    imported = intake.import_batch(store, intake.read_path(f.parent, date(2021, 11, 23)))
    assert imported.saved
    stored = [e.model_dump(mode="json") for e in store.iter_events()]
    page_keys = sorted(key(d.event.model_dump(mode="json")) for d in page.drafts)
    assert page_keys == sorted(key(e) for e in cli) == sorted(key(e) for e in stored)
    assert len(page_keys) == 2
