"""A referent appears on a public page for anonymous visitors only if they agreed to
(`Referent.appears_on_public_pages`, off by default); otherwise visitors see the media
contact. Employees always see the referent. Cached pages and fragments never carry what
an employee saw to an anonymous visitor."""

from django.test import Client

from wagtail.models import Site

import pytest
import wagtail_factories

from home.models import ChorusSettings
from referents.models import Referent
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.referents import ReferentFactory
from tests.factories.stories import (
    StoryIndexPageFactory,
    StoryPageFactory,
    TopicFactory,
)


pytestmark = pytest.mark.django_db

SAMIR = {
    "name": "Samir Haddad",
    "team": "Social networks team",
    "bio": "I help you find the right tone.",
    "email": "samir.haddad@chorus.example",
}


@pytest.fixture
def media_contact(home_page):
    chorus = ChorusSettings.for_site(Site.objects.get(is_default_site=True))
    chorus.media_contact_name = "Camille Rousseau"
    chorus.media_contact_email = "presse@chorus.example"
    chorus.save()
    return chorus


@pytest.fixture
def topic(locales):
    return TopicFactory(name="Médias", slug="medias")


@pytest.fixture
def samir(topic):
    referent = ReferentFactory(
        **SAMIR,
        photo=wagtail_factories.ImageFactory(),
        photo_alt="Samir, smiling",
    )
    referent.topics.set([topic])
    referent.save()  # a ParentalManyToManyField is stored when the referent is saved
    return referent


@pytest.fixture
def sensitive_story(home_page, topic, media_contact):
    index = StoryIndexPageFactory(parent=home_page)
    return StoryPageFactory(
        parent=index, is_public=True, is_sensitive=True, topics=[topic]
    )


@pytest.fixture
def claire(locales):
    return ReferentFactory(
        name="Claire Fontaine",
        role="Media relations referent",
        email="claire.fontaine@chorus.example",
    )


@pytest.fixture
def public_guide(home_page, samir, claire, topic, media_contact):
    return GuidePageFactory(
        parent=GuideIndexPageFactory(parent=home_page),
        title="Talking about a sensitive subject",
        is_public=True,
        referent=samir,
        guide_owner=ReferentFactory(name="Alex Martin"),
        topics=[topic],
        body=[
            {
                "type": "referent_link",
                "value": {"referent": claire.pk, "page": None, "earlier_contact": ""},
            }
        ],
    )


def consent(referent, given=True):
    referent.appears_on_public_pages = given
    referent.save_revision().publish()


def shows_samir(html):
    return any(
        value in html for value in (SAMIR["name"], SAMIR["team"], SAMIR["bio"])
    ) or ('class="referent-card__photo"' in html)


def test_a_referent_is_kept_off_public_pages_until_they_agree(locales):
    assert ReferentFactory().appears_on_public_pages is False


def test_consent_is_the_same_in_every_language(samir, locales):
    english = samir.copy_for_translation(locales["en"])
    english.save()
    consent(samir)
    assert set(Referent.objects.values_list("appears_on_public_pages", flat=True)) == {
        True
    }
    english.refresh_from_db()
    consent(english, given=False)
    assert set(Referent.objects.values_list("appears_on_public_pages", flat=True)) == {
        False
    }


def test_a_sensitive_public_story_shows_visitors_the_media_contact_not_the_referent(
    client, client_for, employee, samir, sensitive_story
):
    html = client.get(sensitive_story.url).content.decode()
    assert not shows_samir(html)
    assert 'data-testid="referent-card"' not in html
    assert "Camille Rousseau" in html
    assert html.count('data-testid="media-contact"') == 1

    employee_html = client_for(employee).get(sensitive_story.url).content.decode()
    assert SAMIR["name"] in employee_html and SAMIR["bio"] in employee_html


def test_a_referent_who_agreed_appears_to_visitors(client, samir, sensitive_story):
    consent(samir)
    html = client.get(sensitive_story.url).content.decode()
    assert SAMIR["name"] in html and SAMIR["bio"] in html
    assert 'class="referent-card__photo"' in html


def test_a_public_guide_names_no_colleague_to_visitors(
    client, client_for, employee, public_guide
):
    html = client.get(public_guide.url).content.decode()
    assert not shows_samir(html)
    assert 'data-testid="ask-guide-referent"' not in html
    assert "Alex Martin" not in html  # the guide's owner, a colleague too
    # The referent chosen in a block has no consent on record either.
    assert "Claire Fontaine" not in html
    assert "claire.fontaine@chorus.example" not in html
    assert "Camille Rousseau" in html
    assert html.count('data-testid="media-contact"') == 1

    employee_html = client_for(employee).get(public_guide.url).content.decode()
    assert 'data-testid="ask-guide-referent"' in employee_html
    assert SAMIR["name"] in employee_html
    assert "Claire Fontaine" in employee_html
    assert "Alex Martin" in employee_html
    assert "Camille Rousseau" not in employee_html


def test_a_public_guide_names_its_referent_to_visitors_once_they_agreed(
    client, samir, public_guide
):
    consent(samir)
    html = client.get(public_guide.url).content.decode()
    assert 'data-testid="ask-guide-referent"' in html
    assert SAMIR["name"] in html
    assert "Claire Fontaine" not in html


def test_a_referent_block_shows_the_photo_to_visitors_only_with_consent(
    client, client_for, employee, samir, public_guide
):
    public_guide.body = [
        {
            "type": "referent_link",
            "value": {"referent": samir.pk, "page": None, "earlier_contact": ""},
        }
    ]
    public_guide.referent = None
    public_guide.save_revision().publish()

    def block(html):
        return html.split('class="guide__body"', 1)[1].split("</article>", 1)[0]

    assert 'data-testid="guide-referent-block"' not in block(
        client.get(public_guide.url).content.decode()
    )
    employee_block = block(client_for(employee).get(public_guide.url).content.decode())
    assert SAMIR["name"] in employee_block
    assert 'alt="Samir, smiling"' in employee_block
    assert f"/ask-a-referent/?referent={samir.pk}" in employee_block

    consent(samir)
    visitor_block = block(client.get(public_guide.url).content.decode())
    assert SAMIR["name"] in visitor_block
    assert 'alt="Samir, smiling"' in visitor_block


@pytest.mark.parametrize("whole_page_cache", [False, True])
def test_what_an_employee_saw_is_never_served_to_a_visitor(
    client_for,
    employee,
    samir,
    sensitive_story,
    public_guide,
    settings,
    whole_page_cache,
):
    # Fragments ({% chorus_cache %}) are cached in any case; whole pages with Redis.
    settings.CHORUS_PAGE_CACHE = whole_page_cache
    employee_client = client_for(employee)
    for page in (sensitive_story, public_guide):
        for _ in range(2):  # the second answer comes from the caches
            assert SAMIR["name"] in employee_client.get(page.url).content.decode()

        html = Client().get(page.url).content.decode()  # an anonymous visitor
        assert not shows_samir(html), page
        assert "Claire Fontaine" not in html
        # …and the other way round: the visitor's copy does not reach employees.
        assert SAMIR["name"] in employee_client.get(page.url).content.decode()
