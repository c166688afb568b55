"""Chorus' `private_q` (home.access) gives exactly Wagtail's pages: private if a view
restriction of any kind sits on the page or above it. Each check compares `.public()` and
`.not_public()` with Wagtail's own `private_q`, kept as `WAGTAIL_PRIVATE_Q`, on trees
whose stored child counts (`numchild`) are right, too low or too high.

A page's own restrictions (`get_view_restrictions`, which Wagtail's serve hook checks) are
read in one query by Chorus' pages: compared with Wagtail's method on the same trees, with
aliases of aliases and a whole aliased section."""

from django.contrib.auth.models import Group

from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

import pytest

from home.access import WAGTAIL_PRIVATE_Q, private_q, with_restricted_flag
from stories.models import StoryPage
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory


pytestmark = pytest.mark.django_db

KINDS = [
    PageViewRestriction.LOGIN,
    PageViewRestriction.GROUPS,
    PageViewRestriction.PASSWORD,
]


def restrict(page, kind=PageViewRestriction.LOGIN):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="secret"
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get_or_create(name="Board")[0]])
    return restriction


def set_numchild(value, *pages):
    """Make the stored child count lie (all pages if none given)."""
    pages = (
        Page.objects.filter(pk__in=[page.pk for page in pages])
        if pages
        else Page.objects
    )
    pages.update(numchild=value)


def titles(pages):
    return sorted(page.title for page in pages)


def assert_same_as_wagtail():
    """`.public()` and `.not_public()` give Wagtail's pages; returns the public ones."""
    wagtail_private = WAGTAIL_PRIVATE_Q(Page.objects.all())
    public = set(Page.objects.public())
    assert titles(public) == titles(Page.objects.exclude(wagtail_private))
    assert titles(Page.objects.not_public()) == titles(
        Page.objects.filter(wagtail_private)
    )
    # Specific querysets (StoryPage.objects) go through the same rule.
    assert set(StoryPage.objects.live().public()) == set(
        StoryPage.objects.live().exclude(wagtail_private)
    )
    return public


@pytest.fixture
def tree(home_page):
    """Every case at once. Stories are internal (a login restriction) unless public."""
    index = StoryIndexPageFactory(parent=home_page)
    public = StoryPageFactory(parent=index, title="Public", is_public=True)
    leaf = StoryPageFactory(parent=index, title="Internal leaf")
    branch = StoryPageFactory(parent=index, title="Internal branch")
    child = StoryPageFactory(parent=branch, title="Child", is_public=True)
    grandchild = StoryPageFactory(parent=child, title="Grandchild", is_public=True)
    group_branch = StoryPageFactory(parent=index, title="Group branch", is_public=True)
    restrict(group_branch, PageViewRestriction.GROUPS)
    group_child = StoryPageFactory(
        parent=group_branch, title="Group child", is_public=True
    )
    password_leaf = StoryPageFactory(
        parent=index, title="Password leaf", is_public=True
    )
    restrict(password_leaf, PageViewRestriction.PASSWORD)
    # Aliases without a restriction of their own: Wagtail looks at the alias' own path only.
    alias_of_leaf = leaf.create_alias(parent=index, update_slug="alias-of-leaf")
    alias_under_branch = public.create_alias(
        parent=branch, update_slug="alias-under-branch"
    )
    for alias, title in [
        (alias_of_leaf, "Alias of leaf"),
        (alias_under_branch, "Alias under branch"),
    ]:
        PageViewRestriction.objects.filter(page=alias).delete()
        Page.objects.filter(pk=alias.pk).update(title=title)
    return {
        "index": index,
        "public": public,
        "leaf": leaf,
        "branch": branch,
        "child": child,
        "grandchild": grandchild,
        "group branch": group_branch,
        "group child": group_child,
        "password leaf": password_leaf,
    }


