"""The README's screenshots, taken from real pages built with the factories: the home page,
a story with its share panel, the guides, a spotlight and the editors' dashboard, on a
desktop and on a phone. Run `pytest tests/browser/test_tour.py` to refresh docs/screenshots/."""

import datetime
from pathlib import Path

from django.utils import timezone

import pytest

from stories.models import ShareCount
from stories.share_stats import last_closed_week
from tests.factories.stories import ShareKitFactory

from .conftest import DESKTOP, PHONE


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MAX_BYTES = 150 * 1024


def _save(page, name):
    """The viewport only (not the full page), so each file stays small."""
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = DOCS_SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path)
    assert path.stat().st_size < MAX_BYTES, f"{path.name} is too big for the README"


@pytest.mark.parametrize("size_name, size", [("desktop", DESKTOP), ("phone", PHONE)])
def test_tour_of_an_employee(page, live_server, login, chorus_content, size_name, size):
    pages = chorus_content["en"]
    page.set_viewport_size(size)
    login(page, "employee", language="en")

    page.goto(f"{live_server.url}{pages['home'].url}")
    assert page.locator("h1").first.is_visible()
    _save(page, f"home-{size_name}")

    page.goto(f"{live_server.url}{pages['story'].url}")
    page.get_by_test_id("share-panel").scroll_into_view_if_needed()
    _save(page, f"story-share-{size_name}")

    page.goto(f"{live_server.url}{pages['guide_index'].url}")
    _save(page, f"guides-{size_name}")

    page.goto(f"{live_server.url}{pages['spotlight'].url}")
    _save(page, f"spotlight-{size_name}")


@pytest.mark.parametrize("size_name, size", [("desktop", DESKTOP), ("phone", PHONE)])
def test_tour_of_an_editor(
    page, live_server, login, editor, chorus_content, size_name, size
):
    story = chorus_content["en"]["story"]
    ShareKitFactory(
        page=story,
        title="Open day, second wave",
        shareable_from=timezone.now() + datetime.timedelta(days=3),
    )
    last_week = last_closed_week()
    ShareCount.objects.create(page=story, network="linkedin", week=last_week, count=12)
    ShareCount.objects.create(page=story, network="bluesky", week=last_week, count=3)
    page.set_viewport_size(size)
    login(page, "editor", language="en")

    page.goto(f"{live_server.url}/admin/")
    dashboard = page.get_by_test_id("chorus-dashboard")
    dashboard.scroll_into_view_if_needed()
    assert "Open day, second wave" in dashboard.inner_text()
    _save(page, f"admin-dashboard-{size_name}")
