"""`public_only` must give exactly Wagtail's `.public()`, in fewer SQL clauses."""

from wagtail.models import Page, PageViewRestriction

import pytest

from chorus_site.search import highlight, public_only
from tests.factories.stories import StoryPageFactory


pytestmark = pytest.mark.django_db


def test_public_only_matches_wagtail_public(story_index):
    StoryPageFactory(parent=story_index, title="Public", is_public=True)
    StoryPageFactory(parent=story_index, title="Internal")
    StoryPageFactory(parent=story_index, title="Draft", live=False)
    expected = set(Page.objects.public().values_list("pk", flat=True))
    assert set(public_only(Page.objects.all()).values_list("pk", flat=True)) == expected

    # A restriction on a page with children covers them too.
    PageViewRestriction.objects.create(
        page=story_index, restriction_type=PageViewRestriction.LOGIN
    )
    expected = set(Page.objects.public().values_list("pk", flat=True))
    found = set(public_only(Page.objects.all()).values_list("pk", flat=True))
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
