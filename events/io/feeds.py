"""RSS 2.0/1.0 and Atom feeds: one article per item, parsed safely.

Feeds are parsed with defusedxml, so a feed that declares entities (billion laughs) or points
at external files is refused rather than expanded or fetched. A feed is recognised by its
root element whatever the file is called.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from typing import Any

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from events.io.articles import TAG, parse_date, web_url
from events.io.articles import outlet as outlet_name
from events.io.base import Article, ArticlesRead, Format, Problem

_FEED_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]")


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
    return (el.text or "").strip(), kind in ("html", "text/html") or bool(TAG.search(el.text or ""))


def is_feed(data: bytes) -> bool:
    """Content sniffing: an RSS, RDF or Atom root element near the start of the file."""
    return bool(_FEED_ROOT.search(data[:4096]))


def parse_feed(name: str, data: bytes) -> ArticlesRead:
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
        feed_outlet = outlet_name(_text(_child(root, "title")))
        items = [c for c in root if _local(c.tag) == "entry"]
    else:
        channel = _child(root, "channel")
        feed_outlet = outlet_name(_text(_child(channel, "title"))) if channel is not None else None
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
            url = web_url(link_el.get("href")) if link_el is not None else None
            src = _child(it, "source")
            outlet = outlet_name(_text(_child(src, "title"))) if src is not None else None
        else:
            body_el = _child(it, "encoded", "description")
            body = (body_el.text or "") if body_el is not None else ""
            html = bool(TAG.search(body))
            when = _text(_child(it, "pubDate", "date"))
            url = web_url(_text(_child(it, "link"))) or web_url(_text(_child(it, "guid")))
            outlet = outlet_name(_text(_child(it, "source")))
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


FORMAT = Format("feed", "RSS/Atom feed", "articles", (".xml", ".rss", ".atom"), "application/rss+xml", parse_feed,
                sniff=is_feed, claims_content=True)
