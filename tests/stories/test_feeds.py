"""Atom feeds: public stories for anyone, every story for employees, in each language."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories.stories import StoryPageFactory


pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(response):
    feed = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    return [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]


@pytest.fixture
def stories(story_index):
    public = StoryPageFactory(parent=story_index, title="Publique", is_public=True)
    internal = StoryPageFactory(parent=story_index, title="Interne")
    draft = StoryPageFactory(parent=story_index, title="Dépubliée", is_public=True)
    draft.unpublish()
    return {"public": public, "internal": internal}


def test_public_feed_needs_no_login_and_lists_public_stories_only(client, stories):
    response = client.get("/fr/feeds/stories/public/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert _entries(response) == ["Publique"]
    assert b"http://testserver/fr/histoires/publique/" in response.content


def test_internal_feed_lists_every_live_story_for_employees(
    client_for, employee, stories
):
    response = client_for(employee).get("/fr/feeds/stories/all/")
    assert response.status_code == 200
    assert sorted(_entries(response)) == ["Interne", "Publique"]


def test_internal_feed_sends_anonymous_visitors_to_login(client, stories):
    response = client.get("/fr/feeds/stories/all/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/login/?next=")
    assert b"Interne" not in response.content


def test_feeds_are_per_language(client, stories, story_index_en, locales):
    english = stories["public"].copy_for_translation(locales["en"])
    english.title, english.slug = "Public", "public"
    english.save_revision().publish()
    assert _entries(client.get("/en/feeds/stories/public/")) == ["Public"]
    assert _entries(client.get("/fr/feeds/stories/public/")) == ["Publique"]


def test_feed_escapes_editor_text(client, story_index):
    nasty = "<script>alert(1)</script> \"Quotes\" & 'more'"
    StoryPageFactory(parent=story_index, title=nasty, intro=nasty, is_public=True)
    response = client.get("/fr/feeds/stories/public/")
    assert b"<script>" not in response.content
    # Parsed back, the text is exactly what the editor typed.
    assert _entries(response) == [nasty]


def test_pages_link_the_feed_the_reader_may_follow(
    client, client_for, employee, stories, home_page
):
    public_html = client.get(stories["public"].url).content.decode()
    assert 'type="application/atom+xml" href="/fr/feeds/stories/public/"' in public_html
    assert "/fr/feeds/stories/all/" not in public_html

    employee_client = client_for(employee)
    for url in (
        stories["public"].url,
        stories["internal"].url,
        "/fr/",
        "/fr/histoires/",
    ):
        html = employee_client.get(url).content.decode()
        assert 'type="application/atom+xml" href="/fr/feeds/stories/all/"' in html, url
        assert "/fr/feeds/stories/public/" not in html, url


def test_the_shared_feed_object_keeps_nothing_of_its_readers(
    rf, employee, stories, roles
):
    """The URLconf holds one feed object for every request and thread: a reader's request
    must never stay on it, or a thread could build one reader's feed with another's rights."""
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    from stories.urls import urlpatterns
    from tests.factories.home import UserFactory

    board = Group.objects.create(name="Board")
    secret = StoryPageFactory(
        parent=stories["internal"].get_parent(), title="Board only"
    )
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(board)
    member = UserFactory()
    member.groups.set([*employee.groups.all(), board])
    (feed,) = [p.callback for p in urlpatterns if p.name == "internal_feed"]
    for reader, sees_secret in ((member, True), (employee, False), (member, True)):
        request = rf.get("/fr/feeds/stories/all/")
        request.user = reader
        response = feed(request)
        assert ("Board only" in _entries(response)) is sees_secret
        assert not hasattr(feed, "request")
