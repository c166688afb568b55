"""The digest by e-mail (issue #15, part 1): what each reader finds in it, and the rules of
every digest (two parts, one-click unsubscribe, direct links, no tracking)."""

import datetime

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from chorus_site.digests import send_digests
from referents.models import DigestSubscription
from referents.roles import EMPLOYEES
from stories.models import StoryPage
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.home import UserFactory
from tests.factories.referents import SpotlightIndexPageFactory, SpotlightPageFactory
from tests.factories.stories import (
    ShareKitFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)


pytestmark = pytest.mark.django_db

WEEK = datetime.timedelta(days=7)


def subscribe(user, frequency="weekly", language="fr", since=None):
    return DigestSubscription.objects.create(
        user=user,
        frequency=frequency,
        language=language,
        sent_up_to=since or timezone.now() - WEEK - datetime.timedelta(hours=1),
    )


def digest_to(address):
    # Wagtail's own workflow notifications may be in the outbox too.
    found = [
        m
        for m in mail.outbox
        if m.to == [address] and "List-Unsubscribe" in m.extra_headers
    ]
    assert len(found) <= 1, "one digest per person and run"
    return found[0] if found else None


def html_of(message):
    (html, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    return html


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page)


@pytest.fixture
def board(roles):
    return Group.objects.create(name="Board")


def test_digest_lists_new_stories_in_two_parts_with_direct_links(employee, story_index):
    subscribe(employee)
    StoryPageFactory(parent=story_index, title="Nouvelle histoire", slug="nouvelle")

    outcome = send_digests()

    assert outcome.sent == 1
    message = digest_to(employee.email)
    assert "Nouvelle histoire" in message.body
    assert "http://testserver/fr/histoires/nouvelle/" in message.body
    html = html_of(message)
    assert (
        '<a href="http://testserver/fr/histoires/nouvelle/">Nouvelle histoire</a>'
        in html
    )
    # No tracking: no image at all, no link through Chorus other than the pages themselves.
    assert "<img" not in html
    assert "/share/" not in html and "redirect" not in html.lower()


def test_digest_is_written_in_the_chosen_language(employee, story_index):
    subscribe(employee, language="en")
    StoryPageFactory(parent=story_index, title="Nouvelle")
    # The French story is not in the English digest: an English home has none.
    send_digests()
    assert digest_to(employee.email) is None

    subscribe(UserFactory(username="lea"), language="fr")
    send_digests()
    message = digest_to("lea@chorus.example")
    assert message.subject == "Chorus : ce qui est nouveau pour vous"


def test_every_digest_carries_a_one_click_unsubscribe(client, employee, story_index):
    subscribe(employee)
    StoryPageFactory(parent=story_index)
    send_digests()
    message = digest_to(employee.email)

    header = message.extra_headers["List-Unsubscribe"]
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    url = header.strip("<>")
    assert url.startswith("http://testserver/fr/digest/unsubscribe/")
    assert url in message.body and url in html_of(message)

    # A mail program's one-click POST: no login, no CSRF token.
    client.handler.enforce_csrf_checks = True
    response = client.post(url.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert not DigestSubscription.objects.filter(user=employee).exists()


def test_nothing_new_sends_nothing_and_moves_the_mark(employee, story_index):
    subscription = subscribe(employee)
    outcome = send_digests()
    assert outcome.sent == 0 and outcome.nothing_new == 1
    assert mail.outbox == []
    subscription.refresh_from_db()
    assert subscription.sent_up_to > timezone.now() - datetime.timedelta(minutes=1)


def test_stories_seen_in_a_digest_are_not_sent_again(employee, story_index):
    subscribe(employee, frequency="daily")
    StoryPageFactory(parent=story_index, title="Old news")
    send_digests()
    assert "Old news" in digest_to(employee.email).body

    mail.outbox.clear()
    later = timezone.now() + datetime.timedelta(days=1)
    assert send_digests(now=later).nothing_new == 1
    assert mail.outbox == []


def test_not_due_yet_is_left_alone(employee, story_index):
    subscribe(employee, since=timezone.now() - datetime.timedelta(days=3))
    StoryPageFactory(parent=story_index)
    outcome = send_digests()
    assert (outcome.sent, outcome.nothing_new) == (0, 0)


def test_a_story_under_a_group_restriction_reaches_only_the_group(
    employee, board, story_index
):
    member = UserFactory(username="member")
    member.groups.set([board, Group.objects.get(name=EMPLOYEES)])
    story = StoryPageFactory(parent=story_index, title="Board story")
    StoryPageFactory(parent=story_index, title="Everyone's story")
    PageViewRestriction.objects.filter(page=story).delete()
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.GROUPS
    ).groups.set([board])
    subscribe(employee)
    subscribe(member)

    send_digests()

    assert "Board story" not in digest_to(employee.email).body
    assert "Board story" not in html_of(digest_to(employee.email))
    assert "Board story" in digest_to(member.email).body


