"""The development set scores at least F1 0.85 on events; the seed report comes out right (issue 5)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from events.event_types import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_7d0bfccd29542e3c.txt"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_extraction", ROOT / "bench" / "extraction.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_extraction"] = mod
    spec.loader.exec_module(mod)
    return mod


bench = _bench()


def test_dev_set_is_big_enough_and_covers_every_type() -> None:
    docs = [d for d in bench.load(with_seed=False)]
    assert len(docs) >= 15
    types = {e["type"] for d in docs for e in d.gold}
    assert types == set(EVENT_TYPES)


def test_dev_set_event_f1() -> None:
    res = bench.evaluate(bench.load(with_seed=False))
    figures = res.events.prf()
    assert figures["f1"] >= 0.85, figures
    assert res.actors.prf()["f1"] >= 0.8, res.actors.prf()
    assert res.observers.prf()["f1"] >= 0.85, res.observers.prf()


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed report not present")
def test_seed_report_matches_the_gold() -> None:
    docs = [d for d in bench.load() if d.seed]
    res = bench.evaluate(docs)
    assert res.events.prf()["f1"] == 1.0, res.per_doc[0]["missed"] + res.per_doc[0]["spurious"]
    assert docs[0].published == date(2021, 11, 24)
