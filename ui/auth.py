"""Who is using the app: the sign-in gate of a team deployment, and the signed-in account.

``SORTIE_AUTH`` unset: one analyst, no sign-in, every permission (the OS user's name goes in
the history). ``SORTIE_AUTH=1``: local accounts (``python -m events users``) and a sign-in form;
nothing else of the app renders, and no event data leaves the server, until a user signs in.
``SORTIE_AUTH=oidc``: Streamlit's OpenID Connect sign-in (``st.login``, configured in
``.streamlit/secrets.toml``), roles from a claim or a mapping (see docs/team.md).
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import streamlit as st

from events.accounts import ROLES, Account, Accounts, auth_enabled, local_account
from maps.payload import unpublish
from ui.loaders import raw_store

WRONG_DELAY_S = 1.5  # a wrong password waits, so guessing is slow


def mode() -> str:
    """'off', 'local' or 'oidc'."""
    if os.environ.get("SORTIE_AUTH", "").strip().lower() == "oidc":
        return "oidc"
    return "local" if auth_enabled() else "off"


def role_from_claims(claims: Mapping[str, Any], settings: Mapping[str, Any]) -> str | None:
    """An identity provider's user -> a Sortie role: a claim naming the role (``role_claim``),
    else the ``roles`` mapping of e-mail addresses (``"*"`` for everyone else); None: no access."""
    claim = settings.get("role_claim")
    if claim and str(claims.get(claim, "")) in ROLES:
        return str(claims[claim])
    mapping = settings.get("roles", {})
    email = str(claims.get("email", "")).lower()
    role = mapping.get(email) or mapping.get("*")
    return role if role in ROLES else None


def _remember_target() -> None:
    """The page and query the visitor asked for (a shared link), to open once signed in: the
    sign-in run has no navigation, so the browser forgets them."""
    if "_after_sign_in" not in st.session_state:
        path = urlsplit(st.context.url or "").path.strip("/").rsplit("/", 1)[-1]
        st.session_state._after_sign_in = (path, st.query_params.to_dict())


def after_sign_in(pages: list[Any]) -> None:
    """Right after signing in, go to the page a link asked for, with its query (once)."""
    target = st.session_state.pop("_after_sign_in", None)
    if not target or not target[0]:
        return
    path, params = target
    for page in pages:
        if page.url_path == path:
            st.switch_page(page, query_params=params)


def _sign_in_form() -> None:
    _remember_target()
    st.title("Sortie")
    st.caption("Sign in to see the map and the events.")
    with st.form("sign_in"):
        name = st.text_input("Username", max_chars=100)
        password = st.text_input("Password", type="password", max_chars=200)
        if st.form_submit_button("Sign in", type="primary"):
            account = Accounts(raw_store()).verify(name.strip(), password)
            if account is None:
                time.sleep(WRONG_DELAY_S)
                st.error("Wrong username or password.")
            else:
                st.session_state.account = account
                st.rerun()


def _oidc_account() -> Account | None:
    if not st.user.is_logged_in:
        st.title("Sortie")
        st.button("Sign in", type="primary", on_click=st.login)
        return None
    claims = dict(st.user.to_dict())
    role = role_from_claims(claims, st.secrets.get("sortie", {}))
    if role is None:
        st.error("Your account has no Sortie role: ask an admin to add you.")
        st.button("Sign out", on_click=st.logout)
        return None
    return Account(str(claims.get("email") or claims.get("sub")), role)


@st.cache_resource(show_spinner=False)
def _no_public_event_files() -> int:
    """Once per server process with accounts on: event files an earlier run without accounts
    published under static/ are removed, so none is readable without a session."""
    return unpublish()


def gate() -> Account:
    """The signed-in account; with accounts on and nobody signed in, only the sign-in form
    renders and the script stops here."""
    how = mode()
    if how == "off":
        return local_account()
    _no_public_event_files()
    if how == "oidc":
        account = _oidc_account()
    else:
        account = st.session_state.get("account")
        if account is not None and Accounts(raw_store()).get(account.name) != account:
            _forget_session()  # removed, or given another role, since signing in: sign in again
            st.rerun()
        if account is None:
            _sign_in_form()
    if account is None:
        st.session_state.pop("_account", None)
        st.stop()
    st.session_state._account = account
    _sign_out(account, how)
    return account


def _sign_out(account: Account, how: str) -> None:
    with st.sidebar:
        a, b = st.columns([3, 2], vertical_alignment="center")
        a.caption(f"Signed in as **{account.name}** ({ROLES[account.role].label.lower()})")
        if how == "oidc":
            b.button("Sign out", on_click=st.logout, key="sign_out")
        else:
            b.button("Sign out", key="sign_out", on_click=_forget_session)


def _forget_session() -> None:
    """Signing out forgets everything of the session: drafts, edits, the account."""
    for key in list(st.session_state):
        del st.session_state[key]


def account() -> Account:
    """The account of this session, as :func:`gate` (run by app.py before any page) found it.
    A page reached any other way with accounts on shows nothing."""
    acc = st.session_state.get("_account")
    if acc is None:
        if mode() == "off":
            return local_account()
        st.stop()
    return acc


def require(permission: str, what: str) -> None:
    """A page or action the role may not use: a plain message, and the page stops here."""
    if not account().can(permission):
        st.warning(f"Your role ({ROLES[account().role].label.lower()}) cannot {what}.")
        st.stop()
