"""Import news articles (a folder, or an RSS/Atom feed) as draft events for review.

``python -m events import PATH`` sends each article through the extractor and saves what it
finds with status "draft": nothing an algorithm read counts until a person approves it on the
Ingest page. Like the CSV import it is all or nothing: one unreadable article (binary, empty,
no publication date, hostile XML) names itself in the report and nothing is saved, unless the
user asks for ``partial``.

Feeds are parsed with defusedxml, so a feed that declares entities (billion laughs) or points
at external files is refused rather than expanded or fetched. Item HTML is reduced to text
with the extractor's own :mod:`events.extract.textin`.
"""

from __future__ import annotations

import copy
import email.utils
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import defusedxml.ElementTree as DET
import numpy as np
from defusedxml import DefusedXmlException

from events.schema import Event

if TYPE_CHECKING:
    import pandas as pd

    from events.store import Store

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".md", ".markdown"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
EVENT_FILE_SUFFIXES = frozenset({".csv", ".geojson", ".kml"})  # imported on their own, not as articles
MAX_FILE_BYTES = 20_000_000  # a feed of a few hundred items; anything bigger is a mistake
TEXT_KEYS = ("text", "content", "body", "html", "description", "summary")
DATE_KEYS = ("published", "date", "pubDate", "published_at", "datePublished", "pubdate")
URL_KEYS = ("url", "link", "source_url")
OUTLET_KEYS = ("outlet", "source", "source_name", "publisher", "site_name")
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]")
_TAG = re.compile(r"<[A-Za-z!/][^>]*>")

Progress = Callable[[int], None] | None


@dataclass
class Article:
    """One report to extract from, with what we know of its origin."""

    name: str  # for messages: "reports/a.txt" or "feed.xml item 3 ('Bombers near ...')"
    text: str | bytes
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    is_html: bool = False  # feed/JSON bodies: reduce to text even without <p>/<div> tags


@dataclass
class Problem:
    """An article or file that could not be read; ``where`` names it for the user."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class ArticleReport:
    articles: int = 0  # articles found (read or not)
    extracted: int = 0  # articles that went through the extractor
    drafts: list[Event] = field(default_factory=list)  # what is (or would be) saved
    identical: int = 0  # identical drafts dropped (the same article twice)
    already_stored: int = 0  # drafts identical to a stored event (same article imported before)
    flagged: int = 0  # drafts noted as possible duplicates of stored events
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files in the folder that are not articles
    added: int = 0
    saved: bool = False

    def summary(self) -> str:
        extras = []
        if self.identical:
            extras.append(f"{self.identical} identical dropped")
        if self.already_stored:
            extras.append(f"{self.already_stored} already stored")
        if self.flagged:
            extras.append(f"{self.flagged} flagged as possible duplicates")
        extra = f" ({'; '.join(extras)})" if extras else ""
        skipped = f"; skipped {len(self.skipped)} non-article file(s)" if self.skipped else ""
        if self.saved:
            probs = f"; {len(self.problems)} article(s) with problems left out" if self.problems else ""
            return (f"read {self.extracted} of {self.articles} article(s), saved {self.added} draft event(s) "
                    f"for review{extra}{probs}{skipped}")
        return (f"nothing saved: {len(self.problems)} problem(s) in {self.articles} article(s); "
                f"{len(self.drafts)} draft event(s) found{extra}{skipped}")


# ---- small parsers ------------------------------------------------------------------------------


def parse_date(value: Any) -> date | None:
    """A publication date as feeds and files write it: ISO 8601 or RFC 822; None if unreadable.

    The date is taken as written (the outlet's local date), not converted to UTC: "on Tuesday"
    in the text is relative to the dateline's calendar.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    try:
        return datetime.fromisoformat(s.replace("z", "Z")).date()
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}\b.*", s):
        try:
            return date.fromisoformat(s[:10])
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


def parse_published(value: str) -> date:
    """argparse type for ``--published``: strictly YYYY-MM-DD, so 03/04/2024 is never guessed."""
    import argparse

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _web_url(value: Any) -> str | None:
    """Only http(s) links reach the store (the schema refuses others, and would drop the draft)."""
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()[:2000]
    return None


def _outlet(value: Any) -> str | None:
    if isinstance(value, dict):  # JSON {"source": {"name": ...}}
        value = value.get("name") or value.get("title")
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())[:200]
    return None


def _first(d: dict[str, Any], keys: Iterable[str]) -> Any:
    for k in keys:
        if d.get(k) not in (None, ""):
            return d[k]
    return None


