"""The demo shows the digest: Léa (`employee`) chose a weekly digest in English, so
`manage.py send_digests` right after `make run` prints hers (console e-mail backend)."""

from io import StringIO

from django.core import mail
from django.core.management import call_command

import pytest


pytestmark = pytest.mark.django_db


def test_send_digests_after_the_demo_sends_lea_her_weekly_digest(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    mail.outbox.clear()  # the demo's own review notifications
    output = StringIO()

    call_command("send_digests", stdout=output)

    assert "Digests sent: 1;" in output.getvalue()
    (message,) = mail.outbox
    assert message.to == ["employee@chorus.example"]
    assert message.subject == "Chorus: what is new for you"
    assert "New stories" in message.body
    assert "/en/" in message.body
    # Run again: nothing new, nothing sent.
    call_command("send_digests", stdout=StringIO())
    assert len(mail.outbox) == 1
