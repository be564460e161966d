"""The Ingest page: paste or upload, review drafts, approve / merge / discard; bad inputs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from apptest_util import map_file, open_page
from streamlit.testing.v1 import AppTest

from events import intake
from events.review import merge_into
from events.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_7d0bfccd29542e3c.txt"
DEV = ROOT / "tests" / "data" / "extraction"


def report() -> tuple[str, date]:
    """The seed report when ../shared is there (as on CI), else a dev-set report of ours."""
    if SEED.exists():
        return SEED.read_text(encoding="utf-8"), date(2021, 11, 24)
    gold = json.loads((DEV / "01_sea_of_japan_joint_patrol.gold.json").read_text())
    return (DEV / "01_sea_of_japan_joint_patrol.txt").read_text(), date.fromisoformat(gold["published"])


def open_ingest() -> AppTest:
    return open_page("ingest.py")


def extract(at: AppTest, text: str, published: date) -> AppTest:
    at.text_area(key="ing_text").set_value(text)
    at.date_input(key="ing_published").set_value(published)
    return at.button(key="ing_extract").click().run()


def set_actions(at: AppTest, actions: dict[int, str]) -> AppTest:
    editor = f"ing_editor_{at.session_state.ing_batch}"
    at.session_state[editor] = {"edited_rows": {i: {"action": a} for i, a in actions.items()},
                                "added_rows": [], "deleted_rows": []}
    return at.run()


def test_report_yields_drafts_and_approval_saves_them(store: Store):
    text, published = report()
    at = extract(open_ingest(), text, published)
    assert not at.exception
    drafts = at.session_state.ing_drafts
    assert len(drafts) >= 1 and all(d.event.status == "draft" for d in drafts)
    assert store.count() == 9  # nothing is saved before approval
    at = set_actions(at, {0: "approve", 1: "discard"} if len(drafts) > 1 else {0: "approve"})
    at.button(key="ing_apply").click().run()
    assert not at.exception
    assert store.count() == 10
    saved = store.get(drafts[0].event.id)
    assert saved.status == "approved" and saved.evidence == drafts[0].event.evidence
    # and it is on the map, with its evidence in its card
    at.switch_page("pages/map.py").run()
    assert not at.exception
    if saved.geometry:
        ids = map_file(at, "events")["id"]
        assert saved.id in ids
        assert map_file(at, "cards")[ids.index(saved.id)][5] == saved.evidence
    assert len(at.session_state.ing_drafts) == len(drafts) - min(2, len(drafts))


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed")
def test_seed_report_yields_its_events_flagged_as_duplicates_of_the_sample(store: Store):
    text, published = report()
    at = extract(open_ingest(), text, published)
    drafts = at.session_state.ing_drafts
    assert {d.event.type for d in drafts} == {"joint_patrol", "scramble", "bomber_approach", "exercise"}
    patrol = [d for d in drafts if d.event.type == "joint_patrol"][0]
    assert patrol.duplicates and patrol.duplicates[0][0] == "seed-2021-11-19-joint-patrol"
    # merging folds the draft into the stored patrol and keeps the old version
    i = drafts.index(patrol)
    set_actions(at, {i: "merge"}).button(key="ing_apply").click().run()
    assert not at.exception
    assert store.count() == 9
    assert store.history("seed-2021-11-19-joint-patrol")[0].op == "update"
    assert "Also reported" in store.get("seed-2021-11-19-joint-patrol").notes


def test_invalid_edit_names_row_and_field_and_saves_nothing(store: Store):
    text, published = report()
    at = extract(open_ingest(), text, published)
    editor = f"ing_editor_{at.session_state.ing_batch}"
    at.session_state[editor] = {"edited_rows": {0: {"action": "approve", "actors": "RUS; Atlantis"}},
                                "added_rows": [], "deleted_rows": []}
    at.run().button(key="ing_apply").click().run()
    assert any("row 1: actors" in e.value and "ATLANTIS" in e.value for e in at.error)
    assert store.count() == 9 and store.revision() == 1


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("   ", "Paste the text"),
        ("The weather was fine and nobody flew anywhere.", "no reported military activity"),
    ],
)
def test_bad_text_gets_a_clear_message(store: Store, text: str, words: str):
    at = open_ingest()
    at.text_area(key="ing_text").set_value(text)
    at.button(key="ing_extract").click().run()
    assert not at.exception
    shown = " ".join(e.value for e in at.error) + " ".join(w.value for w in at.warning)
    assert words in shown or words in " ".join(str(x) for x in at.session_state.get("ing_problems", []))


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("big.txt", b"Bombers flew. " * 400_000, "an article is at most"),
        ("photo.txt", bytes(range(256)) * 50, "binary"),
        ("events.csv", b"date_start,actors\n2022-01-01,USA\n", "missing column(s): type"),
        ("events.csv", b"type,date_start,actors\nexercise,2022-02-30,USA\n", "row 2: date_start"),
        ("events.geojson", b'{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, '
                           b'"properties": {"type": "exercise", "date_start": "2022-01-01", "actors": "XXX"}}]}',
         "row 1: actors"),
    ],
)
def test_bad_uploads_get_a_message_naming_the_problem(name: str, data: bytes, words: str):
    batch = intake.read_upload(name, data, date(2022, 1, 1))
    assert batch.drafts == []
    assert any(words in str(p) for p in batch.problems), [str(p) for p in batch.problems]


def test_html_with_scripts_is_reduced_to_text():
    html = ("<html><head><script>alert('x')</script></head><body><p>On Tuesday, two Russian Tu-95MS "
            "strategic bombers flew over the Sea of Japan, prompting Japan to scramble fighter jets.</p>"
            "<img src=x onerror=alert(1)></body></html>")
    batch = intake.read_text(html, date(2023, 6, 8))
    assert batch.drafts and batch.problems == []
    assert all("<" not in d.event.evidence and "alert" not in d.event.evidence for d in batch.drafts)


def test_merge_keeps_both_reports():
    from events.schema import Event

    a = Event(type="joint_patrol", date_start=date(2021, 11, 19), actors=["RUS"], places=["Sea of Japan"],
              evidence="first")
    b = Event(type="joint_patrol", date_start=date(2021, 11, 19), date_end=date(2021, 11, 20), actors=["CHN"],
              places=["East China Sea"], evidence="second", source_name="Outlet B")
    m = merge_into(a, b)
    assert m.id == a.id and m.actors == ["RUS", "CHN"] and m.date_end == date(2021, 11, 20)
    assert m.places == ["Sea of Japan", "East China Sea"] and "Also reported (Outlet B" in m.notes


def test_left_out_activity_is_listed_and_can_be_added_back(store: Store):
    text = ("China will hold naval drills in the East China Sea next week, the ministry said. "
            "Two Russian Tu-95MS bombers flew along the coast of Japan on Friday.")
    at = extract(open_ingest(), text, date(2024, 5, 3))
    assert not at.exception
    assert [d.event.type for d in at.session_state.ing_drafts] == ["bomber_approach"]
    assert [(d.event.type, d.event.modality) for d in at.session_state.ing_left_out] == [("exercise", "planned")]
    assert any("Left out" in e.label for e in at.expander)
    at.button(key=f"ing_add_{at.session_state.ing_batch}_0").click().run()
    assert not at.exception
    assert [d.event.modality for d in at.session_state.ing_drafts] == ["reported", "planned"]
    assert at.session_state.ing_left_out == []
    assert store.count() == 9  # still nothing saved


def test_review_rejects_approval_without_evidence_and_merges_two_drafts_into_one_event(store: Store):
    from events.draft import Draft
    from events.review import commit, decide, review_table
    from events.schema import Event

    stored = store.get("seed-2021-11-19-joint-patrol")
    a = Event(type="joint_patrol", date_start=stored.date_start, actors=["RUS"], evidence="first", status="draft")
    b = Event(type="joint_patrol", date_start=stored.date_start, actors=["CHN"], evidence="second", status="draft")
    drafts = [Draft(a, "x", [(b.id, 0.9, ["same"]), (stored.id, 0.8, ["same"])]), Draft(b, "y")]
    table = review_table(drafts)
    assert table.loc[0, "duplicate_of"] == stored.id  # a merge folds into a stored event, not another draft
    table["action"] = ["merge", "approve"]
    table.loc[1, "evidence"] = ""
    decisions = decide(table, {a.id: a, b.id: b}, store)
    assert [str(e) for e in decisions.errors] == ["row 2: evidence: an approved event needs the sentence that "
                                                  "supports it"]
    table.loc[1, "evidence"], table.loc[1, "action"], table.loc[1, "duplicate_of"] = "second", "merge", stored.id
    decisions = decide(table, {a.id: a, b.id: b}, store)
    assert not decisions.errors and len(decisions.merged) == 1
    commit(store, decisions)
    notes = store.get(stored.id).notes
    assert "first" in notes and "second" in notes and store.count() == 9
