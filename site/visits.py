"""What is new since an employee's last visit, without storing anything new about them.

Django's own `last_login` is the only trace: at login, before Django overwrites it, the
previous value is copied into the session. The home page lists the pages published since.
"""

from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in
from django.template.loader import render_to_string
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime

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


# In the "nothing new" list kept for every reader, where the date of their visit goes.
SINCE_MARKER = "chorus-new-since-date"


def new_since_last_visit(request, locale_id=None):
    """A per-reader fragment (CHORUS_PER_READER_FRAGMENTS): stories, guides and spotlights
    published since the reader's previous login; a short welcome on their very first
    visit. Nothing is counted or stored about the reader."""
    since = previous_visit(request)
    if since is None:
        return ""
    template = "chorus_site/includes/new_since_last_visit.html"
    if since == FIRST_VISIT:
        return render_to_string(template, {"first_visit": True}, request)
    locale_id = locale_id or Locale.get_active().pk
    # The newest pages are the same for every reader who may open the same pages, and
    # those published since this reader's visit are the first of them: the list of the
    # first one, two… of them is rendered once for all.
    newest = cached_content(
        ("new-since", request.get_host(), locale_id, visibility_key(request)),
        lambda: _lists_of_newest(request, locale_id, template),
    )
    count = sum(published > since for published in newest["published"])
    if count:
        return newest["lists"][count]
    since_date = date_format(localtime(since), "DATE_FORMAT")
    # Our template's HTML, with an escaped date in place of the marker.
    nothing_new = newest["lists"][0].replace(SINCE_MARKER, escape(since_date))
    return mark_safe(nothing_new)  # noqa: S308  # nosec B308 B703


def _lists_of_newest(request, locale_id, template):
    """The newest pages' dates, and the lists of none, one, two… of them."""
    pages = newest_pages(request, locale_id, (StoryPage, GuidePage, SpotlightPage))
    nothing_new = {"since": SINCE_MARKER, "pages": []}
    return {
        "published": [page.first_published_at for page in pages],
        "lists": [render_to_string(template, nothing_new, request)]
        + [
            render_to_string(template, {"pages": pages[:count]}, request)
            for count in range(1, len(pages) + 1)
        ],
    }
