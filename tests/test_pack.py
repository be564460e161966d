"""The compact event encoding (maps/pack.py): what the browser reads is what prepare() made."""

from __future__ import annotations

import gzip
import json
import math
import struct

import numpy as np
import pandas as pd

from events.frame import events_frame
from events.io import read_file
from events.store import SAMPLE
from maps.pack import pack_cards, pack_columns, unpack_cards, unpack_columns
from maps.payload import prepare


def sample_prep() -> pd.DataFrame:
    events, errors = read_file(SAMPLE)
    assert not errors
    return prepare(events_frame(events))


def test_columns_round_trip_with_types_days_points_and_missing_distances():
    prep = sample_prep()
    cols = unpack_columns(pack_columns(prep))
    assert cols["id"] == prep["id"].tolist() and cols["tip"] == prep["tip"].tolist()
    for name in ("t", "d0", "d1", "gp", "inf"):
        assert cols[name].tolist() == prep[name].tolist(), name
    assert np.allclose(cols["lat"], prep["lat"], atol=1e-4) and np.allclose(cols["lon"], prep["lon"], atol=1e-4)
    for got, want in zip(cols["km"].tolist(), prep["km"].tolist(), strict=True):
        assert (math.isnan(got) and (want is None or want != want)) or got == want
    assert cols["rel"] == {str(i): r for i, r in enumerate(prep["rel"]) if r}
    assert cols["t"].dtype == np.uint8 and cols["d0"].dtype == np.int32 and cols["lat"].dtype == np.float32


def test_routes_and_areas_are_flat_coordinates_with_part_offsets():
    prep = sample_prep()
    cols = unpack_columns(pack_columns(prep))
    shaped = [i for i, g in enumerate(prep["geom"]) if g]
    assert cols["g_index"].tolist() == shaped and shaped  # the sample has routes and areas
    for s, i in enumerate(shaped):
        g = prep["geom"].iat[i]
        rings = {"LineString": [g["coordinates"]], "MultiLineString": g["coordinates"], "Polygon": g["coordinates"],
                 "MultiPolygon": [r for p in g["coordinates"] for r in p]}[g["type"]]
        parts = range(cols["g_part"][s], cols["g_part"][s + 1])
        assert len(parts) == len(rings) and bool(cols["g_area"][s]) == ("Polygon" in g["type"])
        for p, ring in zip(parts, rings, strict=True):
            xy = cols["g_xy"][2 * cols["g_coord"][p]: 2 * cols["g_coord"][p + 1]].reshape(-1, 2)
            assert np.allclose(xy, np.array(ring)[:, :2], atol=1e-4)


def test_cards_round_trip_row_by_row():
    prep = sample_prep()
    cards = unpack_cards(pack_cards(prep))
    assert len(cards) == len(prep) and cards[0][5] == json.loads(prep["card"].iat[0])[5]


def test_an_empty_view_packs_and_reads_back():
    prep = sample_prep().iloc[:0]
    cols = unpack_columns(pack_columns(prep))
    assert cols["id"] == [] and len(cols["t"]) == 0 and len(cols["g_index"]) == 0


def test_buffers_are_aligned_for_typed_array_views():
    raw = gzip.decompress(pack_columns(sample_prep()))
    (hlen,) = struct.unpack("<I", raw[4:8])
    header = json.loads(raw[8:8 + hlen])
    assert (8 + hlen) % 8 == 0 and all(c["offset"] % 8 == 0 for c in header["cols"])
