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


def test_home_page_shows_a_referent(client_for, employee, home_page, referents_fr_en):
    with translation.override("fr"):
        content = client_for(employee).get(home_page.url).content.decode()
    assert 'data-testid="referent-card"' in content
    assert "Nadia" in content
