"""`python -m maps.snapshot`: files for each format, clear errors, and data that round-trips through import."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from events.query import EventFilter
from events.store import Store
from maps.pack import unpack_cards, unpack_columns
from maps.snapshot.__main__ import run
from maps.snapshot.outputs import Request, export, make

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--bbox", "1,2,3"], "--bbox needs 4 numbers"),
        (["--bbox=0,50,10,40"], "south (50) must be less than north (40)"),
        (["--country", "RUS,XYZ"], "XYZ not ISO 3166-1 alpha-3"),
        (["--type", "flyby"], "unknown flyby"),
        (["--from", "2021-13-01"], "not a date YYYY-MM-DD"),
        (["--from", "2021-12-01", "--to", "2021-11-01"], "is after --to"),
        (["--width", "5"], "--width must be 100..10000"),
        (["--dpi", "0"], "--dpi must be 30..1200"),
    ],
)
def test_bad_arguments_exit_2_with_one_clear_line(store: Store, tmp_path: Path, capsys, args: list[str], words: str):
    assert run(["--out", str(tmp_path / "x.png"), *args]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "x.png").exists()


def test_bad_extension_and_missing_folder(store: Store, tmp_path: Path, capsys):
    assert run(["--out", str(tmp_path / "x.docx")]) == 2
    assert "unknown extension '.docx'" in capsys.readouterr().err
    assert run(["--out", str(tmp_path / "nope" / "x.png")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_cli_subprocess_writes_png_of_requested_width_and_errors_without_traceback(store: Store, tmp_path: Path):
    env = {**os.environ, "SORTIE_DB": str(store.url.removeprefix("sqlite:///"))}
    out = tmp_path / "view.png"
    cmd = [sys.executable, "-m", "maps.snapshot", "--out", str(out), "--country", "RUS,CHN", "--width", "900",
           "--bbox=115,25,145,45"]
    r = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert Image.open(out).size[0] == 900
    bad = subprocess.run([*cmd[:4], "--bbox", "x"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "--bbox" in bad.stderr


def test_svg_pdf_html_from_cli(store: Store, tmp_path: Path):
    for ext in ("svg", "pdf", "html"):
        assert run(["--out", str(tmp_path / f"v.{ext}"), "--type", "joint_patrol,scramble"]) == 0
    assert (tmp_path / "v.pdf").read_bytes().startswith(b"%PDF")
    assert b"<svg" in (tmp_path / "v.svg").read_bytes()[:2000]
    assert "/app/static" not in (tmp_path / "v.html").read_text()


def _canon(df: pd.DataFrame) -> list[dict]:
    cols = ["id", "type", "date_start", "date_end", "date_precision", "actors", "observers", "places", "geometry",
            "geo_precision", "closest_approach_km", "assets", "source_url", "source_name", "published", "evidence",
            "status", "related", "notes"]
    return df[cols].sort_values("id").astype(str).to_dict("records")


@pytest.mark.parametrize("ext", ["csv", "geojson", "kml"])
def test_data_exports_round_trip_through_events_import(store: Store, tmp_path: Path, ext: str):
    out = tmp_path / f"view.{ext}"
    assert run(["--out", str(out), "--from", "2021-10-01", "--to", "2021-11-30"]) == 0
    fresh = tmp_path / "fresh.db"
    env = {**os.environ, "SORTIE_DB": str(fresh)}
    Store(str(fresh), seed=None)
    r = subprocess.run([sys.executable, "-m", "events", "-q", "import", str(out)], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    got = Store(str(fresh), seed=None).frame()
    want = store.frame()
    want = want[(want["date_end"] >= pd.Timestamp("2021-10-01").date()) & (want["date_start"] <= pd.Timestamp(
        "2021-11-30").date())]
    assert len(got) == len(want) == 8
    assert _canon(got) == _canon(want)


def test_gif_from_cli_is_animated(store: Store, tmp_path: Path):
    out = tmp_path / "t.gif"
    assert run(["--out", str(out), "--from", "2021-11-01", "--to", "2021-11-30", "--width", "500"]) == 0
    im = Image.open(io.BytesIO(out.read_bytes()))
    assert im.format == "GIF" and im.size[0] == 500 and im.n_frames == 30  # one frame per day


@pytest.mark.parametrize("flt", [EventFilter(), EventFilter(actors=("RUS",), date_from=date(2021, 11, 1)),
                                 EventFilter(types=("exercise",), text="drill", drafts=True)])
def test_the_streamed_export_writes_what_the_in_memory_one_does(store: Store, flt: EventFilter):
    """The CLI reads the store chunk by chunk (and JSON columns as text); the app's buttons pass
    a frame. Same filter, same file."""
    view = flt.apply(store.frame())
    for fmt in ("csv", "geojson", "kml"):
        f = io.BytesIO()
        assert export(store, flt, Request(fmt), f) == len(view)
        assert f.getvalue() == make(view, flt, Request(fmt)), fmt
    f = io.BytesIO()
    export(store, flt, Request("html"), f)
    streamed, framed = (_packed_events(html) for html in (f.getvalue(), make(view, flt, Request("html"))))
    assert streamed[0]["id"] == framed[0]["id"] == view.loc[view["lat"].notna(), "id"].tolist()
    assert streamed[1] == framed[1]  # cards, row by row
    # where routes enter an ADIZ (the zones layer): the streamed page reads them chunk by chunk
    entries = _zone_entries(f.getvalue())
    assert entries == _zone_entries(make(view, flt, Request("html")))
    assert {e[3] for e in entries} == ({"seed-2021-11-19-joint-patrol"} & set(view["id"]))
    f = io.BytesIO()
    export(store, flt, Request("png"), f)
    assert Image.open(f).size == Image.open(io.BytesIO(make(view, flt, Request("png")))).size


def _zone_entries(html: bytes) -> list:
    """The route entries the page's zones layer embeds (the third argument of Sortie.addZones)."""
    m = re.search(rb"Sortie\.addZones\([^,]+, .*?\}, (\[.*?\]),\s*\{", html, re.S)
    assert m, "the page has a zones layer"
    return json.loads(m.group(1))


def _packed_events(html: bytes) -> tuple[dict, list]:
    """The events and cards a standalone page embeds (maps/pack.py files, base64)."""
    blobs = [base64.b64decode(b) for b in re.findall(rb'\{"b64": "([A-Za-z0-9+/=]+)"\}', html)]
    assert len(blobs) == 2, "the page embeds one events file and one cards file"
    return unpack_columns(blobs[0]), unpack_cards(blobs[1])
