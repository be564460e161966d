"""Articles: plain text, HTML pages, Markdown and JSON records, read with what they say of their origin.

Each file gives one :class:`~events.io.base.Article` (a JSON file may hold a list of them); the
extractor turns articles into draft events (:mod:`events.intake`). The publication date, link
and outlet come from the file itself: a JSON ``published`` field, Markdown front matter, an HTML
``article:published_time`` meta tag. Readers never raise on bad input: they name the problem.
"""

from __future__ import annotations

import email.utils
import json
import re
from collections.abc import Iterable
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any

from events.io.base import Article, ArticlesRead, Format, Problem

TEXT_KEYS = ("text", "content", "body", "html", "description", "summary")
DATE_KEYS = ("published", "date", "pubDate", "published_at", "datePublished", "pubdate")
URL_KEYS = ("url", "link", "source_url")
OUTLET_KEYS = ("outlet", "source", "source_name", "publisher", "site_name")
TAG = re.compile(r"<[A-Za-z!/][^>]*>")
MAX_JSON_SNIFF = 20_000_000  # the article size limit; a bigger .json is an event file


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


def web_url(value: Any) -> str | None:
    """Only http(s) links reach the store (the schema refuses others, and would drop the draft)."""
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()[:2000]
    return None


def outlet(value: Any) -> str | None:
    if isinstance(value, dict):  # JSON {"source": {"name": ...}}
        value = value.get("name") or value.get("title")
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())[:200]
    return None


def first(d: dict[str, Any], keys: Iterable[str]) -> Any:
    for k in keys:
        if d.get(k) not in (None, ""):
            return d[k]
    return None


def with_title(title: str | None, body: str) -> str:
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
                self.url = web_url(a.get("content"))
            elif key in ("og:site_name", "application-name") and not self.outlet:
                self.outlet = outlet(a.get("content"))
            elif key == "og:title" and not self.title:
                self.title = a.get("content") or None
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and not self.url:
            self.url = web_url(a.get("href"))
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


def _json_articles(name: str, data: bytes) -> ArticlesRead:
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
        body = first(rec, TEXT_KEYS)
        if not isinstance(body, str):
            problems.append(Problem(where, f"no article text: give one of the fields {', '.join(TEXT_KEYS)}"))
            continue
        when = first(rec, DATE_KEYS)
        published = parse_date(when)
        if when is not None and published is None:
            problems.append(Problem(where, f"published {str(when)[:40]!r} is not a date (use YYYY-MM-DD)"))
            continue
        title = rec.get("title") if isinstance(rec.get("title"), str) else None
        arts.append(Article(where, body, published, web_url(first(rec, URL_KEYS)),
                            outlet(first(rec, OUTLET_KEYS)), title, bool(TAG.search(body))))
    return arts, problems


def looks_like_json_article(data: bytes) -> bool:
    """A .json file holding articles (some record with a text field) rather than GeoJSON events."""
    if len(data) > MAX_JSON_SNIFF:
        return False
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    recs = obj if isinstance(obj, list) else [obj]
    return any(isinstance(r, dict) and r.get("type") != "FeatureCollection" and isinstance(first(r, TEXT_KEYS), str)
               for r in recs)


def _text(name: str, data: bytes) -> ArticlesRead:
    return [Article(name, data)], []  # the extractor's input check names undecodable text


def _html(name: str, data: bytes) -> ArticlesRead:
    m = html_meta(data[:200_000].decode("utf-8", "replace"))
    return [Article(name, data, m.published, m.url, m.outlet, m.title)], []


def _markdown(name: str, data: bytes) -> ArticlesRead:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [Article(name, data)], []
    body, meta = markdown_article(text)
    when = first(meta, DATE_KEYS)
    published = parse_date(when)
    if when and published is None:
        return [], [Problem(name, f"published {when[:40]!r} is not a date (use YYYY-MM-DD)")]
    return [Article(name, with_title(meta.get("title"), body), published, web_url(first(meta, URL_KEYS)),
                    outlet(first(meta, OUTLET_KEYS)))], []


TEXT = Format("text", "Text", "articles", (".txt", ".text"), "text/plain", _text)
HTML = Format("html_article", "HTML page", "articles", (".html", ".htm"), "text/html", _html)
MARKDOWN = Format("markdown", "Markdown", "articles", (".md", ".markdown"), "text/markdown", _markdown)
JSON = Format("json_article", "JSON article", "articles", (".json",), "application/json", _json_articles,
              sniff=looks_like_json_article)
