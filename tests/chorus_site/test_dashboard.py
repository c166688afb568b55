"""The Chorus panel on the admin dashboard: each role sees what it can act on, and nothing
about who shared."""

import datetime

from django.utils import timezone

import pytest

from stories.models import ShareCount
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
    today = timezone.localdate()
    ShareCount.objects.create(page=public_story, network="linkedin", day=today, count=7)
    ShareCount.objects.create(page=public_story, network="x", day=today, count=2)

    html = _dashboard(client_for, editor)

    assert 'data-testid="chorus-dashboard"' in html
    assert "Open day kit" in html
    assert "Far away kit" not in html
    assert ">7<" in html
    assert "fewer than 5" in html
    assert ">2<" not in html


def test_referent_sees_reviews_but_not_share_totals(client_for, referent, home_page):
    html = _dashboard(client_for, referent)
    assert 'data-testid="chorus-dashboard"' in html
    assert "Nothing is waiting for review." in html
    assert "Shares this month" not in html


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
    assert "Shares this month" not in html


def test_employee_without_admin_role_gets_no_panel(client_for, employee):
    response = client_for(employee).get("/admin/")
    assert 'data-testid="chorus-dashboard"' not in response.content.decode()
