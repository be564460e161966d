"""What the page's filters keep of the map's events, as the browser receives it (maps/selection.py)."""

from __future__ import annotations

import base64
import gzip
from datetime import date

import numpy as np

from events.frame import events_frame
from events.query import EventFilter
from events.schema import Event
from maps.payload import day_number, prepare
from maps.selection import selection


def kept(sel: dict) -> list[int]:
    bits = np.unpackbits(np.frombuffer(gzip.decompress(base64.b64decode(sel["keep"])), np.uint8), bitorder="little")
    return [int(b) for b in bits[:sel["n"]]]


def test_one_bit_per_event_in_the_maps_order_and_the_filtered_extent():
    events = [Event(id=f"e{i}", type="exercise" if i % 3 else "bomber_approach", date_start=f"2024-0{1 + i % 5}-10",
                    actors=["RUS"], observers=["JPN"], geometry={"type": "Point", "coordinates": [130.0 + i, 30.0 + i]})
              for i in range(20)]
    df = events_frame(events)
    order = prepare(df).index
    flt = EventFilter(types=("bomber_approach",))
    sel = selection("main@3", order, flt.apply(df), None, None)
    assert sel["key"] == "main@3" and sel["n"] == 20
    assert kept(sel) == [1 if df.loc[i, "type"] == "bomber_approach" else 0 for i in order]
    approaches = flt.apply(df)
    # the extent of what is kept, with the map's margin; the timeline's days and borders of it
    assert sel["bounds"] == [[30.0 - 3, 130.0 - 3], [30.0 + 18 + 3, 130.0 + 18 + 3]]
    first, last = min(approaches["date_start"]), max(approaches["date_end"])
    assert (sel["start"], sel["end"]) == (day_number(first), day_number(last))
    assert set(sel["borders"]) == {"JPN"}
    # the sidebar's dates bound the timeline when set
    sel = selection("main@3", order, flt.apply(df), date(2024, 1, 1), date(2024, 12, 31))
    assert (sel["start"], sel["end"]) == (day_number(date(2024, 1, 1)), day_number(date(2024, 12, 31)))


def test_nothing_kept_has_no_extent():
    df = events_frame([Event(id="a", type="exercise", date_start="2024-01-01",
                             geometry={"type": "Point", "coordinates": [130.0, 30.0]})])
    sel = selection("main@1", prepare(df).index, df.iloc[0:0], None, None)
    assert kept(sel) == [0] and sel["bounds"] is None and sel["borders"] == {}
