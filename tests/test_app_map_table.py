"""The table under the map: a selected row flies the map to its event; the selection belongs to
one filter's rows and never carries over to another's (it is a position in the page)."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from events.query import EventFilter
from events.store import Store


def bridges(at: AppTest) -> list[str]:
    """The "open this event" messages to the map frame the page holds (ui/map_view.open_on_map)."""
    return [str(e.proto) for e in at.get("iframe") if '\\"sortie\\": \\"open\\"' in str(e.proto)]


def test_a_selection_opens_its_event_and_is_dropped_when_the_filter_changes(store: Store):
    at = AppTest.from_file("../app.py", default_timeout=90).run()
    shown = EventFilter(date_from=date(2021, 8, 1), date_to=date(2021, 11, 23))  # the sample's whole span
    key = f"events_{shown.digest()}_table_p1"
    at.session_state[key] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    sent = bridges(at)
    assert len(sent) == 1 and "seed-2021-08-china-war-games" in sent[0]  # the first row, by date
    at.multiselect(key="f_types").set_value(["joint_patrol"]).run()  # another filter: other rows
    assert bridges(at) == []
