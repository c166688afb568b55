"""What is new since an employee's last visit, without storing anything new about them.

Django's own `last_login` is the only trace: at login, before Django overwrites it, the
previous value is copied into the session. The home page lists the pages published since.
"""

from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in
from django.template.loader import render_to_string
from django.utils.dateparse import parse_datetime

from wagtail.models import Locale, Page

from guides.models import GuidePage
from home.access import visibility_key, visible_to
from home.cache import cached_content
from stories.models import SpotlightPage, StoryPage


SESSION_KEY = "chorus_previous_visit"
FIRST_VISIT = "first"


def remember_previous_visit(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        previous = user.last_login
        request.session[SESSION_KEY] = previous.isoformat() if previous else FIRST_VISIT


def connect():
    """Our receiver must run before Django's update_last_login, which replaces the value:
    receivers run in the order they were connected, so reconnect Django's after ours."""
    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    user_logged_in.connect(
        remember_previous_visit, dispatch_uid="chorus_previous_visit"
    )
    user_logged_in.connect(update_last_login, dispatch_uid="update_last_login")


def previous_visit(request):
    """The previous login's datetime, FIRST_VISIT for a first login, or None if unknown."""
    value = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if value in (None, FIRST_VISIT):
        return value
    return parse_datetime(value)


NEW_SINCE_SHOWN = 6


def newest_pages(request, locale_id, page_types, limit=NEW_SINCE_SHOWN):
    """The most recently published live pages of `page_types` in one language that the
    reader may open, newest first, as plain pages (title and URL are all the list needs:
    one query)."""
    pages = Page.objects.live().type(*page_types)
    return list(
        visible_to(pages, request)
        .filter(locale=locale_id, first_published_at__isnull=False)
        .order_by("-first_published_at")[:limit]
    )


def new_since_last_visit(request, locale_id=None):
    """A per-reader fragment (CHORUS_PER_READER_FRAGMENTS): stories, guides and spotlights
    published since the reader's previous login; a short welcome on their very first
    visit. Nothing is counted or stored about the reader."""
    since = previous_visit(request)
    if since is None:
        return ""
    context = {"first_visit": since == FIRST_VISIT}
    if since != FIRST_VISIT:
        locale_id = locale_id or Locale.get_active().pk
        # The newest pages are the same for every reader who may open the same pages:
        # those published since this reader's visit are the first of them.
        newest = cached_content(
            ("newest-pages", locale_id, visibility_key(request)),
            lambda: newest_pages(
                request, locale_id, (StoryPage, GuidePage, SpotlightPage)
            ),
        )
        context.update(
            since=since,
            pages=[page for page in newest if page.first_published_at > since],
        )
    return render_to_string(
        "chorus_site/includes/new_since_last_visit.html", context, request
    )
