"""The share redirect: one anonymous count, then the network's own share page."""

import datetime
from urllib.parse import parse_qs, urlsplit

from django.urls import reverse
from django.utils import timezone, translation

import pytest

from home.models import ChorusSettings, DisclosureMode
from stories.models import ShareCount
from stories.models.share_count import week_of
from tests.factories.stories import ShareKitFactory, StoryPageFactory


pytestmark = pytest.mark.django_db

TRICKY = 'Nous "recrutons" & grandissons 🚀\nVenez #lyon ?a=1&b=2 100% sûr'


@pytest.fixture
def story(story_index):
    return StoryPageFactory(
        parent=story_index, title="Une belle histoire", is_public=True
    )


@pytest.fixture
def kit(story):
    return ShareKitFactory(page=story, texts=[("x", "Premier angle", "équipe")])


@pytest.fixture
def employee_client(client_for, employee):
    return client_for(employee)


def share(client, kit, network, text=TRICKY, **data):
    # Through the English URL, so that the messages checked below are in English.
    with translation.override("en"):
        url = reverse("stories:share", kwargs={"kit_id": kit.pk})
    return client.post(
        url,
        {"network": network, "text": text, "original": "", **data},
    )


def query(response):
    return parse_qs(urlsplit(response["Location"]).query)


def count(page, network):
    row = ShareCount.objects.filter(page=page, network=network).first()
    return row.count if row else 0


def test_x_redirect_carries_exact_text_and_public_link(employee_client, kit, story):
    response = share(employee_client, kit, "x")
    assert response.status_code == 303
    assert response["Location"].startswith("https://x.com/intent/tweet?")
    params = query(response)
    assert params["text"] == [f"Je travaille chez Chorus.\n\n{TRICKY}"]
    assert params["url"] == [story.get_full_url()]
    assert "+" not in response["Location"]  # spaces are %20, never "+"


def test_each_share_adds_exactly_one(employee_client, kit, story):
    share(employee_client, kit, "x")
    assert count(story, "x") == 1
    share(employee_client, kit, "x")
    share(employee_client, kit, "bluesky")
    assert count(story, "x") == 2
    assert count(story, "bluesky") == 1
    week = ShareCount.objects.get(page=story, network="x").week
    assert week == week_of(timezone.localdate())


@pytest.mark.parametrize(
    ("network", "prefix", "key"),
    [
        ("bluesky", "https://bsky.app/intent/compose?", "text"),
        ("whatsapp", "https://wa.me/?", "text"),
    ],
)
def test_link_travels_inside_the_text(
    employee_client, kit, story, network, prefix, key
):
    response = share(employee_client, kit, network)
    assert response["Location"].startswith(prefix)
    assert query(response)[key] == [
        f"Je travaille chez Chorus.\n\n{TRICKY} {story.get_full_url()}"
    ]


def test_mastodon_goes_to_the_named_instance(employee_client, kit, story):
    response = share(employee_client, kit, "mastodon", instance="Social.Example.org")
    assert response.status_code == 303
    assert response["Location"].startswith("https://social.example.org/share?")
    assert query(response)["text"][0].endswith(story.get_full_url())


