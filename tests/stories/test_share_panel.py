"""The share panel on a story page: who sees it, and what it offers."""

import datetime

from django.utils import timezone

import pytest

from home.models import ChorusSettings, DisclosureMode
from stories.templatetags.stories_share_tags import active_share_kit
from tests.factories.stories import ShareKitFactory, StoryPageFactory


pytestmark = pytest.mark.django_db

NETWORKS = ["linkedin", "x", "bluesky", "mastodon", "facebook", "whatsapp", "email"]


@pytest.fixture
def story(story_index):
    return StoryPageFactory(parent=story_index, title="Nos ateliers", is_public=True)


@pytest.fixture
def kit(story):
    return ShareKitFactory(
        page=story,
        hashtags="#ateliers",
        texts=[
            ("linkedin", "Fiers de nos ateliers.", "la fierté"),
            ("x", "Des ateliers ouverts à tous.", "l'ouverture"),
        ],
    )


def panel_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_employee_sees_the_panel_with_every_network(client_for, employee, kit, story):
    html = panel_html(client_for(employee), story)
    assert 'data-testid="share-panel"' in html
    assert f'action="/fr/share/{kit.pk}/"' in html
    assert 'method="post"' in html
    for network in NETWORKS:
        assert f'data-testid="share-{network}"' in html
    assert 'data-testid="share-invitation"' in html  # "say it in your own words"


def test_text_field_starts_with_disclosure_then_text_then_hashtags(
    client_for, employee, kit, story
):
    html = panel_html(client_for(employee), story)
    assert (
        '<textarea name="text" id="id_text" rows="7" required '
        'data-testid="share-text" aria-describedby="share-text-help">'
        "Je travaille chez Chorus.\n\nFiers de nos ateliers.\n\n#ateliers</textarea>"
    ) in html


def test_english_page_uses_the_english_disclosure(client_for, employee, story_index_en):
    story_index_en.refresh_from_db()  # its url_path changed when its slug was translated
    story = StoryPageFactory(parent=story_index_en, title="Workshops", is_public=True)
    ShareKitFactory(page=story, texts=[("x", "Open to all.")])
    html = panel_html(client_for(employee), story)
    assert "I work at Chorus.\n\nOpen to all.</textarea>" in html


def test_several_angles_can_be_picked(client_for, employee, kit, story):
    html = panel_html(client_for(employee), story)
    assert 'data-testid="share-angles"' in html
    assert "la fierté (LinkedIn)" in html
    assert "l&#x27;ouverture (X)" in html
    first, second = kit.texts.all()
    assert f'value="{first.pk}"' in html and "checked" in html
    assert (
        f'<template data-share-angle-text="{second.pk}" data-share-angle-network="x">'
        in html
    )


def test_suggested_mode_says_the_line_may_go(client_for, employee, kit, story):
    settings = ChorusSettings.for_site(story.get_site())
    assert 'data-testid="disclosure-required"' in panel_html(
        client_for(employee), story
    )
    settings.disclosure_mode = DisclosureMode.SUGGESTED
    settings.save()
    html = panel_html(client_for(employee), story)
    assert 'data-testid="disclosure-suggested"' in html
    assert 'data-testid="disclosure-required"' not in html
    assert "data-share-disclosure" not in html  # share.js then leaves the text alone


def test_required_line_is_handed_to_the_script(client_for, employee, kit, story):
    # share.js puts it back in what it copies and hands to Web Share.
    html = panel_html(client_for(employee), story)
    assert 'data-share-disclosure="Je travaille chez Chorus."' in html


def test_qr_code_is_an_inline_svg_image_and_links_send_no_referrer(
    client_for, employee, kit, story
):
    html = panel_html(client_for(employee), story)
    assert '<img src="data:image/svg+xml;' in html
    assert 'data-testid="share-qr"' in html
    assert 'rel="noreferrer" referrerpolicy="no-referrer"' in html
    assert story.get_full_url() in html


def test_script_is_external_and_optional_buttons_start_hidden(
    client_for, employee, kit, story
):
    html = panel_html(client_for(employee), story)
    assert 'src="/static/js/share.js" defer' in html
    assert 'data-testid="share-copy" hidden' in html
    assert 'data-testid="share-native" hidden' in html
    assert "onclick" not in html and 'style="' not in html


def test_sensitive_kit_shows_guidance_above_the_texts(client_for, employee, story):
    story.is_sensitive = True
    story.save_revision().publish()
    ShareKitFactory(page=story, guidance="Ne citez aucun chiffre.")
    html = panel_html(client_for(employee), story)
    assert "Ne citez aucun chiffre." in html
    assert html.index('data-testid="share-guidance"') < html.index(
        'data-testid="share-text"'
    )


def test_anonymous_visitor_sees_no_panel(client, kit, story):
    html = panel_html(client, story)
    assert 'data-testid="share-panel"' not in html
    assert "/share/" not in html


def test_no_panel_without_a_kit(client_for, employee, story):
    html = panel_html(client_for(employee), story)
    assert 'data-testid="share-panel"' not in html


@pytest.mark.parametrize(
    "kit_options",
    [
        {"live": False},
        {"shareable_from": timezone.now() + datetime.timedelta(days=1)},
        {"shareable_until": timezone.now() - datetime.timedelta(days=1)},
    ],
)
def test_no_panel_when_the_kit_is_not_shareable_now(
    client_for, employee, story, kit_options
):
    ShareKitFactory(page=story, **kit_options)
    assert active_share_kit(story) is None
    assert 'data-testid="share-panel"' not in panel_html(client_for(employee), story)


def test_no_panel_on_an_internal_story(client_for, employee, story_index):
    story = StoryPageFactory(parent=story_index, is_public=False)
    ShareKitFactory(page=story)
    assert active_share_kit(story) is None
    assert 'data-testid="share-panel"' not in panel_html(client_for(employee), story)


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries]


def test_panel_costs_few_queries_whatever_the_number_of_texts(
    client_for, employee, story
):
    client = client_for(employee)
    without_panel = _queries(client, story.url)
    kit = ShareKitFactory(page=story, texts=[("x", "Un"), ("linkedin", "Deux")])
    few = _queries(client, story.url)
    for number in range(6):
        ShareKitFactory._meta.model.texts.rel.related_model.objects.create(
            kit=kit, network="bluesky", text=f"Texte {number}"
        )
    assert len(_queries(client, story.url)) == len(few)
    assert len(few) - len(without_panel) <= 3, few[len(without_panel) :]
