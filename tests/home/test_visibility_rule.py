"""One visibility rule for every list (home.access.visible_to).

A page behind a group or password restriction, set by an editor with Wagtail's own privacy
settings, never shows its title, intro or image in a list to a reader who may not open it:
not on home, in the indexes, the feed, search, the menu, bylines or the dashboard. Every
cache is on (as with Redis in production) and each list is rendered first by a member of
the group, so that a copy kept for the member and shown to others would be caught.
"""

import datetime
import re
import xml.etree.ElementTree as ET

from django.contrib.auth.models import Group
from django.contrib.sessions.backends.cache import SessionStore
from django.test import Client, RequestFactory
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest
import wagtail_factories

from home.access import visible_to, visible_to_user
from home.models import StandardPage
from referents.roles import EDITORS, EMPLOYEES
from stories.models import StoryAuthor
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.home import UserFactory
from tests.factories.referents import SpotlightIndexPageFactory, SpotlightPageFactory
from tests.factories.stories import (
    ShareKitFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)


pytestmark = pytest.mark.django_db

# What the Board's pages show in lists: only members of the Board may see it.
BOARD_TEXTS = [
    "Board story",
    "Board intro",
    "Board picture",
    "Board spotlight",
    "Board role",
    "Board guide",
    "Board summary",
    "Board room",
]
# Pages behind a password: lists never show them, not even to the Board.
PASSWORD_TEXTS = [
    "Password story",
    "Password intro",
    "Password spotlight",
    "Password guide",
]


@pytest.fixture(autouse=True)
def caches_on(settings):
    """The whole-page caches, as in production with Redis (fragment and list caches are
    always on): a cache shared by every process, sessions read from it."""
    settings.CHORUS_PAGE_CACHE = True
    settings.CHORUS_SHARED_CACHE = True
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def restrict(page, group=None, password=None):
    """What an editor does in the page's privacy settings: the page (and its subpages) for
    one group, or behind a password, in place of the usual login restriction."""
    PageViewRestriction.objects.filter(page=page).delete()
    if group is not None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([group])
    else:
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
        )


def user_in(*group_names):
    user = UserFactory()
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def groups(roles):
    return {
        "board": Group.objects.create(name="Board"),
        "council": Group.objects.create(name="Works council"),
    }


@pytest.fixture
def readers(groups):
    return {
        # In the Board: sees its pages.
        "member": user_in(EMPLOYEES, "Board"),
        # An employee like most.
        "outsider": user_in(EMPLOYEES),
        # In another group with a page of its own: has copies of their own in every cache.
        "council member": user_in(EMPLOYEES, "Works council"),
    }


def returning(user):
    """A test client for `user`, logged in after a visit a day ago ("new since your last
    visit" lists what was published since)."""
    user.last_login = timezone.now() - datetime.timedelta(days=1)
    user.save(update_fields=["last_login"])
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def content(home_page, groups, ambassador):
    """Stories, spotlights and guides: open ones, the Board's, the works council's and
    password-protected ones, and a menu page for the Board."""
    stories = StoryIndexPageFactory(parent=home_page)
    spotlights = SpotlightIndexPageFactory(parent=home_page)
    guides = GuideIndexPageFactory(parent=home_page)
    pages = {
        "open story": StoryPageFactory(parent=stories, title="Open story"),
        "board story": StoryPageFactory(
            parent=stories,
            title="Board story",
            intro="Board intro",
            image=wagtail_factories.ImageFactory(title="Board image"),
            image_alt="Board picture",
        ),
        "council story": StoryPageFactory(parent=stories, title="Council story"),
        "password story": StoryPageFactory(
            parent=stories, title="Password story", intro="Password intro"
        ),
        "board spotlight": SpotlightPageFactory(
            parent=spotlights,
            owner=ambassador,
            title="Board spotlight",
            role="Board role",
        ),
        "password spotlight": SpotlightPageFactory(
            parent=spotlights, owner=ambassador, title="Password spotlight"
        ),
        "open guide": GuidePageFactory(parent=guides, title="Open guide"),
        "board guide": GuidePageFactory(
            parent=guides, title="Board guide", summary="Board summary"
        ),
        "password guide": GuidePageFactory(parent=guides, title="Password guide"),
    }
    board_room = StandardPage(title="Board room", slug="board-room", show_in_menus=True)
    home_page.add_child(instance=board_room)
    board_room.save_revision().publish()
    pages["board room"] = board_room
    for name, page in pages.items():
        if name.startswith("board"):
            restrict(page, group=groups["board"])
        elif name.startswith("council"):
            restrict(page, group=groups["council"])
        elif name.startswith("password"):
            restrict(page, password="let-me-in")
    return pages


