"""Shared fixtures: every test gets its own throw-away database, on each engine.

A test that asks for ``db_path``, ``store`` or ``empty_store`` runs twice: on SQLite (a file)
and on PostgreSQL (a fresh database in a throwaway cluster started once per run, see
``scripts/throwaway_postgres.py``). ``db_path`` is then a path or a URL, a string either way;
``SORTIE_DB`` is set to it, as a deployment would. Mark a test ``sqlite_only`` or ``postgresql_only``
when it is about one engine. No PostgreSQL installed fails those tests with the install hint; nothing skips.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from events.store import Store  # noqa: E402

# derived data kept across server runs (events/disk_cache.py): this run's own folder, shared by
# the app servers the tests start, never the developer's ~/.cache/sortie
os.environ["SORTIE_CACHE_DIR"] = tempfile.mkdtemp(prefix="sortie-test-cache-")

ENGINES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: about SQLite itself; not run on PostgreSQL")
    config.addinivalue_line("markers", "postgresql_only: about a team server (several processes on one database)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames:
        marks = {m.name for m in metafunc.definition.iter_markers()}
        engines = [e for e in ENGINES if f"{e}_only" in marks] or list(ENGINES)
        metafunc.parametrize("engine", engines)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    from throwaway_postgres import Cluster

    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def db_url(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A new empty store location on ``engine``: a SQLite path or a PostgreSQL URL."""
    if engine == "sqlite":
        yield str(tmp_path / "sortie.db")
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.database()
    yield url
    cluster.drop(url)


@pytest.fixture
def db_path(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SORTIE_DB", db_url)
    return db_url


@pytest.fixture
def store(db_path: str) -> Store:
    """A store seeded with the shipped sample events."""
    return Store(db_path)


@pytest.fixture
def empty_store(db_path: str) -> Store:
    return Store(db_path, seed=None)
