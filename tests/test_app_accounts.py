"""Accounts on (SORTIE_AUTH=1): the sign-in gate, roles on the pages, who did what."""

from __future__ import annotations

import pytest
from apptest_util import map_args
from streamlit.testing.v1 import AppTest

from events.accounts import Accounts
from events.store import Store
from ui import auth


@pytest.fixture
def team(store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("SORTIE_AUTH", "1")
    monkeypatch.setattr(auth, "WRONG_DELAY_S", 0.05)
    accounts = Accounts(store)
    for name in ("vera", "ana", "rita"):
        accounts.add(name, {"vera": "viewer", "ana": "analyst", "rita": "reviewer"}[name], f"{name}-password")
    return store


def app() -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=90)
    return at.run()


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    [t for t in at.text_input if t.label == "Username"][0].set_value(name)
    [t for t in at.text_input if t.label == "Password"][0].set_value(password)
    [b for b in at.button if b.label == "Sign in"][0].click()
    return at.run()


def page_text(at: AppTest) -> str:
    parts = [m.value for m in (*at.markdown, *at.caption, *at.title, *at.error, *at.warning, *at.info)]
    return "\n".join(str(p) for p in parts)


def test_nobody_signed_in_sees_only_the_form(team: Store):
    at = app()
    assert [t.label for t in at.text_input] == ["Username", "Password"]
    assert [b.label for b in at.button] == ["Sign in"]
    assert not [e for e in at.main if getattr(e, "type", None) == "component_instance"]  # no map
    assert "Sea of Japan" not in page_text(at) and not at.dataframe


def test_a_wrong_password_gets_a_plain_message_and_nothing_else(team: Store):
    at = sign_in(app(), "vera", "not her password")
    assert [e.value for e in at.error] == ["Wrong username or password."]
    assert [t.label for t in at.text_input] == ["Username", "Password"] and not at.dataframe
    at = sign_in(app(), "nobody", "vera-password")
    assert [e.value for e in at.error] == ["Wrong username or password."]


def test_a_viewer_sees_the_map_but_no_ingest_and_cannot_edit(team: Store):
    at = sign_in(app(), "vera", "vera-password")
    assert not at.exception
    assert "static/cache/events-" not in map_args(at)["script"]  # event data inline, not a public file
    assert "Signed in as **vera** (viewer)" in page_text(at)
    assert any(b.label == "Sign out" for b in at.sidebar.button)
    with pytest.raises(ValueError, match=r"Known pages: .*map.py.*events.py.*gazetteer.py'\]"):
        at.switch_page("pages/ingest.py")  # not in a viewer's navigation
    at = sign_in(app(), "vera", "vera-password")
    at.switch_page("pages/events.py").run()
    at.session_state["events_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    save = [b for b in at.button if b.label == "Save changes"][0]
    assert save.disabled and "Your role cannot edit it" in page_text(at)
    assert not [b for b in at.button if b.key and b.key.startswith("delete_")]


def test_sign_out_returns_to_the_form(team: Store):
    at = sign_in(app(), "rita", "rita-password")
    [b for b in at.sidebar.button if b.label == "Sign out"][0].click()
    at.run()
    assert [b.label for b in at.button] == ["Sign in"]


def test_an_analyst_saves_drafts_a_reviewer_approves_them(team: Store):
    from events.schema import Event

    at = sign_in(app(), "ana", "ana-password")
    at.switch_page("pages/ingest.py").run()
    assert not at.exception and "Your role saves drafts" in page_text(at)
    draft = Event(type="other", date_start="2022-01-01", status="draft", evidence="Ships were seen.")
    team.add(draft, by="ana")
    at = sign_in(app(), "rita", "rita-password")
    at.switch_page("pages/events.py").run()
    df = at.dataframe[0].value
    row = int(df.index[df["id"] == draft.id][0])
    at.session_state["events_table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    [s for s in at.selectbox if s.label == "Status"][0].set_value("approved")
    [b for b in at.button if b.label == "Save changes"][0].click()
    at.run()
    saved = team.get(draft.id)
    assert saved.status == "approved" and saved.updated_by == "rita" and saved.version == 2
    assert team.history(draft.id)[0].by == "rita"
