"""The digest by e-mail: what is new for each reader who asked for one, sent by
`manage.py send_digests` (run by cron or a systemd timer: see README, "Digest").

What a digest holds, for one reader, in the language they chose (`compose`):
- the stories published since their last digest that they may read (THE rule,
  `home.access.user_visibility`, worked out afresh once per reader);
- the share kits that come into the next DIGEST_KIT_HORIZON since their last digest (their
  embargo ends soon, or they were published with one ending soon), on pages they may read;
- the guides published since their last digest for the stage they chose;
- for referents and editors, reviews that wait for them; for ambassadors, their own spotlight
  when a reviewer asked for changes.
During a quiet period (home.quiet) nothing is sent and no mark moves: digests resume by
themselves when it ends, with what came meanwhile.
No e-mail when none of it is new. Links go straight to the pages: no redirect through Chorus,
no tracking pixel, nothing recorded about who opened or clicked.

How a run stays safe (`send_digests`): people are read in pages of DIGEST_BATCH ids (memory
stays flat), and each one is *claimed* by one conditional UPDATE that succeeds only if they
are still due and nobody else holds them (`sending_since` empty or older than DIGEST_LEASE):
two runs on two hosts never both send to the same person. After the SMTP server accepted
the message, one UPDATE moves their "sent up to" mark and lets go of the claim. A failure
(SMTP refuses, the server is down) lets go of the claim without moving the mark: the next run
tries again, and the others are sent meanwhile. A run killed half-way leaves at most one
person claimed; the next run after DIGEST_LEASE sends them (the only way to get one digest
twice is a kill in the instant between the server's acceptance and that UPDATE). The run
reports counts only, never who.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, Site, WorkflowState

from guides.models import GuidePage
from home.access import user_visibility, visible_with
from home.mail import text_and_html_email
from home.models import StagePreference
from home.quiet import quiet_period_in_force
from home.stages import stage_or_none
from referents.models import DigestFrequency, DigestSubscription
from referents.notifications import PERIODS, unsubscribe_token
from referents.roles import AMBASSADORS, EDITORS, REFERENTS
from stories.models import ShareKit, SpotlightPage, StoryPage


DIGEST_BATCH = 500
DIGEST_LEASE = timedelta(minutes=15)
# A daily run at 07:00 finds yesterday's 07:00 digest a few seconds short of a day old.
DIGEST_SLACK = timedelta(hours=1)
DIGEST_KIT_HORIZON = timedelta(days=7)
DIGEST_LIST_LENGTH = 20


@dataclass
class Outcome:
    """What a run did, in counts: never who."""

    sent: int = 0
    nothing_new: int = 0
    failed: int = 0
    taken_by_another_run: int = 0
    paused: bool = False
    # How many failures of each kind (not who): bounded however many fail.
    errors: Counter = field(default_factory=Counter)


def due_filter(now):
    """Subscriptions whose last digest is a period old (on the subscription's own columns:
    the claim's UPDATE uses it, so that the database re-checks it row by row)."""
    return Q(
        frequency=DigestFrequency.DAILY,
        sent_up_to__lte=now - PERIODS[DigestFrequency.DAILY] + DIGEST_SLACK,
    ) | Q(
        frequency=DigestFrequency.WEEKLY,
        sent_up_to__lte=now - PERIODS[DigestFrequency.WEEKLY] + DIGEST_SLACK,
    )


def free_filter(now):
    return Q(sending_since__isnull=True) | Q(sending_since__lt=now - DIGEST_LEASE)


def due_ids(now):
    """The ids of the subscriptions due now, in pages of DIGEST_BATCH (keyset: no cursor
    held open between pages, no list of everyone in memory)."""
    due = DigestSubscription.objects.filter(
        due_filter(now), free_filter(now), user__is_active=True
    ).order_by("pk")
    last = 0
    while True:
        ids = list(due.filter(pk__gt=last).values_list("pk", flat=True)[:DIGEST_BATCH])
        yield from ids
        if len(ids) < DIGEST_BATCH:
            return
        last = ids[-1]


def claim(pk, now):
    """Take this person for this run; False if they are no longer due or another run has
    them. One UPDATE: the database decides, row by row, even between hosts."""
    return bool(
        DigestSubscription.objects.filter(
            due_filter(now), free_filter(now), pk=pk
        ).update(sending_since=now)
    )


def mark_sent(pk, now):
    DigestSubscription.objects.filter(pk=pk, sending_since=now).update(
        sent_up_to=now, sending_since=None
    )


def release(pk, now):
    DigestSubscription.objects.filter(pk=pk, sending_since=now).update(
        sending_since=None
    )


# What a reader finds in their digest.


@dataclass
class Digest:
    stories: list
    kits: list
    guides: list
    reviews: list
    changes_requested: list

    @property
    def is_empty(self):
        return not (
            self.stories
            or self.kits
            or self.guides
            or self.reviews
            or self.changes_requested
        )


def _roles(user):
    """The reader's groups, read once for the whole digest."""
    return set(user.groups.values_list("name", flat=True))


def new_stories(seen, locale, since, now):
    stories = StoryPage.objects.live().filter(
        locale=locale, first_published_at__gt=since, first_published_at__lte=now
    )
    return list(
        visible_with(stories, seen)
        .newest_first()
        .defer_streamfields()[:DIGEST_LIST_LENGTH]
    )


def kits_coming(seen, locale, since, now):
    """Kits opening within the horizon that are new to this reader: they came into the
    horizon since their last digest, or were published since then."""
    horizon_end = now + DIGEST_KIT_HORIZON
    return list(
        ShareKit.objects.filter(
            live=True,
            locale=locale,
            shareable_from__gt=now,
            shareable_from__lte=horizon_end,
        )
        .filter(
            Q(shareable_from__gt=since + DIGEST_KIT_HORIZON)
            | Q(first_published_at__gt=since)
        )
        .filter(page__in=visible_with(Page.objects.live(), seen))
        .select_related("page")
        .order_by("shareable_from", "pk")[:DIGEST_LIST_LENGTH]
    )


def new_guides_for_stage(user, seen, locale, since, now):
    stage = stage_or_none(StagePreference.stage_of(user))
    if stage is None:
        return []
    guides = (
        GuidePage.objects.live()
        .filter(
            locale=locale, first_published_at__gt=since, first_published_at__lte=now
        )
        .for_stage(stage)
    )
    return list(
        visible_with(guides, seen)
        .defer_streamfields()
        .order_by("title")[:DIGEST_LIST_LENGTH]
    )


def reviews_waiting(user, seen, roles, since):
    """For referents and editors: pages waiting for review that they may open, and whether
    any came since their last digest (only new ones make a digest worth sending)."""
    if not (user.is_superuser or roles & {REFERENTS, EDITORS}):
        return [], False
    # Workflow states name their object by a text id.
    visible = (
        visible_with(Page.objects.all(), seen)
        .annotate(id_text=Cast("pk", CharField()))
        .values("id_text")
    )
    states = list(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type__app_label="wagtailcore",
            object_id__in=visible,
        ).order_by("created_at")[:DIGEST_LIST_LENGTH]
    )
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    waiting = [
        (pages[int(state.object_id)], state.created_at)
        for state in states
        if int(state.object_id) in pages
    ]
    return [page for page, _ in waiting], any(created > since for _, created in waiting)


