"""`manage.py remind_guide_reviews`: one e-mail to a guide's owner per review date, in the
owner's language, plain text and HTML, safe to run twice or on two hosts at once."""

import datetime
import io

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone

import pytest

from guides import reminders
from guides.models import GuidePage, GuideReviewReminder
from guides.review_dates import add_months
from guides.reviews import mark_reviewed
from tests.factories.guides import GuidePageFactory
from tests.factories.referents import ReferentFactory


pytestmark = pytest.mark.django_db


def months_ago(months, days=0):
    return add_months(timezone.localdate(), -months) - datetime.timedelta(days=days)


@pytest.fixture
def owner(locales):
    return ReferentFactory(name="Claire Fontaine", email="claire@chorus.example")


@pytest.fixture
def overdue(guide_index, owner):
    return GuidePageFactory(
        parent=guide_index,
        title="Parler <b>presse</b> & médias",
        guide_owner=owner,
        review_interval=6,
        last_reviewed=months_ago(6, days=10),
    )


def run():
    out = io.StringIO()
    call_command("remind_guide_reviews", stdout=out)
    return out.getvalue()


def test_the_owner_is_reminded_once_per_due_date(overdue, guide_index, owner):
    GuidePageFactory(  # not due for months: no reminder
        parent=guide_index, guide_owner=owner, last_reviewed=timezone.localdate()
    )
    GuidePageFactory(  # due, but nobody owns it: nobody to remind
        parent=guide_index, last_reviewed=months_ago(7)
    )
    assert "sent: 1" in run()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["claire@chorus.example"]
    assert "sent: 0" in run()  # run again (cron, a second host): nothing more
    assert len(mail.outbox) == 1
    assert GuideReviewReminder.objects.get().due_date == (
        GuidePage.objects.get(pk=overdue.pk).review_due
    )


def test_a_new_review_date_brings_a_new_reminder_later(overdue, editor, owner):
    run()
    mark_reviewed(overdue, editor, today=months_ago(6, days=-10))  # due in 10 days now
    assert len(run() and mail.outbox) == 2
    assert "Due for review" in mail.outbox[1].subject or "À relire" in (
        mail.outbox[1].subject
    )


def test_a_reminder_already_written_by_another_host_is_not_sent_again(overdue):
    # The other host's transaction committed its row first: this run finds it.
    GuideReviewReminder.objects.create(
        page=overdue, due_date=GuidePage.objects.get(pk=overdue.pk).review_due
    )
    assert "sent: 0" in run()
    assert mail.outbox == []


def test_a_race_lost_on_the_unique_row_sends_nothing(overdue):
    guide = reminders.guides_to_remind(timezone.localdate()).get()
    # Another host inserts between this run's read and its write.
    GuideReviewReminder.objects.create(page=guide, due_date=guide.review_due)
    assert reminders.send_reminder(guide, timezone.localdate()) is False
    assert mail.outbox == []


def test_a_mail_server_failure_leaves_the_reminder_to_the_next_run(
    overdue, monkeypatch
):
    def refuse(self, messages):
        raise ConnectionRefusedError("mail server down")

    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "send_messages", refuse)
        with pytest.raises(SystemExit):
            run()
    assert not GuideReviewReminder.objects.exists()  # rolled back with the failure
    assert "sent: 1" in run()
    assert len(mail.outbox) == 1


def test_the_reminder_is_in_the_owner_language_in_text_and_escaped_html(
    overdue, owner, referent
):
    owner.user = referent  # a referent account: they may mark it reviewed themselves
    owner.save()
    run()
    message = mail.outbox[0]
    assert (
        message.subject == "En retard de relecture : « Parler <b>presse</b> & médias »"
    )
    assert "Bonjour Claire Fontaine" in message.body
    assert "Parler <b>presse</b> & médias" in message.body  # plain text, as typed
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Parler &lt;b&gt;presse&lt;/b&gt; &amp; médias" in html
    assert "<b>presse</b>" not in html
    mark_url = f"http://testserver/admin/guide-reviews/{overdue.pk}/mark/"
    assert mark_url in message.body and mark_url in html


def test_an_english_profile_gets_it_in_english_without_a_mark_link(
    guide_index, locales
):
    owner = ReferentFactory(
        name="Sam Lee", email="sam@chorus.example", locale=locales["en"]
    )
    guide = GuidePageFactory(
        parent=guide_index,
        title="Check a source",
        guide_owner=owner,
        review_interval=3,
        last_reviewed=months_ago(3, days=-7),  # due in a week
    )
    run()
    message = mail.outbox[0]
    assert message.subject == "Due for review: “Check a source”"
    assert "Hello Sam Lee" in message.body
    # No account that opens the admin: an editor marks it.
    assert "/mark/" not in message.body
    assert "tell an editor" in message.body
    assert f"/admin/pages/{guide.pk}/edit/" in message.alternatives[0][0]
