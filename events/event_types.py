"""The event types Sortie records: one entry each, read by everything that shows or finds them.

Schema validation, the interactive map (through its payload), the legend, static images,
KML styles, charts, the filters and the extractor's defaults all read this table, so a new
type is one :class:`EventType` here plus its trigger rules in :mod:`events.extract.types`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    """How one kind of activity is named, drawn and drafted."""

    name: str  # the stored code, e.g. in CSV ``type`` columns
    label: str  # what people read: legend, filters, cards
    color: str  # #RRGGBB; Okabe-Ito based, distinguishable with common colour-vision deficiencies
    glyph: str  # SVG path data in a 24x24 box, filled even-odd: map canvas, legend, static images
    marker: str  # matplotlib marker where a glyph cannot be drawn (and for black-and-white print)
    confidence: float  # the extractor's starting confidence for a draft of this type
    route: bool  # the extractor draws a route through the places in text order (a flight, a sailing)
    description: str  # one line for help texts

    def kml_color(self, alpha: str = "ff") -> str:
        """KML colours are aabbggrr."""
        rgb = self.color.lstrip("#")
        return alpha + rgb[4:6] + rgb[2:4] + rgb[0:2]


REGISTRY: tuple[EventType, ...] = (
    EventType("joint_patrol", "Joint patrol", "#D55E00",
              # two chevrons: two air forces flying together
              "M12 1L22 10.5H17.6L12 5.4L6.4 10.5H2Z M12 11L22 20.5H17.6L12 15.4L6.4 20.5H2Z",
              "D", 0.8, True, "forces of two or more countries patrolling together"),
    EventType("exercise", "Exercise", "#0072B2",
              # crosshair: drills and live fire
              "M12 3a9 9 0 1 0 .01 0Z M12 6a6 6 0 1 0 .01 0Z M12 9.5a2.5 2.5 0 1 0 .01 0Z "
              "M11 0h2v3h-2Z M11 21h2v3h-2Z M0 11h3v2H0Z M21 11h3v2h-3Z",
              "s", 0.7, False, "drills, war games, live fire"),
    EventType("bomber_approach", "Bomber approach", "#9B59B6",
              # aircraft
              "M12 1.5c.8 0 1.4.8 1.4 1.8V9l8.1 4.6v2.2l-8.1-2.4v5.1l2.4 1.8V22l-3.8-1.1L8.2 22v-1.7"
              "l2.4-1.8v-5.1l-8.1 2.4v-2.2L10.6 9V3.3c0-1 .6-1.8 1.4-1.8Z",
              "^", 0.65, True, "bombers flying towards or along another country"),
    EventType("scramble", "Scramble", "#E69F00",
              # upward arrow: jets scrambled
              "M12 1L21 11H15.5V23H8.5V11H3Z",
              "P", 0.75, False, "fighters sent up in response (the actor is the reacting country)"),
    EventType("incursion", "ADIZ / airspace incursion", "#B2182B",
              # warning sign: airspace or ADIZ entered
              "M12 1.5L23.5 22H.5Z M10.8 8h2.4v7.5h-2.4Z M10.8 17.2h2.4v2.4h-2.4Z",
              "X", 0.75, False, "entering an air defence zone, airspace or territorial waters"),
    EventType("transit", "Strait transit", "#009E73",
              # ship
              "M1.5 14h21l-3.8 7H5.3Z M6 8.5h12V13H6Z M10.5 3h3v5h-3Z",
              ">", 0.7, True, "warships passing through a strait or channel"),
    EventType("other", "Other", "#555555",
              # diamond
              "M12 2L22 12L12 22L2 12Z",
              "o", 0.55, True, "reconnaissance flights, missile launches and other activity"),
)

EVENT_TYPES: tuple[str, ...] = tuple(t.name for t in REGISTRY)
BY_NAME: dict[str, EventType] = {t.name: t for t in REGISTRY}
LABELS: dict[str, str] = {t.name: t.label for t in REGISTRY}
COLORS: dict[str, str] = {t.name: t.color for t in REGISTRY}
GLYPHS: dict[str, str] = {t.name: t.glyph for t in REGISTRY}


def label(name: str) -> str:
    """The readable label of a type code; an unknown code reads as itself."""
    t = BY_NAME.get(name)
    return t.label if t else name
