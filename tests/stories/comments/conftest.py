"""Fixtures for the comments tests: a story in French and English, and a spotlight."""

from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from stories.models import Comment, CommentSettings, CommentStatus
from stories.models.comments import ModerationMode
from tests.factories.referents import SpotlightIndexPageFactory, SpotlightPageFactory
from tests.factories.stories import StoryPageFactory


@pytest.fixture
def story(story_index, editor):
    return StoryPageFactory(
        parent=story_index, title="Journée solidaire", is_public=True, owner=editor
    )


@pytest.fixture
def story_en(story, story_index_en, locales):
    story_index_en.refresh_from_db()
    english = story.copy_for_translation(locales["en"])
    english.title, english.slug = "Solidarity day", "solidarity-day"
    english.save_revision().publish()
    return type(english).objects.get(pk=english.pk)


@pytest.fixture
def spotlight(home_page, ambassador):
    index = SpotlightIndexPageFactory(parent=home_page)
    return SpotlightPageFactory(parent=index, owner=ambassador, title="Inès")


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def post_comment(client, page, text, language="fr"):
    with translation.override(language):
        url = reverse("stories:post_comment", args=[page.pk])
    return client.post(url, {"text": text})


def comment_on(page, author, text="Bravo à toute l'équipe.", **kwargs):
    kwargs.setdefault("status", CommentStatus.PUBLISHED)
    return Comment.objects.create(
        thread_key=page.translation_key,
        page=page,
        author=author,
        language=page.locale.language_code,
        text=text,
        **kwargs,
    )


@pytest.fixture
def pre_moderation(home_page):
    from wagtail.models import Site

    settings_row = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.moderation = ModerationMode.PRE
    settings_row.save()
    return settings_row
