"""A throwaway PostgreSQL cluster on a free local port, for the store tests and benchmarks.

Uses Debian's ``postgresql`` package binaries (``initdb``, ``pg_ctl``); as root they run as the
``postgres`` user, which the package creates. The cluster lives in a temporary folder, trusts
local connections, and is removed by :meth:`Cluster.stop`. ``SORTIE_TEST_POSTGRES`` (a
SQLAlchemy URL of an existing server's maintenance database) skips starting one.

    python scripts/throwaway_postgres.py   # start one, print its URL, stop on Enter
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import sqlalchemy as sa


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError("PostgreSQL is needed for the store tests: install Debian's 'postgresql' package "
                       "(apt-get install postgresql) or set SORTIE_TEST_POSTGRES to a server's URL")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One server; :meth:`database` makes a fresh empty database per test."""

    def __init__(self) -> None:
        self.dir: Path | None = None
        self.url = os.environ.get("SORTIE_TEST_POSTGRES", "")
        if not self.url:
            self._start()
        self.admin = sa.create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)

    def _run(self, *cmd: str) -> None:
        if os.geteuid() == 0:  # initdb refuses to run as root
            cmd = ("runuser", "-u", "postgres", "--", *cmd)
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def _start(self) -> None:
        bindir = _bindir()
        self.dir = Path(tempfile.mkdtemp(prefix="sortie-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        data, port = self.dir / "data", _free_port()
        self._run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "sortie", "-E", "UTF8",
                  "--no-sync")
        opts = (f"-p {port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=300 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run(str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(self.dir / "log"), "-w", "start")
        self._bindir = bindir
        self.url = f"postgresql+psycopg://sortie@127.0.0.1:{port}/postgres"

    def database(self) -> str:
        """A new empty database; its URL."""
        name = "t_" + uuid.uuid4().hex[:12]
        with self.admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}"')
        return sa.make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        """Drop a test's database, closing whatever connections it left open."""
        name = sa.make_url(url).database
        with self.admin.connect() as c:
            c.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :n AND pid <> pg_backend_pid()"), {"n": name})
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')

    def stop(self) -> None:
        self.admin.dispose()
        if self.dir is None:
            return
        try:
            self._run(str(self._bindir / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


if __name__ == "__main__":
    cluster = Cluster()
    print(cluster.url, flush=True)
    try:
        input("PostgreSQL running; press Enter to stop it\n")
    finally:
        cluster.stop()
