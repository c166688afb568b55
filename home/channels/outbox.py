"""What to post to team channels, and posting it.

- **A story published** for the first time: `announce_published_story` (a `page_published`
  receiver) writes one outbox row per channel, in the publishing transaction. Publishing
  does nothing more: no network call, so a slow or failing channel never slows it.
- **A share kit that opens** (published, its embargo over) has no save at that moment, so
  `announce_opened_kits` looks for kits that opened recently each time the sender runs.
- **Sending**: `send_waiting_posts`, run by `manage.py send_channel_posts` every minute (a
  cron job or a systemd timer). It reads committed rows only, so it posts after the
  transaction commits; it posts nothing during a quiet period (the rows wait, and go when it
  ends); each post is re-checked when sent, and dropped if its page is no longer live or no
  longer readable by every employee; a failure is retried later (RETRY_AFTER), and the
  channel shows its last error on the dashboard.

Only pages every employee may read are announced: `home.access.visible_to_every_employee`
(a page under a group or password restriction never is; public and internal pages are).
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import Page

from home.access import visible_to_every_employee
from home.quiet import quiet_period_in_force
from stories.models import ShareKit, StoryPage

from . import webhooks
from .models import ChannelPost, TeamChannel
from .webhooks import WebhookError


# How long after it opens a share kit is still announced (a sender that was stopped for a
# while catches up, but a kit that opened last month is not news).
KIT_NEWS_WINDOW = datetime.timedelta(days=1)
# Waits before the next attempts; after the last one, the post is given up.
RETRY_AFTER = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
]
MAX_ATTEMPTS = len(RETRY_AFTER) + 1
# A post being sent is claimed for this long, so that two senders never both send it.
CLAIM = datetime.timedelta(minutes=2)


def _channels_for(locale, since):
    return TeamChannel.objects.filter(
        Q(language="") | Q(language=locale.language_code),
        enabled=True,
        created_at__lte=since,
    )


def _enqueue(channel, subject, page, event, kit=None):
    try:
        with transaction.atomic():
            ChannelPost.objects.create(
                channel=channel,
                subject=subject,
                page=page,
                share_kit=kit,
                event=event,
                next_attempt_at=timezone.now(),
            )
    except IntegrityError:
        pass  # announced already


def announce_published_story(sender, instance, **kwargs):
    """A `page_published` receiver: a story's first publication goes to every channel
    connected before it."""
    if not isinstance(instance, StoryPage) or instance.first_published_at is None:
        return
    for channel in _channels_for(instance.locale, since=instance.first_published_at):
        _enqueue(channel, ChannelPost.Subject.STORY, instance, f"story:{instance.pk}")


def announce_opened_kits(now=None):
    """Outbox rows for the share kits that opened in the last KIT_NEWS_WINDOW."""
    now = now or timezone.now()
    since = now - KIT_NEWS_WINDOW
    kits = (
        ShareKit.objects.shareable_now(now)
        .filter(Q(shareable_from__gt=since) | Q(last_published_at__gt=since))
        .select_related("page", "locale")
    )
    channels = list(TeamChannel.objects.filter(enabled=True))
    for kit in kits:
        opened_at = max(filter(None, [kit.shareable_from, kit.last_published_at]))
        for channel in channels:
            if channel.created_at <= opened_at and channel.language in (
                "",
                kit.locale.language_code,
            ):
                _enqueue(
                    channel, ChannelPost.Subject.KIT, kit.page, f"kit:{kit.pk}", kit
                )


def _still_for_everyone(post, now):
    if post.subject == ChannelPost.Subject.KIT:
        kits = ShareKit.objects.shareable_now(now).filter(pk=post.share_kit_id)
        if not kits.exists():
            return False
    pages = Page.objects.live().filter(pk=post.page_id)
    return visible_to_every_employee(pages).exists()


def _message(post):
    page = post.page.specific
    with translation.override(page.locale.language_code):
        heading = (
            _("New story")
            if post.subject == ChannelPost.Subject.STORY
            else _("Ready to share")
        )
        return webhooks.payload(
            post.channel.kind,
            heading=heading,
            title=page.title,
            intro=getattr(page, "intro", "") or page.search_description,
            link=page.get_full_url(),
            link_label=_("Read it on the intranet"),
        )


def _claim(post, now):
    """Take the post for this run: nobody else sends it while it is claimed."""
    return ChannelPost.objects.filter(
        pk=post.pk, status=ChannelPost.Status.WAITING, attempts=post.attempts
    ).update(attempts=post.attempts + 1, next_attempt_at=now + CLAIM)


def _failed(post, error, now):
    attempts = post.attempts + 1
    given_up = attempts >= MAX_ATTEMPTS
    ChannelPost.objects.filter(pk=post.pk).update(
        status=ChannelPost.Status.FAILED if given_up else ChannelPost.Status.WAITING,
        next_attempt_at=now + RETRY_AFTER[min(attempts, len(RETRY_AFTER)) - 1],
        last_error=error,
    )
    TeamChannel.objects.filter(pk=post.channel_id).update(
        last_error=error, last_error_at=timezone.now()
    )


def send_waiting_posts(now=None):
    """Send what is due. Returns counts only: {"sent": n, "failed": n, "dropped": n},
    or None during a quiet period (nothing is sent; it all waits)."""
    now = now or timezone.now()
    if quiet_period_in_force(now):
        return None
    announce_opened_kits(now)
    counts = {"sent": 0, "failed": 0, "dropped": 0}
    failing_channels = set()
    due = (
        ChannelPost.objects.filter(
            status=ChannelPost.Status.WAITING,
            next_attempt_at__lte=now,
            channel__enabled=True,
        )
        .select_related("channel", "page")
        .order_by("next_attempt_at", "pk")
    )
    for post in due:
        if post.channel_id in failing_channels:
            continue  # it failed a moment ago: its other posts wait for the retry
        if not _still_for_everyone(post, now):
            ChannelPost.objects.filter(pk=post.pk).update(
                status=ChannelPost.Status.DROPPED
            )
            counts["dropped"] += 1
            continue
        if not _claim(post, now):
            continue  # another sender took it
        try:
            webhooks.post(post.channel.webhook_url, _message(post))
        except WebhookError as error:
            _failed(post, str(error), now)
            failing_channels.add(post.channel_id)
            counts["failed"] += 1
            continue
        sent_at = timezone.now()
        ChannelPost.objects.filter(pk=post.pk).update(
            status=ChannelPost.Status.SENT, sent_at=sent_at, last_error=""
        )
        TeamChannel.objects.filter(pk=post.channel_id).update(last_success_at=sent_at)
        counts["sent"] += 1
    return counts
