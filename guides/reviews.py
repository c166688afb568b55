"""Guides that stay current: who may see the guides due for review, who may mark one as
reviewed, and the marking itself.

Editors (the "review_guides" permission) see every guide due or overdue and mark any of them.
A guide's owner marks their own guides when their account has admin access (referents have
it); nobody else does, ambassadors and plain employees included. Lists go through
home.access.visible_to, as every list of pages.
"""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from home.access import visible_to
from home.cache import bump_content_version
from referents.models import Referent

from .models import GuidePage
from .review_dates import due_by


PERMISSION = "guides.review_guides"
LOG_ACTION = "guides.mark_reviewed"


def can_see_all_reviews(user):
    return user.is_active and user.has_perm(PERMISSION)


def has_admin_access(user):
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def owner_profiles(user):
    """The referent profiles (any language) linked to this account."""
    if not user.is_authenticated:
        return Referent.objects.none()
    return Referent.objects.filter(user=user)


def owns(user, guide):
    """True if `user` is the guide's owner, whichever language of their profile was chosen."""
    if guide.guide_owner_id is None or not user.is_authenticated:
        return False
    return (
        owner_profiles(user)
        .filter(translation_key=guide.guide_owner.translation_key)
        .exists()
    )


def can_mark_reviewed(user, guide):
    if not has_admin_access(user):
        return False
    return can_see_all_reviews(user) or owns(user, guide)


def due_guides(request, today=None):
    """Live guides due within two weeks or overdue, that this reader may open, the most
    overdue first."""
    today = today or timezone.localdate()
    guides = GuidePage.objects.live().filter(review_due__lte=due_by(today))
    return (
        visible_to(guides, request)
        .select_related("guide_owner", "locale")
        .order_by("review_due", "title")
    )


def own_due_guides(request, today=None):
    """The guides due for review that the reader owns."""
    keys = owner_profiles(request.user).values("translation_key")
    return due_guides(request, today).filter(guide_owner__translation_key__in=keys)


@transaction.atomic
def mark_reviewed(guide, user, today=None):
    """Record that `guide` was checked today, as a new revision by `user`.

    The live page shows the new date at once. A draft in progress keeps its changes (only its
    date moves) and stays a draft: marking a guide reviewed never publishes someone's
    unfinished edit."""
    today = today or timezone.localdate()
    guide = GuidePage.objects.select_for_update().get(pk=guide.pk)
    had_draft = guide.has_unpublished_changes
    latest = guide.get_latest_revision_as_object()
    latest.last_reviewed = today
    revision = latest.save_revision(user=user, clean=False)
    log(instance=guide, action=LOG_ACTION, user=user, revision=revision)
    if guide.live and not had_draft:
        # The live content with only its date changed. A guide's owner may do this without
        # the right to publish the page (Wagtail would refuse their name on the publish):
        # the log entry above says who marked it.
        can_publish = guide.permissions_for_user(user).can_publish()
        revision.publish(user=user if can_publish else None)
        return
    if guide.live:
        guide.last_reviewed = today
        guide.save(update_fields=["last_reviewed"], clean=False)
        bump_content_version()
