"""Local accounts and roles for a team deployment (``SORTIE_AUTH=1``).

Passwords are stored as argon2id hashes (argon2-cffi), never in clear. Roles are one registry
(:data:`ROLES`), each a set of permissions, read by the CLI, the sign-in gate, the pages and
:class:`GuardedStore`, which checks every write on the server whatever a page shows.
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from events.schema import Event, utcnow
from events.store import Store
from events.tables import events_table, users_table


@dataclass(frozen=True)
class Role:
    name: str
    label: str
    can: frozenset[str]
    description: str


_VIEW = frozenset({"view", "export"})
_ANALYST = _VIEW | {"ingest", "edit_drafts"}
_REVIEWER = _ANALYST | {"approve", "merge", "edit_approved", "delete", "restore"}
ROLES: dict[str, Role] = {r.name: r for r in (
    Role("viewer", "Viewer", _VIEW, "map, events and exports"),
    Role("analyst", "Analyst", _ANALYST, "also ingest reports and edit drafts"),
    Role("reviewer", "Reviewer", _REVIEWER, "also approve, merge, edit approved events, delete and restore"),
    Role("admin", "Admin", _REVIEWER | {"accounts"}, "also manage accounts"),
)}
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")
MIN_PASSWORD = 8
_hasher = PasswordHasher()


def auth_enabled() -> bool:
    """Accounts kept by Sortie are on when ``SORTIE_AUTH`` is 1/true/yes; off by default for one analyst."""
    return os.environ.get("SORTIE_AUTH", "").strip().lower() in ("1", "true", "yes", "on")


def sign_in_required() -> bool:
    """Anyone must sign in (Sortie's accounts, or an identity provider: ``SORTIE_AUTH=oidc``):
    event data must then never be published as files anyone can fetch."""
    return auth_enabled() or os.environ.get("SORTIE_AUTH", "").strip().lower() == "oidc"


@dataclass(frozen=True)
class Account:
    name: str
    role: str

    def can(self, permission: str) -> bool:
        return permission in ROLES[self.role].can


def local_account() -> Account:
    """Accounts off: the person at the keyboard, with every permission, named after the OS user."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "local"
    return Account(name, "admin")


class Denied(PermissionError):
    """A role asked for something it may not do."""

    def __init__(self, account: Account, permission: str):
        super().__init__(f"{account.name} ({ROLES[account.role].label.lower()}) may not {permission.replace('_', ' ')}")
        self.permission = permission


def require(account: Account, permission: str) -> None:
    if not account.can(permission):
        raise Denied(account, permission)


class AccountError(ValueError):
    """Bad account input: a clear message for the CLI and the sign-in form."""


class Accounts:
    """The ``users`` table of one store."""

    def __init__(self, store: Store):
        self.engine = store.engine

    def list(self) -> list[Account]:
        with self.engine.connect() as c:
            rows = c.execute(sa.select(users_table.c.name, users_table.c.role).order_by(users_table.c.name)).all()
        return [Account(n, r) for n, r in rows]

    def get(self, name: str) -> Account | None:
        with self.engine.connect() as c:
            row = c.execute(sa.select(users_table.c.name, users_table.c.role)
                            .where(users_table.c.name == name)).first()
        return Account(*row) if row else None

    def add(self, name: str, role: str, password: str) -> Account:
        _check_name(name)
        _check_role(role)
        now = utcnow().replace(tzinfo=None)
        try:
            with self.engine.begin() as c:
                c.execute(sa.insert(users_table).values(name=name, role=role, password_hash=_hash(password),
                                                        created_at=now, updated_at=now))
        except sa.exc.IntegrityError:
            raise AccountError(f"an account named {name!r} already exists") from None
        return Account(name, role)

    def set_password(self, name: str, password: str) -> None:
        self._change(name, password_hash=_hash(password))

    def set_role(self, name: str, role: str) -> None:
        _check_role(role)
        self._change(name, role=role)

    def remove(self, name: str) -> None:
        with self.engine.begin() as c:
            if not c.execute(sa.delete(users_table).where(users_table.c.name == name)).rowcount:
                raise AccountError(f"no account named {name!r}")

    def verify(self, name: str, password: str) -> Account | None:
        """The account if the password is right; None otherwise (same answer for an unknown name)."""
        with self.engine.connect() as c:
            row = c.execute(sa.select(users_table).where(users_table.c.name == name)).mappings().first()
        stored = row["password_hash"] if row else _DUMMY
        try:
            _hasher.verify(stored, password)  # an unknown name costs the same time as a wrong password
        except (VerificationError, InvalidHashError):
            return None
        if row is None:
            return None
        if _hasher.check_needs_rehash(stored):
            self.set_password(name, password)
        return Account(row["name"], row["role"])

    def _change(self, name: str, **values: Any) -> None:
        with self.engine.begin() as c:
            done = c.execute(sa.update(users_table).where(users_table.c.name == name)
                             .values(updated_at=utcnow().replace(tzinfo=None), **values)).rowcount
        if not done:
            raise AccountError(f"no account named {name!r}")


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


_DUMMY = _hasher.hash("not a password of anyone's")


def _check_name(name: str) -> None:
    if not NAME.match(name):
        raise AccountError("an account name is 1-100 letters, digits, '.', '_', '@' or '-', "
                           "starting with a letter or digit")


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}: one of {', '.join(ROLES)}")


class GuardedStore:
    """A store as one account may use it: reads pass through, each write checks the role first
    and is recorded under the account's name. Pages get this, never the bare store."""

    def __init__(self, store: Store, account: Account):
        self._store, self.account = store, account

    def __getattr__(self, name: str) -> Any:  # reads: revision, count, get, frame, history, ...
        if name in ("add", "add_many", "update", "save", "delete", "restore", "engine"):
            raise AttributeError(name)
        return getattr(self._store, name)

    @property
    def url(self) -> str:
        return self._store.url

    def _approved_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        with self._store.engine.connect() as c:
            q = sa.select(events_table.c.id).where(events_table.c.id.in_(ids), events_table.c.status == "approved")
            return set(c.execute(q).scalars())

    def _check_new(self, events: list[Event]) -> None:
        require(self.account, "ingest")
        if any(e.status == "approved" for e in events) or self._approved_ids(e.id for e in events):
            require(self.account, "approve")

    def _check_edits(self, events: list[Event]) -> None:
        require(self.account, "edit_drafts")
        if any(e.status == "approved" for e in events) or self._approved_ids(e.id for e in events):
            require(self.account, "edit_approved")

    def add_many(self, events: Iterable[Event], **kw: Any) -> tuple[int, int]:
        events = list(events)
        self._check_new(events)
        kw.pop("by", None)  # always the signed-in account
        return self._store.add_many(events, by=self.account.name, **kw)

    def add(self, event: Event) -> Event:
        self._check_new([event])
        return self._store.add(event, by=self.account.name)

    def update(self, event: Event) -> Event:
        self._check_edits([event])
        return self._store.update(event, by=self.account.name)

    def save(self, added: Iterable[Event] = (), updated: Iterable[Event] = ()) -> None:
        added, updated = list(added), list(updated)
        if added:
            self._check_new(added)
        if updated:
            require(self.account, "merge")
            self._check_edits(updated)
        self._store.save(added, updated, by=self.account.name)

    def delete(self, event_id: str, version: int | None = None) -> None:
        require(self.account, "delete")
        self._store.delete(event_id, by=self.account.name, version=version)

    def restore(self, hid: int) -> Event:
        require(self.account, "restore")
        return self._store.restore(hid, by=self.account.name)