def _with_title(title: str | None, body: str) -> str:
    """Headline, blank line, body: the layout the extractor sees in a saved web page."""
    if title and not body.lstrip().startswith(title.strip()[:60]):
        return f"{title.strip()}\n\n{body}"
    return body


class _Meta(HTMLParser):
    """Publication date, canonical link, site name and title from an HTML page's <meta> tags."""

    DATE_NAMES = {"article:published_time", "og:published_time", "date", "pubdate", "publishdate", "dc.date",
                  "dc.date.issued", "dcterms.date", "dcterms.created", "datepublished", "sailthru.date"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.published: date | None = None
        self.url: str | None = None
        self.outlet: str | None = None
        self.title: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        if tag == "meta":
            if key in self.DATE_NAMES and self.published is None:
                self.published = parse_date(a.get("content"))
            elif key == "og:url" and not self.url:
                self.url = _web_url(a.get("content"))
            elif key in ("og:site_name", "application-name") and not self.outlet:
                self.outlet = _outlet(a.get("content"))
            elif key == "og:title" and not self.title:
                self.title = a.get("content") or None
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and not self.url:
            self.url = _web_url(a.get("href"))
        elif tag == "time" and self.published is None and a.get("datetime") and "pubdate" in a:
            self.published = parse_date(a.get("datetime"))


def html_meta(html: str) -> _Meta:
    m = _Meta()
    try:
        m.feed(html[:200_000])  # metadata lives in the head; never walk a huge body twice
    except Exception:  # malformed markup: metadata is a bonus, not a requirement
        pass
    return m


_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)


def markdown_article(text: str) -> tuple[str, dict[str, str]]:
    """Split simple ``key: value`` front matter off a Markdown file and strip link/emphasis syntax."""
    meta: dict[str, str] = {}
    m = _FRONT.match(text)
    if m:
        for line in m.group(1).splitlines():
            k, sep, v = line.partition(":")
            if sep and k.strip():
                meta[k.strip()] = v.strip().strip("'\"")
        text = text[m.end():]
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [words](link) -> words
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)  # headings
    text = re.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", text)  # emphasis
    return text, meta


# ---- feeds --------------------------------------------------------------------------------------


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el: ET.Element, *names: str) -> ET.Element | None:
    """First child whose local name is one of ``names``, in the order of ``names``."""
    for name in names:
        for c in el:
            if _local(c.tag) == name:
                return c
    return None


