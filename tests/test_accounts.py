"""Accounts (argon2 hashes, roles) and the guarded store that holds a role's limits on the server."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
import sqlalchemy as sa

from events.accounts import ROLES, Account, AccountError, Accounts, Denied, GuardedStore
from events.schema import Event
from events.store import ROOT, Store
from events.tables import users_table


def test_passwords_are_hashed_and_checked(empty_store: Store):
    accounts = Accounts(empty_store)
    accounts.add("alice", "reviewer", "correct horse")
    with empty_store.engine.connect() as c:
        stored = c.execute(sa.select(users_table.c.password_hash)).scalar_one()
    assert "correct horse" not in stored and stored.startswith("$argon2id$")
    assert accounts.verify("alice", "correct horse") == Account("alice", "reviewer")
    assert accounts.verify("alice", "wrong password") is None
    assert accounts.verify("nobody", "correct horse") is None
    accounts.set_password("alice", "another one")
    assert accounts.verify("alice", "correct horse") is None and accounts.verify("alice", "another one")
    accounts.set_role("alice", "viewer")
    assert accounts.get("alice").role == "viewer"
    accounts.remove("alice")
    assert accounts.list() == [] and accounts.verify("alice", "another one") is None


@pytest.mark.parametrize("name, role, password, message", [
    ("alice", "reviewer", "short", "at least 8"),
    ("al ice", "reviewer", "long enough", "account name"),
    ("alice", "boss", "long enough", "unknown role"),
])
def test_bad_account_input_is_a_clear_error(empty_store: Store, name, role, password, message):
    with pytest.raises(AccountError, match=message):
        Accounts(empty_store).add(name, role, password)


def test_a_name_is_taken_once(empty_store: Store):
    Accounts(empty_store).add("alice", "viewer", "long enough")
    with pytest.raises(AccountError, match="already exists"):
        Accounts(empty_store).add("alice", "admin", "long enough")


def _draft() -> Event:
    return Event(type="other", date_start=date(2022, 1, 1), status="draft", evidence="Ships were seen.")


def test_each_role_is_held_to_its_limits(store: Store):
    viewer, analyst, reviewer = (GuardedStore(store, Account(r, r)) for r in ("viewer", "analyst", "reviewer"))
    approved = store.get("seed-2021-11-19-joint-patrol")
    assert viewer.count() == 9 and viewer.get(approved.id) == approved  # reading is for everyone
    with pytest.raises(Denied, match="may not ingest"):
        viewer.add(_draft())
    with pytest.raises(Denied):
        viewer.update(approved.model_copy(update={"notes": "x"}))
    draft = analyst.add(_draft())
    assert draft.created_by == "analyst"
    draft = analyst.update(draft.model_copy(update={"notes": "checked"}))
    assert draft.updated_by == "analyst" and draft.version == 2
    with pytest.raises(Denied, match="may not edit approved"):
        analyst.update(draft.model_copy(update={"status": "approved"}))
    with pytest.raises(Denied):
        analyst.update(approved.model_copy(update={"notes": "x"}))
    with pytest.raises(Denied, match="may not approve"):
        analyst.add(_draft().model_copy(update={"status": "approved"}))
    with pytest.raises(Denied, match="may not delete"):
        analyst.delete(draft.id)
    with pytest.raises(Denied, match="may not merge"):
        analyst.save(updated=[draft.model_copy(update={"notes": "merged"})])
    done = reviewer.update(draft.model_copy(update={"status": "approved"}))
    assert done.status == "approved" and done.updated_by == "reviewer"
    reviewer.delete(done.id, version=done.version)
    assert store.history(done.id)[0].by == "reviewer"
    with pytest.raises(Denied, match="may not restore"):
        analyst.restore(store.history(done.id)[0].hid)
    assert reviewer.restore(store.history(done.id)[0].hid).updated_by == "reviewer"
    assert "accounts" in ROLES["admin"].can and "accounts" not in ROLES["reviewer"].can


def test_the_guard_hands_out_no_engine(store: Store):
    viewer = GuardedStore(store, Account("v", "viewer"))
    with pytest.raises(AttributeError):
        viewer.engine  # noqa: B018 - a page holding the guard cannot write around it


def test_users_cli_reads_the_password_from_stdin(db_path: str):
    env = {"SORTIE_DB": db_path, "PATH": "/usr/bin:/bin"}

    def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "events", "users", *args], cwd=ROOT, env=env, input=stdin,
                              capture_output=True, text=True, timeout=120)

    assert cli("add", "alice", "--role", "analyst", stdin="s3cret-enough\n").returncode == 0
    assert cli("list").stdout.split() == ["alice", "analyst"]
    r = cli("add", "alice", "--role", "viewer", stdin="s3cret-enough\n")
    assert r.returncode == 1 and "already exists" in r.stderr
    assert cli("passwd", "alice", stdin="new-secret-1\n").returncode == 0
    assert Accounts(Store(db_path, seed=None)).verify("alice", "new-secret-1")
    assert cli("role", "alice", "reviewer").returncode == 0
    assert cli("remove", "alice").returncode == 0 and cli("list").stdout == ""
    r = cli("remove", "alice")
    assert r.returncode == 1 and "no account" in r.stderr


@pytest.mark.parametrize("claims, settings, role", [
    ({"email": "a@x.org", "sortie_role": "reviewer"}, {"role_claim": "sortie_role"}, "reviewer"),
    ({"email": "a@x.org", "sortie_role": "boss"}, {"role_claim": "sortie_role"}, None),
    ({"email": "A@x.org"}, {"roles": {"a@x.org": "admin", "*": "viewer"}}, "admin"),
    ({"email": "b@x.org"}, {"roles": {"a@x.org": "admin", "*": "viewer"}}, "viewer"),
    ({"email": "b@x.org"}, {"roles": {"a@x.org": "admin"}}, None),
    ({}, {}, None),
])
def test_single_sign_on_roles_come_from_a_claim_or_a_mapping(claims, settings, role):
    from ui.auth import role_from_claims

    assert role_from_claims(claims, settings) == role


@pytest.mark.parametrize("value, required", [("", False), ("0", False), ("1", True), ("yes", True),
                                             ("oidc", True), (" OIDC ", True)])
def test_an_identity_provider_keeps_event_data_private_too(monkeypatch: pytest.MonkeyPatch, value: str,
                                                           required: bool) -> None:
    """With sign-in through an identity provider (SORTIE_AUTH=oidc) the map's events stay inline,
    never published under static/ where anyone can fetch them (ui/loaders.py)."""
    from events.accounts import sign_in_required

    monkeypatch.setenv("SORTIE_AUTH", value)
    assert sign_in_required() is required
