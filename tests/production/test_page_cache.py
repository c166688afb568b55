"""The page cache is right for anonymous visitors and employees alike (home.page_cache)."""

import re

from django.contrib.auth.models import AnonymousUser, Group
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.template import Context, Template
from django.test import Client, RequestFactory

from wagtail.models import PageViewRestriction

import pytest

from home.cache import bump_content_version
from home.page_cache import serve_with_cache


pytestmark = pytest.mark.django_db


def test_anonymous_page_is_served_from_the_cache(
    client, page_cache, public_story, django_assert_num_queries
):
    client.get(public_story.url)  # creates the site settings row on first use
    first = client.get(public_story.url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(public_story.url)
    assert second.content == first.content
    assert "Cookie" in second["Vary"] and "Accept-Language" in second["Vary"]


def test_published_edit_is_visible_at_once(client, page_cache, public_story):
    assert "Our new workshop opens" in client.get(public_story.url).content.decode()
    public_story.title = "Our new workshop is open every day"
    public_story.save_revision().publish()
    content = client.get(public_story.url).content.decode()
    assert "Our new workshop is open every day" in content


def test_draft_edit_does_not_reach_visitors(client, page_cache, public_story):
    client.get(public_story.url)
    public_story.title = "A draft title"
    public_story.save_revision()
    assert "A draft title" not in client.get(public_story.url).content.decode()


def test_page_made_internal_is_gone_from_anonymous_at_once(
    client, page_cache, public_story
):
    url = public_story.url
    assert client.get(url).status_code == 200
    public_story.is_public = False
    public_story.save_revision().publish()
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_privacy_set_in_the_admin_applies_at_once(client, page_cache, public_story):
    url = public_story.url
    assert client.get(url).status_code == 200
    PageViewRestriction.objects.create(
        page=public_story, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(url).status_code == 302


def test_unpublished_page_is_gone_at_once(client, page_cache, public_story):
    url = public_story.url
    assert client.get(url).status_code == 200
    public_story.unpublish()
    assert client.get(url).status_code in (302, 404)


def test_employee_page_is_private_and_never_shared_with_visitors(
    client, page_cache, employee, public_story
):
    client.force_login(employee)
    response = client.get(public_story.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    assert 'data-testid="logout"' in response.content.decode()

    anonymous = Client().get(public_story.url).content.decode()
    assert 'data-testid="logout"' not in anonymous

    # And the other way round: a cached anonymous page is not served to an employee.
    client.force_login(employee)
    assert 'data-testid="logout"' in client.get(public_story.url).content.decode()


def test_page_using_a_csrf_token_is_not_cached(client, page_cache, public_story):
    """A page with a form holds a token tied to one visitor: it must not be stored."""
    request = RequestFactory().get(public_story.url)
    request.user = AnonymousUser()

    def render_form():
        get_token(request)
        return HttpResponse("<form>…</form>")

    serve_with_cache(request, render_form)
    calls = []
    serve_with_cache(request, lambda: calls.append(1) or HttpResponse("again"))
    assert calls == [1]


FRAGMENT = Template(
    "{% load chorus_cache %}{% chorus_cache 600 'title' %}{{ page.title }}{% endchorus_cache %}"
)


def render_fragment(page, preview=False):
    request = RequestFactory().get("/")
    request.is_preview = preview
    return FRAGMENT.render(Context({"page": page, "request": request}))


def test_fragment_cache_follows_the_content_version(public_story):
    assert render_fragment(public_story) == "Our new workshop opens"
    public_story.title = "Changed in memory only"
    assert render_fragment(public_story) == "Our new workshop opens"
    assert render_fragment(public_story, preview=True) == "Changed in memory only"
    bump_content_version()
    assert render_fragment(public_story) == "Changed in memory only"


def test_employee_page_is_cached_with_each_reader_s_own_csrf_token(
    page_cache, employee, editor, public_story, django_assert_max_num_queries
):
    first, second = Client(), Client()
    first.force_login(employee)
    second.force_login(editor)
    first.get(public_story.url)  # creates the site settings row on first use
    html = first.get(public_story.url).content.decode()
    assert 'data-testid="logout"' in html
    with django_assert_max_num_queries(2):  # the session and the user, nothing else
        response = second.get(public_story.url)
    content = response.content.decode()
    assert "private" in response["Cache-Control"]
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', content)
    assert tokens
    assert all(
        _unmask_cipher_token(token) == second.cookies["csrftoken"].value
        for token in tokens
    )
    # The token works: logging out with it succeeds.
    assert (
        second.post("/fr/logout/", {"csrfmiddlewaretoken": tokens[0]}).status_code
        == 302
    )


def test_page_behind_a_group_restriction_is_not_cached_for_employees(
    page_cache, employee, public_story
):
    restriction = PageViewRestriction.objects.create(
        page=public_story, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.all())
    client = Client()
    client.force_login(employee)
    assert client.get(public_story.url).status_code == 200
    calls = []
    original = PageViewRestriction.accept_request
    PageViewRestriction.accept_request = lambda self, request: (
        calls.append(1) or original(self, request)
    )
    try:
        client.get(public_story.url)
    finally:
        PageViewRestriction.accept_request = original
    assert calls  # served through Wagtail's checks again, not from the cache


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_home_is_cached_for_employees_with_each_reader_s_own_parts(
    page_cache, home_page, employee, editor, public_story
):
    """One copy of home for every employee; the stage's guides and what is new since the
    last visit are still each reader's own."""
    from django.utils import timezone

    from guides.models import GuideIndexPage
    from home.models import StagePreference
    from tests.factories.guides import GuidePageFactory

    guides = GuideIndexPage(title="Guides", slug="guides", locale=home_page.locale)
    home_page.add_child(instance=guides)
    guides.save_revision().publish()
    GuidePageFactory(parent=guides, title="Follow people you admire", stages=["listen"])
    StagePreference.objects.create(user=employee, stage="listen")
    editor.last_login = timezone.now() - timezone.timedelta(days=7)
    editor.save()

    newcomer = logged_in(employee)
    newcomer.get("/fr/")  # creates the site settings row on first use
    newcomer = newcomer.get("/fr/").content.decode()  # still the first visit
    assert 'data-testid="welcome"' in newcomer
    assert 'data-testid="my-stage-guides"' in newcomer

    # Changed behind the cache's back: whoever still sees the old title got the cached copy.
    type(home_page).objects.filter(pk=home_page.pk).update(title="Changed unseen")
    returning = logged_in(editor).get("/fr/").content.decode()
    assert "Accueil" in returning and "Changed unseen" not in returning
    assert 'data-testid="welcome"' not in returning
    news = returning.split('data-testid="new-since-last-visit"', 1)[1]
    assert "Our new workshop opens" in news.split("</section>", 1)[0]
    assert 'data-testid="my-stage-guides"' not in returning
    assert 'data-testid="stage-explanations"' in returning
    assert "chorus-per-reader" not in returning


def test_a_stage_chosen_shows_on_the_cached_home_at_once(
    page_cache, home_page, employee
):
    from home.models import StagePreference

    client = logged_in(employee)
    assert 'data-testid="stage-explanations"' in client.get("/fr/").content.decode()
    StagePreference.objects.create(user=employee, stage="listen")
    html = client.get("/fr/").content.decode()
    assert 'data-testid="stage-explanations"' not in html
    assert "Listen" in html or "Écouter" in html


def test_story_index_is_cached_for_employees_filter_by_filter(
    page_cache, employee, story_index, public_story, internal_story
):
    client = logged_in(employee)
    client.get(story_index.url)  # creates the site settings row on first use
    assert "Budget talks, for us only" in client.get(story_index.url).content.decode()
    type(internal_story).objects.filter(pk=internal_story.pk).update(title="Unseen")
    assert "Budget talks, for us only" in client.get(story_index.url).content.decode()
    # Another address (a filter, a page number) is another copy.
    assert "Unseen" in client.get(story_index.url + "?page=1").content.decode()
    # Publishing replaces every copy.
    internal_story.title = "Budget talks, now decided"
    internal_story.save_revision().publish()
    assert "Budget talks, now decided" in client.get(story_index.url).content.decode()
