"""Translating with wagtail-localize: a share kit's texts, angles and hashtags, and a story's
bylines, are offered to the translator and published in the other language."""

import datetime
import html as html_module
import json

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

import pytest

from stories.models import StoryAuthor
from stories.viewsets import ShareKitViewSet
from tests.factories.stories import ShareKitFactory, StoryPageFactory


pytestmark = pytest.mark.django_db

# Whole seconds: a revision keeps times to the millisecond.
OPENS = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
CLOSES = OPENS + datetime.timedelta(days=30)

STORY_EN = {
    "Journée solidaire": "Volunteering day",
    "Responsable du support": "Support manager",
}
KIT_EN = {
    "Une journée, six associations.": "One day, six charities.",
    "les chiffres": "the numbers",
    "Ce que j'ai vécu pendant la journée solidaire.": "What I saw on volunteering day.",
    "ce que j'ai vécu": "what I saw",
    "#solidarité": "#volunteering",
}


@pytest.fixture
def translate(django_capture_on_commit_callbacks, editor):
    """`translate(instance, locale, strings)` does what the translator does in the
    translation editor: it gives a translation for each offered source string found in
    `strings`, then publishes. Returns the offered strings by content path."""

    def run(instance, locale, strings):
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        offered = {}
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        ):
            offered[segment.context.path] = segment.string.data
            if segment.string.data in strings:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": strings[segment.string.data]},
                )
        # The translation is published when the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(user=editor, publish=True)
        return offered

    return run


@pytest.fixture
def story(story_index):
    story = StoryPageFactory(
        parent=story_index, title="Journée solidaire", is_public=True
    )
    story.authors = [StoryAuthor(name="Paul Girard", role="Responsable du support")]
    story.save_revision().publish()
    return story


@pytest.fixture
def story_en(story, story_index_en, locales, translate):
    story_index_en.refresh_from_db()  # its url_path changed when its slug was translated
    translate(story, locales["en"], STORY_EN)
    return story.get_translation(locales["en"])


@pytest.fixture
def kit(story):
    return ShareKitFactory(
        page=story,
        hashtags="#solidarité",
        shareable_from=OPENS,
        shareable_until=CLOSES,
        texts=[
            ("x", "Une journée, six associations.", "les chiffres"),
            (
                "linkedin",
                "Ce que j'ai vécu pendant la journée solidaire.",
                "ce que j'ai vécu",
            ),
        ],
    )


def test_a_byline_role_is_offered_and_translated(story, story_en, translate, locales):
    author = story.authors.get()
    offered = translate(story, locales["en"], STORY_EN)

    assert offered[f"authors.{author.translation_key}.role"] == "Responsable du support"
    # A person's name is kept, not offered as a string to translate.
    assert f"authors.{author.translation_key}.name" not in offered
    story_en.refresh_from_db()
    assert story_en.live
    author_en = story_en.authors.get()
    assert (author_en.name, author_en.role) == ("Paul Girard", "Support manager")
    assert author_en.locale == locales["en"]
    assert author_en.translation_key == author.translation_key


def test_english_story_shows_the_translated_byline(
    client_for, employee, story_en, locales
):
    html = client_for(employee).get(story_en.url).content.decode()
    assert "Support manager" in html
    assert "Responsable du support" not in html


def test_translating_a_kit_offers_every_text_angle_and_the_hashtags(
    kit, story_en, translate, locales
):
    offered = translate(kit, locales["en"], KIT_EN)

    expected = {"hashtags": "#solidarité"}
    for share_text in kit.texts.all():
        expected[f"texts.{share_text.translation_key}.text"] = share_text.text
        expected[f"texts.{share_text.translation_key}.angle"] = share_text.angle
    assert expected.items() <= offered.items()
    # The network and the embargo are not for the translator.
    assert not [path for path in offered if path.endswith("network")]
    assert not [path for path in offered if path.startswith("shareable")]


def test_published_translation_holds_the_english_texts_on_the_english_story(
    kit, story_en, translate, locales
):
    translate(kit, locales["en"], KIT_EN)

    kit_en = kit.get_translation(locales["en"])
    assert kit_en.live
    assert kit_en.page_id == story_en.pk
    assert kit_en.hashtags == "#volunteering"
    assert [(t.network, t.angle, t.text) for t in kit_en.texts.all()] == [
        ("x", "the numbers", "One day, six charities."),
        ("linkedin", "what I saw", "What I saw on volunteering day."),
    ]
    assert (kit_en.shareable_from, kit_en.shareable_until) == (OPENS, CLOSES)
    # The source kit keeps its French texts.
    assert [t.text for t in kit.texts.all()][0] == "Une journée, six associations."


def test_english_share_panel_offers_the_english_texts(
    client_for, employee, kit, story_en, translate, locales
):
    translate(kit, locales["en"], KIT_EN)

    html = client_for(employee).get(story_en.url).content.decode()
    assert 'data-testid="share-panel"' in html
    assert (
        "I work at Chorus.\n\nOne day, six charities.\n\n#volunteering</textarea>"
    ) in html
    assert "what I saw" in html
    assert "six associations" not in html


def test_network_and_embargo_follow_the_source_when_it_changes(
    kit, story_en, translate, locales
):
    translate(kit, locales["en"], KIT_EN)
    later = CLOSES + datetime.timedelta(days=7)
    kit.shareable_until = later
    texts = list(kit.texts.all())
    texts[0].network = "bluesky"
    kit.texts = texts
    kit.save_revision().publish()

    translate(kit, locales["en"], KIT_EN)  # the editor updates the translation

    kit_en = kit.get_translation(locales["en"])
    assert kit_en.shareable_until == later
    assert [(t.network, t.text) for t in kit_en.texts.all()] == [
        ("bluesky", "One day, six charities."),
        ("linkedin", "What I saw on volunteering day."),
    ]


def test_editor_opens_the_kit_translation_in_the_admin(
    client_for, editor, kit, story_en, translate, locales
):
    translate(kit, locales["en"], KIT_EN)
    kit_en = kit.get_translation(locales["en"])

    url = reverse(ShareKitViewSet().get_url_name("edit"), args=[kit_en.pk])
    response = client_for(editor).get(url)

    assert response.status_code == 200
    # The translation editor: its data (HTML-escaped JSON) holds each source string
    # next to its translation.
    html = html_module.unescape(response.content.decode())
    assert json.dumps("Une journée, six associations.") in html
    assert json.dumps("One day, six charities.") in html
    assert json.dumps("what I saw") in html


def test_editor_sees_the_byline_role_in_the_story_translation_editor(
    client_for, editor, story_en
):
    url = reverse("wagtailadmin_pages:edit", args=[story_en.pk])
    response = client_for(editor).get(url)

    assert response.status_code == 200
    html = html_module.unescape(response.content.decode())
    assert json.dumps("Responsable du support") in html
    assert json.dumps("Support manager") in html


def test_translation_too_long_for_its_network_is_not_published(
    kit, story_en, translate, locales
):
    translate(kit, locales["en"], KIT_EN)
    too_long = "One day, six charities. " * 12  # 288 characters, X allows 280

    with pytest.raises(ValidationError):
        translate(
            kit, locales["en"], {**KIT_EN, "Une journée, six associations.": too_long}
        )

    kit_en = kit.get_translation(locales["en"])
    assert kit_en.texts.first().text == "One day, six charities."  # unchanged
    # The translation editor shows the message on the string that is too long.
    string_translation = StringTranslation.objects.get(data=too_long)
    assert " X" in string_translation.field_error
    assert "280" in string_translation.field_error
