from django.utils import translation

from wagtail.models import Site

import pytest

from home.models import ChorusSettings
from home.stages import Stage
from tests.factories.guides import GuidePageFactory


pytestmark = pytest.mark.django_db


@pytest.fixture
def media_contact(home_page):
    settings = ChorusSettings.for_site(Site.objects.get(is_default_site=True))
    settings.media_contact_name = "Camille Rousseau"
    settings.media_contact_email = "presse@chorus.example"
    settings.media_contact_phone = "+33 1 23 45 67 89"
    settings.save()
    return settings


def test_a_guide_shows_its_owner_review_date_and_stages(
    client_for, employee, guide_index
):
    from tests.factories.referents import ReferentFactory

    guide = GuidePageFactory(
        parent=guide_index,
        title="Check a source",
        stages=["speak", "listen"],
        guide_owner=ReferentFactory(name="Sam Lee", role="Editor"),
        last_reviewed="2026-10-05",
    )
    html = client_for(employee).get(guide.url).content.decode()
    assert 'data-testid="guide-owner">Sam Lee, Editor<' in html
    assert 'datetime="2026-10-05"' in html
    assert "Last reviewed" in html or "Dernière relecture" in html
    with translation.override("fr"):
        stages = f"{Stage.LISTEN.label}, {Stage.SPEAK.label}"
    assert f'data-testid="guide-stages">{stages}<' in html


def test_media_relations_guidelines_show_the_media_contact(
    client_for, employee, guide_index, media_contact
):
    guidelines = GuidePageFactory(
        parent=guide_index, title="When a journalist calls", subject="media-relations"
    )
    other = GuidePageFactory(parent=guide_index, title="Write a post")
    client = client_for(employee)
    html = client.get(guidelines.url).content.decode()
    assert 'data-testid="media-contact"' in html
    assert "Camille Rousseau" in html
    assert 'href="mailto:presse@chorus.example"' in html
    assert 'href="tel:+33123456789"' in html
    assert 'data-testid="media-contact"' not in client.get(other.url).content.decode()


def test_guidance_blocks_render_and_a_checklist_records_nothing(
    client_for, employee, guide_index
):
    from tests.factories.referents import ReferentFactory

    alex = ReferentFactory(
        name="Alex Martin", role="Coach", email="alex@chorus.example"
    )
    guide = GuidePageFactory(
        parent=guide_index,
        body=[
            {
                "type": "do_dont",
                "value": {
                    "title": "",
                    "do": ["Say who you are"],
                    "dont": ["Share <secrets>"],
                },
            },
            {
                "type": "steps",
                "value": {
                    "title": "Start",
                    "steps": [{"title": "Open the app", "text": ""}],
                },
            },
            {
                "type": "checklist",
                "value": {
                    "title": "Before posting",
                    "items": ["Public?", "Mine to say?"],
                },
            },
            {
                "type": "example_post",
                "value": {
                    "network": "bluesky",
                    "text": "Proud of the team.",
                    "comment": "",
                },
            },
            {
                "type": "ask_referent",
                "value": {"title": "", "text": "<p>When unsure.</p>"},
            },
            {
                "type": "referent_link",
                "value": {"referent": alex.pk, "page": None, "earlier_contact": ""},
            },
        ],
    )
    html = client_for(employee).get(guide.url).content.decode()
    body = html.split('class="guide__body"', 1)[1]
    assert "Share &lt;secrets&gt;" in body
    assert "Open the app" in body
    assert "Mine to say?" in body
    assert "<form" not in body and "<input" not in body
    assert "Bluesky" in body
    assert "When unsure." in body
    # The referent chosen in the block, as their profile says; their e-mail stays private.
    assert "<strong>Alex Martin</strong>, Coach" in body
    assert f'href="/fr/ask-a-referent/?referent={alex.pk}"' in body
    assert "alex@chorus.example" not in body


def test_internal_guides_need_a_login_and_public_ones_do_not(client, guide_index):
    internal = GuidePageFactory(parent=guide_index, title="Internal")
    public = GuidePageFactory(parent=guide_index, title="Public", is_public=True)
    assert client.get(internal.url).status_code == 302
    assert client.get(public.url).status_code == 200


def test_blocks_have_icon_template_and_preview():
    from guides.blocks import GuideStreamBlock

    for name, block in GuideStreamBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.template, name
        if name not in ("image", "referent_link"):
            assert block.meta.preview_value, name


def test_a_guide_links_to_its_live_referent(client_for, employee, guide_index):
    from tests.factories.referents import ReferentFactory

    referent = ReferentFactory(name="Samir Haddad")
    with_referent = GuidePageFactory(parent=guide_index, referent=referent)
    client = client_for(employee)
    html = client.get(with_referent.url).content.decode()
    assert f'href="/fr/ask-a-referent/?referent={referent.pk}"' in html
    assert "Samir Haddad" in html
    referent.live = False
    referent.save()
    html = client.get(with_referent.url).content.decode()
    assert 'data-testid="ask-guide-referent"' not in html


def test_a_guide_without_its_own_referent_points_to_one(
    client_for, employee, guide_index
):
    from tests.factories.referents import ReferentFactory

    ReferentFactory(name="Claire Fontaine")
    guide = GuidePageFactory(parent=guide_index)
    html = client_for(employee).get(guide.url).content.decode()
    assert 'data-testid="referent-card"' in html
    assert "Claire Fontaine" in html
