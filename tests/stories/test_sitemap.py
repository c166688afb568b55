"""The sitemap lists public published stories only, in both languages."""

import pytest

from tests.factories.stories import StoryPageFactory


pytestmark = pytest.mark.django_db


def test_sitemap_lists_public_stories_and_their_translations_only(
    client, story_index_en, story_index, locales
):
    public = StoryPageFactory(parent=story_index, slug="publique", is_public=True)
    english = public.copy_for_translation(locales["en"])
    english.slug = "public-one"
    english.save_revision().publish()
    StoryPageFactory(parent=story_index, slug="interne")
    unpublished = StoryPageFactory(parent=story_index, slug="retiree", is_public=True)
    unpublished.unpublish()

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "<loc>http://testserver/fr/histoires/publique/</loc>" in xml
    assert "<loc>http://testserver/en/stories/public-one/</loc>" in xml
    assert "interne" not in xml
    assert "retiree" not in xml
    # Home and index pages ask for a login: they are not listed either.
    assert "<loc>http://testserver/fr/histoires/</loc>" not in xml
    assert "<loc>http://testserver/fr/</loc>" not in xml


def test_a_story_made_internal_again_leaves_the_sitemap(client, story_index):
    story = StoryPageFactory(parent=story_index, slug="publique", is_public=True)
    assert "publique" in client.get("/sitemap.xml").content.decode()
    story.is_public = False
    story.save_revision().publish()
    assert "publique" not in client.get("/sitemap.xml").content.decode()
