"""Download my data: everything Chorus holds about the reader, and nothing about anyone else."""

import json

from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.users.models import UserProfile

import pytest
from axes.models import AccessAttempt

from home.models import StagePreference
from referents.models import AmbassadorProfile
from tests.factories.referents import ReferentFactory, SpotlightPageFactory


pytestmark = pytest.mark.django_db


def attempt(username, ip):
    return AccessAttempt.objects.create(
        username=username,
        ip_address=ip,
        user_agent="browser",
        http_accept="*/*",
        path_info="/login/",
        failures_since_start=2,
        post_data="username=" + username,
    )


@pytest.fixture
def two_colleagues(spotlight_index, ambassador_a, ambassador_b):
    """Awa and Bruno, each with a stage, profile links, a spotlight, a photo, a referent
    profile, admin preferences and a failed login."""
    for user, stage, name in [
        (ambassador_a, "speak", "awa"),
        (ambassador_b, "lead", "bruno"),
    ]:
        StagePreference.objects.create(user=user, stage=stage)
        AmbassadorProfile.objects.filter(user=user).update(
            mastodon_url=f"https://mastodon.example/@{name}"
        )
        SpotlightPageFactory(
            parent=spotlight_index,
            owner=user,
            title=f"Spotlight of {name}",
            slug=name,
        )
        get_image_model().objects.create(
            title=f"Portrait of {name}",
            file=get_test_image_file(),
            uploaded_by_user=user,
        )
        ReferentFactory(
            name=f"Referent {name}", user=user, email=f"{name}@mail.example"
        )
        UserProfile.objects.create(user=user, preferred_language="fr")
    attempt("ambassador_a", "192.0.2.1")
    attempt("ambassador_b", "198.51.100.7")
    return ambassador_a, ambassador_b


def download(client):
    response = client.get(reverse("referents:download_my_data"))
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_download_holds_everything_about_the_reader(client_for, two_colleagues):
    awa, _ = two_colleagues
    response, data = download(client_for(awa))
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert "no-store" in response["Cache-Control"]
    assert data["account"]["username"] == "ambassador_a"
    assert data["account"]["email"] == "ambassador_a@chorus.example"
    assert data["account"]["first_name"] == "Awa"
    assert "Ambassadors" in data["account"]["groups"]
    assert data["stage"] == "speak"
    assert data["ambassador_profile"]["mastodon_url"] == "https://mastodon.example/@awa"
    assert data["ambassador_profile"]["consented_at"]
    assert [r["name"] for r in data["referent_profiles"]] == ["Referent awa"]
    assert [p["title"] for p in data["pages_owned"]] == ["Spotlight of awa"]
    assert "Spotlight of awa" in [r["title"] for r in data["revisions_authored"]]
    assert [i["title"] for i in data["images_uploaded"]] == ["Portrait of awa"]
    attempts = data["login_records"]["accessattempt"]
    assert [a["ip_address"] for a in attempts] == ["192.0.2.1"]
    # Found by walking the models that link to the user: Wagtail's admin preferences.
    preferences = data["other_records"]["wagtailusers.UserProfile"]
    assert preferences[0]["preferred_language"] == "fr"


def test_download_holds_nothing_about_a_colleague(client_for, two_colleagues):
    awa, bruno = two_colleagues
    response, _ = download(client_for(awa))
    content = response.content.decode()
    for trace in [
        "ambassador_b",
        "bruno",
        "Bruno",
        bruno.last_name,
        "198.51.100.7",
        '"lead"',
    ]:
        assert trace not in content, trace
    assert "password" not in content
    assert "pbkdf2" not in content and "md5$" not in content


def test_download_needs_a_login(client):
    response = client.get(reverse("referents:download_my_data"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_download_is_read_only_and_takes_no_other_person(client_for, two_colleagues):
    awa, bruno = two_colleagues
    client = client_for(awa)
    assert client.post(reverse("referents:download_my_data")).status_code == 405
    # No parameter names another person: asking for Bruno still gives Awa's own data.
    response = client.get(
        reverse("referents:download_my_data"), {"user": bruno.pk, "username": "b"}
    )
    assert json.loads(response.content)["account"]["username"] == "ambassador_a"


@pytest.mark.parametrize(
    "url_name", ["referents:transparency", "stage_picker", "referents:programme"]
)
def test_own_pages_link_to_download_and_erase(client_for, employee, url_name):
    content = client_for(employee).get(reverse(url_name)).content.decode()
    assert reverse("referents:download_my_data") in content
    assert reverse("referents:erase_my_data") in content
