from django.urls import reverse
from django.utils import translation

import pytest


pytestmark = pytest.mark.django_db


def test_page_lists_fields_from_the_running_models(client, locales):
    response = client.get(reverse("referents:transparency"))
    content = response.content.decode()
    assert response.status_code == 200
    # Account, ambassador profile and share-count fields come from the models' _meta.
    assert "Email address" in content
    assert "Date of consent" in content
    assert "Network" in content
    assert "fewer than 5" in content
    assert "Who shared which story" in content


def test_page_exists_in_both_languages(client, locales):
    with translation.override("en"):
        url_en = reverse("referents:transparency")
    with translation.override("fr"):
        url_fr = reverse("referents:transparency")
    assert url_en.startswith("/en/") and url_fr.startswith("/fr/")
    assert client.get(url_en).status_code == 200
    assert client.get(url_fr).status_code == 200
