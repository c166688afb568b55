"""`.public()`, with Chorus' scalable `private_q` (home.access), keeps Wagtail's rule: a page
is public if neither it nor any page above it carries a view restriction."""

from wagtail.models import Page, PageViewRestriction

import pytest

from chorus_site.search import highlight
from tests.factories.stories import StoryPageFactory


pytestmark = pytest.mark.django_db


def wagtail_rule():
    """Wagtail's rule, page by page: no restriction on the page or above it."""
    return {
        page.pk
        for page in Page.objects.all()
        if not PageViewRestriction.objects.filter(
            page__in=page.get_ancestors(inclusive=True)
        ).exists()
    }


def test_public_matches_wagtail_rule(story_index):
    StoryPageFactory(parent=story_index, title="Public", is_public=True)
    StoryPageFactory(parent=story_index, title="Internal")
    StoryPageFactory(parent=story_index, title="Draft", live=False)
    expected = wagtail_rule()
    assert set(Page.objects.public().values_list("pk", flat=True)) == expected

    # A restriction on a page with children covers them too.
    PageViewRestriction.objects.create(
        page=story_index, restriction_type=PageViewRestriction.LOGIN
    )
    expected = wagtail_rule()
    found = set(Page.objects.public().values_list("pk", flat=True))
    assert found == expected
    assert not Page.objects.filter(pk__in=found, title="Public").exists()


@pytest.mark.parametrize(
    ("text", "query", "html"),
    [
        ("Une girafe", "girafe", "Une <mark>girafe</mark>"),
        ("GIRAFE & co", "girafe", "<mark>GIRAFE</mark> &amp; co"),
        ("<b>amp</b>", "amp", "&lt;b&gt;<mark>amp</mark>&lt;/b&gt;"),
        ("a <mark> b", "mark", "a &lt;<mark>mark</mark>&gt; b"),
        ("rien", "", "rien"),
        ("1 < 2", "<", "1 &lt; 2"),
    ],
)
def test_highlight_escapes_first_then_marks(text, query, html):
    assert str(highlight(text, query)) == html
