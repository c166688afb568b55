"""Reading hints in the admin: a kit with problems saves, and the editor sees why it could
read better (after saving, in the edit view and in the live preview), in both languages."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

import pytest

from stories.models import ShareKit
from stories.viewsets import ShareKitViewSet
from tests.factories.stories import ShareKitFactory, StoryPageFactory

from .test_share_kit import form_data


pytestmark = pytest.mark.django_db

PROBLEMS = [
    ("x", "GRANDE NOUVELLE POUR TOUTE L'ÉQUIPE 🎉🎉🎉", "la fête"),
    ("linkedin", "GRANDE NOUVELLE POUR TOUTE L'ÉQUIPE 🎉🎉🎉", "le bilan"),
]


@pytest.fixture
def story(story_index):
    return StoryPageFactory(parent=story_index, title="Portes ouvertes", is_public=True)


@pytest.fixture
def admin_client(client_for, editor):
    def login(language):
        client = client_for(editor)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
        # The admin speaks the editor's language (their Wagtail profile).
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = language
        profile.save()
        return client

    return login


def problem_data(story):
    data = form_data(story, [(network, text) for network, text, _ in PROBLEMS])
    data.update(
        {
            "hashtags": "#portesouvertes",
            "texts-0-angle": PROBLEMS[0][2],
            "texts-1-angle": PROBLEMS[1][2],
        }
    )
    return data


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "en",
            [
                "Saved. 7 suggestions to make it read well for everyone",
                "Write #portesouvertes with a capital",
                "is written in capitals",
                "3 emoji in a row",
                "This starting text is the same as",
            ],
        ),
        (
            "fr",
            [
                "Enregistré. 7 suggestions pour qu&#x27;il se lise bien",
                "Écrivez #portesouvertes avec une capitale",
                "est écrit en capitales",
                "3 emoji à la suite",
                "Ce texte de départ est le même que",
            ],
        ),
    ],
)
def test_a_kit_with_problems_saves_and_says_why(admin_client, story, language, phrases):
    client = admin_client(language)
    url = reverse(ShareKitViewSet().get_url_name("add")) + "?locale=fr"
    response = client.post(url, problem_data(story), follow=True)
    assert response.redirect_chain  # saved: the form did not come back
    kit = ShareKit.objects.get()
    assert [text.angle for text in kit.texts.all()] == ["la fête", "le bilan"]
    html = response.content.decode()
    assert "<ul><li>la fête (X): " in html  # one warning, its hints as a list
    for phrase in phrases:
        assert phrase in html, phrase


def test_publishing_a_kit_with_problems_succeeds_too(admin_client, story):
    client = admin_client("en")
    url = reverse(ShareKitViewSet().get_url_name("add")) + "?locale=fr"
    data = problem_data(story) | {"action-publish": "action-publish"}
    response = client.post(url, data, follow=True)
    kit = ShareKit.objects.get()
    assert kit.live
    assert "suggestions to make it read well" in response.content.decode()


def test_the_edit_view_lists_the_hints_of_the_saved_kit(admin_client, story):
    kit = ShareKitFactory(
        page=story, hashtags="#portesouvertes", texts=[("x", "Venez.")]
    )
    client = admin_client("en")
    html = client.get(
        reverse(ShareKitViewSet().get_url_name("edit"), args=[kit.pk])
    ).content.decode()
    panel = html[html.index('data-testid="kit-hints-panel"') :]
    assert "Venez. (X)" in panel
    assert "Write #portesouvertes with a capital" in panel
    assert "never obligations" in panel


def test_a_kit_without_problems_says_so(admin_client, story):
    kit = ShareKitFactory(
        page=story, hashtags="#PortesOuvertes", texts=[("x", "Venez.")]
    )
    client = admin_client("fr")
    html = client.get(
        reverse(ShareKitViewSet().get_url_name("edit"), args=[kit.pk])
    ).content.decode()
    assert "Rien à signaler : les textes se lisent bien" in html
    url = reverse(ShareKitViewSet().get_url_name("edit"), args=[kit.pk])
    (text,) = kit.texts.all()
    data = nested_form_data(
        {
            "title": kit.title,
            "page": story.pk,
            "hashtags": "#PortesOuvertes",
            "guidance": "",
            "texts": inline_formset(
                [{"id": text.pk, "network": "x", "angle": "", "text": "Venez."}],
                initial=1,
            ),
        }
    )
    response = client.post(url, data, follow=True)
    assert ShareKit.objects.get().get_latest_revision().content["texts"][0]["text"] == (
        "Venez."
    )
    # No "Saved. N suggestions…" warning after saving.
    assert "pour qu&#x27;il se lise bien" not in response.content.decode()
    assert "pour qu'il se lise bien" not in response.content.decode()


def test_the_preview_shows_the_hints_as_the_editor_types(admin_client, story):
    kit = ShareKitFactory(page=story, texts=[("x", "Venez.")])
    client = admin_client("en")
    url = reverse(ShareKitViewSet().get_url_name("preview_on_edit"), args=[kit.pk])
    # What the editor is typing, not yet saved: the preview follows it.
    data = form_data(story, [("x", "Venez 🎉🎉🎉🎉")]) | {"hashtags": "#portesouvertes"}
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    hints = html[html.index('data-testid="kit-text-hints"') :]
    # The preview is the page as employees see it, in the kit's language.
    assert "4 emoji à la suite" in hints
    assert "Écrivez #portesouvertes avec une capitale" in hints
    data = form_data(story, [("x", "Venez 🎉")]) | {"hashtags": "#PortesOuvertes"}
    assert client.post(url, data).json()["is_valid"]
    assert 'data-testid="kit-text-hints"' not in client.get(url).content.decode()
