"""Article import: folders and feeds become draft events, all or nothing, hostile XML refused.

The reports below are written for these tests; the extractor's own accuracy is tested in
tests/test_extract_*.py, so these assert on what the import does (dates, sources, status,
problems, transactions), not on every extracted field.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from events import intake
from events.__main__ import main
from events.io import collect as collect_articles
from events.io.articles import markdown_article, parse_date
from events.io.feeds import parse_feed
from events.store import Store

ROOT = Path(__file__).resolve().parent.parent

RECON = ("A Russian Il-20 reconnaissance aircraft flew over the Baltic Sea on Tuesday without a transponder, "
         "the German air force said, and two Eurofighters were scrambled to follow it.")
DRILLS = ("Chinese and Russian warships held joint naval drills in the Sea of Japan on Monday, the Chinese defence "
          "ministry said in a statement. The exercise involved destroyers and a frigate.")
AIRSPACE = ("Finland's border guard said two Russian Su-27 fighters violated Finnish airspace near the Gulf of "
            "Finland on Wednesday.")
BOMBERS = "Two Russian Tu-22M3 bombers flew over the Baltic Sea on Wednesday, Finland's defence ministry said."
STRAIT = ("Two Chinese destroyers and a supply ship sailed north through the Tsushima Strait on Tuesday, "
          "Japan's Joint Staff said.")

HTML_PAGE = f"""<!doctype html><html><head><title>Drills</title>
<meta property="article:published_time" content="2024-07-16T10:00:00+09:00">
<meta property="og:site_name" content="Harbour Gazette">
<link rel="canonical" href="https://gazette.example/drills">
<script>document.write("Russian bombers flew over the Baltic Sea on Monday")</script></head>
<body><nav>Home | World</nav><article><h1>Navies drill together</h1><p>{DRILLS}</p></article></body></html>"""

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Northern Wire</title><link>https://wire.example/</link><description>Defence news</description>
<item><title>Bombers over the Baltic</title><link>https://wire.example/baltic</link>
<pubDate>Thu, 06 Jun 2024 09:00:00 +0200</pubDate>
<description>&lt;p&gt;{BOMBERS}&lt;/p&gt;&lt;script&gt;alert("x")&lt;/script&gt;</description></item>
{{extra}}
</channel></rss>"""

UNDATED_ITEM = f"""<item><title>Recon flight</title><link>https://wire.example/recon</link>
<description>{RECON}</description></item>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Strait Watch</title><id>urn:x</id>
<updated>2024-06-05T00:00:00Z</updated>
<entry><title>Destroyers in the strait</title><id>urn:1</id>
<link rel="alternate" href="https://strait.example/1"/><published>2024-06-05T08:00:00+09:00</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{STRAIT}</p></div></content></entry>
</feed>"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss version="2.0"><channel><title>t</title><item><title>&d;</title><pubDate>Thu, 06 Jun 2024 09:00:00 GMT</pubDate>
<description>&d;</description></item></channel></rss>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><pubDate>Thu, 06 Jun 2024 09:00:00 GMT</pubDate>
<description>&secret;</description></item></channel></rss>"""


