"""Talking to incoming webhooks: which addresses are accepted, what each service expects,
and one POST with a timeout.

Nothing here logs, and no error message carries the address: it is a secret.
"""

import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChannelKind(models.TextChoices):
    TEAMS = "teams", _("Microsoft Teams (Workflows webhook)")
    SLACK = "slack", _("Slack (incoming webhook)")
    MATTERMOST = "mattermost", _("Mattermost (incoming webhook)")


# Tests and the demo may post to a fake server on this machine, over plain http.
LOCAL_HTTP_HOST = "127.0.0.1"


def validate_webhook_url(url):
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname and "." in parts.hostname:
        return
    if (
        settings.CHORUS_CHANNELS_ALLOW_LOCAL_HTTP
        and parts.scheme == "http"
        and parts.hostname == LOCAL_HTTP_HOST
    ):
        return
    raise ValidationError(
        _(
            "Paste the whole webhook address as the service gives it: it starts with "
            "https:// and a server name."
        ),
        code="invalid_webhook_url",
    )


def masked(url):
    """Enough of the address to recognise it, never enough to use it."""
    if not url:
        return ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}/…{url[-4:]}"


def _slack_escaped(text):
    # Slack and Mattermost read <…> as links and mentions: the text stays plain text.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def payload(kind, heading, title, intro, link, link_label):
    """The JSON body for one message: a heading ("New story"), the title, the intro and
    the link."""
    if kind == ChannelKind.TEAMS:
        body = [
            {"type": "TextBlock", "text": heading, "isSubtle": True, "wrap": True},
            {"type": "TextBlock", "text": title, "weight": "Bolder", "wrap": True},
        ]
        if intro:
            body.append({"type": "TextBlock", "text": intro, "wrap": True})
        return {
            "type": "message",
            "attachments": [
                {
                    "contentType": "application/vnd.microsoft.card.adaptive",
                    "content": {
                        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                        "type": "AdaptiveCard",
                        "version": "1.4",
                        "body": body,
                        "actions": [
                            {"type": "Action.OpenUrl", "title": link_label, "url": link}
                        ],
                    },
                }
            ],
        }
    lines = [heading, f"*{_slack_escaped(title)}*"]
    if intro:
        lines.append(_slack_escaped(intro))
    lines.append(f"<{link}|{_slack_escaped(link_label)}>")
    if kind == ChannelKind.MATTERMOST:
        lines[1] = f"**{_slack_escaped(title)}**"
        lines[-1] = f"[{_slack_escaped(link_label)}]({link})"
    return {"text": "\n".join(lines)}


class WebhookError(Exception):
    """A post that did not go through; its message is safe to store and show."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A webhook answers, it does not redirect: following one could send the message
    # (and a later one) somewhere else, perhaps over plain http.
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def post(url, body, timeout=None):
    timeout = timeout or settings.CHORUS_CHANNEL_TIMEOUT_SECONDS
    # The address was checked when it was saved (validate_webhook_url): https, or plain
    # http to 127.0.0.1 when the settings allow it; never file: or another scheme.
    request = urllib.request.Request(  # noqa: S310
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "User-Agent": "Chorus"},
        method="POST",
    )
    try:
        with _opener.open(request, timeout=timeout) as response:
            response.read(1024)
    except urllib.error.HTTPError as error:
        raise WebhookError(
            _("The service answered with HTTP error %(code)s.") % {"code": error.code}
        ) from None
    except TimeoutError:
        raise WebhookError(
            _("No answer within %(seconds)s seconds.") % {"seconds": timeout}
        ) from None
    except (urllib.error.URLError, OSError):
        raise WebhookError(_("The service could not be reached.")) from None
