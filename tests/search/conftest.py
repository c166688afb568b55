"""Search fixtures: pages in both languages, public and internal, live and draft."""

from django.test import Client

import pytest

from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.stories import (
    ShareKitFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    TopicFactory,
)


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page)


@pytest.fixture
def guide_index(home_page):
    return GuideIndexPageFactory(parent=home_page)


@pytest.fixture
def story_index_en(story_index, home_page_en, locales):
    index = story_index.copy_for_translation(locales["en"])
    index.title, index.slug = "Stories", "stories"
    index.save_revision().publish()
    return index


@pytest.fixture
def topic(locales):
    return TopicFactory(name="Ferroviaire", slug="ferroviaire", locale=locales["fr"])


@pytest.fixture
def pages(story_index, guide_index, topic):
    """French pages, each carrying one word that appears nowhere else."""
    public = StoryPageFactory(
        parent=story_index,
        title="La girafe du quai 4",
        intro="Une histoire de girafe racontée par l'équipe.",
        is_public=True,
        topics=[topic],
    )
    internal = StoryPageFactory(
        parent=story_index,
        title="Le budget interne",
        intro="Les chiffres de l'hippopotame, à garder pour nous.",
    )
    draft = StoryPageFactory(
        parent=story_index, title="Brouillon", intro="Le rhinocéros arrive.", live=False
    )
    edited = StoryPageFactory(
        parent=story_index,
        title="Une histoire publique",
        intro="Le zèbre.",
        is_public=True,
    )
    # A later draft of a live page: its words must not be found until published.
    edited.intro = "Le crocodile du brouillon."
    edited.save_revision()
    kit = ShareKitFactory(page=public, texts=[("x", "Le mot okapi est sous embargo.")])
    guide = GuidePageFactory(
        parent=guide_index,
        title="Écouter avant de parler",
        summary="Suivre des comptes comme une girafe attentive.",
        stages=["listen"],
    )
    return {
        "public": public,
        "internal": internal,
        "draft": draft,
        "edited": edited,
        "kit": kit,
        "guide": guide,
    }


@pytest.fixture
def english_story(story_index_en):
    return StoryPageFactory(
        parent=story_index_en,
        title="The giraffe on platform 4",
        intro="A giraffe story, told by the team.",
        is_public=True,
    )


@pytest.fixture
def anonymous():
    """A client of its own: `client_for` logs in the shared `client` fixture."""
    return Client()