def section(html, start, end):
    """The part of a page from `start` to the first `end` after it ("" if absent)."""
    if start not in html:
        return ""
    return html.split(start, 1)[1].split(end, 1)[0]


def by_testid(name, end="</section>"):
    return lambda html: section(html, f'data-testid="{name}"', end)


def unmarked(html):
    """Search results without the highlighting of the searched words."""
    return re.sub(r"</?mark>", "", html)


def feed_titles(content):
    feed = ET.fromstring(content)  # noqa: S314 (our own feed, in a test)
    atom = "{http://www.w3.org/2005/Atom}"
    return "\n".join(
        entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")
    )


# Each list: where it is, how to find it in the page, and what of the Board it lists.
LISTS = {
    "home: latest stories": (
        "/fr/",
        by_testid("latest-stories"),
        ["Board story", "Board intro", "Board picture"],
    ),
    "home: ambassador of the week": (
        "/fr/",
        by_testid("spotlight-of-the-week"),
        ["Board spotlight", "Board role"],
    ),
    "home: new since your last visit": (
        "/fr/",
        by_testid("new-since-last-visit"),
        ["Board story", "Board spotlight", "Board guide"],
    ),
    "home: guides for me": (
        "/fr/",
        by_testid("guides-for-me"),
        ["Board guide", "Board summary"],
    ),
    "menu": (
        "/fr/",
        lambda html: section(html, 'class="main-nav"', "</nav>"),
        ["Board room"],
    ),
    "story index": (
        "/fr/histoires/",
        by_testid("story-list", "</ul>"),
        ["Board story", "Board intro", "Board picture"],
    ),
    "spotlight index": (
        "/fr/ambassadeurs/",
        by_testid("spotlight-list", "</ul>"),
        ["Board spotlight", "Board role"],
    ),
    "guide index": (
        "/fr/guides/",
        lambda html: section(html, 'data-testid="stage-group-discover"', "</section>"),
        ["Board guide", "Board summary"],
    ),
    "employees' feed": ("/fr/feeds/stories/all/", feed_titles, ["Board story"]),
    "search": (
        "/fr/search/?q=Board",
        lambda html: unmarked(
            "\n".join(re.findall(r'data-testid="search-result".*?</h3>', html, re.S))
        ),
        ["Board story", "Board spotlight", "Board guide"],
    ),
}


# Nothing else matches: for others the list is not shown at all.
LISTS_EMPTY_FOR_OUTSIDERS = {
    "home: ambassador of the week",
    "spotlight index",
    "search",
}


@pytest.mark.parametrize("name", LISTS)
def test_a_list_shows_a_restricted_page_only_to_those_who_may_open_it(
    name, content, readers
):
    url, find_list, board_texts = LISTS[name]

    response = returning(readers["member"]).get(url)
    assert response.status_code == 200
    members_list = find_list(response.content.decode())
    for text in board_texts:
        assert text in members_list, f"{name}: the Board's member misses {text!r}"
    for text in PASSWORD_TEXTS:
        assert text not in response.content.decode()

    for reader in ("outsider", "council member"):
        response = returning(readers[reader]).get(url)
        assert response.status_code == 200
        html = response.content.decode()
        if name not in LISTS_EMPTY_FOR_OUTSIDERS:
            assert find_list(html), f"{name}: the list is missing for the {reader}"
        for text in BOARD_TEXTS + PASSWORD_TEXTS:
            assert text not in html, f"{name}: the {reader} sees {text!r}"


