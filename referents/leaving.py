"""When someone leaves: what is personal leaves with them.

`close_account(user)` runs when an account is deactivated, deleted (both from the admin, one by
one or in bulk) or erased by its owner (referents.views.erase_my_data). It is safe to run twice.

- The ambassador profile and the Ambassadors group membership are deleted; the spotlight goes
  offline (unpublished, its draft kept for editors to delete) unless the person chose to keep
  it online: on the erase form, or earlier, when they left the programme with "keep it online"
  (a live spotlight whose owner is no longer an ambassador was kept by that choice, or put
  back online by an editor since). The stories app does the unpublishing (`account_closed`).
- Reviews the person asked for are cancelled, so that nobody publishes their last draft.
- The chosen stage, the chosen referent, the digest and the personal feed addresses are
  deleted (the feeds also refuse an inactive account by themselves); referent profiles are unpublished (kept for editors).
- The personal image collection is deleted with its images and renditions (Wagtail deletes
  the files once the transaction commits). A photo still shown on a published page (the
  spotlight they kept online) moves to the shared ambassadors' collection instead.
- The stories app deletes the person's comments (what they wrote is theirs, and threads are
  flat, so no one else's words lose their context), their e-mail choice about comments, and
  removes their name from the comments they reported (`account_closed`).
- Every session of the account ends, and every cached page is forgotten.
"""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_module

from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, WorkflowState

from home.cache import bump_content_version
from home.models import StagePreference

from . import programme
from .models import (
    AmbassadorProfile,
    DigestSubscription,
    PersonalFeedKey,
    Referent,
    ReferentChoice,
)
from .roles import AMBASSADORS
from .signals import account_closed


@transaction.atomic
def close_account(user, keep_spotlight=None):
    if keep_spotlight is None:
        keep_spotlight = not _still_an_ambassador(user)
    AmbassadorProfile.objects.filter(user=user).delete()
    user.groups.remove(*Group.objects.filter(name=AMBASSADORS))
    for state in WorkflowState.objects.active().filter(requested_by=user):
        state.cancel()
    account_closed.send(sender=close_account, user=user, keep_spotlight=keep_spotlight)
    StagePreference.objects.filter(user=user).delete()
    ReferentChoice.objects.filter(user=user).delete()
    DigestSubscription.objects.filter(user=user).delete()
    PersonalFeedKey.objects.filter(user=user).delete()
    for referent in Referent.objects.filter(user=user, live=True):
        referent.unpublish()
    remove_personal_collection(user)
    end_sessions(user)
    bump_content_version()
    # Again once committed: a page rendered meanwhile from the old rows is not kept.
    transaction.on_commit(bump_content_version)


def _still_an_ambassador(user):
    return (
        programme.is_ambassador(user)
        or AmbassadorProfile.objects.filter(user=user).exists()
    )


def remove_personal_collection(user):
    collection = programme.existing_personal_collection(user)
    if collection is None:
        return
    shared = collection.get_parent()
    for image in get_image_model().objects.filter(collection=collection):
        if _shown_on_a_live_page(image):
            image.collection = shared
            image.save(update_fields=["collection"])
        else:
            image.delete()
    collection.delete()


def _shown_on_a_live_page(image):
    page_ids = (
        ReferenceIndex.get_references_to(image)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(i) for i in page_ids], live=True).exists()


def end_sessions(user):
    """Log the account out everywhere.

    Sessions keep the user id inside their encoded data, so the stored sessions are read
    one by one: fine for an intranet's number of sessions. With a cache-only session engine
    there is nothing to read; Django then refuses the session of an inactive or deleted
    account at its next request anyway (ModelBackend.user_can_authenticate).
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    user_id = str(user.pk)
    live_sessions = Session.objects.filter(expire_date__gt=timezone.now())
    for session in live_sessions.iterator():
        if session.get_decoded().get(SESSION_KEY) == user_id:
            # Through the engine, so that a cached copy of the session goes too.
            store(session_key=session.session_key).delete()


def forget_login_records(username):
    """django-axes keeps failed (and logged) logins under the user name; gone with the account."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=username).delete()