@pytest.mark.parametrize(
    "instance",
    ["", "https://mastodon.social", "mastodon.social/@me", "evil.com:8080", "a b.org"],
)
def test_bad_mastodon_instance_is_refused_and_text_kept(
    employee_client, kit, story, instance
):
    response = share(
        employee_client, kit, "mastodon", text="Mon texte à moi", instance=instance
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give only the name of your Mastodon server" in html
    assert "Mon texte à moi" in html
    assert count(story, "mastodon") == 0


def test_linkedin_and_facebook_get_the_link_only(employee_client, kit, story):
    linkedin = share(employee_client, kit, "linkedin")
    assert linkedin["Location"].startswith(
        "https://www.linkedin.com/sharing/share-offsite/?"
    )
    assert query(linkedin) == {"url": [story.get_full_url()]}
    facebook = share(employee_client, kit, "facebook")
    assert facebook["Location"].startswith(
        "https://www.facebook.com/sharer/sharer.php?"
    )
    assert query(facebook) == {"u": [story.get_full_url()]}


def test_email_is_a_percent_encoded_mailto(employee_client, kit, story):
    response = share(employee_client, kit, "email")
    location = response["Location"]
    assert location.startswith("mailto:?subject=")
    assert "+" not in location
    params = parse_qs(urlsplit(location).query)
    assert params["subject"] == ["Une belle histoire"]
    assert params["body"] == [
        f"Je travaille chez Chorus.\n\n{TRICKY}\n\n{story.get_full_url()}"
    ]


def test_unknown_network_is_404(employee_client, kit):
    assert share(employee_client, kit, "myspace").status_code == 404
    assert ShareCount.objects.count() == 0


def test_get_is_not_allowed(employee_client, kit):
    response = employee_client.get(reverse("stories:share", kwargs={"kit_id": kit.pk}))
    assert response.status_code == 405


def test_too_long_edited_text_is_refused_and_kept(employee_client, kit, story):
    long_text = "mot " * 80  # 320 characters: over X's 280 once the link is counted
    response = share(employee_client, kit, "x", text=long_text)
    assert response.status_code == 400
    html = response.content.decode()
    assert "too long for X" in html
    assert long_text.strip() in html
    assert count(story, "x") == 0


LINE = "Je travaille chez Chorus."
# Where each network whose intent carries text puts it (LinkedIn and Facebook take none).
TEXT_PARAMETER = {
    "x": "text",
    "bluesky": "text",
    "mastodon": "text",
    "whatsapp": "text",
    "email": "body",
}


def shared_text(employee_client, kit, network, text):
    response = share(employee_client, kit, network, text=text, instance="piaille.fr")
    assert response.status_code == 303
    return query(response)[TEXT_PARAMETER[network]][0]


@pytest.mark.parametrize("network", TEXT_PARAMETER)
@pytest.mark.parametrize(
    ("edited", "starts"),
    [
        ("Sans la ligne", f"{LINE}\n\nSans la ligne"),
        (f"{LINE}\n\nAvec la ligne", f"{LINE}\n\nAvec la ligne"),
        (f"La ligne en bas\n\n{LINE}", f"{LINE}\n\nLa ligne en bas"),
    ],
    ids=["deleted", "kept", "moved"],
)
def test_required_disclosure_starts_every_intent_once(
    employee_client, kit, story, network, edited, starts
):
    text = shared_text(employee_client, kit, network, edited)
    assert text.startswith(starts)
    assert text.count(LINE) == 1
    assert count(story, network) == 1


@pytest.mark.parametrize("network", TEXT_PARAMETER)
def test_suggested_disclosure_may_be_removed(employee_client, kit, story, network):
    settings = ChorusSettings.for_site(story.get_site())
    settings.disclosure_mode = DisclosureMode.SUGGESTED
    settings.save()
    text = shared_text(employee_client, kit, network, "Sans la ligne")
    assert text.startswith("Sans la ligne")
    assert LINE not in text


@pytest.mark.parametrize(("network", "key"), [("linkedin", "url"), ("facebook", "u")])
def test_link_only_intents_carry_no_text_to_miss_the_line(
    employee_client, kit, story, network, key
):
    response = share(employee_client, kit, network, text="Sans la ligne")
    assert query(response) == {key: [story.get_full_url()]}


def test_unchanged_text_with_another_angle_shares_that_angle(employee_client, story):
    kit = ShareKitFactory(
        page=story, texts=[("x", "Angle un", "un"), ("x", "Angle deux", "deux")]
    )
    first, second = kit.texts.all()
    starting = "Je travaille chez Chorus.\n\nAngle un"
    response = share(
        employee_client, kit, "x", text=starting, original=starting, angle=second.pk
    )
    assert query(response)["text"] == ["Je travaille chez Chorus.\n\nAngle deux"]


def test_redirect_sets_no_cookie_and_writes_no_session(employee_client, kit):
    session_before = dict(employee_client.session.items())
    response = share(employee_client, kit, "x")
    assert response.status_code == 303
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert dict(employee_client.session.items()) == session_before


def test_redirect_sends_no_referrer(employee_client, kit):
    response = share(employee_client, kit, "x")
    assert response["Referrer-Policy"] == "no-referrer"


def test_anonymous_visitor_cannot_share(client, kit, story):
    response = share(client, kit, "x")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert ShareCount.objects.count() == 0


def _closed(employee_client, kit, story):
    response = share(employee_client, kit, "x")
    assert response.status_code == 410
    assert "cannot be shared right now" in response.content.decode()
    assert "Location" not in response
    assert count(story, "x") == 0


def test_draft_kit_is_gone(employee_client, story):
    _closed(employee_client, ShareKitFactory(page=story, live=False), story)


def test_embargoed_kit_is_gone(employee_client, story):
    later = timezone.now() + datetime.timedelta(hours=2)
    _closed(employee_client, ShareKitFactory(page=story, shareable_from=later), story)


def test_expired_kit_is_gone(employee_client, story):
    before = timezone.now() - datetime.timedelta(minutes=1)
    _closed(employee_client, ShareKitFactory(page=story, shareable_until=before), story)


def test_kit_of_a_page_made_internal_is_gone(employee_client, kit, story):
    story.is_public = False
    story.save_revision().publish()
    _closed(employee_client, kit, story)


def test_kit_of_an_unpublished_page_is_gone(employee_client, kit, story):
    story.unpublish()
    _closed(employee_client, kit, story)


def test_browser_line_breaks_become_plain_newlines(employee_client, kit):
    response = share(
        employee_client, kit, "x", text="Je travaille chez Chorus.\r\n\r\nA\r\nB"
    )
    assert query(response)["text"] == ["Je travaille chez Chorus.\n\nA\nB"]
