"""Quiet periods on the reader's side: the share panel gives way to the notice, the share
redirect refuses with the reason and counts nothing, and everything comes back by itself."""

import datetime
import time

from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from home.models import QuietPeriod
from stories.models import ShareCount
from tests.factories.stories import ShareKitFactory, StoryPageFactory


pytestmark = pytest.mark.django_db

REASON = "Annual results are published on Thursday: we keep quiet until then."
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def story(story_index):
    return StoryPageFactory(parent=story_index, title="Open day", is_public=True)


@pytest.fixture
def kit(story):
    return ShareKitFactory(page=story, texts=[("x", "Come and see us")])


def quiet_now(**kwargs):
    return QuietPeriod.objects.create(
        reason=REASON, starts_at=timezone.now() - HOUR, **kwargs
    )


def page(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    return response.content.decode()


def share(client, kit):
    with translation.override("en"):
        url = reverse("stories:share", kwargs={"kit_id": kit.pk})
    return client.post(url, {"network": "x", "text": "Come", "original": ""})


def total_shares():
    return sum(ShareCount.objects.values_list("count", flat=True))


def test_without_quiet_period_the_panel_shows(client_for, employee, kit, story):
    html = page(client_for(employee), story)
    assert 'data-testid="share-panel"' in html
    assert 'data-testid="quiet-notice"' not in html


def test_quiet_period_replaces_the_panel_with_its_reason(
    client_for, employee, kit, story
):
    quiet_now()
    html = page(client_for(employee), story)
    assert 'data-testid="quiet-notice"' in html
    assert REASON in html
    assert 'data-testid="share-panel"' not in html
    assert "Come and see us" not in html


def test_reason_is_escaped(client_for, employee, kit, story):
    QuietPeriod.objects.create(
        reason="<script>alert(1)</script>", starts_at=timezone.now() - HOUR
    )
    html = page(client_for(employee), story)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_share_redirect_answers_410_with_the_reason_and_counts_nothing(
    client_for, employee, kit
):
    client = client_for(employee)
    assert share(client, kit).status_code == 303
    assert total_shares() == 1
    quiet_now()
    response = share(client, kit)
    assert response.status_code == 410
    assert REASON in response.content.decode()
    assert "Location" not in response
    assert total_shares() == 1  # the share before the quiet period, and nothing since


def test_public_pages_stay_readable_for_visitors(client, kit, story):
    quiet_now()
    html = page(client, story)
    assert "Open day" in html
    assert REASON not in html  # the reason is for employees


def test_planned_quiet_period_leaves_sharing_open_until_it_starts(
    client_for, employee, kit, story
):
    QuietPeriod.objects.create(reason=REASON, starts_at=timezone.now() + HOUR)
    client = client_for(employee)
    assert 'data-testid="quiet-notice"' not in page(client, story)
    assert share(client, kit).status_code == 303


def test_ended_quiet_period_gives_sharing_back(client_for, employee, kit, story):
    QuietPeriod.objects.create(
        reason=REASON,
        starts_at=timezone.now() - 2 * HOUR,
        ends_at=timezone.now() - HOUR,
    )
    client = client_for(employee)
    assert 'data-testid="quiet-notice"' not in page(client, story)
    assert share(client, kit).status_code == 303
    assert total_shares() == 1


# With the caches on, as with Redis in production.


@pytest.fixture
def page_cache(settings):
    settings.CHORUS_PAGE_CACHE = True
    settings.CHORUS_SHARED_CACHE = True
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    return settings


def test_starting_one_replaces_cached_panels_at_once(page_cache, employee, kit, story):
    client = Client()
    client.force_login(employee)
    page(client, story)
    assert 'data-testid="quiet-notice"' not in page(client, story)  # from the cache
    quiet_now()
    assert REASON in page(client, story)
    assert share(client, kit).status_code == 410


def test_ending_one_early_brings_the_panel_back_at_once(
    page_cache, employee, kit, story
):
    client = Client()
    client.force_login(employee)
    period = quiet_now()
    page(client, story)
    assert REASON in page(client, story)
    period.ends_at = timezone.now()
    period.save()
    assert REASON not in page(client, story)
    assert share(client, kit).status_code == 303


@pytest.mark.parametrize("shared", [True, False])
def test_planned_start_and_end_take_effect_on_time_without_any_save(
    page_cache, employee, kit, story, shared
):
    """Nothing is saved between the requests: the clock alone starts and ends it, through
    every cache (the shared one, or none without it)."""
    page_cache.CHORUS_SHARED_CACHE = shared
    client = Client()
    client.force_login(employee)
    starts_at = timezone.now() + datetime.timedelta(seconds=2)
    QuietPeriod.objects.create(
        reason=REASON,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(seconds=2),
    )
    page(client, story)
    assert REASON not in page(client, story)
    time.sleep((starts_at - timezone.now()).total_seconds() + 0.1)
    assert REASON in page(client, story)
    assert share(client, kit).status_code == 410
    time.sleep(2.1)
    assert REASON not in page(client, story)
    assert share(client, kit).status_code == 303
    assert total_shares() == 1


def test_home_page_shows_the_notice_instead_of_stories_to_share(
    client_for, employee, kit, story, home_page
):
    client = client_for(employee)
    assert (
        'data-testid="shareable-this-week"'
        in client.get(home_page.url).content.decode()
    )
    quiet_now()
    html = client.get(home_page.url).content.decode()
    assert REASON in html
    assert 'data-testid="shareable-this-week"' not in html
