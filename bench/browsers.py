"""Headless Chromium for the benchmarks: many sessions at once on one asyncio loop (Playwright's
sync API cannot be shared between threads), network limited to 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

T = TypeVar("T")
VISIBLE = "() => window.sortieTimeline ? window.sortieTimeline.state().visible : -1"
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1")


class Browser:
    """One Chromium; :meth:`run` drives coroutines (e.g. ``asyncio.gather`` of sessions) to the end."""

    def __init__(self) -> None:
        from playwright.async_api import async_playwright

        self.loop = asyncio.new_event_loop()
        self._pw = self.run(async_playwright().start())
        self.handle = self.run(self._pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                        args=CHROMIUM_ARGS))

    def run(self, coro: Awaitable[T]) -> T:
        async def wrapped() -> T:
            return await coro

        return self.loop.run_until_complete(wrapped())

    def gather(self, coros: list[Awaitable[T]]) -> list[T]:
        """Run sessions at once; their results in order."""
        async def everyone() -> list[T]:
            return list(await asyncio.gather(*coros))

        return self.loop.run_until_complete(everyone())

    async def page(self) -> tuple[Any, Any]:
        ctx = await self.handle.new_context(viewport={"width": 1400, "height": 1000})
        await ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(LOCAL) else r.abort())
        return ctx, await ctx.new_page()

    def close(self) -> None:
        self.run(self.handle.close())
        self.run(self._pw.stop())
        self.loop.close()


async def visible(page: Any) -> int:
    """Events the map draws now (the most any frame reports; -1 before a map is up)."""
    best = -1
    for f in page.frames:
        try:
            best = max(best, await f.evaluate(VISIBLE))
        except Exception:  # frame loading or replaced
            pass
    return best


async def until_drawn(page: Any, want: int | None, t0: float, timeout: float = 180) -> float:
    """Seconds from ``t0`` until ``want`` events are drawn (any positive count when None)."""
    while time.perf_counter() - t0 < timeout:
        n = await visible(page)
        if (want is None and n > 0) or (want is not None and n == want):
            return time.perf_counter() - t0
        await asyncio.sleep(0.02)
    raise TimeoutError(f"map did not draw {want} events within {timeout:.0f} s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:13]) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """CPU of a process and its children now running (nginx's master and workers)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return cpu_seconds(pid) + sum(tree_cpu_seconds(int(c)) for c in children)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]
