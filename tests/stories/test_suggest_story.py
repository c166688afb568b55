"""An employee suggests a story and follows it on "My suggestions" (issue #14, part 1)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.images.tests.utils import get_test_image_file

import pytest

from stories.models import StorySuggestion
from tests.factories.home import UserFactory
from tests.factories.stories import StorySuggestionFactory, TopicFactory


pytestmark = pytest.mark.django_db


def url(name, language="fr"):
    with translation.override(language):
        return reverse(f"stories:{name}")


def png(name="potager.png"):
    return SimpleUploadedFile(
        name, get_test_image_file().file.getvalue(), content_type="image/png"
    )


@pytest.fixture
def topics(locales):
    return {
        "fr": TopicFactory(name="Environnement", slug="environnement"),
        "en": TopicFactory(name="Sustainability", locale=locales["en"]),
    }


def good_data(**changes):
    data = {
        "title": "Le potager partagé",
        "what_happened": "Des collègues cultivent un potager.\n\nLa récolte est offerte.",
        "who_could_tell": "Karim, logistique",
        "photo_alt": "",
    }
    data.update(changes)
    return data


def test_the_form_needs_a_login(client, locales):
    response = client.get(url("suggest"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert client.post(url("suggest"), good_data()).status_code == 302
    assert not StorySuggestion.objects.exists()
    assert client.get(url("my_suggestions")).status_code == 302


def test_the_form_offers_the_topics_of_its_language(client_for, employee, topics):
    page = client_for(employee).get(url("suggest")).content.decode()
    assert "Proposer une histoire" in page
    assert "Environnement" in page
    assert "Sustainability" not in page
    page = client_for(employee).get(url("suggest", "en")).content.decode()
    assert "Suggest a story" in page
    assert "Sustainability" in page
    assert "Environnement" not in page


def test_an_employee_suggests_a_story(client_for, employee, topics):
    client = client_for(employee)
    data = good_data(
        photo=png(),
        photo_alt="Des tomates dans un bac",
        topics=[topics["fr"].pk],
        could_be_public="on",
        wants_help="on",
    )
    response = client.post(url("suggest"), data)
    assert response.status_code == 302
    assert response["Location"] == url("my_suggestions")
    suggestion = StorySuggestion.objects.get()
    assert suggestion.suggested_by == employee
    assert suggestion.locale.language_code == "fr"
    assert suggestion.status == StorySuggestion.Status.PENDING
    assert suggestion.title == "Le potager partagé"
    assert list(suggestion.topics.all()) == [topics["fr"]]
    assert (suggestion.could_be_public, suggestion.wants_help) == (True, True)
    assert suggestion.credit_me is False
    # The stored name says nothing about the person or the story.
    assert suggestion.photo.name.startswith("suggestions/")
    assert "potager" not in suggestion.photo.name
    page = client.get(response["Location"]).content.decode()
    assert "votre proposition est entre les mains des rédacteurs" in page
    assert "Le potager partagé" in page
    assert "En attente" in page


def test_in_english_the_suggestion_is_english(client_for, employee, topics):
    response = client_for(employee).post(
        url("suggest", "en"), good_data(topics=[topics["en"].pk])
    )
    assert response.status_code == 302
    assert StorySuggestion.objects.get().locale.language_code == "en"


def test_a_topic_of_the_other_language_is_refused(client_for, employee, topics):
    response = client_for(employee).post(
        url("suggest"), good_data(topics=[topics["en"].pk])
    )
    assert response.status_code == 400
    assert not StorySuggestion.objects.exists()


def test_an_empty_title_is_refused_and_nothing_is_lost(client_for, employee, topics):
    response = client_for(employee).post(
        url("suggest"),
        good_data(title="  ", topics=[topics["fr"].pk], wants_help="on"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Donnez un titre à votre histoire." in page
    assert "Des collègues cultivent un potager." in page
    assert 'value="Karim, logistique"' in page
    assert "photo-lost" not in page  # no photo was sent, none to choose again
    form = response.context["form"]
    assert form["wants_help"].value() is True
    assert form["topics"].value() == [str(topics["fr"].pk)]
    assert not StorySuggestion.objects.exists()


def test_a_file_that_is_not_an_image_is_refused(client_for, employee, locales):
    fake = SimpleUploadedFile(
        "photo.png", b"<script>alert(1)</script>", content_type="image/png"
    )
    response = client_for(employee).post(
        url("suggest"), good_data(photo=fake, photo_alt="Une photo")
    )
    assert response.status_code == 400
    page = response.content.decode()
    # Wagtail's check by content: the file claims to be a PNG and is not.
    assert "Image .png non valide" in page
    # Everything typed is still there; the page says the photo must be chosen again.
    assert 'value="Le potager partagé"' in page
    assert 'value="Une photo"' in page
    assert 'data-testid="photo-lost"' in page
    assert "choisissez-la de nouveau" in page
    assert not StorySuggestion.objects.exists()


def test_an_svg_is_refused(client_for, employee, locales):
    svg = SimpleUploadedFile(
        "photo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"
    )
    response = client_for(employee).post(
        url("suggest", "en"), good_data(photo=svg, photo_alt="A photo")
    )
    assert response.status_code == 400
    assert "Not a supported image format" in response.content.decode()
    assert not StorySuggestion.objects.exists()


def test_a_too_large_photo_is_refused_with_the_limit(
    client_for, employee, locales, settings
):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100  # bytes, for the test's small file
    response = client_for(employee).post(
        url("suggest", "en"), good_data(photo=png(), photo_alt="Tomatoes")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "This file is too big" in page
    assert "Maximum filesize 100" in page
    assert 'data-testid="photo-lost"' in page
    assert not StorySuggestion.objects.exists()


def test_the_site_limit_is_said_on_the_form(client_for, employee, locales):
    page = client_for(employee).get(url("suggest", "en")).content.decode()
    assert "Maximum filesize: 10.0\xa0MB" in page or "Maximum filesize: 10.0 MB" in page


def test_a_photo_needs_its_description(client_for, employee, locales):
    response = client_for(employee).post(url("suggest"), good_data(photo=png()))
    assert response.status_code == 400
    assert "Décrivez la photo pour les personnes qui ne peuvent pas la voir." in (
        response.content.decode()
    )
    assert not StorySuggestion.objects.exists()


def test_the_form_is_protected_against_forgery(employee, locales):
    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    assert client.post(url("suggest"), good_data()).status_code == 403
    assert not StorySuggestion.objects.exists()


def test_my_suggestions_shows_only_mine(client_for, employee, locales):
    colleague = UserFactory(username="colleague")
    StorySuggestionFactory(title="Mon idée", suggested_by=employee)
    StorySuggestionFactory(
        title="Idée déclinée",
        suggested_by=employee,
        status=StorySuggestion.Status.DECLINED,
        decline_reason="Déjà raconté en mai.",
    )
    StorySuggestionFactory(title="L'idée d'un collègue", suggested_by=colleague)
    page = client_for(employee).get(url("my_suggestions")).content.decode()
    assert "Mon idée" in page
    assert "Idée déclinée" in page
    assert "Déclinée" in page
    assert "Déjà raconté en mai." in page
    assert "collègue" not in page


def test_my_suggestions_escapes_what_was_typed(client_for, employee, locales):
    StorySuggestionFactory(
        title="<script>alert('titre')</script>",
        suggested_by=employee,
        status=StorySuggestion.Status.DECLINED,
        decline_reason="<script>alert('raison')</script>",
    )
    page = client_for(employee).get(url("my_suggestions")).content.decode()
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(&#x27;titre&#x27;)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&#x27;raison&#x27;)&lt;/script&gt;" in page


def test_home_and_story_index_link_to_the_form(client_for, employee, story_index):
    client = client_for(employee)
    for page_url in ("/fr/", story_index.url):
        page = client.get(page_url).content.decode()
        assert f'href="{url("suggest")}"' in page, page_url
