"""Shared fixtures: every test gets its own throw-away database."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.store import Store  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "sortie.db"
    monkeypatch.setenv("SORTIE_DB", str(path))
    return path


@pytest.fixture
def store(db_path: Path) -> Store:
    """A store seeded with the shipped sample events."""
    return Store(str(db_path))


@pytest.fixture
def empty_store(db_path: Path) -> Store:
    return Store(str(db_path), seed=None)
