"""A team deployment on one machine, for the browser tests and bench/team.py: Streamlit app
servers on one store, and nginx in front of them with deploy/nginx.conf (session affinity).

    python scripts/local_team.py postgresql+psycopg://... 2   # two servers and nginx; Enter stops
"""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from nginx_conf import render

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, what: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read() if proc.stdout else ""
            raise RuntimeError(f"{what} exited with {proc.returncode}: {out[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer {url} within {timeout:.0f} s")


class _Service:
    """A child process that answers a health URL once it is up."""

    proc: subprocess.Popen

    def _launch(self, cmd: list[str], health: str, what: str, **popen: object) -> None:
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **popen)
        try:
            _wait(health, what, self.proc)
        except RuntimeError:
            self.stop()
            raise

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class AppServer(_Service):
    """``streamlit run app.py`` on a free local port, on the store ``db`` (a path or a URL);
    ``script``: another Streamlit script instead (bench/scale.py's bare page), run with our config."""

    def __init__(self, db: str | Path, port: int | None = None, env: dict[str, str] | None = None,
                 script: str | Path = "app.py"):
        self.db, self.port = str(db), port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._launch(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"],
            self.url + "/_stcore/health", "streamlit",
            cwd=ROOT, env={**os.environ, "SORTIE_DB": self.db, **(env or {})},
        )


class Proxy(_Service):
    """nginx with deploy/nginx.conf, its upstream pointed at ``servers`` (scripts/nginx_conf.py)."""

    def __init__(self, servers: list[AppServer]):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise RuntimeError("nginx is needed for the team deployment test: apt-get install nginx")
        self.dir = Path(tempfile.mkdtemp(prefix="sortie-nginx-"))
        (self.dir / "tmp").mkdir()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # started as root (CI), nginx's workers would be "nobody", who cannot read a 0700 checkout
        user = getpass.getuser() if os.geteuid() == 0 else None
        conf = render([f"127.0.0.1:{s.port}" for s in servers], f"127.0.0.1:{self.port}", user=user)
        (self.dir / "nginx.conf").write_text(conf)
        self._launch([nginx, "-p", str(self.dir), "-c", str(self.dir / "nginx.conf"), "-g", "daemon off;"],
                     self.url + "/_stcore/health", "nginx")

    def stop(self) -> None:
        super().stop()
        shutil.rmtree(self.dir, ignore_errors=True)


if __name__ == "__main__":
    servers = [AppServer(sys.argv[1]) for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 2)]
    proxy = Proxy(servers)
    print(proxy.url, "->", ", ".join(s.url for s in servers), flush=True)
    try:
        input("running; press Enter to stop\n")
    finally:
        proxy.stop()
        for s in servers:
            s.stop()
