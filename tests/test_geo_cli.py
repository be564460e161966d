"""``python -m geo`` and ``--batch``: one JSON object per query, exit 1 with stderr on a miss."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "SORTIE_GEOCODER_ONLINE": "0", "PYTHONPATH": str(ROOT)}
FIELDS = {"query", "name", "lat", "lon", "kind", "source", "confidence"}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, env=ENV, input=stdin,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("query", "name"),
    [("Sea of Okhotsk", "Sea of Okhotsk"), ("East Sea", "Sea of Japan"), ("Miyako Strait", "Miyako Strait"),
     ("Dokdo", "Liancourt Rocks"), ("Kadena Air Base", "Kadena Air Base")],
)
def test_single_query_prints_one_json_object(query: str, name: str) -> None:
    r = run(query)
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert set(obj) == FIELDS and obj["name"] == name and obj["query"] == query


def test_words_are_joined() -> None:
    r = run("Sea", "of", "Okhotsk")
    assert json.loads(r.stdout)["name"] == "Sea of Okhotsk"


def test_miss_exits_1_with_message_on_stderr() -> None:
    r = run("Xqzvbn Wkpt")
    assert r.returncode == 1 and r.stdout == ""
    assert "no place found" in r.stderr and "Traceback" not in r.stderr


def test_emoji_and_huge_input_exit_1_cleanly() -> None:
    for q in ["🚀", "x" * 10_000]:
        r = run(q)
        assert r.returncode == 1 and "Traceback" not in r.stderr


def test_batch_one_line_per_input(tmp_path: Path) -> None:
    f = tmp_path / "names.txt"
    f.write_text("Sea of Okhotsk\nEast Sea\n\n🚀\nДокдо\nKadena AB\n", encoding="utf-8")
    r = run("--batch", str(f))
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 6
    assert lines[0]["name"] == "Sea of Okhotsk" and lines[1]["name"] == "Sea of Japan"
    assert lines[2]["error"] == "empty query" and "error" in lines[3]
    assert lines[5]["name"] == "Kadena Air Base"
    assert r.returncode == 1  # some lines missed


def test_batch_from_stdin_all_found() -> None:
    r = run("--batch", "-", stdin="Dokdo\nMiyako Strait\n")
    assert r.returncode == 0
    assert [json.loads(x)["name"] for x in r.stdout.splitlines()] == ["Liancourt Rocks", "Miyako Strait"]


def test_batch_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    r = run("--batch", str(tmp_path / "nope.txt"))
    assert r.returncode == 2 and "cannot read" in r.stderr and "Traceback" not in r.stderr
