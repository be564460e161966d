"""deploy/nginx.conf filled in for this Python environment: the app servers, the address nginx
listens on, and the folders of the files nginx serves itself (Streamlit's frontend bundle,
streamlit-folium's component, Sortie's static/), so the Python servers only run sessions.

    python scripts/nginx_conf.py 127.0.0.1:8501 127.0.0.1:8502 --listen 127.0.0.1:8080 > sortie.conf

Run it with the Python the app servers use (its site-packages hold the bundles) and again after
upgrading Streamlit or streamlit-folium: their bundles' folders are in the output.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")  # Debian's and most distributions' nginx


def _package_dir(name: str) -> Path:
    """An installed package's folder, found without importing it (importing streamlit_folium
    starts Streamlit, which warns on stderr outside a running app)."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(f"{name} is not installed in this Python environment ({sys.executable})")
    return Path(spec.origin).parent


def served_folders() -> dict[str, Path]:
    """What nginx serves without the app servers, by the placeholder that names it."""
    return {
        "STREAMLIT_STATIC": _package_dir("streamlit") / "static" / "static",
        "FOLIUM_COMPONENT": _package_dir("streamlit_folium") / "frontend" / "build",
        "SORTIE_STATIC": ROOT / "static",
    }


def render(upstreams: list[str], listen: str, mime_types: Path = MIME_TYPES, user: str | None = None) -> str:
    """deploy/nginx.conf with ``upstreams`` (host:port of each app server), ``listen`` and the
    served folders filled in; a clear error when a folder or the MIME table is missing.

    ``user``: the account nginx's workers run as (its ``user`` directive), when nginx starts as
    root: they must be able to read the served folders, which the default ``nobody`` cannot
    where they sit under a private home or a 0700 checkout."""
    if not upstreams:
        raise ValueError("name at least one app server (host:port)")
    folders = served_folders() | {"MIME_TYPES": mime_types}
    missing = [f"{k}: {p}" for k, p in folders.items() if not p.exists()]
    if missing:
        raise FileNotFoundError("nginx would serve files from folders that do not exist: " + "; ".join(missing))
    conf = NGINX_CONF.read_text()
    block = "".join(f"        server {u};\n" for u in upstreams)
    conf, n = re.subn(r"(        server 127\.0\.0\.1:\d+;\n)+", block, conf)
    conf, m = re.subn(r"listen 127\.0\.0\.1:8080;", f"listen {listen};", conf)
    if (n, m) != (1, 1):
        raise ValueError(f"{NGINX_CONF}: its upstream block or listen line was not found")
    for key, path in folders.items():
        conf = conf.replace(f"@{key}@", str(path))
    if user:
        conf = conf.replace("worker_processes 1;\n", f"worker_processes 1;\nuser {user};\n", 1)
    return conf


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("upstreams", nargs="+", metavar="HOST:PORT", help="the app servers")
    ap.add_argument("--listen", default="127.0.0.1:8080", help="nginx's address (default %(default)s)")
    ap.add_argument("--mime-types", type=Path, default=MIME_TYPES, help="nginx's MIME table (default %(default)s)")
    ap.add_argument("--user", help="the account nginx's workers run as; it must be able to read the served folders")
    args = ap.parse_args()
    try:
        sys.stdout.write(render(args.upstreams, args.listen, args.mime_types, args.user))
    except (OSError, ValueError) as exc:
        print(f"nginx_conf: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
