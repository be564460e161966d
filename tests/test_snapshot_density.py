"""Snapshots of many events: hexagon counts per type, outliers as symbols, a legend that fits."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgb

from bench.synthetic import write_csv
from events import event_types as et
from events.frame import events_frame
from events.io import read_file
from events.query import EventFilter
from events.store import Store
from maps.snapshot.static_image import DENSITY_MIN, Options, Snapshot


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> pd.DataFrame:
    events, errors = read_file(write_csv(tmp_path_factory.mktemp("syn") / "e.csv", DENSITY_MIN + 1_000))
    assert not errors
    return events_frame(events)


def legend_inside(snap: Snapshot) -> None:
    snap.fig.canvas.draw()
    renderer = snap.fig.canvas.get_renderer()
    w, h = snap.fig.bbox.width, snap.fig.bbox.height
    (legend,) = snap.fig.legends
    box = legend.get_window_extent(renderer)
    assert 0 <= box.x0 and box.x1 <= w and 0 <= box.y0 and box.y1 <= h, (box, w, h)
    for text in snap.fig.texts:  # title, window, count, caption
        b = text.get_window_extent(renderer)
        assert 0 <= b.x0 and b.x1 <= w + 1, (text.get_text()[:60], b, w)


@pytest.mark.parametrize("width", [1600, 700])
def test_past_the_threshold_the_picture_is_hexagon_counts_with_a_legend_that_fits(many: pd.DataFrame, width: int):
    snap = Snapshot(many, EventFilter(drafts=True), Options(width=width))
    assert snap.dense and not snap.shapes
    counts = snap._cell_counts
    assert counts.sum() == many["lat"].notna().sum()  # every located event in exactly one hexagon
    assert counts.max() > 1 and len(counts) < len(many)  # counts, not a glyph per event
    labels = [e.get_text() for e in snap.fig.legends[0].get_texts()]
    present = many["type"].value_counts()
    for t, n in present.items():
        assert f"{et.LABELS[t]} ({n:,})" in labels  # totals per type
    assert any("1,000+ events per hexagon" in x for x in labels)
    legend_inside(snap)


def test_hexagons_take_their_most_frequent_type_and_lone_events_keep_their_symbol():
    # 30 exercises in one spot, 5 transits beside them, one scramble far away
    rows = [("exercise", 40.0, 140.0)] * 30 + [("transit", 40.01, 140.01)] * 5 + [("scramble", 10.0, 110.0)]
    df = pd.DataFrame({"type": [r[0] for r in rows], "lat": [r[1] for r in rows], "lon": [r[2] for r in rows],
                       "observers": [[]] * len(rows), "geometry": [{"type": "Point"}] * len(rows),
                       "source_name": ["x"] * len(rows), "source_url": [None] * len(rows),
                       "published": [None] * len(rows), "date_start": [pd.Timestamp("2024-01-01").date()] * len(rows),
                       "date_end": [pd.Timestamp("2024-01-01").date()] * len(rows)})
    snap = Snapshot(df, EventFilter(), Options(density=True))
    assert sorted(snap._cell_counts.tolist()) == [1, 35]
    coll = next(c for c in snap.ax.collections if len(c.get_facecolors()) == 2)
    faces = coll.get_facecolors()
    full = faces[np.argmax(faces[:, 3])]
    assert np.allclose(full[:3], to_rgb(et.COLORS["exercise"]), atol=0.01)
    assert sorted(faces[:, 3].round(2).tolist())[0] == 0.0  # the lone scramble's hexagon is not filled...
    marks = [c for c in snap.ax.collections if c is not coll and len(c.get_offsets()) == 1]
    assert marks, "...its symbol is drawn instead"


def test_a_small_selection_keeps_a_symbol_per_event(tmp_path):
    df = Store(str(tmp_path / "s.db")).frame()
    snap = Snapshot(df, EventFilter())
    assert not snap.dense and snap.shapes
    legend_inside(snap)


def test_the_glyph_legend_fits_a_narrow_image_with_every_type(many: pd.DataFrame):
    few = many.groupby("type").head(3)
    snap = Snapshot(few, EventFilter(drafts=True), Options(width=420))
    assert not snap.dense
    legend_inside(snap)
