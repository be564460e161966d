"""A new event type and a new export format each take one obvious place (README, Layout).

Each test copies the repository, makes the change the README describes in that one place, and
checks that everything that reads the registry follows: schema, map payload, legend options,
KML, static image, filters and extraction for a type; the CLI, snapshot exports and the
export panel for a format.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    dst = tmp_path / "sortie"
    for rel in filter(None, files.decode().split("\0")):
        src = ROOT / rel
        if src.is_file():
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / rel)
    return dst


def run(root: Path, code: str) -> str:
    p = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=180,
                       env={"PATH": "/usr/bin:/bin", "SORTIE_DB": str(root / "t.db"), "MPLBACKEND": "Agg"})
    assert p.returncode == 0, p.stderr
    return p.stdout


def test_a_new_event_type_is_one_registry_entry_plus_its_trigger(copy: Path) -> None:
    types = copy / "events" / "event_types.py"
    text = types.read_text()
    entry = ('    EventType("blockade", "Blockade", "#117733", "M2 2H22V22H2Z", "s", 0.7, False, '
             '"ships closing a port or strait"),\n)\n\nEVENT_TYPES')
    types.write_text(text.replace(")\n\nEVENT_TYPES", entry, 1))
    rules = copy / "events" / "extract" / "types.py"
    rules.write_text(rules.read_text().replace(
        '_TRIG: dict[str, list[re.Pattern[str]]] = {',
        '_TRIG: dict[str, list[re.Pattern[str]]] = {\n    "blockade": [re.compile(r"\\bblockad\\w*", re.I)],', 1))
    out = run(copy, """
from datetime import date
from events.schema import Event
from events.frame import events_frame
from events.io import to_text, read_events
from events.query import EventFilter
from events.extract import extract
from maps.build import map_options
from maps.payload import prepare
from maps.permalink import MapLink
from maps.snapshot.outputs import Request, make
ev = Event(type="blockade", date_start="2024-05-01", actors=["CHN"], evidence="Ships blockaded the port.",
           geometry={"type": "Point", "coordinates": [121.5, 25.0]}, geo_precision="place")
df = events_frame([ev])
opts = map_options(df, None, None, MapLink(), False)
assert "blockade" in opts["order"] and opts["labels"]["blockade"] == "Blockade", opts["order"]
assert prepare(df)["t"].tolist() == [opts["order"].index("blockade")]
kml = to_text("kml", [ev])
assert '<Style id="blockade">' in kml and "ff337711" in kml  # the registry's colour, as KML aabbggrr
assert read_events("x.kml", kml.encode())[0][0].type == "blockade"
assert make(df, EventFilter(), Request("png", width=400)).startswith(b"\\x89PNG")
assert EventFilter.from_params({"types": "blockade"}).types == ("blockade",)
found = extract("On Tuesday, Chinese coast guard ships blockaded the port of Keelung.", date(2024, 5, 2))
print(sorted({d.event.type for d in found}))
""")
    assert "blockade" in out


def test_a_new_export_format_is_one_module_and_one_registry_line(copy: Path) -> None:
    (copy / "events" / "io" / "ids.py").write_text('''"""Event ids, one per line: a test format."""
from events.io.base import Format


def read(name, text, progress=None):
    return [], []


def write(events, f, title=""):
    for ev in events:
        f.write(ev.id + "\\n")


FORMAT = Format("ids", "Id list", "events", (".ids",), "text/plain", read, write, help="Event ids")
''')
    init = copy / "events" / "io" / "__init__.py"
    init.write_text(init.read_text().replace("kml.FORMAT,", "kml.FORMAT, ids.FORMAT,", 1)
                    .replace("from events.io import articles,", "from events.io import ids, articles,", 1))
    out = run(copy, """
import io, contextlib
from events.__main__ import main
from maps.snapshot.outputs import FORMATS, MIME
from events.store import Store
from ui.exports import BUTTONS
Store()  # seeded with the sample
assert "ids" in FORMATS and MIME["ids"] == "text/plain"
assert any(b[1] == "ids" for b in BUTTONS)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    assert main(["export", "--format", "ids"]) == 0
print(buf.getvalue())
""")
    assert "seed-2021-11-19-joint-patrol" in out
