"""Team channels (Microsoft Teams, Slack, Mattermost incoming webhooks) and their outbox.

A channel's webhook address is a secret: anyone holding it may post in the channel. It is
stored, never shown back in full (home.channels.forms), never logged, and not part of any
export. The outbox holds one row per message to post, written in the same transaction as the
publication that causes it and sent afterwards by `manage.py send_channel_posts`
(home.channels.outbox), with retries.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .webhooks import ChannelKind, masked


class TeamChannel(models.Model):
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("For editors, to recognise the channel: for example, Sales team."),
    )
    kind = models.CharField(_("service"), max_length=20, choices=ChannelKind.choices)
    webhook_url = models.CharField(_("webhook address"), max_length=2000)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_(
            "Post only content in this language. Leave empty for every language."
        ),
    )
    enabled = models.BooleanField(
        _("posting"),
        default=True,
        help_text=_("Untick to stop posting to this channel without forgetting it."),
    )
    created_at = models.DateTimeField(_("connected on"), auto_now_add=True)
    last_success_at = models.DateTimeField(_("last post"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    last_error_at = models.DateTimeField(_("last error on"), null=True, blank=True)

    class Meta:
        verbose_name = _("team channel")
        verbose_name_plural = _("team channels")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def masked_webhook_url(self):
        return masked(self.webhook_url)

    @property
    def failing(self):
        return bool(self.last_error) and (
            self.last_success_at is None or self.last_success_at < self.last_error_at
        )


class ChannelPost(models.Model):
    """One message for one channel: a story published, or a share kit opening. The text is
    written when it is sent, from the page as it is then."""

    class Subject(models.TextChoices):
        STORY = "story", _("story published")
        KIT = "kit", _("share kit open")

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed: gave up")
        DROPPED = "dropped", _("not sent: no longer for everyone")

    channel = models.ForeignKey(
        TeamChannel, on_delete=models.CASCADE, related_name="posts"
    )
    subject = models.CharField(max_length=10, choices=Subject.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    share_kit = models.ForeignKey(
        "stories.ShareKit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # What the post announces, so that it is posted once: "story:<page id>", "kit:<kit id>".
    event = models.CharField(max_length=40)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.WAITING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("team channel post")
        verbose_name_plural = _("team channel posts")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "event"], name="one_post_per_channel_and_event"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.channel_id} {self.event} {self.status}"
