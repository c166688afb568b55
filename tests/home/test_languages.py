import pytest


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