def test_chorus_rule_replaces_wagtail_s():
    assert PageQuerySet.private_q is private_q
    assert WAGTAIL_PRIVATE_Q.__module__ == "wagtail.query"


def test_same_pages_as_wagtail(tree):
    public = assert_same_as_wagtail()
    assert titles(public) == ["Accueil", "Alias of leaf", "Histoires", "Public", "Root"]


@pytest.mark.parametrize("numchild", [0, 5])
def test_a_stored_child_count_that_lies_changes_nothing(tree, numchild):
    set_numchild(numchild)
    assert_same_as_wagtail()


def test_a_restricted_branch_counted_as_a_leaf_and_a_leaf_counted_as_a_branch(tree):
    set_numchild(0, tree["branch"], tree["child"], tree["group branch"])
    set_numchild(5, tree["leaf"], tree["password leaf"], tree["grandchild"])
    public = assert_same_as_wagtail()
    assert tree["grandchild"] not in public and tree["group child"] not in public


def test_a_restricted_leaf_that_receives_a_child(tree):
    StoryPageFactory(parent=tree["leaf"], title="Late child", is_public=True)
    assert "Late child" not in titles(assert_same_as_wagtail())
    # As if the child were written in bulk and the count never updated.
    set_numchild(0, tree["leaf"])
    assert "Late child" not in titles(assert_same_as_wagtail())


@pytest.mark.parametrize("numchild", ["stored", 0, 5])
@pytest.mark.parametrize("kind", KINDS)
def test_a_restriction_on_any_page_gives_wagtail_s_pages(tree, kind, numchild):
    """Each page of the tree in turn, the root included, gets one more restriction."""
    if numchild != "stored":
        set_numchild(numchild)
    for page in Page.objects.all():
        restriction = restrict(page, kind)
        public = assert_same_as_wagtail()
        assert page not in public
        restriction.delete()


def test_public_and_not_public_cost_one_query_each_way(
    tree, django_assert_num_queries, settings
):
    """One small query when called (restricted pages with children, as Wagtail reads its
    restrictions), one when read, however many restrictions there are."""
    settings.CHORUS_SHARED_CACHE = False  # no copy of the restricted parents is kept
    for name in ("public", "not_public"):
        with django_assert_num_queries(1):
            queryset = getattr(Page.objects, name)()
        with django_assert_num_queries(1):
            assert list(queryset)


def test_leaf_restrictions_add_no_clause(tree):
    """Restrictions on leaves, however many, and more restrictions on a restricted branch
    leave the query as it was (SQLite refuses one of about 1,000 clauses)."""
    sql = str(Page.objects.public().query)
    for page in (tree["leaf"], tree["public"], tree["branch"]):
        PageViewRestriction.objects.bulk_create(
            PageViewRestriction(page=page, restriction_type=PageViewRestriction.LOGIN)
            for _ in range(600)
        )
    assert str(Page.objects.public().query) == sql
    # Wagtail's own would now ask SQLite for 1,800 clauses.
    assert titles(Page.objects.public()) == [
        "Accueil",
        "Alias of leaf",
        "Histoires",
        "Root",
    ]


# A page's own restrictions: Chorus' pages read them in one query (view_restrictions_on_path).


def assert_restrictions_as_wagtail_reads_them():
    """Read alone, or with the page as the page view reads it (`with_restricted_flag`)."""
    for page in Page.objects.all():
        wagtail = {restriction.pk for restriction in Page.get_view_restrictions(page)}
        specific = page.specific
        flagged = with_restricted_flag(
            type(specific).objects.filter(pk=page.pk), page.path
        ).get()
        for read in [specific, flagged]:
            chorus = {restriction.pk for restriction in read.get_view_restrictions()}
            assert chorus == wagtail, page.title