@pytest.mark.parametrize("name", ["home: latest stories", "story index", "search"])
def test_a_copy_kept_for_another_group_is_never_served(name, content, readers):
    """The works council's member sees their own page, not the Board's; the Board's member
    the other way round, whoever rendered the list first."""
    url, find_list, _ = LISTS[name]
    if name == "search":
        url = "/fr/search/?q=story"  # finds both groups' stories
    for first, second in (("council member", "member"), ("member", "council member")):
        returning(readers[first]).get(url)
        html = find_list(returning(readers[second]).get(url).content.decode())
        sees_board = second == "member"
        assert ("Board story" in html) is sees_board
        assert ("Council story" in html) is not sees_board


def test_anonymous_visitors_see_no_restricted_page_in_public_lists(
    client, content, readers
):
    """Public lists (the public feed, search) for anonymous visitors, after a member."""
    public = StoryPageFactory(
        parent=content["open story"].get_parent(),
        title="Public story",
        is_public=True,
    )
    for url in ("/fr/search/?q=story", "/fr/feeds/stories/public/"):
        returning(readers["member"]).get(url)
        response = client.get(url)
        assert response.status_code == 200
        html = unmarked(response.content.decode())
        assert public.title in html
        for text in BOARD_TEXTS + PASSWORD_TEXTS:
            assert text not in html


def test_a_byline_links_a_restricted_spotlight_only_for_those_who_may_open_it(
    client, content, readers
):
    story = StoryPageFactory(
        parent=content["open story"].get_parent(), title="Team news", is_public=True
    )
    StoryAuthor.objects.create(
        page=story, name="Awa", spotlight=content["board spotlight"]
    )
    story.save_revision().publish()
    link = f'href="{content["board spotlight"].url}"'

    assert link in returning(readers["member"]).get(story.url).content.decode()
    for other in (returning(readers["outsider"]), client):
        html = other.get(story.url).content.decode()
        assert "Awa" in html
        assert link not in html


def test_group_membership_changes_what_the_lists_show_at_once(content, readers):
    """A reader's visibility is kept in the cache: joining or leaving the group, or the
    group being taken off the restriction, shows at once."""
    outsider, board = readers["outsider"], Group.objects.get(name="Board")
    returning(readers["member"]).get("/fr/histoires/")
    client = returning(outsider)
    assert "Board story" not in client.get("/fr/histoires/").content.decode()

    outsider.groups.add(board)
    assert "Board story" in client.get("/fr/histoires/").content.decode()

    board.user_set.remove(outsider)
    assert "Board story" not in client.get("/fr/histoires/").content.decode()

    board.user_set.add(outsider)
    assert "Board story" in client.get("/fr/histoires/").content.decode()
    restriction = PageViewRestriction.objects.get(page=content["board story"])
    restriction.groups.set([Group.objects.get(name="Works council")])
    assert "Board story" not in client.get("/fr/histoires/").content.decode()


def test_without_a_shared_cache_a_group_left_elsewhere_shows_at_once(
    content, readers, settings
):
    """Several processes with caches of their own (no Redis): another process removes the
    member from the group, and no signal reaches this one."""
    settings.CHORUS_SHARED_CACHE = False
    settings.CHORUS_PAGE_CACHE = False
    member = readers["member"]
    client = returning(member)
    assert "Board story" in client.get("/fr/histoires/").content.decode()

    member.groups.through.objects.filter(user=member, group__name="Board").delete()
    assert "Board story" not in client.get("/fr/histoires/").content.decode()


def test_a_superuser_sees_group_pages_but_not_password_pages(content):
    admin = UserFactory(is_superuser=True)
    html = returning(admin).get("/fr/histoires/").content.decode()
    assert "Board story" in html
    assert "Council story" in html
    assert "Password story" not in html


