"""What the app derives from the store, kept on local disk between server runs.

A server's caches live in its process, so after every restart the first visitor waited for the
whole store to be read and the map's data to be made again (about 3.5 s at 100,000 events
here), though the store had not changed. :func:`remember` keeps such a value as a pickle named by
what it was made from (the store's :meth:`~events.store.Store.fingerprint`, plus the code and
library versions that made it) and loads it back in a fraction of that (0.2 s for the frame of
100,000 events, its cyclic collector paused).

The files hold event data, so they go in a private folder of the user running the server:
``SORTIE_CACHE_DIR``, else ``$XDG_CACHE_HOME/sortie`` (``~/.cache/sortie``); ``SORTIE_CACHE_DIR=off``
keeps nothing on disk. Only this module writes there, and it loads only what it wrote: a
pickle is code, so the folder is made mode 0700 and never shared or served.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import platform
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from events.frame import gc_paused

T = TypeVar("T")
ENV = "SORTIE_CACHE_DIR"
KEEP = 2  # files of each kind: the newest store revisions
# A put-off write waits for the server to be idle: pickling holds the interpreter (0.7 s for the
# frame of 100,000 events), which would stall the page still being served (the map's data, its
# files). Idle = this process used under IDLE_SHARE of a core over IDLE_WINDOW seconds; after
# IDLE_PATIENCE seconds of a busy server the file is written anyway.
IDLE_SHARE, IDLE_WINDOW, IDLE_PATIENCE = 0.2, 0.5, 60.0
_ROOT = Path(__file__).resolve().parent.parent
_SOURCES = ("events", "maps", "geo")  # the code a cached value may come from


def cache_dir() -> Path | None:
    """The folder for cached values, made private if new; None when turned off or when it
    cannot be made (no home, a read-only disk): the app then derives everything as before."""
    value = os.environ.get(ENV, "")
    if value.lower() == "off":
        return None
    try:
        base = Path(value).expanduser() if value else \
            Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sortie"
        base.mkdir(parents=True, exist_ok=True, mode=0o700)
    except (OSError, RuntimeError):
        return None
    return base


@cache
def code_version() -> str:
    """The Python sources and data files a value may be derived from, and the versions of the
    libraries whose objects a pickle holds: any change makes every cached value stale."""
    import numpy
    import pandas

    h = hashlib.sha1(f"{sys.version}|{platform.machine()}|{pandas.__version__}|{numpy.__version__}".encode())
    for package in _SOURCES:
        for path in sorted((_ROOT / package).rglob("*.py")):
            h.update(path.relative_to(_ROOT).as_posix().encode())
            h.update(path.read_bytes())
    for path in sorted((_ROOT / "data").glob("*")):  # the gazetteer, zones, basemap: by size and time
        if path.is_file():
            st = path.stat()
            h.update(f"{path.name}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()


def remember(kind: str, key: Any, compute: Callable[[], T], write_after: float | None = None) -> T:
    """``compute()``'s value for ``key`` (a repr-able tuple naming what it is derived from),
    from disk when a server made it before, else computed and written for the next run.

    ``write_after``: seconds to wait before writing, in a background thread, then until the
    process is idle (:func:`wait_until_idle`), so the page that needed the value is not kept
    waiting for its file (the frame of 100,000 events takes 0.7 s to pickle); the value must then
    stay unchanged, as the app's cached values do. A missing, unreadable or half-written file is
    computed again (and replaced); a failure to write only costs the next run its head start.
    Atomic: written to a temporary file, then renamed, so a reader never sees a partial pickle."""
    folder = cache_dir()
    if folder is None:
        return compute()
    digest = hashlib.sha1(f"{kind}|{key!r}|{code_version()}".encode()).hexdigest()[:20]
    path = folder / f"{kind}-{digest}.pickle"
    try:
        with gc_paused(), path.open("rb") as f:  # a frame of 100,000 events: 1.5 s of collections otherwise
            value = pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - truncated or from another pickle protocol: make it again
        path.unlink(missing_ok=True)
    else:
        with suppress(OSError):
            os.utime(path)  # in use: the last of its kind to be pruned
        return value
    value = compute()
    if write_after is None:
        _write(folder, path, kind, value)
    else:
        def when_idle() -> None:
            time.sleep(write_after)
            wait_until_idle()
            _write(folder, path, kind, value)
        # daemon: a server stopping meanwhile only loses the head start
        threading.Thread(target=when_idle, name=f"sortie-cache-{kind}", daemon=True).start()
    return value


def wait_until_idle(share: float = IDLE_SHARE, window: float = IDLE_WINDOW, patience: float = IDLE_PATIENCE) -> None:
    """Return once this process has used less than ``share`` of one core over ``window``
    seconds (all its threads: the server's requests and script runs), or after ``patience``."""
    deadline = time.monotonic() + patience
    used = time.process_time()
    while time.monotonic() < deadline:
        time.sleep(window)
        now = time.process_time()
        if now - used < share * window:
            return
        used = now


def _write(folder: Path, path: Path, kind: str, value: Any) -> None:
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".part")  # mode 0600
    except OSError:
        return
    try:
        with gc_paused(), os.fdopen(fd, "wb") as f:  # 1.0 -> 0.7 s for 100,000 events
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        Path(tmp).unlink(missing_ok=True)
        return
    mine = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime)
    for old in mine[:-KEEP]:
        old.unlink(missing_ok=True)
