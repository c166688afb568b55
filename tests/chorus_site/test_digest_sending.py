"""send_digests is idempotent and robust: run twice, killed half-way, two runs at once, an
SMTP server that refuses one person (a local fake server, tests/fake_smtp.py)."""

import datetime
import threading

from django.db import connection
from django.utils import timezone

import pytest

from chorus_site import digests
from chorus_site.digests import send_digests
from referents.models import DigestSubscription
from tests.factories.home import UserFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory
from tests.fake_smtp import FakeSMTPServer


WEEK = datetime.timedelta(days=7)


@pytest.fixture
def smtp(settings):
    with FakeSMTPServer(refuse={"refused@chorus.example"}) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_TIMEOUT = 5
        yield server


def readers(count, *, extra=()):
    people = [UserFactory(username=f"reader{n}") for n in range(count)]
    people += [UserFactory(username=name) for name in extra]
    for person in people:
        DigestSubscription.objects.create(
            user=person,
            frequency="weekly",
            language="fr",
            sent_up_to=timezone.now() - WEEK - datetime.timedelta(hours=2),
        )
    return people


@pytest.fixture
def news(home_page):
    index = StoryIndexPageFactory(parent=home_page)
    return StoryPageFactory(parent=index, title="Fresh news")


@pytest.mark.django_db
def test_a_refused_recipient_stops_nobody_else_and_is_tried_again(smtp, news):
    readers(3, extra=["refused"])

    outcome = send_digests()

    assert (outcome.sent, outcome.failed) == (3, 1)
    assert outcome.errors == {"SMTPRecipientsRefused": 1}
    assert sorted(smtp.recipients()) == [f"reader{n}@chorus.example" for n in range(3)]
    message = smtp.messages[0][2]
    assert message.is_multipart()
    assert {part.get_content_type() for part in message.iter_parts()} == {
        "text/plain",
        "text/html",
    }
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    refused = DigestSubscription.objects.get(user__username="refused")
    assert refused.sending_since is None
    assert refused.sent_up_to < timezone.now() - WEEK  # not marked: tried next run

    smtp.refuse.clear()
    again = send_digests()
    assert (again.sent, again.failed) == (1, 0)
    assert smtp.recipients().count("refused@chorus.example") == 1
    assert len(smtp.messages) == 4  # nobody else got a second one


@pytest.mark.django_db
def test_an_unreachable_smtp_server_loses_nothing(settings, news):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 2
    readers(2)

    outcome = send_digests()

    assert (outcome.sent, outcome.failed) == (0, 2)
    assert not DigestSubscription.objects.filter(
        sent_up_to__gt=timezone.now() - WEEK
    ).exists()
    assert not DigestSubscription.objects.exclude(sending_since=None).exists()


@pytest.mark.django_db
def test_run_twice_sends_once(smtp, news):
    readers(3)
    assert send_digests().sent == 3
    second = send_digests()
    assert (second.sent, second.nothing_new, second.failed) == (0, 0, 0)
    assert len(smtp.messages) == 3


@pytest.mark.django_db
def test_a_run_killed_half_way_skips_nobody(smtp, news):
    """A run that claimed the first reader and died before sending (as `kill -9` would
    leave it): the next run sends the others at once, and the claimed reader once the
    claim is old enough to be a dead run's."""
    people = readers(3)
    killed_at = timezone.now()
    first = DigestSubscription.objects.get(user=people[0])
    assert digests.claim(first.pk, killed_at)  # ...and the process dies here

    next_run = send_digests(now=killed_at + datetime.timedelta(minutes=1))
    assert (next_run.sent, next_run.taken_by_another_run) == (2, 0)
    assert people[0].email not in smtp.recipients()

    later = send_digests(
        now=killed_at + digests.DIGEST_LEASE + datetime.timedelta(minutes=1)
    )
    assert later.sent == 1
    assert sorted(smtp.recipients()) == sorted(p.email for p in people)


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_never_send_twice(smtp, home_page):
    """Two runs started together (two hosts), each with its own database connection."""
    index = StoryIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=index, title="Fresh news")
    people = readers(40)
    start = threading.Barrier(2)
    outcomes = []

    def run():
        try:
            start.wait()
            outcomes.append(send_digests())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    recipients = smtp.recipients()
    assert sorted(recipients) == sorted(p.email for p in people)  # each exactly once
    assert sum(o.sent for o in outcomes) == 40
    assert sum(o.failed for o in outcomes) == 0


@pytest.mark.django_db
def test_people_are_read_in_batches(monkeypatch, news):
    monkeypatch.setattr(digests, "DIGEST_BATCH", 2)
    readers(5)
    assert len(list(digests.due_ids(timezone.now()))) == 5
    assert send_digests().sent == 5


@pytest.mark.django_db
def test_digests_pause_during_a_quiet_period_and_resume_after(smtp, news, capsys):
    from django.core.management import call_command

    from home.models import QuietPeriod

    people = readers(2)
    now = timezone.now()
    QuietPeriod.objects.create(
        reason="Results on Thursday: we keep quiet.",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=2),
    )

    outcome = send_digests(now=now)
    assert outcome.paused and outcome.sent == 0
    call_command("send_digests")
    assert "Quiet period in force" in capsys.readouterr().out
    assert smtp.messages == []
    # Nobody's mark moved: the news waits for the end of the period.
    assert not DigestSubscription.objects.filter(sent_up_to__gt=now - WEEK).exists()

    after = send_digests(now=now + datetime.timedelta(hours=3))
    assert not after.paused and after.sent == 2
    assert sorted(smtp.recipients()) == sorted(p.email for p in people)
    assert "Fresh news" in smtp.messages[0][2].get_body(("plain",)).get_content()


@pytest.mark.django_db
def test_a_quiet_period_planned_later_does_not_pause_digests(smtp, news):
    from home.models import QuietPeriod

    readers(1)
    QuietPeriod.objects.create(
        reason="Later", starts_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert send_digests().sent == 1


@pytest.mark.django_db(transaction=True)
def test_send_digests_killed_for_real_half_way_skips_nobody(settings, home_page):
    """`manage.py send_digests` in its own process, killed (SIGKILL) while the SMTP server
    makes it wait for its third message: the next runs send the rest, each person once."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    index = StoryIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=index, title="Fresh news")
    people = readers(5)
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{database['NAME']}"
    else:
        url = (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
            f"/{database['NAME']}"
        )
    with FakeSMTPServer(hold_after=2) as smtp:
        env = {
            **os.environ,
            "DJANGO_DEBUG": "1",
            "DJANGO_SETTINGS_MODULE": "chorus_site.settings",
            "DATABASE_URL": url,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
            "EMAIL_USE_TLS": "0",
        }
        root = Path(__file__).resolve().parents[2]
        process = subprocess.Popen(
            [sys.executable, "manage.py", "send_digests"], cwd=root, env=env
        )
        try:
            assert smtp.hold.wait(timeout=120), "the run never reached its third digest"
            time.sleep(0.5)  # it is now waiting for the server's answer
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
        assert len(smtp.messages) == 2
        smtp.hold.clear()
        smtp.hold_after = None
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp.port
        settings.EMAIL_USE_TLS = False

        now = timezone.now()
        send_digests(now=now)  # the two not reached yet
        assert len(smtp.messages) == 4
        send_digests(now=now + digests.DIGEST_LEASE + datetime.timedelta(minutes=1))
        assert sorted(smtp.recipients()) == sorted(p.email for p in people)
