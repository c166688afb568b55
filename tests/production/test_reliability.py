"""DESIGN §7 reliability: Redis down is ignored, a database outage gives a static 503 and
Chorus recovers by itself, and a failed publish changes nothing."""

from contextlib import contextmanager

from django.contrib.auth.models import Group
from django.db import OperationalError
from django.db.backends import utils as db_utils
from django.urls import reverse

from wagtail.models import Revision
from wagtail.signals import page_published
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from home.models import StandardPage
from referents.roles import EDITORS


pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.2,
        },
    }
}


@contextmanager
def database_down(monkeypatch):
    """Every query fails as it would with the database server stopped."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 refused")

    with monkeypatch.context() as patch:
        patch.setattr(db_utils.CursorWrapper, "_execute_with_wrappers", refuse)
        yield


def test_site_serves_every_page_while_redis_is_down(
    client, settings, employee, public_story, internal_story, story_index
):
    settings.CACHES = UNREACHABLE_REDIS
    settings.CHORUS_PAGE_CACHE = True
    # Anonymous: a public story (twice: the page cache is in play), the login page.
    for _ in range(2):
        response = client.get(public_story.url)
        assert response.status_code == 200
        assert public_story.title in response.content.decode()
    assert client.get("/fr/login/").status_code == 200
    # Logged in: home, the story index, an internal story.
    client.force_login(employee)
    for url in ["/fr/", story_index.url, internal_story.url, public_story.url]:
        response = client.get(url)
        assert response.status_code == 200, url
    ready = client.get("/healthz?ready").json()
    assert ready == {"status": "ok", "database": "ok", "cache": "unavailable"}


@pytest.mark.parametrize("logged_in", [False, True])
def test_database_outage_gives_a_static_503_then_recovers(
    client, monkeypatch, employee, public_story, logged_in
):
    client.raise_request_exception = False
    if logged_in:
        client.force_login(employee)
    story_url = public_story.url
    with database_down(monkeypatch):
        response = client.get(story_url)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "Chorus will be back in a moment" in response.content.decode()
        assert b"OperationalError" not in response.content
        assert b"127.0.0.1" not in response.content

        ready = client.get("/healthz?ready")
        assert ready.status_code == 503
        if not logged_in:  # what a load balancer's probe (no session cookie) reads
            assert ready.json()["database"] == "unavailable"
            assert client.get("/healthz").status_code == 200  # alive, not ready

    # The database is back: no restart needed.
    response = client.get(story_url)
    assert response.status_code == 200
    assert client.get("/healthz?ready").status_code == 200


@pytest.fixture
def charter(home_page):
    page = StandardPage(title="Our charter", slug="charter", body="<p>Version one.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_failure_while_publishing_leaves_the_page_unchanged(
    client_for, editor, charter
):
    editor.groups.add(Group.objects.get(name=EDITORS))
    charter.refresh_from_db()
    live_revision = charter.live_revision_id
    revisions = Revision.objects.count()

    def fail(**kwargs):
        raise RuntimeError("the search index is unreachable")

    page_published.connect(fail, dispatch_uid="test-failing-publish")
    try:
        client = client_for(editor)
        client.raise_request_exception = False
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[charter.pk]),
            nested_form_data(
                {
                    "title": "Our charter, rewritten",
                    "slug": "charter",
                    "body": rich_text("<p>Version two.</p>"),
                    "comments": inline_formset([]),
                    "action-publish": "action-publish",
                }
            ),
        )
    finally:
        page_published.disconnect(dispatch_uid="test-failing-publish")

    assert response.status_code == 500
    charter.refresh_from_db()
    assert charter.live_revision_id == live_revision
    assert charter.title == "Our charter"
    assert charter.body == "<p>Version one.</p>"
    assert Revision.objects.count() == revisions


def test_publishing_through_the_admin_works_without_the_failure(
    client_for, editor, charter
):
    """The same request as above succeeds, so the test above fails for the right reason."""
    response = client_for(editor).post(
        reverse("wagtailadmin_pages:edit", args=[charter.pk]),
        nested_form_data(
            {
                "title": "Our charter, rewritten",
                "slug": "charter",
                "body": rich_text("<p>Version two.</p>"),
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302
    charter.refresh_from_db()
    assert charter.title == "Our charter, rewritten"
