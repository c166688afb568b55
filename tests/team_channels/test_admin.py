"""Connecting a team channel in the admin: editors only, the address checked, and never
shown back in full."""

from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from home.channels.models import TeamChannel


pytestmark = pytest.mark.django_db

WEBHOOK = "https://hooks.slack.com/services/T000/B000/very-secret-XYZW"
ADD = "wagtailsnippets_team_channels_teamchannel:add"
LIST = "wagtailsnippets_team_channels_teamchannel:list"


def _form(url=WEBHOOK, **kwargs):
    return {
        "name": "Sales team",
        "kind": "slack",
        "webhook_url": url,
        "language": "",
        "enabled": "on",
        **kwargs,
    }


def _edit_url(channel):
    return reverse("wagtailsnippets_team_channels_teamchannel:edit", args=[channel.pk])


def test_editor_connects_a_channel_and_never_sees_the_address_again(client_for, editor):
    client = client_for(editor)
    response = client.post(reverse(ADD), _form())
    assert response.status_code == 302
    channel = TeamChannel.objects.get()
    assert channel.webhook_url == WEBHOOK
    for url in (reverse(LIST), _edit_url(channel)):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "very-secret" not in html
        assert "https://hooks.slack.com/…XYZW" in html
    history = " ".join(str(entry.data) for entry in ModelLogEntry.objects.all())
    assert "very-secret" not in history


def test_saving_with_the_address_left_empty_keeps_it(client_for, editor):
    channel = TeamChannel.objects.create(
        name="Sales", kind="slack", webhook_url=WEBHOOK
    )
    client = client_for(editor)
    response = client.post(_edit_url(channel), _form(url="", name="Sales and support"))
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.name == "Sales and support"
    assert channel.webhook_url == WEBHOOK


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.slack.com/services/T000/B000/x",
        "ftp://hooks.example.org/x",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "https://localhost/x",
        "http://127.0.0.1:9999/x",  # only when the settings allow it
        "not an address",
    ],
)
def test_a_bad_address_is_refused_with_a_clear_message_and_nothing_is_lost(
    client_for, editor, url
):
    response = client_for(editor).post(
        reverse(ADD), _form(url=url, name="Keep my name"), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "it starts with https://" in html
    assert "Keep my name" in html
    assert not TeamChannel.objects.exists()


def test_local_http_is_accepted_when_the_settings_allow_it(
    client_for, editor, settings
):
    settings.CHORUS_CHANNELS_ALLOW_LOCAL_HTTP = True
    response = client_for(editor).post(
        reverse(ADD), _form(url="http://127.0.0.1:9999/hook")
    )
    assert response.status_code == 302
    assert TeamChannel.objects.get().webhook_url == "http://127.0.0.1:9999/hook"


@pytest.mark.parametrize("role", ["employee", "ambassador", "referent"])
def test_other_roles_cannot_connect_see_or_change_channels(client_for, request, role):
    channel = TeamChannel.objects.create(
        name="Sales", kind="slack", webhook_url=WEBHOOK
    )
    client = client_for(request.getfixturevalue(role))
    assert client.get(reverse(LIST)).status_code in (302, 403)
    assert client.get(_edit_url(channel)).status_code in (302, 403)
    client.post(reverse(ADD), _form(name="Mine"))
    client.post(_edit_url(channel), _form(url="https://evil.example.org/hook"))
    channel.refresh_from_db()
    assert channel.webhook_url == WEBHOOK
    assert TeamChannel.objects.count() == 1


def test_anonymous_is_sent_to_log_in(client):
    response = client.post(reverse(ADD), _form())
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not TeamChannel.objects.exists()
