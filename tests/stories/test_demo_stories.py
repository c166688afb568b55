import pytest

from home import demo as home_demo
from stories import demo as stories_demo
from stories.demo_content import EMBARGOED_STORY_SLUGS, STORIES
from stories.models import StoryIndexPage, StoryPage, Topic


pytestmark = pytest.mark.django_db


def _counts():
    stories = StoryPage.objects.live()
    return {
        "indexes": StoryIndexPage.objects.count(),
        "fr": stories.filter(locale__language_code="fr").count(),
        "en": stories.filter(locale__language_code="en").count(),
        "public_fr": stories.public().filter(locale__language_code="fr").count(),
        "public_en": stories.public().filter(locale__language_code="en").count(),
        "topics": Topic.objects.count(),
    }


def test_demo_stories_in_both_languages_and_a_second_load_changes_nothing(
    monkeypatch,
):
    # Only the stories part: spotlights and share kits have their own demo tests.
    monkeypatch.setattr(stories_demo.demo_spotlights, "load", lambda home: None)
    monkeypatch.setattr(stories_demo.demo_share_kits, "load", lambda home: None)
    home = home_demo.load()
    stories_demo.load(home)
    first = _counts()
    assert first["fr"] == first["en"] == len(STORIES) >= 8
    assert first["indexes"] == 2
    assert 0 < first["public_fr"] == first["public_en"] < first["fr"]
    assert first["topics"] == 14

    source = StoryPage.objects.get(slug=EMBARGOED_STORY_SLUGS["fr"])
    english = source.get_translation(home["locales"]["en"])
    assert english.slug == EMBARGOED_STORY_SLUGS["en"]
    assert english.title == "Chorus opens a site in Lyon"
    assert english.is_public and english.live
    assert sorted(t.slug for t in english.topics.all()) == ["careers", "company-life"]
    assert sorted(t.slug for t in source.topics.all()) == [
        "carrieres",
        "vie-entreprise",
    ]
    assert [a.role for a in english.authors.all()] == ["Regional director"]
    assert [a.translation_key for a in english.authors.all()] == [
        a.translation_key for a in source.authors.all()
    ]
    assert StoryPage.objects.filter(is_sensitive=True, is_public=True).count() == 2
    index_en = StoryIndexPage.objects.get(locale=home["locales"]["en"])
    assert index_en.title == "Stories" and index_en.show_in_menus

    stories_demo.load(home)
    assert _counts() == first


def test_demo_has_one_pending_french_suggestion_by_the_demo_employee(monkeypatch):
    from stories.models import StorySuggestion
    from tests.factories.home import UserFactory

    monkeypatch.setattr(stories_demo.demo_spotlights, "load", lambda home: None)
    monkeypatch.setattr(stories_demo.demo_share_kits, "load", lambda home: None)
    employee = UserFactory(username="employee")
    home = home_demo.load()
    stories_demo.load(home)
    stories_demo.load(home)
    suggestion = StorySuggestion.objects.get()
    assert suggestion.suggested_by == employee
    assert suggestion.is_pending
    assert suggestion.locale.language_code == "fr"
    assert suggestion.wants_help and not suggestion.credit_me
    assert sorted(t.slug for t in suggestion.topics.all()) == [
        "engagement-solidaire",
        "environnement",
    ]