def spotlights_sent_back(user, roles, since):
    """For ambassadors: their own spotlights on which a reviewer asked for changes since
    their last digest."""
    if AMBASSADORS not in roles:
        return []
    own = SpotlightPage.objects.filter(owner=user).values_list("pk", flat=True)
    states = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_NEEDS_CHANGES,
        requested_by=user,
        base_content_type__app_label="wagtailcore",
        object_id__in=[str(pk) for pk in own],
        current_task_state__finished_at__gt=since,
    )
    ids = [int(pk) for pk in states.values_list("object_id", flat=True)]
    return list(Page.objects.filter(pk__in=ids).order_by("title"))


def compose(user, locale, since, now):
    roles = _roles(user)
    # What the reader may open, worked out once for every list of the digest.
    seen = user_visibility(user)
    reviews, new_reviews = reviews_waiting(user, seen, roles, since)
    digest = Digest(
        stories=new_stories(seen, locale, since, now),
        kits=kits_coming(seen, locale, since, now),
        guides=new_guides_for_stage(user, seen, locale, since, now),
        reviews=reviews if new_reviews else [],
        changes_requested=spotlights_sent_back(user, roles, since),
    )
    return None if digest.is_empty else digest


def site_root_url():
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return settings.WAGTAILADMIN_BASE_URL


def admin_edit_url(page):
    return urljoin(
        settings.WAGTAILADMIN_BASE_URL,
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
    )


def message_for(subscription, digest, base_url, frequency_label):
    user = subscription.user
    unsubscribe_url = urljoin(
        base_url, reverse("referents:unsubscribe", args=[unsubscribe_token(user)])
    )
    context = {
        "user": user,
        "digest": digest,
        "frequency": frequency_label,
        "unsubscribe_url": unsubscribe_url,
        "notifications_url": urljoin(base_url, reverse("referents:notifications")),
        "reviews": [(page, admin_edit_url(page)) for page in digest.reviews],
        "changes_requested": [
            (page, admin_edit_url(page)) for page in digest.changes_requested
        ],
    }
    return text_and_html_email(
        "chorus_site/email/digest",
        context,
        to=[user.email],
        subject=_("Chorus: what is new for you"),
        headers={
            # RFC 2369 and RFC 8058: mail programs show their own "unsubscribe" button,
            # which POSTs to the link without anyone logging in.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def send_one(pk, now, connection, locales, base_url):
    """Compose and send one person's digest; True if sent, False if nothing was new.
    Raises what the mail backend raises."""
    subscription = DigestSubscription.objects.select_related("user").get(pk=pk)
    user = subscription.user
    with translation.override(subscription.language):
        locale = locales.get(subscription.language) or locales.get(None)
        digest = (
            compose(user, locale, subscription.sent_up_to, now)
            if user.email and locale is not None
            else None
        )
        if digest is None:
            return False
        message = message_for(
            subscription,
            digest,
            base_url,
            DigestFrequency(subscription.frequency).label,
        )
        message.connection = connection
        message.send()
        return True


def send_digests(now=None, connection=None):
    """Send every digest that is due. Returns an Outcome (counts only)."""
    from django.utils import timezone

    now = now or timezone.now()
    outcome = Outcome()
    if quiet_period_in_force(now=now) is not None:
        # Silence on demand (DESIGN §1.11): nobody's mark moves, so when the period ends
        # the next run sends everyone what came meanwhile; nobody is skipped.
        outcome.paused = True
        return outcome
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    locales[None] = Locale.get_default()
    base_url = site_root_url()
    connection = connection or get_connection()
    try:
        for pk in due_ids(now):
            if not claim(pk, now):
                outcome.taken_by_another_run += 1
                continue
            try:
                sent = send_one(pk, now, connection, locales, base_url)
            except Exception as error:  # noqa: BLE001 (one person's failure stops nobody else)
                release(pk, now)
                outcome.failed += 1
                outcome.errors[type(error).__name__] += 1
                connection.close()  # a refused or broken conversation starts afresh
                continue
            mark_sent(pk, now)
            if sent:
                outcome.sent += 1
            else:
                outcome.nothing_new += 1
    finally:
        connection.close()
    return outcome
