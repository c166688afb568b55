"""Personal feeds (issue #15, part 3): a secret address per employee for the stories feed
and the share-kit calendar; exactly what that person may see; reset, stop, deactivation."""

import datetime
import hashlib
import re
import xml.etree.ElementTree as ET

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from referents.models import PersonalFeedKey
from referents.personal_feeds import new_key
from tests.factories.home import UserFactory
from tests.factories.stories import ShareKitFactory, StoryPageFactory


pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def titles(response):
    feed = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    return sorted(e.find(f"{ATOM}title").text for e in feed.iter(f"{ATOM}entry"))


@pytest.fixture
def board(roles):
    return Group.objects.create(name="Board")


@pytest.fixture
def stories(story_index, board):
    public = StoryPageFactory(parent=story_index, title="Publique", is_public=True)
    StoryPageFactory(parent=story_index, title="Interne")
    secret = StoryPageFactory(parent=story_index, title="Conseil")
    PageViewRestriction.objects.filter(page=secret).delete()
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    ).groups.set([board])
    return {"public": public, "secret": secret}


def test_making_addresses_shows_them_once_and_stores_a_digest(
    client_for, employee, stories
):
    client = client_for(employee)
    response = client.post("/fr/my-notifications/feed-addresses/")
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    url = re.search(r'data-testid="feed-url-stories">([^<]+)<', html).group(1)
    calendar = re.search(r'data-testid="feed-url-calendar">([^<]+)<', html).group(1)
    key = url.split("/feeds/personal/")[1].split("/")[0]
    stored = PersonalFeedKey.objects.get(user=employee)
    assert key.split(".")[1] not in (stored.lookup, stored.secret_hash)
    assert stored.secret_hash == hashlib.sha256(key.split(".")[1].encode()).hexdigest()
    # Later visits never show it again.
    assert key not in client.get("/fr/my-notifications/").content.decode()

    client.logout()  # a feed reader has no session
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert titles(response) == ["Interne", "Publique"]
    assert client.get(calendar.removeprefix("http://testserver")).status_code == 200


def test_group_restricted_story_only_in_the_groups_feeds(
    client, employee, board, stories
):
    member = UserFactory(username="member")
    member.groups.set([board])
    assert "Conseil" not in titles(
        client.get(f"/fr/feeds/personal/{new_key(employee)}/stories/")
    )
    assert "Conseil" in titles(
        client.get(f"/fr/feeds/personal/{new_key(member)}/stories/")
    )


def test_reset_stops_the_old_address_at_once(client, client_for, employee, stories):
    old = new_key(employee)
    client_for(employee).post("/fr/my-notifications/feed-addresses/")
    client.logout()
    assert client.get(f"/fr/feeds/personal/{old}/stories/").status_code == 404
    assert client.get(f"/fr/feeds/personal/{old}/share-kits.ics").status_code == 404


def test_stop_removes_the_addresses(client, client_for, employee, stories):
    key = new_key(employee)
    client_for(employee).post("/fr/my-notifications/feed-addresses/stop/")
    client.logout()
    assert client.get(f"/fr/feeds/personal/{key}/stories/").status_code == 404


def test_a_deactivated_account_gets_nothing(client, employee, stories):
    key = new_key(employee)
    employee.is_active = False
    employee.save()
    response = client.get(f"/fr/feeds/personal/{key}/stories/")
    assert response.status_code == 404
    assert b"Publique" not in response.content


@pytest.mark.parametrize(
    "key_of",
    [
        lambda key: "nothing",
        lambda key: key.split(".")[0] + ".wrong-secret",
        lambda key: key.split(".")[0],
        lambda key: key[:-1] + ("A" if key[-1] != "A" else "B"),
        lambda key: "." + key.split(".")[1],
    ],
)
def test_a_wrong_key_is_a_404_and_changes_nothing(client, employee, stories, key_of):
    key = new_key(employee)
    before = PersonalFeedKey.objects.get(user=employee).secret_hash
    bad = key_of(key)
    assert client.get(f"/fr/feeds/personal/{bad}/stories/").status_code == 404
    assert client.get(f"/fr/feeds/personal/{bad}/share-kits.ics").status_code == 404
    assert PersonalFeedKey.objects.get(user=employee).secret_hash == before


def test_anonymous_visitors_keep_only_the_public_feed(client, stories):
    assert titles(client.get("/fr/feeds/stories/public/")) == ["Publique"]
    assert client.get("/fr/feeds/stories/all/").status_code == 302


def test_calendar_lists_kit_windows_the_reader_may_see(
    client, employee, board, stories, story_index
):
    opens = timezone.now() + datetime.timedelta(days=2)
    closes = opens + datetime.timedelta(days=5)
    ShareKitFactory(
        page=stories["public"], shareable_from=opens, shareable_until=closes
    )
    # A kit on a page later put behind a group restriction: not for outsiders.
    board_public = StoryPageFactory(
        parent=story_index, title="Board; news, big", is_public=True
    )
    ShareKitFactory(page=board_public, shareable_from=opens)
    PageViewRestriction.objects.create(
        page=board_public, restriction_type=PageViewRestriction.GROUPS
    ).groups.set([board])
    member = UserFactory(username="member")
    member.groups.set([board])

    response = client.get(f"/fr/feeds/personal/{new_key(employee)}/share-kits.ics")
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    assert body.count("BEGIN:VEVENT") == 2
    assert "SUMMARY:Ouverture du partage : Publique\r\n" in body
    assert "SUMMARY:Fin du partage : Publique\r\n" in body
    assert "http://testserver/fr/histoires/publique/" in body
    assert "Board" not in body

    member_body = client.get(
        f"/fr/feeds/personal/{new_key(member)}/share-kits.ics"
    ).content.decode()
    assert "SUMMARY:Ouverture du partage : Board\\; news\\, big\r\n" in member_body
