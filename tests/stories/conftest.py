"""Fixtures for the stories tests: the story index in each language."""

import pytest

from tests.factories.stories import StoryIndexPageFactory


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page, title="Histoires", slug="histoires")


@pytest.fixture
def story_index_en(story_index, home_page_en, locales):
    index = story_index.copy_for_translation(locales["en"])
    index.title, index.slug = "Stories", "stories"
    index.save_revision().publish()
    return index
