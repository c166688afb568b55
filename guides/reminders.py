"""Reminder e-mails to guide owners, sent by `manage.py remind_guide_reviews`.

A guide's owner is reminded once per review date, from two weeks before it (or at once when
the date is already past). The decision and its record are one transaction: the
GuideReviewReminder row (unique for a guide and a due date) is written first, then the
e-mail is sent; if sending fails the row is rolled back and the next run tries again. A second
run, or a run on another host at the same moment, meets the unique row and sends nothing.

The e-mail is in the language of the referent profile chosen as owner, in plain text and
HTML (escaped like any page), and names only the guide and its dates.
"""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from home.mail import text_and_html_email

from . import reviews
from .models import GuidePage, GuideReviewReminder
from .review_dates import due_by, is_overdue


logger = logging.getLogger(__name__)


def guides_to_remind(today):
    """Live guides with an owner, due within two weeks or overdue, whose owner has not yet
    been reminded of this due date."""
    reminded = GuideReviewReminder.objects.filter(
        page=OuterRef("pk"), due_date=OuterRef("review_due")
    )
    return (
        GuidePage.objects.live()
        .filter(review_due__lte=due_by(today), guide_owner__isnull=False)
        .exclude(Exists(reminded))
        .select_related("guide_owner", "guide_owner__locale", "guide_owner__user")
        .order_by("review_due", "pk")
    )


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def reminder_message(guide, today):
    owner = guide.guide_owner
    language = owner.locale.language_code
    user = owner.user
    context = {
        "owner": owner,
        "guide": guide,
        "overdue": is_overdue(guide.review_due, today),
        "guide_url": guide.full_url,
        "edit_url": _absolute(reverse("wagtailadmin_pages:edit", args=[guide.pk])),
        # The owner marks it reviewed themselves only if their account opens the admin.
        "mark_url": _absolute(reverse("guides_mark_reviewed", args=[guide.pk]))
        if user is not None and reviews.has_admin_access(user)
        else "",
    }
    with translation.override(language):
        return text_and_html_email(
            "guides/email/review_reminder",
            context,
            to=[owner.email],
            subject=render_to_string(
                "guides/email/review_reminder_subject.txt", context
            ),
        )


def send_reminder(guide, today):
    """Send one guide's reminder unless it was already sent for this due date; True if sent."""
    try:
        with transaction.atomic():
            _, created = GuideReviewReminder.objects.get_or_create(
                page=guide, due_date=guide.review_due
            )
            if not created:
                return False
            reminder_message(guide, today).send()
    except IntegrityError:
        # Another run wrote the same reminder between our read and our write.
        return False
    return True


def remind_owners(today=None):
    """Send every reminder due today; returns (sent, failed)."""
    today = today or timezone.localdate()
    sent = failed = 0
    for guide in guides_to_remind(today).iterator():
        try:
            if send_reminder(guide, today):
                sent += 1
        except OSError:  # the mail server refused or is down: retried on the next run
            logger.exception("Guide review reminder not sent for page %s", guide.pk)
            failed += 1
    return sent, failed
