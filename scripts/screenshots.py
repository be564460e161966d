"""The README's screenshots, taken in headless Chromium from a fresh sample store, offline.

    python scripts/screenshots.py            # writes docs/screenshot.png and docs/images/view-*.png

Each shot is a view an analyst uses (the map, a card, the keyboard walk, the print layout, the
Trends, Sources and Gazetteer pages, the zones and the dark basemap), so the README shows what
the app looks like now, not when someone last remembered to update it. Every request that is
not to the local server is blocked, as in the browser tests.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Frame, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from conftest import CHROMIUM, CHROMIUM_ARGS, map_frame  # noqa: E402  (the browser tests' own)
from local_team import AppServer  # noqa: E402

OUT = ROOT / "docs" / "images"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
WINDOW = "?from=2021-08-01&to=2021-11-23"


def overlay(frame: Frame, label: str) -> None:
    """Switch on a layer-control overlay by its label."""
    frame.locator(".leaflet-control-layers").hover()
    frame.locator(".leaflet-control-layers-overlays label", has_text=label).first.click()
    frame.locator(".leaflet-control-layers").evaluate("e => e.classList.remove('leaflet-control-layers-expanded')")


def base(frame: Frame, label: str) -> None:
    frame.locator(".leaflet-control-layers").hover()
    frame.locator(".leaflet-control-layers-base label", has_text=label).first.click()
    frame.locator(".leaflet-control-layers").evaluate("e => e.classList.remove('leaflet-control-layers-expanded')")


def shot_map(page: Page, frame: Frame) -> None:
    page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))


def shot_card(page: Page, frame: Frame) -> None:
    frame.evaluate("() => { window.sortieEvents['seed-2021-11-19-joint-patrol'].openPopup(); }")
    frame.locator(".leaflet-popup .sortie-card blockquote").wait_for()
    page.wait_for_timeout(500)
    frame.locator("body").screenshot(path=str(OUT / "view-card.png"))
    frame.evaluate("() => { Sortie.map.closePopup(); }")


def shot_keyboard(page: Page, frame: Frame) -> None:
    frame.locator(".sortie-keys").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    frame.locator("body").screenshot(path=str(OUT / "view-keyboard.png"))
    frame.locator(".sortie-keys").evaluate("e => e.blur()")


def shot_zones(page: Page, frame: Frame) -> None:
    overlay(frame, "zones")
    frame.evaluate("() => { Sortie.map.setView([33, 128], 5, {animate: false}); }")
    page.wait_for_timeout(800)
    frame.locator("body").screenshot(path=str(OUT / "view-zones.png"))
    overlay(frame, "zones")


def shot_dark(page: Page, frame: Frame) -> None:
    base(frame, "dark")
    frame.evaluate("() => { Sortie.map.setView([40, 135], 4, {animate: false}); }")
    page.wait_for_timeout(800)
    frame.locator("body").screenshot(path=str(OUT / "view-dark.png"))


def shot_print(page: Page, frame: Frame) -> None:
    page.emulate_media(media="print")
    page.wait_for_timeout(600)
    page.screenshot(path=str(OUT / "view-print.png"), full_page=True)
    page.emulate_media(media="screen")


def shot_page(name: str, path: str, ready: str, typed: tuple[str, str] | None = None) -> Callable[[Page, str], None]:
    """A whole page of the app, once ``ready`` (a selector) shows; ``typed``: (a text box's
    label, what to type into it) first."""
    def take(page: Page, url: str) -> None:
        page.goto(url + path)
        if typed:
            box = page.locator(f'input[aria-label="{typed[0]}"]')
            box.wait_for(timeout=90_000)
            box.fill(typed[1])
            box.press("Enter")
            page.get_by_text(typed[1].split()[-2], exact=False).first.wait_for(timeout=30_000)
        page.locator(ready).first.wait_for(timeout=90_000)
        page.wait_for_timeout(2500)
        page.screenshot(path=str(OUT / f"view-{name}.png"), full_page=True)
    return take


MAP_SHOTS = (shot_map, shot_card, shot_keyboard, shot_zones, shot_dark, shot_print)
PAGE_SHOTS = (
    shot_page("trends", "/trends" + WINDOW, '[data-testid="stVegaLiteChart"]'),
    shot_page("sources", "/sources" + WINDOW, '[data-testid="stDataFrame"], [data-testid="stTable"]'),
    shot_page("gazetteer", "/gazetteer", MAP_FRAME, typed=("Place name", "about 140 km north of Miyako Island")),
)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = AppServer(Path(tmp) / "sortie.db")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
                    ("http://127.0.0.1", "ws://127.0.0.1")) else r.abort())
                page = context.new_page()
                page.goto(server.url + "/" + WINDOW)
                frame = map_frame(page)
                page.wait_for_timeout(1500)
                for take in MAP_SHOTS:
                    take(page, frame)
                    print("took", take.__name__)
                for take_page in PAGE_SHOTS:
                    take_page(page, server.url)
                print("wrote", ", ".join(sorted(p.name for p in OUT.glob("view-*.png"))))
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
