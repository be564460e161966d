"""Real-browser fixtures: a Streamlit server on 127.0.0.1 and headless Debian Chromium.

Every request that is not to 127.0.0.1 is blocked and recorded, so a test fails if the map
would need the internet.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_team import AppServer

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "artifacts" / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A page that may only talk to 127.0.0.1; ``page.blocked`` lists what it tried otherwise."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    blocked: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1")):
            return r.continue_()
        blocked.append(url)
        return r.abort()

    context.route("**/*", route)
    pg.blocked = blocked
    yield pg
    context.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[AppServer]:
    """A seeded app server with one hostile event added."""
    db = tmp_path_factory.mktemp("srv") / "sortie.db"
    sys.path.insert(0, str(ROOT))
    from events.schema import Event
    from events.store import Store

    Store(str(db)).add(Event(
        id="xss-test", type="other", date_start="2021-11-20", actors=["RUS"],
        geometry={"type": "Point", "coordinates": [140.0, 42.0]},
        evidence='<img src="/pwned.png" onerror="window.top.__pwned=1"><script>window.top.__pwned=2</script>',
    ))
    srv = AppServer(db)
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


def wait_for(fn, timeout: float = 30, step: float = 0.2):
    """Poll ``fn`` until it returns something truthy (or the time is up); its last value."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(step)
    return fn()


def map_frame(page, timeout: float = 60):
    """The iframe that holds the Leaflet map, once its event layers are drawn."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for f in page.frames:
            try:
                if f.evaluate("() => !!window.sortieLayers"):
                    return f
            except Exception:  # frame navigating or detached
                pass
        time.sleep(0.1)
    raise AssertionError("no map with event layers appeared")


def drawn_ids(frame) -> list[str]:
    """Ids of the events currently drawn: in a layer that is on, and not hidden by the timeline."""
    return frame.evaluate("() => Sortie.visibleEvents().map(e => e[0]).sort()")


