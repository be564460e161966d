"""Standalone HTML, animation, and the app's export panel (file names, lazy buttons, cache)."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from events.query import EventFilter
from events.store import Store
from maps.animation import frame_days, render_animation
from maps.standalone import inline_assets, standalone_html
from ui.exports import BUTTONS, export_name, file_bytes


def test_export_name_follows_the_view():
    flt = EventFilter(actors=("RUS", "CHN"), date_from=date(2021, 10, 1), date_to=date(2021, 11, 30))
    assert export_name(flt, "png") == "sortie_2021-10-01_2021-11-30_RUS-CHN.png"
    flt2 = EventFilter(observers=("KOR",), types=("joint_patrol",), text='Sea of "Japan"/../x')
    view = pd.DataFrame({"date_start": [date(2021, 11, 19)], "date_end": [date(2021, 11, 20)]})
    assert export_name(flt2, ".KML", view) == "sortie_2021-11-19_2021-11-20_to-KOR_joint_patrol_Sea-of-Japan-x.kml"
    assert export_name(EventFilter(), "csv") == "sortie.csv"
    assert export_name(flt, "png", suffix="_print") == "sortie_2021-10-01_2021-11-30_RUS-CHN_print.png"


def test_standalone_html_has_no_external_or_server_references(store: Store):
    html = standalone_html(store.frame(), title="Seed <view>")
    assert "/app/static" not in html
    assert not re.search(r"<script[^>]+src=", html) and not re.search(r"<link[^>]+href=", html)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//[^"']*\.(?:js|css)""", html)
    assert "<title>Seed &lt;view&gt;</title>" in html
    assert "L.map(" in html  # Leaflet inlined, and the map script present


def test_inline_assets_turns_nested_references_into_data_uris(tmp_path: Path):
    html = '<link rel="stylesheet" href="/app/static/sortie.css"/><img src="/app/static/sortie.css">'
    out = inline_assets(html)
    assert "<style>" in out and "data:text/css;base64," in out and "/app/static" not in out
    with pytest.raises(LookupError):
        inline_assets('<script src="/app/static/../../etc/passwd"></script>')


def test_frame_steps():
    days, step = frame_days(date(2021, 11, 1), date(2021, 11, 30))
    assert step == 1 and len(days) == 30
    days, step = frame_days(date(2020, 1, 1), date(2021, 12, 31))
    assert step == 7 and len(days) == 105
    days, step = frame_days(date(2000, 1, 1), date(2021, 12, 31))
    assert step % 7 == 0 and len(days) <= 120


def test_gif_and_mp4(store: Store):
    df = store.frame()
    flt = EventFilter(date_from=date(2021, 11, 15), date_to=date(2021, 11, 21))
    from maps.snapshot.static_image import Options

    gif = Image.open(io.BytesIO(render_animation(flt.apply(df), flt, "gif", Options(width=400))))
    assert gif.n_frames == 7 and gif.size[0] == 400
    pytest.importorskip("imageio_ffmpeg")
    mp4 = render_animation(flt.apply(df), flt, "mp4", Options(width=400))
    assert mp4[4:8] == b"ftyp"


def _panel_app() -> None:
    from events.query import EventFilter
    from ui.exports import export_panel
    from ui.loaders import load_events

    flt = EventFilter(actors=("RUS",))
    export_panel(flt.apply(load_events()), flt, "Test view")


def test_export_panel_draws_lazy_buttons(store: Store):
    at = AppTest.from_function(_panel_app, default_timeout=60).run()
    assert not at.exception
    buttons = at.get("download_button")
    assert sorted(b.proto.label for b in buttons) == sorted(b[0] for b in BUTTONS)
    assert all(b.proto.deferred_file_id and not b.proto.url for b in buttons)  # made on click only


def test_file_bytes_is_cached_per_view(store: Store, monkeypatch: pytest.MonkeyPatch):
    import ui.exports

    ui.exports._cached.clear()  # the other engine's run of this test filled it
    calls = []
    real = ui.exports.make
    monkeypatch.setattr(ui.exports, "make", lambda *a: calls.append(a[2].fmt) or real(*a))
    df = store.frame()
    flt = EventFilter(types=("joint_patrol",))
    view = flt.apply(df)
    a = file_bytes(view, flt, "t", "png", 500, 100, revision=1)
    assert Image.open(io.BytesIO(a)).size[0] == 500
    assert file_bytes(view, flt, "t", "png", 500, 100, revision=1) == a
    assert calls == ["png"]  # the second request came from the cache
    file_bytes(view, flt, "t", "png", 500, 100, revision=2)  # a store write: made again
    assert calls == ["png", "png"]
    assert file_bytes(view, flt, "t", "csv", revision=1).startswith(b"id,type,")
