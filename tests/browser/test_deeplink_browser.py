"""A shared deep link opened as the very first request of a fresh server still gets the app."""

from __future__ import annotations

import pytest
from local_team import AppServer


@pytest.fixture(scope="module")
def fresh_server(tmp_path_factory):
    srv = AppServer(tmp_path_factory.mktemp("deeplink") / "sortie.db")
    yield srv
    srv.stop()


def test_first_request_to_a_page_gets_the_real_navigation(fresh_server, page):
    page.goto(fresh_server.url + "/events")
    page.get_by_role("heading", name="Events").wait_for(timeout=60_000)
    nav = page.locator("[data-testid=stSidebarNav]")
    nav.get_by_text("Ingest").wait_for()
    labels = nav.inner_text()
    assert "Map" in labels and "Gazetteer" in labels and "app" not in labels.split()
    assert page.blocked == []
