"""Place event labels without overlaps: try spots around each anchor, nearest first.

Greedy and deterministic, so the same view always gives the same picture, and fast: each
label is measured once and candidates are checked with box arithmetic, not by redrawing.
(adjustText's iterative force simulation would also do, but pulls in scipy; a fixed set of
candidate spots is predictable and enough for the 25 labels we draw at most.)
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.text import Text
from matplotlib.transforms import Bbox

# Offsets (in label-gap units) around the anchor: beside it first, then further out with a leader.
_DIRS = [(1, 1), (1, -1), (-1, 1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1)]
_RINGS = (1.0, 2.6, 4.5, 7.0)


def place_labels(ax: Axes, renderer: RendererBase, anchors: list[tuple[float, float]], texts: list[str],
                 gap_px: float, fontsize: float, obstacles: list[tuple[float, float]] | None = None,
                 avoid: list[Bbox] | None = None) -> int:
    """Add each text near its anchor (data coords) where it overlaps nothing placed; returns how many fit.

    ``obstacles`` are data points (event markers) and ``avoid`` display boxes (north arrow, scale bar).
    """
    to_px = ax.transData.transform
    frame = ax.get_window_extent(renderer).padded(-2)
    taken: list[Bbox] = list(avoid or [])
    for ox, oy in obstacles or []:
        px, py = to_px((ox, oy))
        taken.append(Bbox.from_extents(px - gap_px * 0.6, py - gap_px * 0.6, px + gap_px * 0.6, py + gap_px * 0.6))
    placed = 0
    for (x, y), s in zip(anchors, texts, strict=True):
        t: Text = ax.text(x, y, s, fontsize=fontsize, zorder=8, va="center", ha="left", linespacing=1.15,
                          bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": "#888", "lw": 0.5, "alpha": 0.88})
        size = t.get_window_extent(renderer)
        w, h = size.width, size.height
        ax_px, ay_px = to_px((x, y))
        spot = _find(ax_px, ay_px, w, h, gap_px, frame, taken)
        if spot is None:
            t.remove()
            continue
        bx, by, ring = spot
        taken.append(Bbox.from_bounds(bx, by, w, h))
        xy = ax.transData.inverted().transform((bx, by + h / 2))
        t.set_position(xy)
        if ring > 1.0:  # far from its event: draw a leader line to the anchor
            edge = (bx if bx > ax_px else bx + w, by + h / 2)
            ax.annotate("", xy=(x, y), xytext=ax.transData.inverted().transform(edge), zorder=7,
                        arrowprops={"arrowstyle": "-", "color": "#555", "lw": 0.7, "shrinkA": 0, "shrinkB": 3})
        placed += 1
    return placed


def _find(ax_px: float, ay_px: float, w: float, h: float, gap: float, frame: Bbox,
          taken: list[Bbox]) -> tuple[float, float, float] | None:
    for ring in _RINGS:
        for dx, dy in _DIRS:
            cx = ax_px + dx * gap * ring
            cy = ay_px + dy * gap * ring
            bx = cx if dx > 0 else (cx - w if dx < 0 else cx - w / 2)
            by = cy if dy > 0 else (cy - h if dy < 0 else cy - h / 2)
            box = Bbox.from_bounds(bx, by, w, h)
            if not (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1):
                continue
            if any(box.overlaps(b) for b in taken):
                continue
            return bx, by, ring
    return None
