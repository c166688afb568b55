from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

import pytest

from referents.models import ReferentIndexPage
from stories.models import Topic
from tests.factories.referents import ReferentFactory


pytestmark = pytest.mark.django_db


def render(source, user=None, **context):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return Template("{% load referents_tags %}" + source).render(
        Context({"request": request, **context})
    )


@pytest.fixture
def referents_fr_en(locales):
    nadia = ReferentFactory(name="Nadia", role="Réseaux sociaux", locale=locales["fr"])
    english = nadia.copy_for_translation(locales["en"])
    english.role = "Social networks"
    english.save()
    return {"fr": nadia, "en": english}


def test_directory_lists_the_referents_of_its_language(
    client_for, employee, home_page, home_page_en, referents_fr_en, locales
):
    directory = ReferentIndexPage(title="Référents", slug="referents")
    home_page.add_child(instance=directory)
    directory.save_revision().publish()
    with translation.override("fr"):
        content = client_for(employee).get(directory.url).content.decode()
    assert "Réseaux sociaux" in content
    assert "Social networks" not in content
    assert "@chorus.example" not in content


def test_referent_for_picks_the_referent_of_the_topic(locales, employee):
    media = Topic.objects.create(name="Médias", slug="medias", locale=locales["fr"])
    ReferentFactory(name="First listed", locale=locales["fr"])
    specialist = ReferentFactory(name="Zoé", locale=locales["fr"])
    specialist.topics.set([media])
    specialist.save()
    with translation.override("fr"):
        html = render("{% referent_for topics %}", user=employee, topics=[media])
    assert "Zoé" in html
    assert "First listed" not in html


@pytest.mark.parametrize("given_as", ["list", "queryset"])
def test_referent_for_matches_topics_across_languages_in_one_query(
    locales, employee, given_as, django_assert_num_queries
):
    """Pages pass their topics read (a list) or not (a queryset, as `page.topics.all`):
    the same referent, in one query. Among referents of the topic the first by name; with
    none, the first listed."""
    media = Topic.objects.create(name="Médias", slug="medias", locale=locales["fr"])
    media_en = media.copy_for_translation(locales["en"])
    media_en.name = "Media"
    media_en.save()
    unrelated = Topic.objects.create(name="Sport", slug="sport", locale=locales["fr"])
    ReferentFactory(name="Anne, first listed", locale=locales["fr"])
    for name in ("Zoé", "Yann"):
        specialist = ReferentFactory(name=name, locale=locales["fr"])
        specialist.topics.set([media])
        specialist.save()

    def topics(*chosen):
        found = Topic.objects.filter(pk__in=[topic.pk for topic in chosen])
        return list(found) if given_as == "list" else found

    with translation.override("fr"):
        for chosen, expected in [
            ((media_en,), "Yann"),
            ((unrelated, media), "Yann"),
            ((unrelated,), "Anne, first listed"),
            ((), "Anne, first listed"),
        ]:
            given = topics(*chosen)
            with django_assert_num_queries(
                2
            ):  # the referent, and its topics on the card
                html = render("{% referent_for topics %}", user=employee, topics=given)
            shown = [
                name for name in ("Anne, first listed", "Yann", "Zoé") if name in html
            ]
            assert shown == [expected], chosen


def test_home_page_shows_a_referent(client_for, employee, home_page, referents_fr_en):
    with translation.override("fr"):
        content = client_for(employee).get(home_page.url).content.decode()
    assert 'data-testid="referent-card"' in content
    assert "Nadia" in content