def test_dashboard_lists_only_pages_the_reader_may_open(
    client_for, content, groups, editor, ambassador
):
    """The Chorus panel: share kits opening soon and reviews, for editors in the Board and
    outside it. (Wagtail's own admin panels and explorer, like Wagtail itself, do not apply
    front-end restrictions to editors.)"""
    ShareKitFactory(
        page=content["board story"],
        title="Board kit",
        shareable_from=timezone.now() + datetime.timedelta(days=2),
    )
    ShareKitFactory(
        page=content["open story"],
        title="Open kit",
        shareable_from=timezone.now() + datetime.timedelta(days=2),
    )
    draft = SpotlightPageFactory(
        parent=content["board spotlight"].get_parent(),
        owner=ambassador,
        title="Board draft in review",
        live=False,
    )
    restrict(draft, group=groups["board"])
    draft.save_revision(user=ambassador)
    draft.get_workflow().start(draft, ambassador)

    def chorus_panel(user):
        html = client_for(user).get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
        return section(
            html.content.decode(), 'data-testid="chorus-dashboard"', "</section>"
        )

    board_editor = user_in(EMPLOYEES, EDITORS, "Board")
    mine = chorus_panel(board_editor)
    assert "Board kit" in mine
    assert "Board story" in mine
    assert "Board draft in review" in mine
    others = chorus_panel(editor)
    assert "Open kit" in others
    for text in ("Board kit", "Board story", "Board draft in review"):
        assert text not in others


@pytest.fixture
def small_tree(home_page, groups, ambassador):
    """Restrictions of every kind on pages and on branches (a restriction covers the pages
    under it)."""
    stories = StoryIndexPageFactory(parent=home_page)
    spotlights = SpotlightIndexPageFactory(parent=home_page)
    guides = GuideIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=stories, title="Public", is_public=True)
    StoryPageFactory(parent=stories, title="Internal")
    restrict(StoryPageFactory(parent=stories, title="Board"), group=groups["board"])
    restrict(StoryPageFactory(parent=stories, title="Council"), group=groups["council"])
    restrict(StoryPageFactory(parent=stories, title="Secret"), password="let-me-in")
    both = StoryPageFactory(parent=stories, title="Board and council")
    restriction = PageViewRestriction.objects.create(
        page=both, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(groups.values())
    nobody = PageViewRestriction.objects.create(
        page=StoryPageFactory(parent=stories, title="No group"),
        restriction_type=PageViewRestriction.GROUPS,
    )
    assert not nobody.groups.exists()
    # Branches: every spotlight under a Board restriction, every guide behind a password.
    SpotlightPageFactory(parent=spotlights, owner=ambassador, is_public=True)
    SpotlightPageFactory(parent=spotlights, owner=ambassador)
    restrict(spotlights, group=groups["board"])
    GuidePageFactory(parent=guides, is_public=True)
    restrict(guides, password="let-me-in")


def wagtail_accepts(page, request):
    """Wagtail's own decision: every restriction on the page or above it lets the request
    through (`PageViewRestriction.accept_request`, as Wagtail's serve view checks it)."""
    return all(
        restriction.accept_request(request)
        for restriction in page.get_view_restrictions()
    )


def test_the_rule_is_wagtail_s_own_page_by_page(small_tree, readers):
    from django.contrib.auth.models import AnonymousUser

    people = {
        "anonymous": AnonymousUser(),
        **readers,
        "in both groups": user_in(EMPLOYEES, "Board", "Works council"),
        "superuser": UserFactory(is_superuser=True),
    }
    pages = list(Page.objects.filter(depth__gt=1))
    assert len(pages) == 14
    for who, user in people.items():
        request = RequestFactory().get("/")
        request.user = user
        request.session = SessionStore()  # no password entered
        listed = set(
            visible_to(Page.objects.all(), request).values_list("pk", flat=True)
        )
        listed_for_user = set(
            visible_to_user(Page.objects.all(), user).values_list("pk", flat=True)
        )
        for page in pages:
            assert (page.pk in listed) is wagtail_accepts(page, request), (
                f"{who}: {page.title}"
            )
        # Outside a request (digests, personal feeds, reminders) the rule is the same.
        assert listed_for_user == listed, who


def test_outside_a_request_an_inactive_account_sees_only_public_pages(small_tree):
    user = UserFactory(is_active=False)
    assert set(visible_to_user(Page.objects.all(), user)) == set(
        Page.objects.all().public()
    )


def test_a_reader_s_visibility_costs_no_query_once_known(
    content, readers, django_assert_max_num_queries
):
    """Kept per user: a page served from the cache costs the user's row, nothing more,
    however many restrictions there are."""
    returning(readers["outsider"]).get("/fr/")  # creates the site settings row
    for reader in ("member", "outsider"):
        client = returning(readers[reader])
        client.get("/fr/histoires/")
        with django_assert_max_num_queries(1):
            assert client.get("/fr/histoires/").status_code == 200
