"""The map's event columns as one compact binary file, and its cards as gzip'd JSON.

At 100,000 events the drawing data as JSON text was 13 MB that every page parsed, and a
standalone HTML export 30 MB. Here each column is a typed array (Uint8 type and precision
codes, Int32 day numbers, Float32 coordinates and distances), routes and areas are flat
coordinate arrays with part offsets (as GeoArrow lays them out), strings are one
newline-separated UTF-8 block, and the whole is gzip'd; ``static/sortie/core.js``
(``Sortie.unpack``) turns it into the columns the canvas reads with typed-array views and one
``split``, decompressing with the browser's own ``DecompressionStream``. Cards, read only on a
click, are the card rows as JSON text, gzip'd.

Layout before gzip: ``SRT1``, a little-endian uint32 header length, the header (JSON: row count
and each column's name, type, byte offset and length), then the column buffers, each at an
offset that is a multiple of 8 so the browser can view them without copying.
"""

from __future__ import annotations

import gzip
import json
import struct
import zlib
from collections.abc import Iterable
from typing import Any

import numpy as np
import orjson
import pandas as pd

MAGIC = b"SRT1"
ALIGN = 8
_TYPES = {"u8": np.uint8, "i32": np.int32, "u32": np.uint32, "f32": np.float32}
_GEOM_CODES = {"LineString": 0, "MultiLineString": 0, "Polygon": 1, "MultiPolygon": 1}


def _lines(values: list[str]) -> bytes:
    return "\n".join(v.replace("\n", " ") for v in values).encode("utf-8")


def _geometry(geoms: list[Any]) -> dict[str, np.ndarray]:
    """Routes and areas (GeoJSON dicts or JSON text; '' or None for a point) as flat arrays:
    ``g_index`` event index and ``g_area`` area flag per shape, ``g_part`` first part per shape
    (+ end), ``g_coord`` first coordinate per part (+ end), ``g_xy`` lon, lat pairs."""
    gi, ga, gp, gc, xy = [], [], [0], [0], []
    for i, g in enumerate(geoms):
        if not isinstance(g, (str, dict)) or not g:  # a point: None (or NaN, in a column of JSON texts)
            continue
        if isinstance(g, str):
            g = orjson.loads(g)
        code = _GEOM_CODES.get(g["type"])
        if code is None:  # a point (or multipoint) is drawn at its lat/lon
            continue
        c = g["coordinates"]
        parts = {"LineString": [c], "MultiLineString": c, "Polygon": c,
                 "MultiPolygon": [ring for poly in c for ring in poly]}[g["type"]]
        for part in parts:
            xy.extend(v for p in part for v in p[:2])
            gc.append(len(xy) // 2)
        gi.append(i)
        ga.append(code)
        gp.append(len(gc) - 1)
    return {"g_index": np.array(gi, np.uint32), "g_area": np.array(ga, np.uint8), "g_part": np.array(gp, np.uint32),
            "g_coord": np.array(gc, np.uint32), "g_xy": np.array(xy, np.float32)}


def pack_columns(prep: pd.DataFrame) -> bytes:
    """:func:`maps.payload.prepare`'s drawing columns -> the gzip'd binary file."""
    rel = {str(i): r for i, r in enumerate(prep["rel"].tolist()) if r}
    cols: list[tuple[str, str, bytes]] = [
        ("id", "lines", _lines(prep["id"].tolist())),
        ("tip", "lines", _lines(prep["tip"].tolist())),
        ("rel", "json", json.dumps(rel, ensure_ascii=False, separators=(",", ":")).encode("utf-8")),
    ]
    for name, kind in (("t", "u8"), ("d0", "i32"), ("d1", "i32"), ("lat", "f32"), ("lon", "f32"), ("gp", "u8"),
                       ("km", "f32"), ("inf", "u8")):
        values = prep[name].to_numpy(dtype=float, na_value=np.nan) if kind == "f32" else prep[name].to_numpy()
        cols.append((name, kind, np.ascontiguousarray(values, dtype=_TYPES[kind]).tobytes()))
    for name, arr in _geometry(prep["geom"].tolist()).items():
        kind = next(k for k, t in _TYPES.items() if arr.dtype == t)
        cols.append((name, kind, arr.tobytes()))
    return _frame(len(prep), cols)


def _frame(n: int, cols: list[tuple[str, str, bytes]]) -> bytes:
    names = [c[0] for c in cols]
    if len(set(names)) != len(names):
        raise ValueError(f"column names repeat: {names}")
    header: dict[str, Any] = {"n": n, "cols": []}
    offset = 0
    for name, kind, data in cols:
        header["cols"].append({"name": name, "type": kind, "offset": offset, "length": len(data)})
        offset += -(-len(data) // ALIGN) * ALIGN
    head = json.dumps(header, separators=(",", ":")).encode("utf-8")
    head += b" " * (-(len(MAGIC) + 4 + len(head)) % ALIGN)
    body = bytearray(MAGIC + struct.pack("<I", len(head)) + head)
    for _name, _kind, data in cols:
        body += data + b"\0" * (-len(data) % ALIGN)
    return gzip.compress(bytes(body), compresslevel=6, mtime=0)


def unpack_columns(blob: bytes) -> dict[str, Any]:
    """The file back to columns (lists and arrays), as the browser reads it; for tests and tools."""
    raw = gzip.decompress(blob)
    if raw[:4] != MAGIC:
        raise ValueError("not a Sortie events file")
    (hlen,) = struct.unpack("<I", raw[4:8])
    header = json.loads(raw[8:8 + hlen])
    base = 8 + hlen
    out: dict[str, Any] = {}
    for c in header["cols"]:
        data = raw[base + c["offset"]: base + c["offset"] + c["length"]]
        if c["type"] == "lines":
            out[c["name"]] = data.decode("utf-8").split("\n") if header["n"] else []
        elif c["type"] == "json":
            out[c["name"]] = json.loads(data)
        else:
            out[c["name"]] = np.frombuffer(data, dtype=_TYPES[c["type"]])
    return out


class CardWriter:
    """Card rows (JSON text per row, aligned with the columns) into one gzip'd JSON array,
    chunk by chunk, so an export of 100,000 events never holds every card's text at once."""

    def __init__(self) -> None:
        self._z = zlib.compressobj(6, zlib.DEFLATED, 31)  # wbits 31: a gzip stream
        self._out = [self._z.compress(b"[")]
        self._first = True

    def add(self, cards: Iterable[str]) -> None:
        text = ",".join(cards)
        if text:
            self._out.append(self._z.compress((text if self._first else "," + text).encode("utf-8")))
            self._first = False

    def close(self) -> bytes:
        self._out.append(self._z.compress(b"]"))
        self._out.append(self._z.flush())
        return b"".join(self._out)


def pack_cards(prep: pd.DataFrame) -> bytes:
    """Card rows (JSON text per row, aligned with the columns) as one gzip'd JSON array."""
    w = CardWriter()
    w.add(prep["card"].tolist())
    return w.close()


def unpack_cards(blob: bytes) -> list[Any]:
    return json.loads(gzip.decompress(blob))
