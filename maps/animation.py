"""The timeline as an animated GIF or MP4: one frame per day or week over the current window.

Reuses the static snapshot (same basemap, legend, caption). The figure is drawn once; each
frame only restores that background and redraws the event artists with new alphas (events
of the frame at full colour, earlier ones faded, later ones hidden), which is what makes a
hundred frames take seconds rather than minutes.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
from PIL import Image

from events.query import EventFilter
from maps.snapshot import describe
from maps.snapshot.static_image import Options, Snapshot

MAX_FRAMES = 120
PAST_ALPHA = 0.22  # earlier events stay as a faint trail, so the build-up reads


def frame_days(start: date, end: date, max_frames: int = MAX_FRAMES) -> tuple[list[date], int]:
    """Frame start days and the step in days: daily for short windows, weekly (or coarser) beyond."""
    span = (end - start).days + 1
    step = 1 if span <= 62 else 7
    while span / step > max_frames:
        step += 7
    return [start + timedelta(days=d) for d in range(0, span, step)], step


def _window(flt: EventFilter, df: pd.DataFrame) -> tuple[date, date]:
    lo = flt.date_from or (min(df["date_start"]) if len(df) else date.today())
    hi = flt.date_to or (max(df["date_end"]) if len(df) else date.today())
    return lo, max(lo, hi)


def frames(df: pd.DataFrame, flt: EventFilter = EventFilter(),
           opts: Options = Options(width=1200)) -> list[Image.Image]:
    """RGB images: first every event at full colour (a palette source, not shown), then one per step."""
    lo, hi = _window(flt, df)
    days, step = frame_days(lo, hi)
    snap = Snapshot(df, flt, replace(opts, max_labels=0), labels=False)
    starts = np.array([d.toordinal() for d in df["date_start"]], dtype=int)
    ends = np.array([(e or s).toordinal() for s, e in zip(df["date_start"], df["date_end"], strict=True)], dtype=int)
    artists = [a for a, *_ in snap.events.artists]
    for a in artists:
        a.set_animated(True)  # left out of the background draw
    stamp = snap.ax.text(0.015, 0.975, "", transform=snap.ax.transAxes, ha="left", va="top", weight="bold",
                         fontsize=snap.fs * 1.6, animated=True, zorder=10,
                         bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#777", "alpha": 0.92})
    canvas = snap.fig.canvas
    canvas.draw()
    background = canvas.copy_from_bbox(snap.fig.bbox)
    def grab() -> Image.Image:
        canvas.restore_region(background)
        for a in artists:
            snap.ax.draw_artist(a)
        snap.ax.draw_artist(stamp)
        return Image.frombuffer("RGBA", canvas.get_width_height(), bytes(canvas.buffer_rgba())).convert("RGB")

    snap.events.fade(np.ones(len(df)))
    out: list[Image.Image] = [grab()]  # every colour at once: the GIF palette's source
    for d in days:
        f0, f1 = d.toordinal(), min(d.toordinal() + step - 1, hi.toordinal())
        weight = np.where((starts <= f1) & (ends >= f0), 1.0, np.where(ends < f0, PAST_ALPHA, 0.0))
        snap.events.fade(weight)
        label = describe.day(d) if step == 1 else f"{describe.day(d)} – {describe.day(date.fromordinal(f1))}"
        stamp.set_text(f"{label}   ({int((weight == 1.0).sum())} active)")
        out.append(grab())
    return out


def to_gif(images: list[Image.Image], ms_per_frame: int = 400) -> bytes:
    """One shared palette keeps frames consistent and the file small.

    ``images[0]`` is the palette source (every event at full colour) and is not itself a frame.
    """
    palette = images[0].quantize(colors=255, method=Image.Quantize.FASTOCTREE)
    pal = [im.quantize(palette=palette, dither=Image.Dither.NONE) for im in images[1:]]
    buf = io.BytesIO()
    pal[0].save(buf, format="GIF", save_all=True, append_images=pal[1:], duration=ms_per_frame, loop=0,
                optimize=False, disposal=1)
    return buf.getvalue()


def to_mp4(images: list[Image.Image], fps: float = 2.5) -> bytes:
    """H.264 through the ffmpeg binary that the imageio-ffmpeg wheel ships (no system ffmpeg needed)."""
    import imageio_ffmpeg

    w, h = images[0].size
    w2, h2 = w - w % 2, h - h % 2  # yuv420p needs even sizes
    fd, path = tempfile.mkstemp(suffix=".mp4")
    os.close(fd)
    try:
        writer = imageio_ffmpeg.write_frames(path, (w2, h2), fps=fps, codec="libx264", pix_fmt_out="yuv420p",
                                             macro_block_size=1, ffmpeg_log_level="error",
                                             output_params=["-movflags", "+faststart"])
        writer.send(None)
        for im in images[1:]:
            writer.send(np.ascontiguousarray(np.asarray(im)[:h2, :w2]))
        writer.close()
        with open(path, "rb") as f:
            return f.read()
    finally:
        os.unlink(path)


def render_animation(df: pd.DataFrame, flt: EventFilter = EventFilter(), fmt: str = "gif",
                     opts: Options = Options(width=1200)) -> bytes:
    """GIF or MP4 bytes of the timeline of ``df`` over the filter's window."""
    if fmt not in ("gif", "mp4"):
        raise ValueError(f"unsupported animation format {fmt!r}: use gif or mp4")
    images = frames(df, flt, opts)
    return to_gif(images) if fmt == "gif" else to_mp4(images)
