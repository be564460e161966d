"""The timeline as an animated GIF or MP4: one frame per day or week over the current window.

Reuses the static snapshot (same basemap, legend, caption). The figure is drawn once; each
frame only restores that background and redraws the event artists with new alphas (events
of the frame at full colour, earlier ones faded, later ones hidden), which is what makes a
hundred frames take seconds rather than minutes.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterator
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
           opts: Options = Options(width=1200)) -> Iterator[Image.Image]:
    """RGB images, made one at a time: first every event at full colour (a palette source, not
    shown), then one per step. Past the snapshot's density threshold each frame shows the
    hexagon counts of the events active in it, as the still picture does for all of them."""
    lo, hi = _window(flt, df)
    days, step = frame_days(lo, hi)
    snap = Snapshot(df, flt, replace(opts, max_labels=0), labels=False)
    starts = np.array([d.toordinal() for d in df["date_start"]], dtype=int)
    ends = np.array([(e or s).toordinal() for s, e in zip(df["date_start"], df["date_end"], strict=True)], dtype=int)
    artists = [a for a, *_ in snap.events.artists] + (snap.density_layer if snap.dense else [])
    for a in artists:
        a.set_animated(True)  # left out of the background draw
    stamp = snap.ax.text(0.015, 0.975, "", transform=snap.ax.transAxes, ha="left", va="top", weight="bold",
                         fontsize=snap.fs * 1.6, animated=True, zorder=10,
                         bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#777", "alpha": 0.92})
    canvas = snap.fig.canvas
    canvas.draw()
    background = canvas.copy_from_bbox(snap.fig.bbox)

    def grab(drawn: list[object]) -> Image.Image:
        canvas.restore_region(background)
        for a in drawn:
            snap.ax.draw_artist(a)
        snap.ax.draw_artist(stamp)
        return Image.frombuffer("RGBA", canvas.get_width_height(), bytes(canvas.buffer_rgba())).convert("RGB")

    snap.events.fade(np.ones(len(df)))
    yield grab(artists)  # every colour at once: the GIF palette's source
    if snap.dense:
        for a in artists:
            a.remove()
    for d in days:
        f0, f1 = d.toordinal(), min(d.toordinal() + step - 1, hi.toordinal())
        active = (starts <= f1) & (ends >= f0)
        label = describe.day(d) if step == 1 else f"{describe.day(d)} – {describe.day(date.fromordinal(f1))}"
        stamp.set_text(f"{label}   ({int(active.sum()):,} active)")
        if snap.dense:
            drawn = snap.density_artists(active)
            for a in drawn:
                a.set_animated(True)
            yield grab(drawn)
            for a in drawn:
                a.remove()
            continue
        snap.events.fade(np.where(active, 1.0, np.where(ends < f0, PAST_ALPHA, 0.0)))
        yield grab(artists)


def _encode(images: Iterator[Image.Image], suffix: str, fps: float, codec: str, pix_fmt: str,
            output_params: list[str]) -> bytes:
    """Frames to the ffmpeg binary that the imageio-ffmpeg wheel ships (no system ffmpeg needed),
    one at a time as they are made: neither this process nor ffmpeg holds the whole animation.
    The first image (the palette source) only sets the size."""
    import imageio_ffmpeg

    first = next(images)
    w, h = first.size
    w2, h2 = w - w % 2, h - h % 2  # yuv420p needs even sizes
    fd, path = tempfile.mkstemp(suffix=suffix)
    os.close(fd)
    try:
        writer = imageio_ffmpeg.write_frames(path, (w2, h2), fps=fps, codec=codec, pix_fmt_out=pix_fmt,
                                             macro_block_size=1, ffmpeg_log_level="error",
                                             quality=None, output_params=output_params)
        writer.send(None)
        for im in images:
            writer.send(np.ascontiguousarray(np.asarray(im)[:h2, :w2]))
        writer.close()
        with open(path, "rb") as f:
            return f.read()
    finally:
        os.unlink(path)


def to_gif(images: Iterator[Image.Image], ms_per_frame: int = 400) -> bytes:
    """One shared palette keeps frames consistent and the file small.

    The first image is the palette source (every event at full colour) and is not itself a
    frame: its palette goes to ffmpeg's ``paletteuse`` beside the frames, which it maps and
    writes one by one (Pillow's GIF writer kept every frame until the end: 190 MB for 120).
    """
    images = iter(images)
    source = next(images)
    palette = source.quantize(colors=255, method=Image.Quantize.FASTOCTREE).getpalette()[:255 * 3]
    swatch = Image.new("RGB", (16, 16))  # paletteuse reads a palette as a 16x16 image
    swatch.putdata([tuple(palette[i:i + 3]) for i in range(0, len(palette), 3)] + [(0, 0, 0)])
    fd, pal_path = tempfile.mkstemp(suffix=".png")
    os.close(fd)
    try:
        swatch.save(pal_path)
        # the palette comes in through a filter source: a second "-i" would take the output options
        return _encode(itertools.chain([source], images), ".gif", 1000 / ms_per_frame, "gif", "pal8",
                       ["-lavfi", f"movie={pal_path}[p];[0:v][p]paletteuse=dither=none", "-loop", "0"])
    finally:
        os.unlink(pal_path)


def to_mp4(images: Iterator[Image.Image], fps: float = 2.5) -> bytes:
    """H.264; the first image (a GIF's palette source) is not a frame."""
    # veryfast: a 10-frame lookahead instead of 40 (x264 held ~100 MB of frames for it)
    return _encode(iter(images), ".mp4", fps, "libx264", "yuv420p",
                   ["-preset", "veryfast", "-crf", "23", "-movflags", "+faststart"])


def render_animation(df: pd.DataFrame, flt: EventFilter = EventFilter(), fmt: str = "gif",
                     opts: Options = Options(width=1200)) -> bytes:
    """GIF or MP4 bytes of the timeline of ``df`` over the filter's window."""
    if fmt not in ("gif", "mp4"):
        raise ValueError(f"unsupported animation format {fmt!r}: use gif or mp4")
    images = frames(df, flt, opts)
    return to_gif(images) if fmt == "gif" else to_mp4(images)
