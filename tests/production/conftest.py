"""Fixtures for the production tests: a small site with stories, and the page cache on."""

import pytest

from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory


@pytest.fixture
def page_cache(settings):
    """The full-page caches, as with Redis in production: a cache shared by every process,
    sessions read from it."""
    settings.CHORUS_PAGE_CACHE = True
    settings.CHORUS_SHARED_CACHE = True
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    return settings


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page, title="Histoires", slug="histoires")


@pytest.fixture
def public_story(story_index):
    return StoryPageFactory(
        parent=story_index,
        title="Our new workshop opens",
        slug="new-workshop",
        is_public=True,
    )


@pytest.fixture
def internal_story(story_index):
    return StoryPageFactory(
        parent=story_index,
        title="Budget talks, for us only",
        slug="budget-talks",
        is_public=False,
    )
