"""How long Chorus keeps records about people, and the clean-up that enforces it.

The durations come from the settings, so the transparency page (referents.transparency)
and `manage.py purge_expired_records` always agree with what this installation does.
"""

from contextlib import suppress
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.utils import timezone

from wagtail.admin.models import EditingSession, FormState

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog


def login_record_lifetime():
    """Login records help only while a login is paused after failures (django-axes'
    cool-off): older ones protect nobody, so they are not kept."""
    return get_cool_off()


def session_lifetime():
    return timedelta(seconds=settings.SESSION_COOKIE_AGE)


def purge_login_records(now=None):
    """Delete every django-axes record (failed attempts, and the success and failure logs
    should someone turn them on) older than the login pause. Returns how many went."""
    limit = (now or timezone.now()) - login_record_lifetime()
    return sum(
        model.objects.filter(attempt_time__lt=limit).delete()[0]
        for model in (AccessAttempt, AccessLog, AccessFailureLog)
    )


def purge_expired_sessions():
    """Django's `clearsessions`: sessions past their expiry date (logging out deletes a
    session at once; one that is simply abandoned stays until this runs)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    with suppress(NotImplementedError):  # sessions kept in the browser (signed cookies)
        store.clear_expired()


def purge_editing_traces():
    """Wagtail's "who else is editing" pings (stale after an hour) and unsaved preview form
    data (stale after a day). Wagtail deletes them when someone next edits or previews;
    this makes the promise hold on a quiet site too."""
    EditingSession.cleanup()
    FormState.objects.stale().delete()


def purge_expired_records(now=None):
    """Everything the scheduled clean-up does (see README, Security notes)."""
    removed = purge_login_records(now)
    purge_expired_sessions()
    purge_editing_traces()
    return removed
