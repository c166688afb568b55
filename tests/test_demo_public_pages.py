"""Every public page of the demo, as an anonymous visitor sees it (the other test that runs
`load_demo`, besides tests/test_load_demo.py: the demo is the content that is checked).

Each public page answers, names no colleague who did not agree to appear on public pages,
links to no internal page, offers only translations the visitor may open and shows no
internal marker. An employee reads every page first, with the caches on, so that nothing
cached for employees can reach the visitor unnoticed.
"""

import re
from io import StringIO
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from wagtail.models import Page

import pytest

from chorus_site.management.commands.load_demo import RESET_FLAG
from home.access import PublicFlagMixin
from referents.models import Referent


pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]*)"')
NOT_PAGES = ("/static/", "/media/", "/documents/")
INTERNAL_MARKERS = ("tag--internal", "<!--chorus-per-reader", 'data-testid="logout"')


def same_site_links(html):
    """The paths this page links to on this site (pages, feeds, views; not files)."""
    links = set()
    for href in HREF.findall(html.replace("&amp;", "&")):
        parts = urlsplit(href)
        if parts.scheme not in ("", "http", "https") or parts.netloc not in (
            "",
            "testserver",
        ):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.path and not parts.path.startswith(NOT_PAGES):
            links.add(path)
    return links


def switcher_links(html):
    nav = html.split('data-testid="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {urlsplit(href).path for href in HREF.findall(nav)}


def answers_visitor(visitor, path, seen):
    """'public' (200), 'login' (sent to the login page) or the status code, once per path."""
    if path not in seen:
        response = visitor.get(path, follow=True)
        if response.status_code != 200:
            seen[path] = response.status_code
        elif response.redirect_chain and not urlsplit(
            response.redirect_chain[-1][0]
        ).path.endswith("/login/"):
            seen[path] = f"redirected to {response.redirect_chain[-1][0]}"
        else:
            seen[path] = "login" if response.redirect_chain else "public"
    return seen[path]


@pytest.fixture
def demo(settings):
    settings.CHORUS_PAGE_CACHE = True  # as in production with Redis
    call_command("load_demo", RESET_FLAG, stdout=StringIO())


def test_every_public_page_of_the_demo_shows_visitors_only_what_is_public(demo):
    pages = [
        page
        for page in Page.objects.live().public().specific()
        if isinstance(page, PublicFlagMixin)
    ]
    page_types = {type(page).__name__ for page in pages}
    assert {"StoryPage", "SpotlightPage", "GuidePage"} <= page_types
    internal_urls = {page.url for page in Page.objects.live().not_public()}
    hidden = Referent.objects.filter(appears_on_public_pages=False)
    assert hidden.exists() and Referent.objects.filter(appears_on_public_pages=True)
    hidden_texts = {text for r in hidden for text in (r.name, r.bio, r.email) if text}

    employee = Client()
    employee.force_login(get_user_model().objects.get(username="employee"))
    for page in pages:
        assert employee.get(page.url).status_code == 200

    visitor = Client()
    seen = {}
    for page in pages:
        response = visitor.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()

        assert [text for text in hidden_texts if text in html] == [], page.url
        assert [mark for mark in INTERNAL_MARKERS if mark in html] == [], page.url
        links = same_site_links(html)
        assert links & internal_urls == set(), page.url
        answers = {path: answers_visitor(visitor, path, seen) for path in links}
        assert {p: a for p, a in answers.items() if a not in ("public", "login")} == {}
        for path in switcher_links(html):
            assert answers_visitor(visitor, path, seen) == "public", (page.url, path)

    # The sitemap lists exactly these pages, and each answers the visitor.
    sitemap = visitor.get("/sitemap.xml").content.decode()
    listed = {urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    assert listed == {page.url for page in pages}
    assert {answers_visitor(visitor, path, seen) for path in listed} == {"public"}
