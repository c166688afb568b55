from django.core import mail
from django.urls import reverse

import pytest

from referents.forms import ASK_LIMIT


pytestmark = pytest.mark.django_db


def ask(client, referent, message="How do I talk about the new site?"):
    return client.post(
        reverse("referents:ask"),
        {"referent": referent.pk, "subject": "New site", "message": message},
    )


def test_question_is_mailed_to_the_referent_and_confirmed(
    client_for, employee, referent_profile
):
    client = client_for(employee)
    response = ask(client, referent_profile)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["nadia@chorus.example"]
    assert sent.reply_to == [employee.email]
    assert "How do I talk about the new site?" in sent.body
    confirmation = client.get(response["Location"])
    assert 'data-testid="ask-sent"' in confirmation.content.decode()


def test_referent_address_is_never_shown(client_for, employee, referent_profile):
    response = client_for(employee).get(reverse("referents:ask"))
    assert response.status_code == 200
    assert "Nadia" in response.content.decode()
    assert "nadia@chorus.example" not in response.content.decode()


def test_rate_limit_keeps_the_typed_message(client_for, employee, referent_profile):
    client = client_for(employee)
    for _ in range(ASK_LIMIT):
        assert ask(client, referent_profile).status_code == 302
    response = ask(client, referent_profile, message="One more thing, please")
    content = response.content.decode()
    assert response.status_code == 200
    assert len(mail.outbox) == ASK_LIMIT
    assert 'data-testid="ask-errors"' in content
    assert "One more thing, please" in content


def test_anonymous_visitor_cannot_ask(client, referent_profile):
    response = client.get(reverse("referents:ask"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
