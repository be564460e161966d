"""A citable picture of the current view, drawn with matplotlib (no browser): PNG, SVG or PDF.

Same colours, shapes and precision cues as the interactive map, over the same Natural Earth
basemap, with what a picture needs to stand alone in a briefing: title, filters, date window,
legend, scale bar, north arrow and the sources of the events shown.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path as MplPath
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import Affine2D
from matplotlib_scalebar.dimension import _Dimension
from matplotlib_scalebar.scalebar import ScaleBar
from shapely.geometry import Polygon
from shapely.geometry.polygon import orient
from svgpath2mpl import parse_path

from events import event_types as et
from events.query import EventFilter
from maps.snapshot import describe
from maps.snapshot.basemap import land, outlines
from maps.snapshot.density import COUNT_CLASSES, density_points, draw_hexagons
from maps.snapshot.extent import Extent, fit, merc_y
from maps.snapshot.labels import place_labels
from maps.snapshot.shapes import EventShape, event_shapes, place, project
from maps.style import SEA

FORMATS = ("png", "svg", "pdf")
DENSITY_MIN = 2_000  # located events past which glyphs become a blanket: draw hexagon counts instead
HEX_PX = 22  # a hexagon's width on the page, in pixels at 100 dpi


@lru_cache(maxsize=16)
def marker(etype: str) -> MplPath | str:
    """The type's glyph (SVG path data, as on the interactive map), or its plain marker."""
    t = et.BY_NAME.get(etype)
    if t is None or not t.glyph:
        return t.marker if t else "o"
    # SVG's y axis points down, in a 24x24 box: centre it and flip it for matplotlib.
    path = parse_path(t.glyph).transformed(Affine2D().translate(-12, -12).scale(1, -1))
    return _even_odd(path)


def _even_odd(path: MplPath) -> MplPath:
    """The glyphs are meant for the even-odd fill rule; matplotlib fills non-zero, so rebuild the
    shape (XOR of its rings, by shapely) with holes wound against their shells."""
    shape = None
    for ring in path.to_polygons():
        if len(ring) < 3:
            continue
        p = Polygon(ring).buffer(0)
        shape = p if shape is None else shape.symmetric_difference(p)
    if shape is None or shape.is_empty:
        return path
    polys = list(getattr(shape, "geoms", [shape]))
    parts = []
    for poly in polys:
        if poly.geom_type != "Polygon":
            continue
        poly = orient(poly, 1.0)
        parts.append(MplPath(np.asarray(poly.exterior.coords), closed=True))
        parts.extend(MplPath(np.asarray(r.coords), closed=True) for r in poly.interiors)
    return MplPath.make_compound_path(*parts)
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


# what a snapshot reads of each event (labels, caption, shapes, borders); a dense one only
# DENSE_COLUMNS, and no decoded list column but ``observers``
COLUMNS = ("id", "type", "date_start", "date_end", "date_precision", "actors", "observers", "assets",
           "closest_approach_km", "geometry", "geo_precision", "lat", "lon", "related", "source_name", "source_url",
           "published")
DENSE_COLUMNS = ("type", "date_start", "date_end", "observers", "lat", "lon", "source_name", "source_url", "published")
DENSE_JSON = ("observers",)


def is_dense(df: pd.DataFrame) -> bool:
    """Whether the frame has so many located events that the picture shows hexagon counts."""
    return bool(len(df)) and int(df["lat"].notna().sum()) > DENSITY_MIN


class _Kilometres(_Dimension):
    """Map distances in km (or m), never the SI 'Mm' that the default length dimension picks."""

    def __init__(self) -> None:
        super().__init__("km")
        self.add_units("m", 0.001)


@dataclass(frozen=True)
class Options:
    width: int = 1600  # pixels (PNG); with dpi, sets the page size of SVG/PDF too
    dpi: int = 100
    bbox: Extent | None = None  # None: fit the events
    title: str = "Reported military activity"
    max_labels: int = 25  # more events than this: no per-event labels (the legend and caption remain)
    density: bool | None = None  # hexagon counts instead of a glyph per event; None: past DENSITY_MIN events


