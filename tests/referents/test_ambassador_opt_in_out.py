from django.urls import reverse

import pytest

from referents.models import AmbassadorProfile
from referents.roles import AMBASSADORS
from stories.models import SpotlightPage


pytestmark = pytest.mark.django_db


def in_ambassadors(user):
    return user.groups.filter(name=AMBASSADORS).exists()


def test_programme_page_says_what_it_means_and_what_it_does_not(client_for, employee):
    response = client_for(employee).get(reverse("referents:programme"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "No quota and no obligation" in content
    assert "No ranking" in content
    assert 'data-testid="join-programme"' in content


def test_employee_joins_in_one_click(client_for, employee):
    response = client_for(employee).post(reverse("referents:join"), follow=True)
    assert response.status_code == 200
    assert in_ambassadors(employee)
    profile = AmbassadorProfile.objects.get(user=employee)
    assert profile.consented_at is not None
    assert 'data-testid="leave-programme"' in response.content.decode()


def test_profile_links_must_be_https_and_typed_text_is_kept(client_for, ambassador_a):
    client = client_for(ambassador_a)
    response = client.post(
        reverse("referents:profile"),
        {
            "linkedin_url": "http://www.linkedin.com/in/awa",
            "website_url": "https://awa.example",
        },
    )
    assert response.status_code == 400
    assert "starting with https://" in response.content.decode()
    assert "https://awa.example" in response.content.decode()
    assert AmbassadorProfile.objects.get(user=ambassador_a).website_url == ""

    client.post(
        reverse("referents:profile"),
        {"linkedin_url": "https://www.linkedin.com/in/awa"},
    )
    profile = AmbassadorProfile.objects.get(user=ambassador_a)
    assert profile.linkedin_url == "https://www.linkedin.com/in/awa"


@pytest.mark.parametrize(
    ("choice", "stays_live"), [("keep", True), ("unpublish", False)]
)
def test_leaving_deletes_profile_and_honours_the_spotlight_choice(
    client_for, ambassador_a, spotlight_a, choice, stays_live
):
    assert spotlight_a.live
    response = client_for(ambassador_a).post(
        reverse("referents:leave"), {"spotlight": choice}
    )
    assert response.status_code == 302
    assert not in_ambassadors(ambassador_a)
    assert not AmbassadorProfile.objects.filter(user=ambassador_a).exists()
    assert SpotlightPage.objects.get(pk=spotlight_a.pk).live is stays_live


def test_leaving_unpublishes_the_translation_too(
    client_for, ambassador_a, spotlight_a, home_page_en, locales
):
    translation = spotlight_a.copy_for_translation(locales["en"], copy_parents=True)
    translation.save_revision().publish()
    client_for(ambassador_a).post(
        reverse("referents:leave"), {"spotlight": "unpublish"}
    )
    assert not SpotlightPage.objects.filter(
        translation_key=spotlight_a.translation_key, live=True
    ).exists()


def test_leave_form_without_a_choice_explains_and_changes_nothing(
    client_for, ambassador_a
):
    response = client_for(ambassador_a).post(reverse("referents:leave"), {})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert in_ambassadors(ambassador_a)


def test_public_spotlight_shows_the_ambassadors_links_with_rel_me(
    client, ambassador_a, spotlight_a
):
    profile = ambassador_a.ambassador_profile
    profile.mastodon_url = "https://mastodon.example/@awa"
    profile.save()
    spotlight_a.is_public = True
    spotlight_a.save_revision().publish()
    response = client.get(spotlight_a.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert (
        'href="https://mastodon.example/@awa" rel="me noopener noreferrer"' in content
    )


def test_internal_spotlight_is_not_shown_to_anonymous_visitors(client, spotlight_a):
    response = client.get(spotlight_a.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