def write_folder(folder: Path) -> Path:
    """txt (no date), html (date in <meta>), json (date field), md (front matter)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "recon.txt").write_text(RECON, encoding="utf-8")
    (folder / "drills.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "airspace.json").write_text(json.dumps({
        "title": "Fighters cross into Finnish airspace", "text": AIRSPACE, "published": "2024-08-02",
        "url": "https://border.example/su27", "outlet": "Border Daily"}), encoding="utf-8")
    (folder / "strait.md").write_text(
        f"---\ntitle: Destroyers pass Tsushima\npublished: 2024-06-05\nurl: https://md.example/x\n---\n"
        f"# Destroyers pass Tsushima\n\n{STRAIT} See [the map](https://md.example/map).\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01junk")  # hidden: ignored
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0binary")  # not an article: skipped, listed
    (folder / "notes").mkdir()
    (folder / "notes" / "feed").write_text(ATOM.replace("<entry>", "<entry><!-- nested, no suffix -->"),
                                           encoding="utf-8")
    return folder


def import_articles(store: Store, path: Path, published: date | None = None, partial: bool = False) -> intake.Batch:
    """What `python -m events import PATH` does."""
    return intake.import_batch(store, intake.read_path(path, published), partial)


def by_type(store: Store) -> dict[str, list]:
    df = store.frame()
    return {t: df[df["type"] == t].to_dict("records") for t in df["type"].unique()}


# ---- folder import -------------------------------------------------------------------------------


def test_folder_without_date_drafts_relative_dates_as_unknown(tmp_path: Path, empty_store: Store) -> None:
    folder = write_folder(tmp_path / "in")
    report = import_articles(empty_store, folder)  # recon.txt gives no date and says "on Tuesday"
    assert report.saved and not report.problems
    recon = [d.event for d in report.drafts if d.origin == "recon.txt"]  # the flight and the scramble
    assert recon and all(e.date_precision == "unknown" and e.published is None for e in recon)
    saved = empty_store.get(recon[0].id)
    assert "no publication date" in saved.notes and saved.status == "draft"


def test_folder_import_saves_drafts_with_sources(tmp_path: Path, empty_store: Store) -> None:
    folder = write_folder(tmp_path / "in")
    report = import_articles(empty_store, folder, published=date(2024, 4, 10))
    assert report.saved and not report.problems
    assert report.articles == 5 and report.extracted == 5  # notes/feed: an Atom feed found by content
    assert report.skipped == ["photo.jpg"]
    df = empty_store.frame()
    assert len(df) == report.added > 0
    assert set(df["status"]) == {"draft"}
    kinds = by_type(empty_store)
    drill = kinds["exercise"][0]  # HTML: date and source from <meta>, script text never extracted
    assert drill["date_start"] == date(2024, 7, 15)
    assert drill["source_url"] == "https://gazette.example/drills"
    assert drill["source_name"] == "Harbour Gazette"
    assert "bomber_approach" not in kinds
    incursion = kinds["incursion"][0]  # JSON: its own published date wins over --published
    assert incursion["date_start"] == date(2024, 7, 31) and incursion["published"] == date(2024, 8, 2)
    assert incursion["source_name"] == "Border Daily"
    [transit] = kinds["transit"]  # the Markdown article and the nested feed report it in the same words
    assert report.identical >= 1
    assert transit["date_start"] == date(2024, 6, 4) and transit["source_url"] == "https://strait.example/1"
    recon = kinds["other"][0]  # txt: the --published fallback anchors "on Tuesday"
    assert recon["date_start"] == date(2024, 4, 9) and recon["published"] == date(2024, 4, 10)


def test_binary_and_empty_articles_are_problems(tmp_path: Path, empty_store: Store) -> None:
    folder = write_folder(tmp_path / "in")
    (folder / "scan.txt").write_bytes(b"%PDF-1.7\x00\x00\x01\x02" * 50)
    (folder / "empty.html").write_text("<html><body>  </body></html>", encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    report = import_articles(empty_store, folder, published=date(2024, 4, 10))
    where = {p.where: p.message for p in report.problems}
    assert set(where) == {"scan.txt", "empty.html", "broken.json"}
    assert "binary" in where["scan.txt"]
    assert not report.saved and empty_store.count() == 0


def test_partial_saves_the_readable_articles(tmp_path: Path, empty_store: Store) -> None:
    folder = write_folder(tmp_path / "in")
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02" * 100)
    report = import_articles(empty_store, folder, partial=True)  # scan.txt left out
    assert report.saved
    assert {p.where for p in report.problems} == {"scan.txt"}
    df = empty_store.frame()
    assert set(df["type"]) >= {"exercise", "incursion", "transit", "other"}
    assert "left out" in report.summary()


def test_same_article_twice_is_drafted_once_and_reimport_adds_nothing(tmp_path: Path, empty_store: Store) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(RECON, encoding="utf-8")
    (folder / "copy of a.txt").write_text(RECON, encoding="utf-8")
    report = import_articles(empty_store, folder, published=date(2024, 4, 10))
    n = report.added
    assert report.identical == n > 0  # the copy produced exactly the same drafts
    assert empty_store.count() == n
    again = import_articles(empty_store, folder, published=date(2024, 4, 10))
    assert again.saved and again.added == 0 and again.already_stored == n
    assert empty_store.count() == n


def test_near_duplicate_of_stored_event_is_noted(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "drills.json").write_text(json.dumps({"text": DRILLS, "published": "2024-07-16"}), encoding="utf-8")
    first = import_articles(store, folder)
    reworded = DRILLS.replace("held joint naval drills", "staged joint naval exercises")
    (folder / "drills.json").write_text(json.dumps({"text": reworded, "published": "2024-07-16"}), encoding="utf-8")
    second = import_articles(store, folder)
    assert second.flagged >= 1
    stored_id = next(d.event.id for d in first.drafts if d.event.type == "exercise")
    new = next(d for d in second.drafts if d.event.type == "exercise")
    assert f"possible duplicate of {stored_id}" in store.get(new.event.id).notes


# ---- feeds ----------------------------------------------------------------------------------------


def test_rss_items_become_drafts_with_item_dates_and_links(tmp_path: Path, empty_store: Store) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS.replace("{extra}", ""), encoding="utf-8")
    report = import_articles(empty_store, feed)
    assert report.saved, report.problems
    ev = by_type(empty_store)["bomber_approach"][0]
    assert ev["date_start"] == date(2024, 6, 5)  # "on Wednesday" before Thursday 6 June
    assert ev["source_url"] == "https://wire.example/baltic" and ev["source_name"] == "Northern Wire"
    assert ev["status"] == "draft"
    assert "alert" not in ev["evidence"] and "<" not in ev["evidence"]


def test_rss_item_without_date_is_drafted_then_dated_by_published(tmp_path: Path, empty_store: Store) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_text(RSS.replace("{extra}", UNDATED_ITEM), encoding="utf-8")
    report = import_articles(empty_store, feed, partial=True)
    undated = [d.event for d in report.drafts if d.origin.startswith("wire.xml item 2")]
    assert report.saved and undated and all(e.date_precision == "unknown" for e in undated)
    again = intake.read_path(feed, published=date(2024, 4, 10))
    assert all(d.event.date_precision != "unknown" for d in again.drafts if d.origin.startswith("wire.xml item 2"))


def test_atom_feed_detected_by_content(tmp_path: Path, empty_store: Store) -> None:
    feed = tmp_path / "strait-feed"  # no extension: the root element says Atom
    feed.write_text(ATOM, encoding="utf-8")
    assert not intake.is_event_file(feed)
    report = import_articles(empty_store, feed)
    assert report.saved, report.problems
    ev = by_type(empty_store)["transit"][0]
    assert ev["date_start"] == date(2024, 6, 4)
    assert ev["source_url"] == "https://strait.example/1" and ev["source_name"] == "Strait Watch"


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_hostile_xml_is_refused_not_expanded(xml: str) -> None:
    arts, problems = parse_feed("evil.xml", xml.encode())
    assert arts == []
    assert len(problems) == 1 and "refused" in problems[0].message


def test_hostile_feed_in_folder_blocks_the_import(tmp_path: Path, empty_store: Store) -> None:
    folder = write_folder(tmp_path / "in")
    (folder / "evil.xml").write_text(BILLION_LAUGHS, encoding="utf-8")
    report = import_articles(empty_store, folder, published=date(2024, 4, 10))
    assert [p.where for p in report.problems] == ["evil.xml"]
    assert empty_store.count() == 0


def test_malformed_and_foreign_xml() -> None:
    assert "not well-formed" in parse_feed("a.xml", b"<rss><channel><item>")[1][0].message
    assert "not an RSS or Atom feed" in parse_feed("b.xml", b"<urlset><url/></urlset>")[1][0].message
    empty = b"<rss version='2.0'><channel><title>t</title></channel></rss>"
    assert "no items" in parse_feed("c.xml", empty)[1][0].message


# ---- helpers -------------------------------------------------------------------------------------


def test_parse_date_forms() -> None:
    assert parse_date("Thu, 06 Jun 2024 23:30:00 -0500") == date(2024, 6, 6)  # as written, not UTC
    assert parse_date("2024-06-05T08:00:00+09:00") == date(2024, 6, 5)
    assert parse_date("2024-06-05T08:00:00Z") == date(2024, 6, 5)
    assert parse_date("2024-06-05") == date(2024, 6, 5)
    assert parse_date("June 5th") is None and parse_date("") is None and parse_date(None) is None


def test_markdown_front_matter_and_links() -> None:
    text, meta = markdown_article("---\ntitle: 'A'\npublished: 2024-01-02\n---\n## Head\n\nSee **bold** [x](http://y)")
    assert meta == {"title": "A", "published": "2024-01-02"}
    assert text == "Head\n\nSee bold x"


def test_event_files_are_not_articles(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_text("type,date_start\nexercise,2024-01-01\n", encoding="utf-8")
    (tmp_path / "e.geojson").write_text('{"type":"FeatureCollection","features":[]}', encoding="utf-8")
    (tmp_path / "events.json").write_text('{"type":"FeatureCollection","features":[]}', encoding="utf-8")
    (tmp_path / "article.json").write_text('{"text":"x"}', encoding="utf-8")
    assert all(intake.is_event_file(tmp_path / n) for n in ("e.csv", "e.geojson", "events.json"))
    assert not any(intake.is_event_file(tmp_path / n) for n in ("article.json", "nope.txt", "."))
    arts, problems, skipped = collect_articles(tmp_path)
    assert skipped == ["e.csv", "e.geojson"] and [p.where for p in problems] == ["events.json"]


# ---- command line --------------------------------------------------------------------------------


def test_cli_exit_codes_and_summary(tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_folder(tmp_path / "in")
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["-q", "import", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "scan.txt:" in err and "nothing saved" in err
    assert Store(str(db_path), seed=None).count() == 0
    (folder / "scan.txt").unlink()
    assert main(["-q", "import", str(folder), "--published", "2024-04-10"]) == 0
    out = capsys.readouterr().out
    assert "read 5 of 5 article(s), saved" in out and "draft event(s) for review" in out
    assert "skipped 1 non-article file(s)" in out
    with pytest.raises(SystemExit) as exc:
        main(["import", str(folder), "--published", "10/04/2024"])
    assert exc.value.code == 2


def test_cli_csv_import_unchanged(tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "e.csv"
    f.write_text("type,date_start,actors\nexercise,2024-01-01,RUS\n", encoding="utf-8")
    assert main(["-q", "import", str(f)]) == 0
    assert "imported 1 new" in capsys.readouterr().out
    assert Store(str(db_path), seed=None).frame()["status"].tolist() == ["approved"]


def test_cli_subprocess_progress_on_stderr(tmp_path: Path) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_text(RSS.replace("{extra}", ""), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "events", "--db", str(tmp_path / "s.db"), "import", str(feed)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "read 1 of 1 article(s), saved" in r.stdout
    assert "extracting" in r.stderr and "articles" in r.stderr  # the tqdm bar


def test_json_list_and_single_text_file(tmp_path: Path, empty_store: Store) -> None:
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([
        {"content": f"<p>{STRAIT}</p>", "date": "2024-06-05T10:00:00+09:00", "link": "javascript:alert(1)"},
        {"body": AIRSPACE, "published": "next week"},
    ]), encoding="utf-8")
    arts, problems, _ = collect_articles(batch)
    assert [a.name for a in arts] == ["batch.json [1]"] and arts[0].url is None  # only http(s) links kept
    assert [p.where for p in problems] == ["batch.json [2]"] and "not a date" in problems[0].message
    single = tmp_path / "recon.txt"
    single.write_text(RECON, encoding="utf-8")
    assert main(["-q", "import", str(single), "--published", "2024-04-10"]) == 0
    assert set(empty_store.frame()["status"]) == {"draft"}