def test_drafts_and_inactive_accounts_get_nothing(employee, story_index):
    StoryPageFactory(parent=story_index, title="Draft", live=False)
    subscribe(employee)
    gone = UserFactory(username="gone", is_active=False)
    subscribe(gone)
    StoryPageFactory(parent=story_index, title="Published")

    send_digests()

    assert "Draft" not in digest_to(employee.email).body
    assert digest_to(gone.email) is None


def test_share_kits_opening_soon_are_announced_once(employee, story_index):
    subscribe(employee, frequency="daily")
    soon = timezone.now() + datetime.timedelta(days=3)
    public = StoryPageFactory(parent=story_index, title="Public story", is_public=True)
    kit = ShareKitFactory(page=public, shareable_from=soon)
    kit.first_published_at = timezone.now()
    kit.save()
    far = StoryPageFactory(parent=story_index, title="Far away", is_public=True)
    ShareKitFactory(
        page=far, shareable_from=timezone.now() + datetime.timedelta(days=30)
    )
    # Stories published long ago: only the kits are new.
    StoryPage.objects.filter(pk__in=[public.pk, far.pk]).update(
        first_published_at=timezone.now() - 4 * WEEK
    )

    send_digests()
    body = digest_to(employee.email).body
    assert "Share kits opening soon" in body or "Kits de partage" in body
    assert "Public story" in body
    assert "Far away" not in body

    mail.outbox.clear()
    assert send_digests(now=timezone.now() + datetime.timedelta(days=1)).sent == 0


def test_guides_of_the_readers_stage_only(employee, home_page):
    from home.models import StagePreference

    StagePreference.objects.create(user=employee, stage="listen")
    guides = GuideIndexPageFactory(parent=home_page)
    GuidePageFactory(parent=guides, title="Listening well", stages=["listen"])
    GuidePageFactory(parent=guides, title="Leading others", stages=["lead"])
    subscribe(employee)

    send_digests()

    body = digest_to(employee.email).body
    assert "Listening well" in body
    assert "Leading others" not in body


def _submit_spotlight(home_page, ambassador, title):
    index = SpotlightIndexPageFactory(parent=home_page)
    spotlight = SpotlightPageFactory(
        parent=index, owner=ambassador, title=title, live=False
    )
    spotlight.save_revision(user=ambassador)
    return spotlight.get_workflow().start(spotlight, ambassador), spotlight


def test_reviews_wait_for_referents_not_for_employees(
    employee, referent, ambassador, home_page
):
    _submit_spotlight(home_page, ambassador, "Awa in review")
    subscribe(employee)
    subscribe(referent)

    send_digests()

    assert "Awa in review" in digest_to(referent.email).body
    assert "/admin/pages/" in digest_to(referent.email).body
    # An employee is no reviewer, and the draft is no story: nothing to send.
    assert digest_to(employee.email) is None


def test_ambassador_hears_of_changes_asked_on_their_spotlight(
    ambassador, editor, home_page
):
    state, _spotlight = _submit_spotlight(home_page, ambassador, "My spotlight")
    state.current_task_state.task.specific.on_action(
        state.current_task_state, editor, "reject"
    )
    other = UserFactory(username="other-ambassador")
    other.groups.set(ambassador.groups.all())
    subscribe(ambassador)
    subscribe(other)

    send_digests()

    assert "My spotlight" in digest_to(ambassador.email).body
    assert digest_to(other.email) is None


def test_command_reports_counts_only(employee, story_index, capsys):
    subscribe(employee)
    StoryPageFactory(parent=story_index)
    call_command("send_digests")
    out = capsys.readouterr().out
    assert "Digests sent: 1" in out
    assert employee.email not in out and employee.username not in out
