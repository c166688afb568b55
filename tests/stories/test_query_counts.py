"""Story pages cost a constant number of SQL queries, however many stories exist.

The site-wide budget (DESIGN §6: at most 12 per page) is measured by `make bench` on the
whole page; a large share of it goes to the shared layout (session, user, site, header, menu,
language switcher). These tests hold the stories' part constant as the content grows.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import wagtail_factories

from tests.factories.stories import StoryPageFactory, TopicFactory


pytestmark = pytest.mark.django_db


def _add_stories(story_index, count, topics):
    for _ in range(count):
        StoryPageFactory(
            parent=story_index,
            is_public=True,
            topics=topics,
            image=wagtail_factories.ImageFactory(),
            image_alt="Une image",
        )


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    # Count the queries of rendering, not of the whole-page cache (on when REDIS_URL is set).
    settings.CHORUS_PAGE_CACHE = False


def _queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/fr/histoires/", "/fr/histoires/?topic=t1&shareable=1", "/fr/"]
)
def test_listing_pages_cost_the_same_with_more_stories(
    client_for, employee, story_index, url
):
    client = client_for(employee)
    topics = [TopicFactory(slug="t1"), TopicFactory(slug="t2")]
    _add_stories(story_index, 2, topics)
    few = _queries(client, url)
    _add_stories(story_index, 12, topics)
    assert _queries(client, url) == few


def test_story_page_costs_the_same_with_more_topics_and_translations(
    client, story_index, story_index_en, locales
):
    topics = [TopicFactory(slug="t1")]
    _add_stories(story_index, 1, topics)
    story = story_index.get_children().specific().last()
    few = _queries(client, story.url)
    story.topics.set([*topics, TopicFactory(slug="t2"), TopicFactory(slug="t3")])
    story.save_revision().publish()
    english = story.copy_for_translation(locales["en"])
    english.save_revision().publish()
    # One more alternate language link, and no more queries.
    assert _queries(client, story.url) == few


def _add_comments(story, author, count):
    from stories.models import Comment

    Comment.objects.bulk_create(
        Comment(
            thread_key=story.translation_key,
            page=story,
            author=author,
            language="fr",
            text=f"Commentaire {n}",
        )
        for n in range(count)
    )
    # bulk_create sends no signal: forget the conversation's cached part as a save would.
    from stories.comments.cache import bump_thread

    bump_thread(story.translation_key)


def _cold_queries(client, url):
    from django.core.cache import cache

    client.get(url)
    cache.clear()  # as right after a new comment: the conversation is rendered again
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_story_with_200_comments_costs_what_one_with_2_costs(
    client_for, employee, referent, story_index
):
    client = client_for(employee)
    _add_stories(story_index, 1, [])
    story = story_index.get_children().specific().last()
    _add_comments(story, referent, 2)
    few_warm, few_cold = _queries(client, story.url), _cold_queries(client, story.url)
    _add_comments(story, referent, 198)
    html = client.get(story.url).content.decode()
    assert "Commentaire 197" in html and 'data-testid="comments-pagination"' in html
    assert _queries(client, story.url) == few_warm
    assert _cold_queries(client, story.url) == few_cold
    # Read from the cache, the conversation costs no query at all.
    assert few_warm < few_cold


def test_a_conversation_is_read_afresh_in_two_queries(referent, story_index):
    from django.core.cache import cache

    from stories.comments.fragment import shared_part
    from stories.models import StoryPage

    _add_stories(story_index, 1, [])
    story = story_index.get_children().specific().last()
    _add_comments(story, referent, 2)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        part = shared_part(StoryPage, story.translation_key, story.locale_id, 1)
    # The story in every language (who owns it, are comments open) with the number of
    # comments, then the comments of the first page.
    assert len(queries) == 2
    assert part["count"] == 2 and part["open"] and part["page_id"] == story.pk
    assert "Commentaire 1" in part["html"]
