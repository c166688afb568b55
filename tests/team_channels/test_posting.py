"""Posting to team channels: what goes out, when, to whom, and what happens when a channel
fails. Every post goes to a fake webhook on 127.0.0.1 (fake_webhook.py)."""

import datetime
import logging

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from home.channels.models import ChannelPost, TeamChannel
from home.channels.outbox import _claim, send_waiting_posts
from home.models import QuietPeriod
from tests.factories.stories import ShareKitFactory, StoryPageFactory


pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def connect(webhook, kind="slack", **kwargs):
    return TeamChannel.objects.create(
        name="Sales team", kind=kind, webhook_url=webhook.url(), **kwargs
    )


def publish_story(story_index, **kwargs):
    return StoryPageFactory(
        parent=story_index,
        title="We open a workshop in Lyon",
        intro="Twelve new jobs <and> a garden",
        **kwargs,
    )


def run_sender():
    return send_waiting_posts(timezone.now() + datetime.timedelta(seconds=1))


def test_publishing_posts_nothing_itself_the_sender_posts_after(webhook, story_index):
    connect(webhook)
    story = publish_story(story_index, is_public=True)
    assert webhook.received == []  # publishing made no network call
    assert run_sender() == {"sent": 1, "failed": 0, "dropped": 0}
    path, body = webhook.received[0]
    assert path == "/hooks/secret-token-1234"
    text = body["text"]
    assert "We open a workshop in Lyon" in text
    assert "Twelve new jobs &lt;and&gt; a garden" in text  # Slack reads <…> as links
    assert story.get_full_url() in text
    assert run_sender() == {"sent": 0, "failed": 0, "dropped": 0}  # posted once
    story.save_revision().publish()
    assert run_sender()["sent"] == 0  # a new version is not news


def test_the_command_reports_counts_only(webhook, story_index, capsys):
    connect(webhook)
    publish_story(story_index)
    call_command("send_channel_posts")
    assert capsys.readouterr().out.strip() == "sent 1, failed (will retry) 0, dropped 0"


def test_each_service_gets_its_own_format(webhook, story_index):
    connect(webhook, kind="teams")
    connect(webhook, kind="mattermost")
    story = publish_story(story_index, is_public=True)
    run_sender()
    bodies = [body for _path, body in webhook.received]
    teams = next(body for body in bodies if "attachments" in body)
    card = teams["attachments"][0]["content"]
    assert card["type"] == "AdaptiveCard"
    assert card["body"][1]["text"] == "We open a workshop in Lyon"
    assert card["actions"][0]["url"] == story.get_full_url()
    mattermost = next(body for body in bodies if "text" in body)
    assert "**We open a workshop in Lyon**" in mattermost["text"]
    assert f"]({story.get_full_url()})" in mattermost["text"]


def test_internal_stories_for_everyone_are_posted(webhook, story_index):
    connect(webhook)
    publish_story(story_index, is_public=False)
    assert run_sender()["sent"] == 1


def test_a_story_under_a_group_restriction_is_never_posted(webhook, story_index):
    connect(webhook)
    story = publish_story(story_index, is_public=False)
    PageViewRestriction.objects.filter(page=story).delete()
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Editors"))
    assert run_sender() == {"sent": 0, "failed": 0, "dropped": 1}
    assert webhook.received == []


def test_a_story_under_a_password_restriction_is_never_posted(webhook, story_index):
    connect(webhook)
    PageViewRestriction.objects.create(
        page=story_index,
        restriction_type=PageViewRestriction.PASSWORD,
        password="board",
    )
    publish_story(story_index, is_public=False)
    assert run_sender()["dropped"] == 1
    assert webhook.received == []


def test_a_publication_rolled_back_posts_nothing(webhook, story_index):
    connect(webhook)
    with pytest.raises(RuntimeError), transaction.atomic():
        publish_story(story_index, is_public=True)
        raise RuntimeError("the publishing request failed")
    assert not ChannelPost.objects.exists()
    assert run_sender()["sent"] == 0


