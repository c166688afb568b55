"""The Chorus panel on the admin dashboard: each role sees what it can act on, and nothing
about who shared."""

import csv
import datetime
import io

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from stories.models import ShareCount
from stories.models.share_count import week_of
from stories.share_stats import last_closed_week
from tests.factories.referents import SpotlightIndexPageFactory, SpotlightPageFactory
from tests.factories.stories import (
    ShareKitFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)


pytestmark = pytest.mark.django_db


@pytest.fixture
def public_story(home_page):
    index = StoryIndexPageFactory(parent=home_page)
    return StoryPageFactory(parent=index, title="Open day", is_public=True)


def _dashboard(client_for, user):
    response = client_for(user).get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def _share_totals(html):
    table = BeautifulSoup(html, "html.parser").find(
        attrs={"data-testid": "dashboard-shares"}
    )
    return {
        row.find(["th", "td"]).get_text(strip=True): row.find_all("td")[-1].get_text(
            strip=True
        )
        for row in table.find_all("tr")[1:]
    }


def test_editor_sees_kits_opening_soon_and_share_totals(
    client_for, editor, public_story
):
    ShareKitFactory(
        page=public_story,
        title="Open day kit",
        shareable_from=timezone.now() + datetime.timedelta(days=2),
    )
    ShareKitFactory(
        page=public_story,
        title="Far away kit",
        shareable_from=timezone.now() + datetime.timedelta(days=30),
    )
    last_week = last_closed_week()
    for network, week, count in [
        ("linkedin", last_week, 7),
        ("x", last_week, 2),
        ("bluesky", last_week - datetime.timedelta(days=7), 30),
        ("email", week_of(timezone.localdate()), 40),  # the week in progress
    ]:
        ShareCount.objects.create(
            page=public_story, network=network, week=week, count=count
        )

    html = _dashboard(client_for, editor)

    assert 'data-testid="chorus-dashboard"' in html
    assert "Open day kit" in html
    assert "Far away kit" not in html
    shares = _share_totals(html)
    # X's 2 shares are left out, as in the report; Bluesky's were the week before, and the
    # week in progress (e-mail) is not over.
    assert shares == {"LinkedIn": "7", "Total of the figures shown": "7"}
    assert "a story's count under 5 is left out" in html


def test_dashboard_shows_the_share_reports_figures(client_for, editor, public_story):
    quiet = StoryPageFactory(
        parent=public_story.get_parent(), title="Quiet", is_public=True
    )
    last_week = last_closed_week()
    for page, network, count in [
        (public_story, "mastodon", 12),
        (quiet, "mastodon", 4),
        (quiet, "facebook", 5),
    ]:
        ShareCount.objects.create(
            page=page, network=network, week=last_week, count=count
        )
    year, number, _weekday = last_week.isocalendar()

    report = client_for(editor).get(
        "/admin/share-report/",
        {"period": f"{year}-W{number:02d}", "format": "csv"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    header, *_rows, footer = csv.reader(io.StringIO(report.content.decode()))
    report_totals = dict(zip(header[2:], footer[2:], strict=True))
    shares = _share_totals(_dashboard(client_for, editor))

    assert shares.pop("Total of the figures shown") == report_totals.pop("Total")
    assert shares == {
        network: total for network, total in report_totals.items() if total != "0"
    }
    assert shares == {"Mastodon": "12", "Facebook": "5"}


def test_referent_sees_reviews_but_not_share_totals(client_for, referent, home_page):
    html = _dashboard(client_for, referent)
    assert 'data-testid="chorus-dashboard"' in html
    assert "Nothing is waiting for review." in html
    assert "Shares last week" not in html


def test_spotlight_submitted_for_review_is_listed_for_reviewers(
    client_for, editor, ambassador, home_page
):
    index = SpotlightIndexPageFactory(parent=home_page)
    spotlight = SpotlightPageFactory(
        parent=index, owner=ambassador, title="Awa in review", live=False
    )
    workflow = spotlight.get_workflow()
    assert workflow is not None, "the spotlight index assigns the review workflow"
    spotlight.save_revision(user=ambassador)
    workflow.start(spotlight, ambassador)

    html = _dashboard(client_for, editor)

    assert "Awa in review" in html


def test_ambassador_sees_only_the_state_of_their_spotlight(
    client_for, ambassador, home_page
):
    index = SpotlightIndexPageFactory(parent=home_page)
    SpotlightPageFactory(parent=index, owner=ambassador, title="My own page")

    html = _dashboard(client_for, ambassador)

    assert 'data-testid="dashboard-my-spotlight"' in html
    assert "My own page" in html
    assert "Waiting for review" not in html
    assert "Shares last week" not in html


def test_employee_without_admin_role_gets_no_panel(client_for, employee):
    response = client_for(employee).get("/admin/")
    assert 'data-testid="chorus-dashboard"' not in response.content.decode()
