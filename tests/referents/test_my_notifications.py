"""My notifications: the digest choice (one click, the reader's own), the one-click
unsubscribe without login, and what happens to the choice in the export and on leaving."""

import json
import re

from django.core import signing
from django.utils import timezone

import pytest

from referents.leaving import close_account
from referents.models import DigestSubscription, PersonalFeedKey
from referents.notifications import unsubscribe_token
from referents.personal_feeds import new_key
from tests.factories.home import UserFactory


pytestmark = pytest.mark.django_db


def pressed(html):
    """The digest choice the page shows as chosen."""
    return re.findall(
        r'value="(\w+)" data-testid="digest-\w+"[^>]*aria-pressed="true"', html
    )


def test_footer_links_to_my_notifications(client_for, employee, home_page):
    html = client_for(employee).get("/en/").content.decode()
    assert 'data-testid="footer-my-notifications"' in html


def test_never_is_the_default(client_for, employee):
    response = client_for(employee).get("/en/my-notifications/")
    assert response.status_code == 200
    html = response.content.decode()
    assert pressed(html) == ["never"]
    assert not DigestSubscription.objects.exists()


def test_one_click_chooses_a_weekly_digest_in_english(client_for, employee):
    client = client_for(employee)
    response = client.post(
        "/en/my-notifications/digest/", {"frequency": "weekly", "language": "en"}
    )
    assert response.status_code == 302
    subscription = DigestSubscription.objects.get(user=employee)
    assert (subscription.frequency, subscription.language) == ("weekly", "en")
    # The first digest starts from now, not from the archive.
    assert subscription.sent_up_to > timezone.now() - timezone.timedelta(minutes=1)
    page = client.get(response["Location"]).content.decode()
    assert "you will receive a digest once a week" in page
    assert pressed(page) == ["weekly"]

    client.post(
        "/en/my-notifications/digest/", {"frequency": "daily", "language": "fr"}
    )
    subscription.refresh_from_db()
    assert (subscription.frequency, subscription.language) == ("daily", "fr")

    client.post("/en/my-notifications/digest/", {"frequency": "never"})
    assert not DigestSubscription.objects.exists()


def test_bad_choice_changes_nothing_and_says_why(client_for, employee):
    client = client_for(employee)
    client.post(
        "/en/my-notifications/digest/", {"frequency": "weekly", "language": "en"}
    )
    response = client.post(
        "/en/my-notifications/digest/",
        {"frequency": "hourly", "language": "en"},
        follow=True,
    )
    assert "Choose never, once a week or once a day." in response.content.decode()
    assert DigestSubscription.objects.get(user=employee).frequency == "weekly"


def test_an_unknown_language_falls_back_to_the_page_language(client_for, employee):
    client_for(employee).post(
        "/fr/my-notifications/digest/", {"frequency": "daily", "language": "xx"}
    )
    assert DigestSubscription.objects.get(user=employee).language == "fr"


def test_the_choice_is_the_readers_own(client_for, employee, editor):
    client_for(editor).post(
        "/en/my-notifications/digest/", {"frequency": "daily", "language": "en"}
    )
    html = client_for(employee).get("/en/my-notifications/").content.decode()
    assert pressed(html) == ["never"]
    assert DigestSubscription.objects.get().user == editor


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get("/en/my-notifications/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    response = client.post("/en/my-notifications/digest/", {"frequency": "daily"})
    assert response.status_code == 302
    assert not DigestSubscription.objects.exists()


def _subscribe(user):
    return DigestSubscription.objects.create(
        user=user, frequency="weekly", language="en", sent_up_to=timezone.now()
    )


def test_unsubscribe_link_asks_first_then_stops_without_login(client, employee):
    _subscribe(employee)
    url = f"/en/digest/unsubscribe/{unsubscribe_token(employee)}/"

    response = client.get(url)
    assert response.status_code == 200
    assert 'data-testid="confirm-unsubscribe"' in response.content.decode()
    assert DigestSubscription.objects.filter(
        user=employee
    ).exists()  # GET changes nothing

    response = client.post(url)
    assert response.status_code == 200
    assert 'data-testid="unsubscribed"' in response.content.decode()
    assert not DigestSubscription.objects.filter(user=employee).exists()


@pytest.mark.parametrize(
    "token",
    [
        "garbage",
        "1:forged:signature",
        signing.dumps(1, salt="another.purpose"),
    ],
)
def test_a_tampered_unsubscribe_link_is_refused_and_changes_nothing(
    client, employee, token
):
    _subscribe(employee)
    for method in (client.get, client.post):
        assert method(f"/en/digest/unsubscribe/{token}/").status_code == 404
    assert DigestSubscription.objects.filter(user=employee).exists()


def test_an_unsubscribe_link_names_one_person_only(client, employee, editor):
    _subscribe(employee)
    _subscribe(editor)
    token = unsubscribe_token(employee)
    # Changing the signed value to another account breaks the signature.
    other = token.replace(
        signing.b64_encode(json.dumps(employee.pk).encode()).decode(), ""
    )
    client.post(f"/en/digest/unsubscribe/{other}{editor.pk}/")
    assert DigestSubscription.objects.filter(user=editor).exists()


def test_export_lists_the_digest_choice_and_no_feed_secret(client_for, employee):
    _subscribe(employee)
    new_key(employee)
    data = client_for(employee).get("/en/my-data/download/").json()
    digest = data["other_records"]["referents.DigestSubscription"][0]
    assert (digest["frequency"], digest["language"]) == ("weekly", "en")
    feed = data["other_records"]["referents.PersonalFeedKey"][0]
    assert "secret_hash" not in feed
    stored = PersonalFeedKey.objects.get(user=employee).secret_hash
    assert stored not in json.dumps(data)


def test_transparency_page_describes_digest_and_feeds(client):
    html = client.get("/en/what-we-see/").content.decode()
    assert "Your digest, if you asked for one" in html
    assert "Your personal feed addresses, if you made them" in html


def test_closing_the_account_deletes_digest_and_feed_addresses(employee):
    _subscribe(employee)
    new_key(employee)
    kept = UserFactory(username="stays")
    _subscribe(kept)

    close_account(employee)

    assert not DigestSubscription.objects.filter(user=employee).exists()
    assert not PersonalFeedKey.objects.filter(user=employee).exists()
    assert DigestSubscription.objects.filter(user=kept).exists()
