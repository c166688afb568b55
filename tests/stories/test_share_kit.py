"""Share kit rules: which pages may carry one, network limits, when it is shareable."""

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from stories import kit_hints
from stories.models import ShareKit
from stories.viewsets import ShareKitViewSet
from tests.factories.stories import ShareKitFactory, StoryPageFactory


pytestmark = pytest.mark.django_db

DISCLOSURE = "Je travaille chez Chorus.\n\n"  # the French default, 27 characters


@pytest.fixture(autouse=True)
def _english_messages(settings):
    """Messages in English (the French catalogue translates them), admin included."""
    with translation.override("en"):
        yield


@pytest.fixture
def client_for(client_for):
    def login(user):
        client = client_for(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return login


@pytest.fixture
def story(story_index):
    return StoryPageFactory(parent=story_index, title="Portes ouvertes", is_public=True)


def kit_form(data):
    form_class = ShareKitViewSet().get_form_class()
    return form_class(data, instance=ShareKit(locale_id=data["locale"]), for_user=None)


def form_data(page, texts, **fields):
    return nested_form_data(
        {
            "title": "Kit portes ouvertes",
            "page": page.pk if page else "",
            "locale": page.locale_id if page else "",
            "hashtags": "",
            "guidance": "Restez factuels.",
            "texts": inline_formset(
                [
                    {"network": network, "angle": "", "text": text}
                    for network, text in texts
                ]
            ),
            **fields,
        }
    )


def room(network, page):
    """How many characters a text may have on `network` once the disclosure line (27) and
    the link are counted."""
    link = len(page.get_full_url())
    return {
        "x": 280 - len(DISCLOSURE) - 1 - 23,
        "bluesky": 300 - len(DISCLOSURE) - 1 - link,
        "mastodon": 500 - len(DISCLOSURE) - 1 - 23,
        "linkedin": 3000 - len(DISCLOSURE),
    }[network]


@pytest.mark.parametrize("network", ["x", "bluesky", "mastodon", "linkedin"])
def test_text_just_at_the_limit_is_accepted(story, network):
    form = kit_form(form_data(story, [(network, "a" * room(network, story))]))
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("network", ["x", "bluesky", "mastodon", "linkedin"])
def test_text_just_over_the_limit_is_refused_on_its_field(story, network):
    form = kit_form(form_data(story, [(network, "a" * (room(network, story) + 1))]))
    assert not form.is_valid()
    text_errors = form.formsets["texts"].forms[0].errors["text"]
    assert "Too long for" in text_errors[0]


def test_x_counts_the_link_as_23_even_when_it_is_longer(story):
    assert len(story.get_full_url()) > 23
    form = kit_form(form_data(story, [("x", "a" * room("x", story))]))
    assert form.is_valid(), form.errors


def test_hashtags_count_too(story):
    text = "a" * room("x", story)
    form = kit_form(form_data(story, [("x", text)], hashtags="#portes"))
    assert not form.is_valid()
    assert form.formsets["texts"].forms[0].errors["text"]


def test_only_the_text_over_its_limit_is_marked(story):
    form = kit_form(form_data(story, [("linkedin", "Court."), ("x", "a" * 300)]))
    assert not form.is_valid()
    first, second = form.formsets["texts"].forms
    assert not first.errors
    assert second.errors["text"]


def test_internal_page_is_refused_on_the_page_field(story_index):
    internal = StoryPageFactory(parent=story_index, is_public=False)
    kit = ShareKit(title="Kit", page=internal, locale=internal.locale)
    with pytest.raises(ValidationError) as error:
        kit.full_clean()
    assert "internal" in error.value.message_dict["page"][0]


def test_unpublished_page_is_refused_on_the_page_field(story_index):
    draft = StoryPageFactory(parent=story_index, is_public=True, live=False)
    kit = ShareKit(title="Kit", page=draft, locale=draft.locale)
    with pytest.raises(ValidationError) as error:
        kit.full_clean()
    assert "not published" in error.value.message_dict["page"][0]


def test_page_that_is_not_a_story_or_spotlight_is_refused(story_index):
    kit = ShareKit(title="Kit", page=story_index, locale=story_index.locale)
    with pytest.raises(ValidationError) as error:
        kit.full_clean()
    assert "story" in error.value.message_dict["page"][0]


def test_embargo_must_end_after_it_starts(story):
    now = timezone.now()
    kit = ShareKit(
        title="Kit",
        page=story,
        locale=story.locale,
        shareable_from=now,
        shareable_until=now - datetime.timedelta(hours=1),
    )
    with pytest.raises(ValidationError) as error:
        kit.full_clean()
    assert "shareable_until" in error.value.message_dict


def test_admin_add_view_refuses_an_internal_page_and_keeps_the_rest(
    client_for, editor, story_index
):
    internal = StoryPageFactory(parent=story_index, is_public=False)
    client = client_for(editor)
    url = reverse(ShareKitViewSet().get_url_name("add")) + "?locale=fr"
    data = form_data(internal, [("x", "Mon texte soigné pour X")], hashtags="#soin")
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, not a redirect
    html = response.content.decode()
    assert "This page is internal" in html
    # On the page field: after the title, before the texts.
    error = html.index("This page is internal")
    assert html.index('name="title"') < error < html.index('name="texts-TOTAL_FORMS"')
    assert "Mon texte soigné pour X" in html
    assert "Kit portes ouvertes" in html
    assert "#soin" in html
    assert "Restez factuels." in html
    assert not ShareKit.objects.exists()


def test_admin_add_view_refuses_a_text_over_its_limit_and_keeps_it(
    client_for, editor, story
):
    client = client_for(editor)
    url = reverse(ShareKitViewSet().get_url_name("add")) + "?locale=fr"
    too_long = "trop long " * 30
    response = client.post(url, form_data(story, [("x", too_long)]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Too long for X" in html
    # On the text itself: inside the first inline form, before the hashtags field.
    error = html.index("Too long for X")
    assert html.index('name="texts-0-network"') < error < html.index('name="hashtags"')
    assert too_long.strip() in html
    assert "Kit portes ouvertes" in html
    assert not ShareKit.objects.exists()


def test_admin_add_view_saves_a_good_kit(client_for, editor, story):
    client = client_for(editor)
    url = reverse(ShareKitViewSet().get_url_name("add")) + "?locale=fr"
    response = client.post(url, form_data(story, [("x", "Venez nous voir.")]))
    assert response.status_code == 302
    kit = ShareKit.objects.get()
    assert kit.page_id == story.pk
    assert not kit.live  # saved as a draft until published
    assert [t.text for t in kit.texts.all()] == ["Venez nous voir."]


def test_admin_preview_shows_the_texts_as_the_panel_would(client_for, editor, story):
    kit = ShareKitFactory(page=story, texts=[("x", "Aperçu du texte")])
    client = client_for(editor)
    url = reverse(ShareKitViewSet().get_url_name("preview_on_edit"), args=[kit.pk])
    data = form_data(story, [("x", "Aperçu du texte")])
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert 'data-testid="share-kit-preview"' in html
    assert "Je travaille chez Chorus.\n\nAperçu du texte" in html


def test_shareable_now_is_one_rule(story):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    open_kit = ShareKitFactory(page=story)
    open_window = ShareKitFactory(
        page=story, shareable_from=now - hour, shareable_until=now + hour
    )
    ShareKitFactory(page=story, live=False)
    ShareKitFactory(page=story, shareable_from=now + hour)
    ShareKitFactory(page=story, shareable_until=now - hour)
    assert set(ShareKit.objects.shareable_now()) == {open_kit, open_window}
    assert open_kit.is_shareable_now()
    assert ShareKit.objects.active_for(story) == open_window  # the newest one


def test_kit_closes_when_its_page_is_made_internal_or_unpublished(story):
    kit = ShareKitFactory(page=story)
    story.is_public = False
    story.save_revision().publish()
    assert not kit.is_shareable_now()
    story.is_public = True
    story.save_revision().publish()
    assert kit.is_shareable_now()
    story.unpublish()
    assert not kit.is_shareable_now()


def test_translated_kit_does_not_go_live_by_itself(
    story, story_index_en, locales, editor
):
    from wagtail_localize.operations import translate_object

    story_index_en.refresh_from_db()
    translate_object(story, [locales["en"]], user=editor)
    story_en = story.get_translation(locales["en"])
    story_en.is_public = True
    story_en.save_revision().publish()
    kit = ShareKitFactory(page=story, texts=[("x", "Texte français")])

    translate_object(kit, [locales["en"]], user=editor)

    kit_en = kit.get_translation(locales["en"])
    assert kit_en.live is False
    assert kit_en.page_id == story_en.pk
    assert not kit_en.is_shareable_now()
    assert ShareKit.objects.active_for(story_en) is None

    kit_en.save_revision().publish()
    assert ShareKit.objects.active_for(story_en) == kit_en
    assert ShareKit.objects.active_for(story) == kit  # each language keeps its own kit


def test_kit_in_another_language_than_its_page_is_refused(story, locales):
    kit = ShareKit(title="Kit", page=story, locale=locales["en"])
    with pytest.raises(ValidationError) as error:
        kit.full_clean()
    assert "another language" in error.value.message_dict["page"][0]


def test_demo_kits_are_bilingual_idempotent_and_count_nothing(
    story_index, story_index_en, locales
):
    from stories import demo_share_kits
    from stories.models import ShareCount

    story_index_en.refresh_from_db()
    pages = {}
    for slug in ("planif-open-source", "nouveau-site-lyon"):
        page_fr = StoryPageFactory(parent=story_index, slug=slug, is_public=True)
        page_en = page_fr.copy_for_translation(locales["en"])
        page_en.is_public = True
        page_en.save_revision().publish()
        pages[slug] = (page_fr, page_en)
    home = {"locales": locales}

    demo_share_kits.load(home)
    embargo = ShareKit.objects.get(page=pages["nouveau-site-lyon"][0]).shareable_from
    demo_share_kits.load(home)

    assert ShareKit.objects.count() == 4
    for page_fr, page_en in pages.values():
        kit_fr = ShareKit.objects.get(page=page_fr)
        kit_en = ShareKit.objects.get(page=page_en)
        assert kit_fr.locale == locales["fr"] and kit_en.locale == locales["en"]
        assert kit_en.translation_key == kit_fr.translation_key
        assert kit_fr.live and kit_en.live
        assert kit_fr.texts.count() >= 2
        assert kit_en.texts.count() == kit_fr.texts.count()
        # Each English text is the translation of the French one at the same place.
        assert [t.translation_key for t in kit_en.texts.all()] == [
            t.translation_key for t in kit_fr.texts.all()
        ]
        assert kit_en.texts.first().locale == locales["en"]
    open_fr, open_en = pages["planif-open-source"]
    # The demo kit that shows reading hints: #opensource, in one case.
    assert {hint.code for hint in kit_hints.kit_hints(open_fr.share_kits.get())} == {
        "hashtag_case"
    }
    assert ShareKit.objects.active_for(open_fr).page_id == open_fr.pk
    assert ShareKit.objects.active_for(open_en).page_id == open_en.pk
    lyon_fr, lyon_en = pages["nouveau-site-lyon"]
    assert ShareKit.objects.get(page=lyon_fr).shareable_from == embargo > timezone.now()
    assert ShareKit.objects.active_for(lyon_fr) is None
    assert ShareKit.objects.active_for(lyon_en) is None
    assert not ShareCount.objects.exists()


def test_every_demo_text_fits_its_network():
    from stories import networks
    from stories.demo_share_kits import KITS

    link = "https://intranet.chorus.example/fr/histoires/" + "x" * 40 + "/"
    for spec in KITS.values():
        assert len(spec["texts"]) >= 2  # several angles for every kit
        for language, disclosure in (
            ("fr", "Je travaille chez Chorus."),
            ("en", "I work at Chorus."),
        ):
            for network, _angle, text in spec["texts"]:
                full = networks.compose(
                    text[language], disclosure, spec["hashtags"][language]
                )
                assert not networks.is_too_long(network, full, link), text[language]


def test_admin_lists_filters_and_searches_kits(client_for, editor, story):
    ShareKitFactory(page=story, title="Kit des portes ouvertes")
    client = client_for(editor)
    url = reverse(ShareKitViewSet().get_url_name("list"))
    html = client.get(url, {"q": "portes", "live": "true"}).content.decode()
    assert "Kit des portes ouvertes" in html
    html = client.get(url, {"q": "introuvable"}).content.decode()
    assert "Kit des portes ouvertes" not in html


def test_admin_kit_form_offers_scheduling_and_limits_the_page_chooser(
    client_for, editor, story
):
    client = client_for(editor)
    html = client.get(
        reverse(ShareKitViewSet().get_url_name("add")) + "?locale=fr"
    ).content.decode()
    assert 'name="go_live_at"' in html and 'name="expire_at"' in html
    # The page chooser only offers stories and spotlights.
    assert "stories.storypage" in html and "stories.spotlightpage" in html


def test_topics_are_managed_as_snippets(client_for, editor):
    from stories.viewsets import TopicViewSet

    response = client_for(editor).get(reverse(TopicViewSet().get_url_name("list")))
    assert response.status_code == 200


def test_the_kit_offered_follows_the_shareable_now_rule_wherever_a_restriction_sits(
    story_index,
):
    """`active_for` answers without a query for a page restricted itself: the same answer
    as the rule, on pages restricted themselves, below a restricted page, or public."""
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    public = StoryPageFactory(parent=story_index, is_public=True)
    internal = StoryPageFactory(parent=story_index, is_public=False)
    board = StoryPageFactory(parent=story_index, is_public=True)
    restriction = PageViewRestriction.objects.create(
        page=board, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Board")])
    below_board = StoryPageFactory(parent=board, is_public=True)
    pages = [public, internal, board, below_board]
    for page in pages:
        ShareKitFactory(page=page)
    for page in pages:
        page = type(page).objects.get(pk=page.pk)
        rule = (
            ShareKit.objects.shareable_now()
            .filter(page_id=page.pk, locale_id=page.locale_id)
            .order_by("-pk")
            .first()
        )
        assert ShareKit.objects.active_for(page) == rule, page.title
    assert ShareKit.objects.active_for(public) is not None