def test_only_content_in_the_channel_s_language(webhook, story_index):
    connect(webhook, language="en")
    publish_story(story_index)  # French
    assert run_sender()["sent"] == 0


def test_a_share_kit_that_opens_is_posted_once(webhook, story_index):
    channel = connect(webhook)
    TeamChannel.objects.filter(pk=channel.pk).update(
        created_at=timezone.now() - 2 * HOUR
    )
    story = publish_story(story_index, is_public=True)
    ShareKitFactory(
        page=story,
        shareable_from=timezone.now() + datetime.timedelta(minutes=30),
    )
    run_sender()
    webhook.received.clear()
    # Nothing is saved when the embargo ends: the sender notices the kit opening.
    later = timezone.now() + HOUR
    assert send_waiting_posts(later)["sent"] == 1
    assert "We open a workshop in Lyon" in webhook.received[0][1]["text"]
    assert send_waiting_posts(later + HOUR)["sent"] == 0


def test_a_failing_channel_shows_its_error_and_is_retried(
    webhook, story_index, client_for, editor
):
    channel = connect(webhook)
    webhook.status = 500
    publish_story(story_index)  # publishing is not affected
    assert run_sender() == {"sent": 0, "failed": 1, "dropped": 0}
    channel.refresh_from_db()
    assert channel.failing
    assert "500" in channel.last_error
    html = client_for(editor).get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="dashboard-channel-error"' in html
    assert "1 post waits to be sent." in html
    webhook.status = 200
    assert run_sender()["sent"] == 0  # the retry is not due yet
    assert send_waiting_posts(timezone.now() + 2 * HOUR)["sent"] == 1
    channel.refresh_from_db()
    assert not channel.failing


def test_a_slow_channel_times_out_without_holding_up_the_others(
    webhook, story_index, settings
):
    settings.CHORUS_CHANNEL_TIMEOUT_SECONDS = 0.3
    slow = connect(webhook)
    slow.webhook_url = webhook.url("/slow")
    slow.save()
    connect(webhook, kind="mattermost")
    webhook.delay = 0.6
    publish_story(story_index)
    counts = run_sender()
    assert counts["failed"] + counts["sent"] == 2
    slow.refresh_from_db()
    assert slow.failing
    assert "0.3" in slow.last_error  # no answer within 0.3 seconds


def test_gives_up_after_the_last_attempt(webhook, story_index):
    connect(webhook)
    webhook.status = 404
    publish_story(story_index)
    moment = timezone.now()
    for _attempt in range(10):
        moment += 3 * HOUR
        send_waiting_posts(moment)
    post = ChannelPost.objects.get()
    assert post.status == ChannelPost.Status.FAILED
    assert post.attempts == 5
    assert len(webhook.received) == 5


def test_posts_wait_during_a_quiet_period_and_go_after(webhook, story_index):
    connect(webhook)
    period = QuietPeriod.objects.create(
        reason="Results", starts_at=timezone.now() - HOUR
    )
    publish_story(story_index)
    assert run_sender() is None
    assert webhook.received == []
    period.ends_at = timezone.now()
    period.save()
    assert run_sender()["sent"] == 1


def test_the_webhook_address_is_never_logged(webhook, story_index, caplog):
    connect(webhook)
    webhook.status = 500
    publish_story(story_index)
    with caplog.at_level(logging.DEBUG):
        run_sender()
    assert "secret-token" not in caplog.text
    assert "secret-token" not in TeamChannel.objects.get().last_error


def test_two_senders_at_once_post_it_once(webhook, story_index):
    """Each sender claims a post before sending it: the one that read it second finds it
    taken (as two hosts running the command in the same minute would)."""
    connect(webhook)
    publish_story(story_index)
    first_read = ChannelPost.objects.get()
    second_read = ChannelPost.objects.get()
    now = timezone.now()
    assert _claim(first_read, now) == 1
    assert _claim(second_read, now) == 0
    assert run_sender()["sent"] == 0  # claimed: not due until the claim runs out
