"""The home page as a living front page: what to share this week, one ambassador, what is new
since the last visit; in a bounded number of queries whatever the amount of content."""

import datetime

from django.core.cache import cache
from django.test import Client
from django.utils import timezone

import pytest

from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.referents import (
    ReferentFactory,
    SpotlightIndexPageFactory,
    SpotlightPageFactory,
)
from tests.factories.stories import (
    ShareKitFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)


pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


@pytest.fixture
def indexes(home_page, roles):
    return {
        "stories": StoryIndexPageFactory(parent=home_page),
        "spotlights": SpotlightIndexPageFactory(parent=home_page),
        "guides": GuideIndexPageFactory(parent=home_page),
    }


def _add_content(indexes, ambassador, how_many):
    for number in range(how_many):
        story = StoryPageFactory(
            parent=indexes["stories"], title=f"Public {number}", is_public=True
        )
        ShareKitFactory(page=story)
        StoryPageFactory(parent=indexes["stories"], title=f"Internal {number}")
        SpotlightPageFactory(
            parent=indexes["spotlights"], owner=ambassador, title=f"Ambassador {number}"
        )
        GuidePageFactory(parent=indexes["guides"], title=f"Guide {number}")
        ReferentFactory()


def _logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_home_shows_shareable_stories_and_one_ambassador(indexes, employee, ambassador):
    story = StoryPageFactory(
        parent=indexes["stories"], title="Open day", is_public=True
    )
    ShareKitFactory(page=story)
    StoryPageFactory(parent=indexes["stories"], title="Public, no kit", is_public=True)
    SpotlightPageFactory(parent=indexes["spotlights"], owner=ambassador, title="Awa")

    html = _logged_in(employee).get("/fr/").content.decode()

    shareable = html.split('data-testid="shareable-this-week"')[1].split("</section>")[
        0
    ]
    assert "Open day" in shareable
    assert "Public, no kit" not in shareable
    spotlight = html.split('data-testid="spotlight-of-the-week"')[1].split(
        "</section>"
    )[0]
    assert "Awa" in spotlight


def _section(html, testid):
    return html.split(f'data-testid="{testid}"')[1].split("</section>")[0]


def test_ambassadors_take_turns_week_by_week_in_page_order(
    indexes, employee, ambassador, monkeypatch
):
    names = ["Awa", "Bruno", "Chloé"]
    for name in names:
        SpotlightPageFactory(parent=indexes["spotlights"], owner=ambassador, title=name)
    shown = []
    for week in range(1, 7):
        monkeypatch.setattr(
            timezone,
            "localdate",
            lambda week=week: datetime.date.fromisocalendar(2026, week, 3),
        )
        cache.clear()  # the week's page and fragment, as on a Monday
        html = _logged_in(employee).get("/fr/").content.decode()
        spotlight = _section(html, "spotlight-of-the-week")
        shown.append(next(name for name in names if name in spotlight))
    # Week n shows spotlight n modulo 3, in page-tree order: each comes round in turn.
    assert shown == ["Bruno", "Chloé", "Awa", "Bruno", "Chloé", "Awa"]


def test_home_lists_the_newest_stories_and_the_newest_to_share(indexes, employee):
    for number in range(5):
        StoryPageFactory(
            parent=indexes["stories"],
            title=f"Internal {number}",
            date=datetime.date(2026, 1, 1 + number),
        )
        shareable = StoryPageFactory(
            parent=indexes["stories"],
            title=f"Public {number}",
            is_public=True,
            date=datetime.date(2025, 1, 1 + number),
        )
        ShareKitFactory(page=shareable)

    html = _logged_in(employee).get("/fr/").content.decode()

    def shown(section, kind):
        text = _section(html, section)
        return [n for n in range(5) if f"{kind} {n}" in text]

    # Three of each, newest first; the internal stories are not to share.
    assert shown("latest-stories", "Internal") == [2, 3, 4]
    assert shown("latest-stories", "Public") == []
    assert shown("shareable-this-week", "Public") == [2, 3, 4]
    assert shown("shareable-this-week", "Internal") == []


def test_first_visit_gets_a_welcome_then_what_is_new_since(indexes, employee):
    first = _logged_in(employee).get("/fr/").content.decode()
    assert 'data-testid="welcome"' in first

    employee.refresh_from_db()
    employee.last_login = timezone.now() - datetime.timedelta(days=3)
    employee.save(update_fields=["last_login"])
    old = StoryPageFactory(parent=indexes["stories"], title="Before my visit")
    old.first_published_at = timezone.now() - datetime.timedelta(days=10)
    old.save(update_fields=["first_published_at"])
    StoryPageFactory(parent=indexes["stories"], title="After my visit")

    second = _logged_in(employee).get("/fr/").content.decode()

    assert 'data-testid="welcome"' not in second
    new = second.split('data-testid="new-since-last-visit"')[1].split("</section>")[0]
    assert "After my visit" in new
    assert "Before my visit" not in new


def test_each_reader_sees_what_is_new_since_their_own_visit(
    indexes, employee, editor, ambassador, settings
):
    # The lists are kept once for every reader who may open the same pages.
    settings.CHORUS_SHARED_CACHE = True
    now = timezone.now()
    for days, title in ((10, "Ten days ago"), (2, "Two days ago")):
        story = StoryPageFactory(parent=indexes["stories"], title=title)
        story.first_published_at = now - datetime.timedelta(days=days)
        story.save(update_fields=["first_published_at"])
    visits = {employee: 20, editor: 5, ambassador: 1 / 24}
    seen = {}
    for person, days in visits.items():
        person.last_login = now - datetime.timedelta(days=days)
        person.save(update_fields=["last_login"])
        html = _logged_in(person).get("/fr/").content.decode()
        seen[person] = _section(html, "new-since-last-visit")
    assert "Ten days ago" in seen[employee] and "Two days ago" in seen[employee]
    assert "Two days ago" in seen[editor] and "Ten days ago" not in seen[editor]
    # Nothing new for the ambassador since their visit an hour ago, dated in French.
    nothing_new = seen[ambassador]
    assert "Ten days ago" not in nothing_new and "Two days ago" not in nothing_new
    visit = timezone.localtime(now - datetime.timedelta(hours=1))
    assert f"{visit.day} {FRENCH_MONTHS[visit.month - 1]} {visit.year}" in nothing_new


FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


@pytest.mark.parametrize("how_many", [1, 12])
def test_home_stays_within_the_query_budget(
    indexes, employee, ambassador, how_many, django_assert_max_num_queries, settings
):
    # Counted as served in production, with a cache every process shares (Redis), where
    # sessions and each reader's visibility are kept between requests.
    settings.CHORUS_SHARED_CACHE = True
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    _add_content(indexes, ambassador, how_many)
    # A returning employee: the "new since your last visit" section is shown too.
    employee.last_login = timezone.now() - datetime.timedelta(days=1)
    employee.save(update_fields=["last_login"])
    client = _logged_in(employee)
    client.get("/fr/")  # warm Wagtail's site and locale caches, like a running server
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get("/fr/")
    assert response.status_code == 200