@dataclass
class EventArtists:
    """The drawn events with the frame row of each element, so an animation can fade them per frame."""

    artists: list[tuple[object, np.ndarray, np.ndarray, np.ndarray]]  # (artist, rows, face rgba, edge rgba)

    def fade(self, weight: np.ndarray) -> None:
        """Scale each element's alpha by ``weight[row]`` (1 = full, 0 = hidden)."""
        for artist, rows, face, edge in self.artists:
            scale = np.hstack([np.ones((len(rows), 3)), weight[rows][:, None]])
            if isinstance(artist, LineCollection):  # a line's face colour would fill it as a polygon
                artist.set_colors(edge * scale)
                continue
            artist.set_facecolors(face * scale)
            artist.set_edgecolors(edge * scale)


class Snapshot:
    """One laid-out figure: header, map, legend, caption. Build once, save in any format."""

    def __init__(self, df: pd.DataFrame, flt: EventFilter, opts: Options = Options(), labels: bool = True):
        self.df, self.flt, self.opts = df, flt, opts
        self.dense = opts.density if opts.density is not None else is_dense(df)
        self._approached = {c for cs in df.loc[df["type"] == "bomber_approach", "observers"] for c in cs}
        if self.dense:
            # one point per event (its label point: routes and areas are counted where they are
            # labelled), no shapes, no links: the hexagons carry where and what
            self.shapes = []
            self.points = density_points(df)
            self.extent = (opts.bbox or fit(self.points.x, self.points.lat)).with_aspect(
                0.45, 0.9 if opts.bbox is None else 1.6)
            self.points.into(self.extent)
            self._links = []
        else:
            self.shapes: list[EventShape] = event_shapes(df)
            self.extent = place(self.shapes, opts.bbox).with_aspect(0.45, 0.9 if opts.bbox is None else 1.6)
            project(self.shapes)
            self._links = self._related_pairs()
        w_in = opts.width / opts.dpi
        # Base font size in points: grows with the page, but slower, so small images stay legible.
        self.fs = 10.0 * float(np.clip((w_in / 14.0) ** 0.5, 0.6, 1.3))
        self.fig = Figure(figsize=(w_in, w_in), dpi=opts.dpi, facecolor="white")
        FigureCanvasAgg(self.fig)  # a renderer to measure label sizes with
        self._layout(w_in)
        self.events = self._draw_events()
        if labels:
            self._labels()

    # ---- layout -------------------------------------------------------------------------

    def _layout(self, w_in: float) -> None:
        fs, opts = self.fs, self.opts
        margin = 0.35 * fs / 10
        ticks_w, ticks_h = 0.5 * fs / 10, 0.28 * fs / 10  # room for the degree labels left of and below the map
        map_w = w_in - 2 * margin - ticks_w
        map_h = map_w * self.extent.aspect()
        line = fs * 1.45 / 72
        header = margin * 0.6 + line * (1.8 + 1.1 + 1.1) + margin * 0.4
        chars = int(map_w * 72 / (fs * 0.85 * 0.5))
        caption = self._caption_lines(chars)
        entries = self._legend_entries()
        ncol = self._legend_columns(entries, map_w)
        legend_rows = -(-len(entries) // ncol) if entries else 0
        legend_rows += sum(e.get_label().count("\n") for e in entries)  # wrapped labels: room for every line
        footer = ticks_h + margin * 0.3 + legend_rows * line * 1.25 + len(caption) * fs * 0.85 * 1.4 / 72 + margin * 0.7
        h_in = header + map_h + footer
        self.fig.set_size_inches(w_in, h_in)
        fy = lambda inches: inches / h_in  # noqa: E731  (inches from the bottom -> figure fraction)
        ax = self.fig.add_axes(((margin + ticks_w) / w_in, fy(footer), map_w / w_in, fy(map_h)))
        self.ax = ax
        ax.set_facecolor(SEA)
        ax.set_xlim(*self.extent.xlim())
        ax.set_ylim(*self.extent.ylim())
        ax.set_aspect("equal", adjustable="box")
        ax.add_collection(land(self.extent, linewidth=0.5 * fs / 10))
        self._graticule()
        self._furniture()
        # Header: title, window and filters, count.
        top = h_in - margin * 0.6
        self.fig.text(margin / w_in, fy(top), opts.title, fontsize=fs * 1.8, weight="bold", va="top")
        sub = f"{describe.date_window(self.flt, self.df)}  ·  {describe.filter_text(self.flt)}"
        self.fig.text(margin / w_in, fy(top - line * 1.8), textwrap.shorten(sub, chars), fontsize=fs * 1.1, va="top")
        self.fig.text(margin / w_in, fy(top - line * 2.9), describe.count_text(self.df), fontsize=fs * 1.1,
                      va="top", color="#444")
        # Footer: legend row(s), then the caption.
        y = footer - ticks_h - margin * 0.3
        if entries:
            self.fig.legend(handles=entries, loc="upper left", bbox_to_anchor=(margin / w_in, fy(y)), ncol=ncol,
                            frameon=False, fontsize=fs, handlelength=1.6, columnspacing=1.6, borderaxespad=0,
                            borderpad=0)
        y -= legend_rows * line * 1.25
        self.fig.text(margin / w_in, fy(y), "\n".join(caption), fontsize=fs * 0.85, va="top", color="#333",
                      linespacing=1.4)

    def _legend_columns(self, entries: list[object], map_w: float) -> int:
        """As many columns as fit across the map (measured with the renderer, so long labels and
        large counts never run off the image); a label wider than the map is wrapped."""
        if not entries:
            return 1
        em = self.fs / 72  # inches
        renderer = self.fig.canvas.get_renderer()
        font = FontProperties(size=self.fs)

        def width(label: str) -> float:
            w = max(renderer.get_text_width_height_descent(ln, font, ismath=False)[0] for ln in label.split("\n"))
            return w / self.opts.dpi + (1.6 + 0.8) * em  # handle and the gap before the text

        gap = 1.6 * em
        for e in entries:
            label = e.get_label()
            if width(label) > map_w:
                e.set_label(textwrap.fill(label, max(10, int(len(label) * map_w / width(label)))))
        widest = max(width(e.get_label()) for e in entries)
        return max(1, min(len(entries), int((map_w + gap) // (widest + gap))))

    def _caption_lines(self, chars: int) -> list[str]:
        made = f"Map: Sortie, {date.today().isoformat()}. Basemap: Natural Earth (public domain). Web Mercator."
        cue = ("Each hexagon holds the events located in it, shaded by how many and coloured by the most "
               "frequent type; routes and areas count at their label point." if self.dense else
               "Dashed rings: location known only to the area or country, not a precise position.")
        out: list[str] = []
        for para in (describe.sources_text(self.df), f"{cue} {made}"):
            out.extend(textwrap.wrap(para, chars) or [""])
        return out

    def _legend_entries(self) -> list[object]:
        if self.dense:
            return self._density_legend()
        fs = self.fs
        present = self.df["type"].value_counts()
        out: list[object] = []
        kinds = {s.kind for s in self.shapes}
        routed = {s.etype for s in self.shapes if s.kind == "line"}
        for t, color in et.COLORS.items():
            if t in present:  # a type drawn as routes shows its line colour too
                out.append(Line2D([], [], marker=marker(t), color=color, markeredgecolor="#222",
                                  markeredgewidth=0.4, lw=2 if t in routed else 0, markersize=fs * 1.3,
                                  label=f"{et.LABELS[t]} ({present[t]:,})"))
        if any(s.kind == "line" and s.exact for s in self.shapes):
            out.append(Line2D([], [], color="#444", lw=2, label="route (arrow: direction)"))
        if any(s.kind == "line" and not s.exact for s in self.shapes):
            out.append(Line2D([], [], color="#444", lw=2, ls="--", label="route inferred between named places"))
        if self._links:
            out.append(Line2D([], [], color="#333", lw=1.2, ls=":", label="related events"))
        if self._approached:
            out.append(Line2D([], [], color=et.COLORS["bomber_approach"], lw=1.5, ls="--",
                              label="approached country's border"))
        if "area" in kinds:
            out.append(Patch(facecolor=(0.3, 0.3, 0.3, 0.18), edgecolor="#444", label="area"))
        if any(s.coarse for s in self.shapes):
            out.append(Line2D([], [], marker="o", color="#888", markerfacecolor=(0.5, 0.5, 0.5, 0.3),
                              markeredgecolor="#222", lw=0, markersize=fs * 1.5, label="area/country-level location"))
        return out

    def _density_legend(self) -> list[object]:
        """Type colours with their totals (a hexagon takes its most frequent type's colour), then
        what its shade counts."""
        fs, pts = self.fs, self.points
        present = pd.Series(pts.types).value_counts()
        out: list[object] = [Line2D([], [], marker="h", lw=0, color=et.COLORS[t], markeredgecolor="white",
                                    markersize=fs * 1.5, label=f"{et.LABELS[t]} ({present[t]:,})")
                             for t in et.COLORS if t in present]
        for lo, hi, alpha in COUNT_CLASSES:  # the whole scale, so two images compare
            label = f"{lo:,}+" if hi is None else f"{max(lo, 2):,}–{hi:,}"
            out.append(Line2D([], [], marker="h", lw=0, color=(0.25, 0.25, 0.25, alpha), markeredgecolor="white",
                              markersize=fs * 1.5, label=f"{label} events per hexagon"))
        out.append(Line2D([], [], marker=marker("other"), lw=0, color="#888", markeredgecolor="#222",
                          markersize=fs * 1.2, label="event alone in its hexagon (its type's symbol)"))
        if self._approached:
            out.append(Line2D([], [], color=et.COLORS["bomber_approach"], lw=1.5, ls="--",
                              label="approached country's border"))
        return out

    def _graticule(self) -> None:
        ax, fs = self.ax, self.fs
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 2.5, 5, 10]))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: _lon_text(v)))
        lo, hi = self.extent.south, self.extent.north
        lats = MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi)
        lats = [v for v in lats if lo <= v <= hi]
        ax.set_yticks(merc_y(np.array(lats)), [_lat_text(v) for v in lats])
        ax.tick_params(labelsize=fs * 0.8, colors="#555", length=3)
        ax.grid(color="white", lw=0.6, alpha=0.7, zorder=0)
        ax.set_axisbelow(True)
        for s in ax.spines.values():
            s.set_color("#777")

    def _furniture(self) -> None:
        ax, fs, ext = self.ax, self.fs, self.extent
        lat = ext.center_lat
        bar = ScaleBar(ext.km_per_x_unit(), units="km", dimension=_Kilometres(), location="lower right",
                       length_fraction=0.18, box_alpha=0.85, font_properties={"size": fs * 0.85}, scale_loc="top",
                       label=f"at {abs(lat):.0f}°{'N' if lat >= 0 else 'S'}", label_loc="bottom", border_pad=0.6,
                       width_fraction=0.008)
        north = ax.annotate("N", xy=(0.965, 0.965), xytext=(0.965, 0.875), xycoords="axes fraction", ha="center",
                            va="center", fontsize=fs * 1.3, weight="bold", zorder=9,
                            arrowprops={"facecolor": "#222", "edgecolor": "#222", "width": fs * 0.35,
                                        "headwidth": fs * 1.2, "headlength": fs * 1.1})
        self._furniture_artists = [ax.add_artist(bar), north]  # labels keep clear of these

    # ---- events -------------------------------------------------------------------------

    def _related_pairs(self) -> list[tuple[int, tuple[float, float], tuple[float, float]]]:
        """(row, anchor, anchor of a related event in view): a scramble tied to the patrol it answered."""
        at = {self.df["id"].iat[s.row]: s for s in self.shapes}
        out, seen = [], set()
        for s in self.shapes:
            for other in self.df["related"].iat[s.row] or []:
                o = at.get(other)
                key = tuple(sorted((s.row, o.row))) if o else None
                if o is not None and key not in seen:
                    seen.add(key)
                    out.append((s.row, s.anchor, o.anchor))
        return out

    def _draw_events(self) -> EventArtists:
        ax, fs = self.ax, self.fs
        arts: list[tuple[object, np.ndarray, np.ndarray, np.ndarray]] = []

        def keep(artist: object, rows: list[int], face: list, edge: list) -> None:
            arts.append((artist, np.array(rows, dtype=int), np.array(face, dtype=float).reshape(-1, 4),
                         np.array(edge, dtype=float).reshape(-1, 4)))

        border = outlines(self._approached, self.extent, et.COLORS["bomber_approach"], fs * 0.16)
        if border is not None:
            ax.add_collection(border)
        if self.dense:
            self._draw_density()
            return EventArtists(arts)
        if self._links:
            links = LineCollection([[a, b] for _r, a, b in self._links], colors=[to_rgba("#333", 0.8)],
                                   linewidths=fs * 0.12, linestyles=":", zorder=3)
            keep(ax.add_collection(links), [r for r, _a, _b in self._links], [to_rgba("#333", 0.8)] * len(self._links),
                 [to_rgba("#333", 0.8)] * len(self._links))
        by_kind: dict[str, list[EventShape]] = {"area": [], "line": [], "point": []}
        for s in self.shapes:
            by_kind[s.kind].append(s)
        # Areas: shaded, holes kept (compound paths).
        paths, rows, face, edge = [], [], [], []
        for s in by_kind["area"]:
            for shell, holes in zip(s.parts, s.holes or [[]] * len(s.parts), strict=False):
                paths.append(MplPath.make_compound_path(*[MplPath(r, closed=True) for r in [shell, *holes]]))
                rows.append(s.row)
                face.append(to_rgba(et.COLORS[s.etype], 0.18))
                edge.append(to_rgba(et.COLORS[s.etype], 0.9))
        if paths:
            keep(ax.add_collection(PathCollection(paths, facecolors=face, edgecolors=edge, linewidths=fs * 0.15,
                                                  zorder=2)), rows, face, edge)
        # Routes: lines, with an arrowhead mid-way along the last leg to show direction.
        segs, rows, cols, heads, dashes = [], [], [], [], []
        for s in by_kind["line"]:
            for part in s.parts:
                segs.append(part)
                rows.append(s.row)
                dashes.append((0, (3, 2.2)) if not s.exact else "solid")
                cols.append(to_rgba(et.COLORS[s.etype], 0.95))
                if len(part) >= 2:
                    a, b = part[-2], part[-1]
                    heads.append((s.row, (a + b) / 2, b - a, cols[-1]))
        if segs:
            lc = LineCollection(segs, colors=cols, linewidths=fs * 0.26, zorder=3, linestyles=dashes)
            keep(ax.add_collection(lc), rows, cols, cols)
        if heads:
            mid = np.array([h[1] for h in heads])
            vec = np.array([h[2] for h in heads])
            vec = vec / np.maximum(np.hypot(vec[:, 0], vec[:, 1]), 1e-9)[:, None]
            hc = [h[3] for h in heads]
            q = ax.quiver(mid[:, 0], mid[:, 1], vec[:, 0], vec[:, 1], color=hc, angles="xy", pivot="mid",
                          scale_units="dots", scale=1.0 / (fs * 2.2 * self.opts.dpi / 72), units="dots",
                          width=fs * 0.2 * self.opts.dpi / 72, headwidth=4, headlength=5, headaxislength=4.5,
                          zorder=4, edgecolors="#222", linewidths=0.3)
            keep(q, [h[0] for h in heads], hc, [to_rgba("#222")] * len(heads))
        # Points: coarse ones as a wide translucent dashed ring, then every point's type marker on top.
        pts = [(s, s.parts[i][0]) for s in by_kind["point"] for i in range(len(s.parts))]
        # An area also gets its type glyph at its label point, so its type reads without the legend.
        pts += [(s, np.array(s.anchor)) for s in by_kind["area"]]
        coarse = [(s, p) for s, p in pts if s.coarse]
        if coarse:
            face = [to_rgba(et.COLORS[s.etype], 0.28) for s, _ in coarse]
            edge = [to_rgba("#222", 0.8)] * len(coarse)
            xy = np.array([p for _, p in coarse])
            sc = ax.scatter(xy[:, 0], xy[:, 1], s=(fs * 2.6) ** 2, marker="o", facecolors=face, edgecolors=edge,
                            linewidths=fs * 0.1, linestyles="--", zorder=4)
            keep(sc, [s.row for s, _ in coarse], face, edge)
        for t in et.COLORS:
            mine = [(s, p) for s, p in pts if s.etype == t]
            if not mine:
                continue
            xy = np.array([p for _, p in mine])
            face = [to_rgba(et.COLORS[t], 0.95)] * len(mine)
            edge = [to_rgba("#222", 0.9)] * len(mine)
            sc = ax.scatter(xy[:, 0], xy[:, 1], s=(fs * 1.5) ** 2, marker=marker(t), facecolors=face,
                            edgecolors=edge, linewidths=fs * 0.04, zorder=5)
            keep(sc, [s.row for s, _ in mine], face, edge)
        if not self.shapes:
            msg = "No located events match these filters" if len(self.df) else "No events match these filters"
            ax.text(0.5, 0.5, msg, transform=ax.transAxes, ha="center", va="center", fontsize=self.fs * 1.4,
                    color="#444", bbox={"fc": "white", "ec": "#999", "alpha": 0.9})
        return EventArtists(arts)

    def _draw_density(self) -> None:
        self.density_layer = self.density_artists()

    def density_artists(self, keep: np.ndarray | None = None) -> list[object]:
        """Hexagon counts of the points (those where ``keep``, a mask over the frame's rows, is
        true), and the symbol of each event alone in its hexagon; an animation draws one per frame."""
        ax, fs, pts = self.ax, self.fs, self.points
        if keep is not None:
            pts = pts.subset(keep[pts.rows])
        map_px = ax.get_position().width * self.opts.width
        coll, counts, singles = draw_hexagons(ax, pts, self.extent, map_px, HEX_PX * self.opts.dpi / 100, fs * 0.05)
        if keep is None:
            self._cell_counts = counts
        out = [coll]
        for t in et.COLORS:
            mine = singles[pts.types[singles] == t] if len(singles) else singles
            if len(mine):
                out.append(ax.scatter(pts.x[mine], pts.y[mine], s=(fs * 1.1) ** 2, marker=marker(t),
                                      facecolors=et.COLORS[t], edgecolors="#222", linewidths=fs * 0.03, zorder=5))
        return out

    def _labels(self) -> None:
        if self.dense or not self.shapes or len(self.shapes) > self.opts.max_labels:
            return
        recs = self.df.to_dict("records")
        order = sorted(self.shapes, key=lambda s: (recs[s.row]["date_start"], s.row))
        renderer = self.fig.canvas.get_renderer()
        anchors = [s.anchor for s in order]
        # Labels keep off markers and off routes (sampled along each leg), so arrows stay visible.
        along = [tuple(a + (b - a) * f) for s in self.shapes if s.kind == "line" for part in s.parts
                 for a, b in zip(part[:-1], part[1:], strict=True) for f in np.linspace(0, 1, 6)]
        place_labels(self.ax, renderer, anchors, [describe.event_label(recs[s.row]) for s in order],
                     gap_px=self.fs * 1.1 * self.opts.dpi / 72, fontsize=self.fs * 0.85, obstacles=anchors + along,
                     avoid=[a.get_window_extent(renderer).padded(4) for a in self._furniture_artists])

    # ---- output -------------------------------------------------------------------------

    def save(self, fmt: str) -> bytes:
        if fmt not in FORMATS:
            raise ValueError(f"unsupported image format {fmt!r}: use one of {', '.join(FORMATS)}")
        buf = io.BytesIO()
        meta = {"png": {"Software": "Sortie"}, "svg": {"Creator": "Sortie"}, "pdf": {"Creator": "Sortie"}}[fmt]
        self.fig.savefig(buf, format=fmt, dpi=self.opts.dpi, metadata=meta)
        return buf.getvalue()


def _lon_text(v: float) -> str:
    v = ((v + 180.0) % 360.0) - 180.0
    if abs(v) < 1e-9 or abs(abs(v) - 180) < 1e-9:
        return f"{abs(v):g}°"
    return f"{abs(v):g}°{'E' if v > 0 else 'W'}"


def _lat_text(v: float) -> str:
    return f"{abs(v):g}°" + ("" if v == 0 else ("N" if v > 0 else "S"))


def render_image(df: pd.DataFrame, flt: EventFilter = EventFilter(), fmt: str = "png",
                 opts: Options = Options()) -> bytes:
    """The filtered events as PNG, SVG or PDF bytes."""
    return Snapshot(df, flt, opts).save(fmt)
