from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory


pytestmark = pytest.mark.django_db


def test_urls_carry_the_language_prefix(client, home_page):
    assert client.get("/")["Location"] == "/fr/"
    assert client.get("/", headers={"accept-language": "en"})["Location"] == "/en/"


def test_login_page_is_in_french_and_in_english(client, home_page):
    french = client.get("/fr/login/").content.decode()
    assert '<html lang="fr">' in french
    assert "Connectez-vous avec votre compte professionnel." in french
    assert "Aller au contenu" in french

    english = client.get("/en/login/").content.decode()
    assert '<html lang="en">' in english
    assert "Log in with your work account." in english


def test_switcher_links_to_the_translation_of_the_current_page(
    client_for, employee, home_page_en
):
    client = client_for(employee)
    french = client.get("/fr/").content.decode()
    assert 'href="/en/" hreflang="en"' in french
    english = client.get("/en/").content.decode()
    assert 'href="/fr/" hreflang="fr"' in english


def test_switcher_on_a_page_without_translation_offers_only_its_language(
    client_for, employee, home_page
):
    response = client_for(employee).get("/fr/")
    assert 'hreflang="en"' not in response.content.decode()


def test_switcher_on_a_view_links_to_the_same_view(client, home_page):
    assert 'href="/en/login/"' in client.get("/fr/login/").content.decode()


def test_unknown_page_gets_a_translated_404(client_for, employee, home_page):
    response = client_for(employee).get("/fr/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


# The switcher on public pages: an anonymous visitor gets only translations they may open.


@pytest.fixture
def story_in_two_languages(home_page_en, locales):
    """A public French story whose English translation is still internal."""
    index = StoryIndexPageFactory(parent=home_page_en.get_translation(locales["fr"]))
    index.copy_for_translation(locales["en"]).save_revision().publish()
    french = StoryPageFactory(parent=index, is_public=True, slug="atelier")
    english = french.copy_for_translation(locales["en"])
    english.is_public = False
    english.save_revision().publish()
    return french, english.specific


def switcher(html):
    return html.split('data-testid="language-switcher"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize("page_cache", [False, True])
def test_visitors_are_offered_only_the_public_translations(
    client_for, employee, story_in_two_languages, settings, page_cache
):
    settings.CHORUS_PAGE_CACHE = page_cache
    french, english = story_in_two_languages
    # An employee reads first: what they were offered is cached, for employees only.
    employee_html = client_for(employee).get(french.url).content.decode()
    assert f'href="{english.url}" hreflang="en"' in switcher(employee_html)

    visitor = Client()
    assert visitor.get(english.url).status_code == 302  # to the login page
    assert 'hreflang="en"' not in switcher(visitor.get(french.url).content.decode())

    english.is_public = True
    english.save_revision().publish()
    assert visitor.get(english.url).status_code == 200
    html = visitor.get(french.url).content.decode()
    assert f'href="{english.url}" hreflang="en"' in switcher(html)


@pytest.mark.parametrize("page_cache", [False, True])
def test_employees_are_offered_no_translation_behind_a_group_they_are_not_in(
    client_for, employee, editor, story_in_two_languages, settings, page_cache
):
    settings.CHORUS_PAGE_CACHE = page_cache
    french, english = story_in_two_languages
    board = Group.objects.create(name="Board")
    editor.groups.add(board)
    restriction = PageViewRestriction.objects.create(
        page=english, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([board])

    # A board member reads first: a copy shared with other employees would leak the link.
    member_html = client_for(editor).get(french.url).content.decode()
    assert f'href="{english.url}" hreflang="en"' in switcher(member_html)
    outsider_html = client_for(employee).get(french.url).content.decode()
    assert 'hreflang="en"' not in switcher(outsider_html)