def _text(el: ET.Element | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def _atom_content(el: ET.Element) -> tuple[str, bool]:
    """Atom text constructs: type="xhtml" holds markup as elements, "html" as escaped text."""
    kind = (el.get("type") or "text").lower()
    if kind == "xhtml" or len(el):
        parts = [el.text or ""]
        for c in el:
            c = copy.deepcopy(c)
            for e in c.iter():  # drop namespaces, or "<html:p>" would reach the HTML parser
                e.tag = _local(e.tag)
                e.attrib.clear()
            parts.append(ET.tostring(c, encoding="unicode"))
        return "".join(parts), True
    return (el.text or "").strip(), kind in ("html", "text/html") or bool(_TAG.search(el.text or ""))


def is_feed(data: bytes) -> bool:
    """Content sniffing: an RSS, RDF or Atom root element near the start of the file."""
    return bool(_FEED_ROOT.search(data[:4096]))


def parse_feed(data: bytes, name: str) -> tuple[list[Article], list[Problem]]:
    """Articles of an RSS 2.0/1.0 or Atom feed; hostile or malformed XML is a problem, not a crash."""
    try:
        root = DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        return [], [Problem(name, f"refused: the XML declares entities or external references ({type(exc).__name__}); "
                                  "a feed does not need them and they can be used to attack the parser")]
    except ET.ParseError as exc:
        return [], [Problem(name, f"not well-formed XML: {exc}")]
    kind = _local(root.tag)
    if kind not in ("rss", "feed", "RDF"):
        return [], [Problem(name, f"not an RSS or Atom feed (root element <{kind}>)")]
    if kind == "feed":
        feed_outlet = _outlet(_text(_child(root, "title")))
        items = [c for c in root if _local(c.tag) == "entry"]
    else:
        channel = _child(root, "channel")
        feed_outlet = _outlet(_text(_child(channel, "title"))) if channel is not None else None
        holder = channel if kind == "rss" and channel is not None else root
        items = [c for c in holder if _local(c.tag) == "item"]  # RSS 1.0 items sit beside the channel
    arts: list[Article] = []
    problems: list[Problem] = []
    for i, it in enumerate(items, start=1):
        title = _text(_child(it, "title")) or None
        where = f"{name} item {i}" + (f" ({title[:50]!r})" if title else "")
        if kind == "feed":
            body_el = _child(it, "content", "summary")
            body, html = _atom_content(body_el) if body_el is not None else ("", False)
            when = _text(_child(it, "published", "updated", "issued", "modified"))
            link_el = next((c for c in it if _local(c.tag) == "link" and c.get("rel", "alternate") == "alternate"),
                           _child(it, "link"))
            url = _web_url(link_el.get("href")) if link_el is not None else None
            src = _child(it, "source")
            outlet = _outlet(_text(_child(src, "title"))) if src is not None else None
        else:
            body_el = _child(it, "encoded", "description")
            body = (body_el.text or "") if body_el is not None else ""
            html = bool(_TAG.search(body))
            when = _text(_child(it, "pubDate", "date"))
            url = _web_url(_text(_child(it, "link"))) or _web_url(_text(_child(it, "guid")))
            outlet = _outlet(_text(_child(it, "source")))
        published = parse_date(when)
        if when and published is None:
            problems.append(Problem(where, f"publication date {when[:40]!r} is not a date"))
            continue
        if not body.strip() and not title:
            problems.append(Problem(where, "the item has no title, description or content"))
            continue
        arts.append(Article(where, body, published, url, outlet or feed_outlet, title, html))
    if not items:
        problems.append(Problem(name, "the feed has no items"))
    return arts, problems


# ---- files and folders --------------------------------------------------------------------------


def _json_articles(data: bytes, name: str) -> tuple[list[Article], list[Problem]]:
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [], [Problem(name, f"not valid JSON: {exc}")]
    records = obj if isinstance(obj, list) else [obj]
    arts: list[Article] = []
    problems: list[Problem] = []
    for i, rec in enumerate(records, start=1):
        where = name if not isinstance(obj, list) else f"{name} [{i}]"
        if not isinstance(rec, dict) or isinstance(rec.get("features"), list):
            problems.append(Problem(where, "not an article object (GeoJSON events import on their own)"))
            continue
        body = _first(rec, TEXT_KEYS)
        if not isinstance(body, str):
            problems.append(Problem(where, f"no article text: give one of the fields {', '.join(TEXT_KEYS)}"))
            continue
        when = _first(rec, DATE_KEYS)
        published = parse_date(when)
        if when is not None and published is None:
            problems.append(Problem(where, f"published {str(when)[:40]!r} is not a date (use YYYY-MM-DD)"))
            continue
        title = rec.get("title") if isinstance(rec.get("title"), str) else None
        arts.append(Article(where, body, published, _web_url(_first(rec, URL_KEYS)),
                            _outlet(_first(rec, OUTLET_KEYS)), title, bool(_TAG.search(body))))
    return arts, problems


def looks_like_json_article(path: Path) -> bool:
    """A single .json file holding an article (text field) rather than GeoJSON events."""
    try:
        if path.stat().st_size > 5_000_000:
            return False
        obj = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    recs = obj if isinstance(obj, list) else [obj]
    return bool(recs) and all(isinstance(r, dict) and r.get("type") != "FeatureCollection"
                              and isinstance(_first(r, TEXT_KEYS), str) for r in recs)


def read_article_file(path: Path, name: str) -> tuple[list[Article], list[Problem]]:
    """One file -> its article(s); the size is checked before anything is read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return [], [Problem(name, f"{size / 1e6:.0f} MB is too big for an article or feed")]
        data = path.read_bytes()
    except OSError as exc:
        return [], [Problem(name, f"cannot read: {exc.strerror or exc}")]
    return read_article_bytes(name, data)


def read_article_bytes(name: str, data: bytes) -> tuple[list[Article], list[Problem]]:
    """An uploaded or on-disk file -> its article(s), by extension and content: a text/HTML/Markdown
    page, a JSON article (or a list of them), or an RSS/Atom feed (one article per item)."""
    if len(data) > MAX_FILE_BYTES:
        return [], [Problem(name, f"{len(data) / 1e6:.0f} MB is too big for an article or feed")]
    suffix = Path(name).suffix.lower()
    if suffix in FEED_SUFFIXES or (suffix not in ARTICLE_SUFFIXES and suffix != ".json" and is_feed(data)):
        return parse_feed(data, name)
    if suffix == ".json":
        return _json_articles(data, name)
    if suffix in (".html", ".htm"):
        m = html_meta(data[:200_000].decode("utf-8", "replace"))
        return [Article(name, data, m.published, m.url, m.outlet, m.title)], []
    if suffix in (".md", ".markdown"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return [Article(name, data)], []  # the extractor's input check names the problem
        body, meta = markdown_article(text)
        when = _first(meta, DATE_KEYS)
        published = parse_date(when)
        if when and published is None:
            return [], [Problem(name, f"published {when[:40]!r} is not a date (use YYYY-MM-DD)")]
        return [Article(name, _with_title(meta.get("title"), body), published, _web_url(_first(meta, URL_KEYS)),
                        _outlet(_first(meta, OUTLET_KEYS)))], []
    return [Article(name, data)], []


def is_article_source(path: Path) -> bool:
    """Should ``python -m events import PATH`` treat PATH as articles rather than an event file?"""
    if path.is_dir():
        return True
    if not path.is_file():
        return False
    suffix = path.suffix.lower()
    if suffix in EVENT_FILE_SUFFIXES:
        return False
    if suffix == ".json":
        return looks_like_json_article(path)
    return suffix in ARTICLE_SUFFIXES or suffix in FEED_SUFFIXES or _sniff_feed(path)


def _sniff_feed(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return is_feed(f.read(4096))
    except OSError:
        return False


def collect_articles(path: Path) -> tuple[list[Article], list[Problem], list[str]]:
    """Every article under ``path`` (a folder, searched recursively, or one file), sorted by name.

    Returns (articles, problems, skipped): hidden files are ignored, other non-article files
    (images, CSV) are listed as skipped so the user sees them without the import failing.
    """
    if path.is_file():
        return (*read_article_file(path, path.name), [])
    arts: list[Article] = []
    problems: list[Problem] = []
    skipped: list[str] = []
    for f in sorted(path.rglob("*")):
        rel = f.relative_to(path)
        if any(part.startswith(".") for part in rel.parts) or not f.is_file():
            continue
        suffix = f.suffix.lower()
        if suffix in ARTICLE_SUFFIXES or suffix in FEED_SUFFIXES or suffix == ".json" or (
                suffix not in EVENT_FILE_SUFFIXES and _sniff_feed(f)):
            a, p = read_article_file(f, rel.as_posix())
            arts.extend(a)
            problems.extend(p)
        else:
            skipped.append(rel.as_posix())
    return arts, problems, skipped


# ---- extraction and saving ----------------------------------------------------------------------


def _identity(e: Event) -> tuple:
    """What makes two drafts the same report of the same thing (ids and timestamps differ)."""
    return (e.type, e.date_start, e.date_end, e.date_precision, tuple(e.actors), tuple(e.observers),
            tuple(e.places), tuple(e.assets), " ".join(e.evidence.split()).lower())


def _stored_identity(e: Event) -> tuple:
    return (e.type, str(e.date_start), str(e.date_end), " ".join(e.evidence.split()).lower())


def draft_events(articles: list[Article], default_published: date | None = None, progress: Progress = None,
                 ) -> tuple[list[Event], list[Problem], int, list[str]]:
    """Run the extractor over ``articles``: (drafts, problems, identical drafts dropped, each draft's article)."""
    from events.extract import InputError, extract  # late: loading the extractor costs ~0.5 s
    from events.extract.textin import html_to_text

    drafts: list[Event] = []
    origins: list[str] = []
    problems: list[Problem] = []
    seen: dict[tuple, str] = {}
    renamed: dict[str, str] = {}  # dropped id -> the identical kept draft's id, for `related`
    identical = 0
    for art in articles:
        try:
            published = art.published or default_published
            if published is None:
                problems.append(Problem(art.name, "no publication date: give one in the file or feed, "
                                                  "or --published YYYY-MM-DD"))
                continue
            text = art.text
            if art.is_html and isinstance(text, str):
                text = html_to_text(text)
            if isinstance(text, str):
                text = _with_title(art.title, text)
            try:
                cands = extract(text, published, url=art.url, outlet=art.outlet)
            except InputError as exc:
                problems.append(Problem(art.name, str(exc)))
                continue
            except Exception as exc:  # an extractor bug must name the article, not abort the import
                problems.append(Problem(art.name, f"extractor failed: {type(exc).__name__}: {exc}"))
                continue
            for c in cands:
                key = _identity(c.event)
                if key in seen:
                    renamed[c.event.id] = seen[key]
                    identical += 1
                    continue
                seen[key] = c.event.id
                drafts.append(c.event.model_copy(update={"status": "draft"}))
                origins.append(art.name)
        finally:
            if progress:
                progress(1)
    if renamed:
        drafts = [d.model_copy(update={"related": list(dict.fromkeys(renamed.get(r, r) for r in d.related
                                                                      if renamed.get(r, r) != d.id))})
                  if any(r in renamed for r in d.related) else d for d in drafts]
    return drafts, problems, identical, origins


def _note(notes: str, dups: list[tuple[str, float, list[str]]]) -> str:
    line = "possible duplicate of " + ", ".join(f"{i} ({s:.2f})" for i, s, _ in dups[:3])
    return (f"{notes}\n{line}" if notes else line)[:5000]


def flag_duplicates(drafts: list[Event], stored: pd.DataFrame | None, origins: list[str] | None = None,
                    ) -> tuple[list[Event], int, int]:
    """Drop drafts identical to a stored event; note possible duplicates of stored events and,
    given ``origins`` (each draft's article), of earlier drafts from other articles of this import.

    Returns (drafts to save, number dropped as already stored, number flagged).
    """
    from events.dedupe import possible_duplicates
    from events.store import events_frame

    have: set[tuple] = set()
    if stored is not None and len(stored):
        have = {(t, str(a), str(b), " ".join(str(ev).split()).lower())
                for t, a, b, ev in zip(stored["type"], stored["date_start"], stored["date_end"], stored["evidence"],
                                       strict=True)}
    batch = events_frame(drafts)
    batch["_origin"] = origins if origins is not None else [str(i) for i in range(len(drafts))]
    kept = np.zeros(len(drafts), dtype=bool)
    out: list[Event] = []
    already = flagged = 0
    for i, d in enumerate(drafts):
        if _stored_identity(d) in have:
            already += 1
            continue
        kept[i] = True
        dups = possible_duplicates(d, stored) if have else []
        if origins is not None and i:
            earlier = batch.iloc[:i]
            dups += possible_duplicates(d, earlier[kept[:i] & (earlier["_origin"] != origins[i]).to_numpy(bool)])
        if dups:
            flagged += 1
            dups.sort(key=lambda t: -t[1])
            d = d.model_copy(update={"notes": _note(d.notes, dups)})
        out.append(d)
    return out, already, flagged


def import_articles(store: Store, path: Path, published: date | None = None, partial: bool = False,
                    progress: Progress = None, total: Callable[[int], None] | None = None) -> ArticleReport:
    """Extract drafts from the articles at ``path`` and save them in one transaction.

    All or nothing: any problem saves nothing unless ``partial``. ``total`` is told the number
    of articles before extraction starts (to size a progress bar); ``progress`` ticks per article.
    """
    arts, problems, skipped = collect_articles(path)
    report = ArticleReport(articles=len(arts) + len(problems), problems=problems, skipped=skipped)
    if total:
        total(len(arts))
    drafts, extract_problems, report.identical, origins = draft_events(arts, published, progress)
    report.problems.extend(extract_problems)
    report.extracted = len(arts) - len(extract_problems)
    if report.articles == 0:
        report.problems.append(Problem(str(path), "no articles found (.txt, .html, .md, .json or an RSS/Atom feed)"))
    drafts, report.already_stored, report.flagged = flag_duplicates(drafts, store.frame(), origins)
    report.drafts = drafts
    if report.problems and not partial:
        return report
    if report.articles == 0:
        return report
    if drafts:
        report.added, _ = store.add_many(drafts)
    report.saved = True
    return report


def cli_import(store: Store, path: Path, published: date | None, partial: bool, quiet: bool, max_errors: int) -> int:
    """``python -m events import FOLDER|FEED``: progress on stderr, problems, then the summary."""
    from tqdm import tqdm

    with tqdm(desc="extracting", unit=" articles", disable=quiet, file=sys.stderr, delay=0.2) as bar:
        def set_total(n: int) -> None:
            bar.total = n
            bar.refresh()

        report = import_articles(store, path, published, partial, progress=bar.update, total=set_total)
    for p in report.problems[:max_errors]:
        print(p, file=sys.stderr)
    if len(report.problems) > max_errors:
        print(f"... and {len(report.problems) - max_errors} more problem(s)", file=sys.stderr)
    print(report.summary(), file=sys.stdout if report.saved else sys.stderr)
    return 0 if report.saved else 1
