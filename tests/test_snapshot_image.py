"""Static snapshots: valid PNG/SVG/PDF of the requested size, extents across the antimeridian, captions."""

from __future__ import annotations

import io
from datetime import date

import numpy as np
import pandas as pd
import pytest
from defusedxml import ElementTree as DET
from PIL import Image

from events.query import EventFilter
from events.store import Store
from maps.snapshot import describe
from maps.snapshot.extent import BadBBox, Extent, parse_bbox, window_start
from maps.snapshot.shapes import event_shapes, place
from maps.snapshot.static_image import Options, Snapshot, render_image


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> pd.DataFrame:
    return Store(str(tmp_path_factory.mktemp("seed") / "s.db")).frame()


@pytest.mark.parametrize(("width", "dpi"), [(1600, 100), (777, 100), (1200, 200)])
def test_png_has_the_requested_width(seed: pd.DataFrame, width: int, dpi: int):
    im = Image.open(io.BytesIO(render_image(seed, EventFilter(), "png", Options(width=width, dpi=dpi))))
    assert im.format == "PNG"
    assert im.size[0] == width
    assert 0.5 * width < im.size[1] < 1.6 * width  # map, header and footer, in a sensible shape
    assert len(im.convert("RGB").resize((64, 64)).getcolors(4096)) > 20  # not a blank page


def test_svg_parses_and_pdf_has_a_page(seed: pd.DataFrame):
    root = DET.fromstring(render_image(seed, EventFilter(), "svg"))
    assert root.tag.endswith("svg")
    pdf = render_image(seed, EventFilter(), "pdf")
    assert pdf.startswith(b"%PDF-") and b"/Type /Page" in pdf and pdf.rstrip().endswith(b"%%EOF")


def test_no_events_still_renders_a_readable_image(seed: pd.DataFrame):
    flt = EventFilter(types=("transit",))
    im = Image.open(io.BytesIO(render_image(flt.apply(seed), flt, "png", Options(width=600))))
    assert im.size[0] == 600


def test_text_says_what_is_shown(seed: pd.DataFrame):
    flt = EventFilter(actors=("RUS", "CHN"), date_from=date(2021, 10, 1), date_to=date(2021, 11, 30))
    view = flt.apply(seed)
    assert describe.date_window(flt, view) == "1 Oct 2021 – 30 Nov 2021"
    assert describe.filter_text(flt) == "acting: Russia, China"
    assert describe.filter_text(EventFilter()) == "all countries and event types"
    assert describe.sources_text(view).startswith("Sources: Associated Press (Moscow, V. Isachenkov), 23 Nov 2021")
    patrol = view[view["type"] == "joint_patrol"].to_dict("records")[0]
    assert describe.event_label(patrol).splitlines() == ["RUS+CHN joint patrol", "19 Nov 2021 · Tu-95MS x2 · H-6K x2"]


def test_labels_fit_without_overlap(seed: pd.DataFrame):
    snap = Snapshot(seed, EventFilter())
    renderer = snap.fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in snap.ax.texts if t.get_text().count("\n") == 1]
    assert len(boxes) == len(seed)  # every seed event labelled
    for i, a in enumerate(boxes):
        assert not any(a.overlaps(b) for b in boxes[i + 1:])


def test_bbox_parsing_and_errors():
    assert parse_bbox("120,20,150,50") == Extent(120, 20, 150, 50)
    assert parse_bbox("150,40,-150,65").east == 210  # crosses the antimeridian
    for bad in ("1,2,3", "a,b,c,d", "0,50,10,40", "0,0,200,10", "5,0,5,10", "0,-95,10,10", "nan,0,1,1"):
        with pytest.raises(BadBBox):
            parse_bbox(bad)


def _frame(geoms: list[dict]) -> pd.DataFrame:
    return pd.DataFrame({"geometry": list(geoms), "type": "transit", "geo_precision": "place",
                         "lat": np.nan, "lon": np.nan})


def test_pacific_events_get_a_view_across_the_antimeridian():
    assert window_start([170.0, -170.0, 175.0]) == 170.0
    assert window_start([10.0, 20.0]) == 10.0
    df = _frame([{"type": "Point", "coordinates": [170, 50]}, {"type": "Point", "coordinates": [-165, 55]},
                 {"type": "LineString", "coordinates": [[178, 52], [-178, 53]]}])
    shapes = event_shapes(df)
    ext = place(shapes, None)
    assert 150 < ext.west < 170 and 195 < ext.east < 215 and ext.east - ext.west < 60
    line = shapes[2].parts[0]
    assert line[1, 0] - line[0, 0] == pytest.approx(4)  # one short leg, not a line around the world


def test_given_bbox_shifts_events_into_it():
    shapes = event_shapes(_frame([{"type": "Point", "coordinates": [-170, 50]}]))
    ext = place(shapes, parse_bbox("150,30,-150,65"))
    assert ext.west <= shapes[0].parts[0][0, 0] <= ext.east  # drawn at 190, inside 150..210
