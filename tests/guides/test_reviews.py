"""Guides that stay current: the owner and interval, the report and the dashboard of guides
due for review, and "Mark as reviewed", with every role boundary tried."""

import datetime

from django.utils import timezone

from wagtail.models import PageLogEntry
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

import pytest

from guides.models import GuidePage
from guides.review_dates import add_months, review_due_date
from tests.factories.guides import GuidePageFactory
from tests.factories.referents import ReferentFactory


pytestmark = pytest.mark.django_db

REPORT = "/admin/guide-reviews/"


def months_ago(months, days=0):
    return add_months(timezone.localdate(), -months) - datetime.timedelta(days=days)


@pytest.fixture
def owner_referent(referent, locales):
    """The referent profile of the `referent` user (in the Referents group: admin access)."""
    return ReferentFactory(
        name="Claire Fontaine", email="claire@chorus.example", user=referent
    )


@pytest.fixture
def guides(guide_index, owner_referent):
    other_owner = ReferentFactory(name="Samir Haddad")
    return {
        "overdue": GuidePageFactory(
            parent=guide_index,
            title="Overdue guide",
            guide_owner=owner_referent,
            review_interval=6,
            last_reviewed=months_ago(6, days=20),
        ),
        "soon": GuidePageFactory(
            parent=guide_index,
            title="Due soon guide",
            guide_owner=other_owner,
            review_interval=3,
            last_reviewed=months_ago(3) + datetime.timedelta(days=5),
        ),
        "fresh": GuidePageFactory(
            parent=guide_index,
            title="Fresh guide",
            guide_owner=owner_referent,
            review_interval=12,
            last_reviewed=timezone.localdate(),
        ),
    }


def rows(html):
    return html.count('data-testid="guide-review-row"')


