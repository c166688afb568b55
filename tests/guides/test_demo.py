import pytest

from guides import demo
from guides.models import GuideIndexPage, GuidePage, GuideStage, Subject
from home.stages import Stage
from stories.models import Topic


pytestmark = pytest.mark.django_db


@pytest.fixture
def home(home_page, home_page_en, locales):
    return {"locales": locales, "homes": {"fr": home_page, "en": home_page_en}}


def snapshot():
    return sorted(
        (
            page.locale.language_code,
            page.slug,
            page.title,
            page.subject,
            tuple(page.stage_values),
            page.live,
        )
        for page in GuidePage.objects.select_related("locale").prefetch_related(
            "guide_stages"
        )
    )


def test_demo_guides_cover_every_subject_and_stage_in_both_languages(home, locales):
    demo.load(home)
    assert GuideIndexPage.objects.filter(show_in_menus=True, live=True).count() == 2
    for code in ("fr", "en"):
        guides = GuidePage.objects.live().filter(locale=locales[code])
        assert guides.count() >= 12
        assert {guide.subject for guide in guides} == set(Subject.values)
        stages = GuideStage.objects.filter(page__in=guides).values_list(
            "stage", flat=True
        )
        assert set(stages) == set(Stage.values)
    for guide in GuidePage.objects.filter(locale=locales["en"]):
        source = guide.get_translation(locales["fr"])
        assert source.specific.stage_values == guide.stage_values
        assert {topic.locale_id for topic in guide.topics.all()} <= {locales["en"].pk}


def test_demo_guides_load_twice_to_the_same_content(home):
    demo.load(home)
    first, topics = snapshot(), Topic.objects.count()
    demo.load(home)
    assert snapshot() == first
    assert Topic.objects.count() == topics
    assert GuideStage.objects.count() == sum(len(guide[4]) for guide in first)


def test_demo_reuses_existing_topics_by_slug(home, locales):
    existing = Topic.objects.create(
        locale=locales["fr"], name="Presse écrite", slug="presse"
    )
    demo.load(home)
    assert Topic.objects.filter(locale=locales["fr"], slug="presse").get() == existing


def test_every_demo_guide_renders(home, client_for, employee):
    demo.load(home)
    # The referents demo sets the demo accounts' passwords ("employee" is one of them).
    employee.refresh_from_db()
    client = client_for(employee)
    for guide in GuidePage.objects.live():
        response = client.get(guide.url)
        assert response.status_code == 200, guide.url
        assert guide.title.replace("'", "&#x27;") in response.content.decode()


def test_demo_guides_name_the_referent_of_their_language(home, locales):
    from referents import demo as referents_demo

    referents_demo.load(home)
    demo.load(home)
    for code in ("fr", "en"):
        guide = GuidePage.objects.get(locale=locales[code], subject="media-relations")
        assert guide.referent.name == "Claire Fontaine"
        assert guide.referent.locale == locales[code]


def test_demo_guides_have_owners_one_overdue_and_render_their_referents(
    home, locales, client_for, employee, roles
):
    from django.utils import timezone

    from referents import demo as referents_demo

    referents_demo.load(home)
    demo.load(home)
    today = timezone.localdate()
    for code in ("fr", "en"):
        guides = GuidePage.objects.live().filter(locale=locales[code])
        assert all(guide.guide_owner is not None for guide in guides)
        overdue = [guide for guide in guides if guide.review_due < today]
        assert [guide.slug for guide in overdue] == [
            "creer-son-profil" if code == "fr" else "create-your-profile"
        ]
    # The referents demo sets the demo accounts' passwords ("employee" is one of them).
    employee.refresh_from_db()
    client = client_for(employee)
    for guide in GuidePage.objects.live():
        response = client.get(guide.url)
        assert response.status_code == 200, guide.url
        blocks = [block for block in guide.body if block.block_type == "referent_link"]
        for block in blocks:
            assert block.value["referent"].locale_id == guide.locale_id
            assert block.value["referent"].name in response.content.decode()
    assert any(
        block.block_type == "referent_link"
        for guide in GuidePage.objects.all()
        for block in guide.body
    )