@pytest.fixture
def aliased_tree(tree, home_page):
    """The tree, with an alias of an alias and a whole section aliased (its pages under an
    alias ancestor), each alias given a restriction of its own that Wagtail ignores."""
    alias_of_alias = tree["branch"].create_alias(
        parent=tree["index"], update_slug="alias-of-branch"
    )
    Page.objects.filter(pk=alias_of_alias.pk).update(
        alias_of=Page.objects.get(slug="alias-of-leaf")
    )
    section = tree["branch"].create_alias(
        parent=home_page, update_slug="aliased-branch", recursive=True
    )
    for page in [alias_of_alias, section]:
        restrict(page, PageViewRestriction.PASSWORD)
    return tree


def test_a_page_s_restrictions_are_wagtail_s(aliased_tree):
    assert Page.objects.filter(alias_of__alias_of__isnull=False).exists()
    assert (
        Page.objects.filter(
            path__startswith=Page.objects.get(slug="aliased-branch").path
        ).count()
        > 2
    )
    assert_restrictions_as_wagtail_reads_them()


@pytest.mark.parametrize("kind", KINDS)
def test_a_restriction_on_any_page_gives_the_same_page_restrictions(aliased_tree, kind):
    for page in Page.objects.all():
        restriction = restrict(page, kind)
        assert_restrictions_as_wagtail_reads_them()
        restriction.delete()


def test_a_page_s_restrictions_cost_one_query(aliased_tree, django_assert_num_queries):
    page = Page.objects.get(slug="aliased-branch").get_children().first().specific
    with django_assert_num_queries(1):
        assert len(page.get_view_restrictions()) == 1
        assert page.get_view_restrictions().exists()


def test_a_page_read_with_its_flag_costs_a_query_only_when_restricted(
    tree, django_assert_num_queries
):
    public, internal = tree["public"], tree["leaf"]
    for page, restrictions in [(public, 0), (internal, 1)]:
        read = with_restricted_flag(StoryPage.objects.filter(pk=page.pk), page.path)
        read = read.get()
        with django_assert_num_queries(restrictions):
            assert len(read.get_view_restrictions()) == restrictions
            assert read.get_view_restrictions().exists() == bool(restrictions)


@pytest.fixture
def shared_cache(settings):
    """A cache every process shares (Redis in production): the restricted parents are
    kept there until a restriction changes or a page is added or moved."""
    settings.CHORUS_SHARED_CACHE = True
    return settings


def test_with_a_shared_cache_the_restricted_parents_are_read_once(
    tree, shared_cache, django_assert_num_queries
):
    assert_same_as_wagtail()
    with django_assert_num_queries(0):
        queryset = Page.objects.public()
    with django_assert_num_queries(1):
        assert list(queryset)


def test_with_a_shared_cache_every_change_is_seen_at_once(tree, shared_cache):
    """The property, attacked through each change that makes a page private or public:
    `.public()` gives Wagtail's pages after each, however the parents were kept."""
    assert_same_as_wagtail()
    # A restricted leaf receives its first child, a page with no restriction of its own
    # (Chorus' own pages get one until published): the child is private at once.
    tree["leaf"].add_child(instance=Page(title="Late child", slug="late-child"))
    assert "Late child" not in titles(assert_same_as_wagtail())
    # Its parent is opened to everyone, then restricted again.
    PageViewRestriction.objects.filter(page=tree["leaf"]).delete()
    assert "Late child" in titles(assert_same_as_wagtail())
    restrict(tree["leaf"], PageViewRestriction.GROUPS)
    assert "Late child" not in titles(assert_same_as_wagtail())
    # A public page moves under a restricted branch, and back.
    tree["public"].move(tree["branch"], pos="last-child")
    assert "Public" not in titles(assert_same_as_wagtail())
    Page.objects.get(pk=tree["public"].pk).move(tree["index"], pos="last-child")
    assert "Public" in titles(assert_same_as_wagtail())
    # A copy of the restricted branch, with its children, is private as a whole.
    tree["branch"].copy(recursive=True, update_attrs={"slug": "branch-copy"})
    assert_same_as_wagtail()
