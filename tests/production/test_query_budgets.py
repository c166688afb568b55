"""DESIGN §6: the SQL queries of each page do not grow with the content, and stay ≤ 12.

The same generator as `make bench` builds a small site (30 stories), every page is measured,
then ten times as much content is added and every page is measured again. Counts are taken
in the steady state (the second request for a page, rendered with the fragment caches warm
and the whole-page caches off) and with every cache empty, which must not grow either
(`make bench` reports the cold counts against the budget, and the cached pages).
"""

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest

from guides.models import GuideIndexPage, GuidePage
from referents.roles import EMPLOYEES
from stories.models import ShareKit, SpotlightPage, StoryIndexPage, StoryPage
from tests.factories.home import UserFactory


pytestmark = pytest.mark.django_db

BUDGET = 12
ALL_TYPES_SEARCH = "search, all page types"


def generate(stories):
    call_command(
        "generate_load_data",
        stories=stories,
        spotlights=max(2, stories // 10),
        guides=max(2, stories // 10),
        topics=max(2, stories // 30),
        no_index=False,
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )


def fr(model, slug):
    return model.objects.live().get(slug=slug, locale__language_code="fr")


def pages():
    """(name, method, url, data, logged in) of every page type in the budget."""
    with translation.override("fr"):
        search = reverse("search")
        kit = ShareKit.objects.filter(
            page=fr(StoryPage, "load-story-0"), live=True
        ).first()
        share = reverse("stories:share", args=[kit.pk])
    story_index = StoryIndexPage.objects.live().get(locale__language_code="fr")
    guide_index = GuideIndexPage.objects.live().get(locale__language_code="fr")
    return [
        ("home", "get", "/fr/", None, True),
        ("story index", "get", story_index.url, None, True),
        ("story (anonymous)", "get", fr(StoryPage, "load-story-0").url, None, False),
        (
            "story with share panel",
            "get",
            fr(StoryPage, "load-story-0").url,
            None,
            True,
        ),
        ("internal story", "get", fr(StoryPage, "load-story-1").url, None, True),
        ("spotlight", "get", fr(SpotlightPage, "load-spotlight-0").url, None, True),
        ("guide index", "get", guide_index.url, None, True),
        ("guide", "get", fr(GuidePage, "load-guide-0").url, None, True),
        ("search", "get", search, {"q": "atelier", "type": "story"}, True),
        # One query per page type among the results: bounded, not constant (checked ≤ 12).
        (ALL_TYPES_SEARCH, "get", search, {"q": "atelier"}, True),
        ("share", "post", share, {"network": "x", "text": "Hello"}, True),
    ]


TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK", "BEGIN", "COMMIT")


def sql_queries(captured):
    """Queries, without the transaction statements of ATOMIC_REQUESTS."""
    return sum(
        not query["sql"].startswith(TRANSACTION_CONTROL)
        for query in captured.captured_queries
    )


def measure():
    """The queries of each page with warm caches, and of each page read with every cache
    empty (as right after a publish)."""
    # A new employee each time, so that both rounds see the same person's state.
    employee = UserFactory()
    employee.groups.set(Group.objects.filter(name=EMPLOYEES))
    warm, cold = {}, {}
    for name, method, url, data, logged_in in pages():
        client = Client()  # a fresh visitor for each page: nothing carried over
        if logged_in:
            client.force_login(employee)
        send = getattr(client, method)
        first = send(url, data or {})
        assert first.status_code in (200, 303), (name, first.status_code)
        with CaptureQueriesContext(connection) as queries:
            send(url, data or {})
        warm[name] = sql_queries(queries)
        if method == "get":
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                send(url, data or {})
            cold[name] = sql_queries(queries)
    return warm, cold


@pytest.fixture
def small_site(home_page, home_page_en, roles, settings):
    # What rendering costs: the whole-page caches (on with Redis) would hide it.
    settings.CHORUS_PAGE_CACHE = False
    # Counted as served in production, with a cache every process shares (Redis; in this
    # one process, local memory stands in for it), where sessions and stages are cached.
    settings.CHORUS_SHARED_CACHE = True
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    generate(30)


def test_queries_do_not_grow_with_content_and_stay_in_budget(small_site):
    small, small_cold = measure()
    generate(270)
    assert StoryPage.objects.count() >= 300
    large, large_cold = measure()
    # With every cache empty too, a page costs what it cost with a tenth of the content
    # (make bench reports these counts against the budget of 12).
    large_cold.pop(ALL_TYPES_SEARCH)
    small_cold.pop(ALL_TYPES_SEARCH)
    assert large_cold == small_cold
    over = {name: count for name, count in large.items() if count > BUDGET}
    assert not over, f"over {BUDGET} queries with more content: {over}"
    large.pop(ALL_TYPES_SEARCH)
    small.pop(ALL_TYPES_SEARCH)
    assert large == small
    over = {name: count for name, count in small.items() if count > BUDGET}
    assert not over, f"over {BUDGET} queries: {over}"