def test_review_dates_count_calendar_months():
    assert review_due_date(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert review_due_date(datetime.date(2026, 11, 15), 3) == datetime.date(2027, 2, 15)
    assert review_due_date(datetime.date(2026, 1, 10), 12) == datetime.date(2027, 1, 10)
    assert add_months(datetime.date(2026, 2, 10), -6) == datetime.date(2025, 8, 10)


def test_a_new_guide_is_reviewed_every_six_months_by_default(guide_index):
    guide = GuidePageFactory(parent=guide_index, last_reviewed="2026-05-04")
    guide.refresh_from_db()
    assert guide.review_interval == 6
    assert guide.review_due == datetime.date(2026, 11, 4)


def test_owner_and_interval_are_the_same_in_every_language(guide_index):
    guide = GuidePageFactory(parent=guide_index)
    fields = {field.field_name: field for field in get_translatable_fields(GuidePage)}
    for name in ("guide_owner", "review_interval"):
        # Copied from the source when translations are updated; translators cannot change them.
        assert isinstance(fields[name], SynchronizedField), name
        assert fields[name].is_synchronized(guide), name
        assert not fields[name].is_overridable(guide), name


def test_the_english_guide_names_the_english_profile_of_the_same_owner(
    client_for, employee, guide_index, locales, home_page_en
):
    owner = ReferentFactory(name="Claire Fontaine", role="Référente presse")
    english_owner = owner.copy_for_translation(locales["en"])
    english_owner.role = "Press referent"
    english_owner.save()
    guide = GuidePageFactory(
        parent=guide_index, guide_owner=owner, last_reviewed="2026-10-05"
    )
    index_en = guide_index.copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    english = guide.copy_for_translation(locales["en"])
    english.save_revision().publish()
    english = GuidePage.objects.get(pk=english.pk)
    assert english.guide_owner == owner  # synchronised: the same choice
    client = client_for(employee)
    html = client.get(english.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="guide-owner">Claire Fontaine, Press referent<' in html
    assert "Last reviewed" in html and 'datetime="2026-10-05"' in html
    html = client.get(guide.url).content.decode()
    assert 'data-testid="guide-owner">Claire Fontaine, Référente presse<' in html
    assert "Dernière relecture" in html


def test_an_editor_sees_guides_due_or_overdue_with_owner_and_due_date(
    client_for, editor, guides
):
    response = client_for(editor).get(REPORT, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert rows(html) == 2
    assert html.index("Overdue guide") < html.index("Due soon guide")
    assert "Fresh guide" not in html
    assert "Claire Fontaine" in html and "Samir Haddad" in html
    overdue = guides["overdue"]
    overdue.refresh_from_db()
    assert f"{overdue.review_due:%b}" in html
    assert "overdue" in html


def test_the_report_exports_as_csv(client_for, editor, guides):
    response = client_for(editor).get(REPORT + "?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    lines = text.strip().splitlines()
    assert len(lines) == 3
    assert "Overdue guide" in lines[1] and "Claire Fontaine" in lines[1]


@pytest.mark.parametrize("role", ["employee", "ambassador", "referent"])
def test_only_editors_see_the_report(request, client, role, guides):
    user = request.getfixturevalue(role)
    client.force_login(user)
    response = client.get(REPORT)
    # No admin access: sent to log in; admin access without the permission: refused.
    assert response.status_code in (302, 403)
    assert b"Overdue guide" not in response.content
    menu = client.get("/admin/reports/").content if role != "employee" else b""
    assert b"Guides to review" not in menu


def test_anonymous_visitors_are_sent_to_log_in(client, guides):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    response = client.post(f"/admin/guide-reviews/{guides['overdue'].pk}/mark/")
    assert response.status_code == 302
    assert GuidePage.objects.get(pk=guides["overdue"].pk).last_reviewed != (
        timezone.localdate()
    )


def _mark(client, guide):
    return client.post(f"/admin/guide-reviews/{guide.pk}/mark/")


def refused(response):
    """Wagtail's admin answers a refusal by sending back to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_an_editor_marks_a_guide_reviewed_and_readers_see_the_date(
    client_for, editor, employee, guides
):
    client = client_for(editor)
    confirm = client.get(f"/admin/guide-reviews/{guides['overdue'].pk}/mark/")
    assert confirm.status_code == 200  # a GET only asks
    assert GuidePage.objects.get(pk=guides["overdue"].pk).last_reviewed != (
        timezone.localdate()
    )
    response = _mark(client, guides["overdue"])
    assert response.status_code == 302
    guide = GuidePage.objects.get(pk=guides["overdue"].pk)
    today = timezone.localdate()
    assert guide.last_reviewed == today
    assert guide.review_due == add_months(today, 6)
    assert guide.live and not guide.has_unpublished_changes
    assert rows(client.get(REPORT).content.decode()) == 1
    html = client_for(employee).get(guide.url).content.decode()
    assert f'datetime="{today:%Y-%m-%d}"' in html


def test_marking_keeps_a_draft_in_progress_a_draft(client_for, editor, guides):
    guide = guides["overdue"]
    guide.title = "A title not ready yet"
    guide.save_revision(user=editor)
    _mark(client_for(editor), guide)
    guide = GuidePage.objects.get(pk=guide.pk)
    assert guide.title == "Overdue guide"  # the draft was not published
    assert guide.last_reviewed == timezone.localdate()
    assert guide.has_unpublished_changes
    draft = guide.get_latest_revision_as_object()
    assert draft.title == "A title not ready yet"
    assert draft.last_reviewed == timezone.localdate()


def test_the_owner_marks_their_own_guide_but_no_other(client_for, referent, guides):
    client = client_for(referent)
    response = _mark(client, guides["overdue"])
    assert response.status_code == 302
    assert GuidePage.objects.get(pk=guides["overdue"].pk).last_reviewed == (
        timezone.localdate()
    )
    # The page's history says who marked it.
    assert PageLogEntry.objects.filter(
        page=guides["overdue"], action="guides.mark_reviewed", user=referent
    ).exists()
    assert refused(_mark(client, guides["soon"]))
    assert GuidePage.objects.get(pk=guides["soon"].pk).last_reviewed != (
        timezone.localdate()
    )


def test_an_owner_without_admin_access_cannot_mark(client_for, employee, guides):
    guides["overdue"].guide_owner.user = employee
    guides["overdue"].guide_owner.save()
    response = _mark(client_for(employee), guides["overdue"])
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert GuidePage.objects.get(pk=guides["overdue"].pk).last_reviewed != (
        timezone.localdate()
    )


def test_an_ambassador_cannot_mark_a_guide(client_for, ambassador, guides):
    assert refused(_mark(client_for(ambassador), guides["overdue"]))
    assert GuidePage.objects.get(pk=guides["overdue"].pk).last_reviewed != (
        timezone.localdate()
    )


def test_an_outside_next_address_is_not_followed(client_for, editor, guides):
    response = client_for(editor).post(
        f"/admin/guide-reviews/{guides['overdue'].pk}/mark/",
        {"next": "https://evil.example/"},
    )
    assert response["Location"] == REPORT


def _dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def test_the_dashboard_lists_guides_due_for_editors_and_owners_only(
    client, editor, referent, ambassador, roles, guides
):
    html = _dashboard(client, editor)
    assert 'data-testid="dashboard-guides"' in html
    assert "Overdue guide" in html and "Due soon guide" in html
    assert "Fresh guide" not in html
    assert "overdue since" in html

    html = _dashboard(client, referent)  # the owner of "Overdue guide" only
    assert "Your guides due for review" in html
    assert "Overdue guide" in html
    assert "Due soon guide" not in html

    html = _dashboard(client, ambassador)
    assert 'data-testid="dashboard-guides"' not in html
    assert "Overdue guide" not in html
