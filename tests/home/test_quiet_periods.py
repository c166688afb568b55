"""Quiet periods: which one is in force, who may start one, and what the dashboard says."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from home.models import QuietPeriod
from home.quiet import next_change, quiet_period_in_force, schedule


pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
ADD_URL = "wagtailsnippets_home_quietperiod:add"


def test_none_in_force_without_quiet_periods():
    assert quiet_period_in_force() is None


def test_in_force_between_its_start_and_its_end():
    now = timezone.now()
    period = QuietPeriod.objects.create(
        reason="Results", starts_at=now + HOUR, ends_at=now + 3 * HOUR
    )
    assert quiet_period_in_force(now) is None
    assert quiet_period_in_force(now + HOUR) == period
    assert quiet_period_in_force(now + 2 * HOUR) == period
    assert quiet_period_in_force(now + 3 * HOUR) is None
    assert next_change(schedule(now), now) == now + HOUR
    assert next_change(schedule(now), now + 2 * HOUR) == now + 3 * HOUR


def test_without_an_end_it_lasts_until_someone_sets_one():
    now = timezone.now()
    period = QuietPeriod.objects.create(reason="Crisis", starts_at=now - HOUR)
    assert quiet_period_in_force(now + 1000 * HOUR) == period


def test_overlapping_periods_the_latest_started_speaks():
    now = timezone.now()
    QuietPeriod.objects.create(reason="First", starts_at=now - 2 * HOUR)
    latest = QuietPeriod.objects.create(reason="Second", starts_at=now - HOUR)
    assert quiet_period_in_force(now) == latest


def test_one_cheap_query_without_a_shared_cache_none_with_it(
    settings, django_assert_num_queries
):
    QuietPeriod.objects.create(reason="Crisis", starts_at=timezone.now() - HOUR)
    settings.CHORUS_SHARED_CACHE = False
    with django_assert_num_queries(1):
        assert quiet_period_in_force() is not None
    settings.CHORUS_SHARED_CACHE = True
    quiet_period_in_force()
    with django_assert_num_queries(0):
        assert quiet_period_in_force() is not None


def test_shared_cache_forgets_the_schedule_when_one_is_saved(settings):
    settings.CHORUS_SHARED_CACHE = True
    assert quiet_period_in_force() is None
    period = QuietPeriod.objects.create(
        reason="Crisis", starts_at=timezone.now() - HOUR
    )
    assert quiet_period_in_force() == period
    period.delete()
    assert quiet_period_in_force() is None


# Who may start one


def _form(reason="Results on Thursday", starts="", ends=""):
    now = timezone.localtime()
    return {
        "reason": reason,
        "starts_at": starts or now.strftime("%Y-%m-%d %H:%M"),
        "ends_at": ends,
    }


def test_editor_starts_a_quiet_period_in_the_admin(client_for, editor):
    client = client_for(editor)
    assert client.get(reverse(ADD_URL)).status_code == 200
    response = client.post(reverse(ADD_URL), _form())
    assert response.status_code == 302
    assert QuietPeriod.objects.get().reason == "Results on Thursday"
    assert quiet_period_in_force() is not None


def test_editor_holds_the_dedicated_permission(editor, employee):
    assert editor.has_perm("home.manage_quiet_period")
    assert not employee.has_perm("home.manage_quiet_period")


@pytest.mark.parametrize("role", ["employee", "ambassador", "referent"])
def test_other_roles_cannot_start_one(client_for, request, role):
    client = client_for(request.getfixturevalue(role))
    assert client.get(reverse(ADD_URL)).status_code in (302, 403)
    response = client.post(reverse(ADD_URL), _form())
    assert response.status_code in (302, 403)
    assert not QuietPeriod.objects.exists()
    listing = client.get(reverse("wagtailsnippets_home_quietperiod:list"))
    assert listing.status_code in (302, 403)


@pytest.mark.parametrize("role", ["employee", "ambassador", "referent"])
def test_other_roles_cannot_end_one(client_for, request, role):
    period = QuietPeriod.objects.create(reason="Crisis", starts_at=timezone.now())
    client = client_for(request.getfixturevalue(role))
    edit = reverse("wagtailsnippets_home_quietperiod:edit", args=[period.pk])
    delete = reverse("wagtailsnippets_home_quietperiod:delete", args=[period.pk])
    client.post(edit, _form(reason="Over", ends=""))
    client.post(delete)
    period.refresh_from_db()
    assert period.reason == "Crisis"


def test_anonymous_is_sent_to_log_in(client):
    response = client.post(reverse(ADD_URL), _form())
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not QuietPeriod.objects.exists()


def test_end_before_start_is_refused_and_nothing_is_lost(client_for, editor):
    client = client_for(editor)
    response = client.post(
        reverse(ADD_URL),
        _form(
            reason="Keep this text", starts="2030-01-02 10:00", ends="2030-01-01 10:00"
        ),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The end must come after the start." in html
    assert "Keep this text" in html
    assert not QuietPeriod.objects.exists()


# The dashboard


def _dashboard(client_for, user):
    response = client_for(user).get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def test_dashboard_says_a_quiet_period_is_in_force(client_for, editor, home_page):
    QuietPeriod.objects.create(reason="Crisis cell at work", starts_at=timezone.now())
    html = _dashboard(client_for, editor)
    assert 'data-testid="dashboard-quiet"' in html
    assert "Crisis cell at work" in html


def test_dashboard_lists_planned_ones_to_editors_only(
    client_for, editor, referent, home_page
):
    QuietPeriod.objects.create(
        reason="Results blackout", starts_at=timezone.now() + HOUR
    )
    assert "Results blackout" in _dashboard(client_for, editor)
    assert "Results blackout" not in _dashboard(client_for, referent)
    assert 'data-testid="dashboard-quiet"' not in _dashboard(client_for, editor)
