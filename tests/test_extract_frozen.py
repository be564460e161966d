"""Frozen test splits stay as they were when first scored: the first-run figure is the one that counts."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "extraction"
SPLITS = sorted(p for p in CORPUS.iterdir() if p.is_dir() and p.name.startswith("test_"))

spec = importlib.util.spec_from_file_location("freeze_split", ROOT / "scripts" / "freeze_split.py")
freeze = importlib.util.module_from_spec(spec)
spec.loader.exec_module(freeze)


def test_there_is_a_frozen_split_of_at_least_25_reports() -> None:
    assert sum(len(list(p.glob("*.gold.json"))) for p in SPLITS) >= 25


@pytest.mark.parametrize("split", SPLITS, ids=[p.name for p in SPLITS])
def test_split_is_unchanged_since_it_was_frozen(split: Path) -> None:
    manifest = split / freeze.MANIFEST
    assert manifest.is_file(), f"{split.name} has no {freeze.MANIFEST}: run scripts/freeze_split.py before scoring"
    recorded = dict(reversed(line.split("  ", 1)) for line in manifest.read_text().splitlines() if line)
    assert freeze.digests(split) == recorded
    assert (split / "FROZEN.md").is_file(), "the split's first-run figures belong in its FROZEN.md"


@pytest.mark.parametrize("split", SPLITS, ids=[p.name for p in SPLITS])
def test_split_has_its_first_run_recorded(split: Path) -> None:
    """bench/extraction.py prints these beside the figures now: each split's counts at its first
    run, which must add up to the split's gold events as they are."""
    runs = json.loads((CORPUS / "first_runs.json").read_text(encoding="utf-8"))
    assert split.name in runs, f"record it: python bench/extraction.py --dev {split} --first-run"
    run = runs[split.name]
    gold = sum(len(json.loads(g.read_text(encoding="utf-8"))["events"]) for g in split.glob("*.gold.json"))
    assert run["tp"] + run["fn"] == gold
    assert 0 <= run["actors_exact"] <= run["tp"] and run["fp"] >= 0 and run["commit"]
