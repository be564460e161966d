"""The store's schema over time: Alembic migrations, run by ``python -m events db upgrade``
and by every :class:`~events.store.Store` at start, so a store made by an older Sortie is
brought up to date in place (SQLite or PostgreSQL alike).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(connection: sa.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@lru_cache(maxsize=1)
def head() -> str:
    """The newest revision the code knows (read from the scripts once per process)."""
    rev = ScriptDirectory.from_config(_config()).get_current_head()
    assert rev is not None
    return rev


def current(engine: sa.Engine) -> str | None:
    """The store's revision; None for a brand-new store or one made before migrations."""
    with engine.connect() as c:
        return MigrationContext.configure(c).get_current_revision()


def upgrade(engine: sa.Engine, revision: str = "head") -> bool:
    """Migrate to ``revision``; True if anything ran. Cheap when already there."""
    if revision == "head" and current(engine) == head():
        return False
    with engine.begin() as c:
        command.upgrade(_config(c), revision)
    return True


def downgrade(engine: sa.Engine, revision: str) -> None:
    with engine.begin() as c:
        command.downgrade(_config(c), revision)
