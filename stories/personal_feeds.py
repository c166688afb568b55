"""Personal feeds: the stories feed and the share-kit calendar of one employee, at a secret
address (referents.personal_feeds) for readers that cannot log in.

Each shows exactly what that person may see (`home.access.visible_to_user`, worked out afresh
on every request, so a group change counts at once); an unknown, reset or deactivated key gets
a 404 and nothing else. The responses are private: no shared cache keeps them.
"""

from datetime import timedelta

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

from home.access import visible_to_user
from referents.personal_feeds import user_for_key

from . import ics
from .feeds import StoryFeed
from .models import ShareKit


# The calendar shows windows that closed up to this long ago, and every one to come.
CALENDAR_PAST = timedelta(days=30)


def _reader(key):
    user = user_for_key(key)
    if user is None:
        raise Http404(_("This feed address is not valid (any more)."))
    return user


class PersonalStoryFeed(StoryFeed):
    """Every published story this person may open."""

    def get_object(self, request, key):
        self.reader = _reader(key)
        return super().get_object(request)

    def title(self, locale):
        return _("Chorus: stories for me")

    def description(self, locale):
        return _("Every published story I may read.")

    def stories(self, queryset):
        return visible_to_user(queryset, self.reader)


@login_not_required
def personal_story_feed(request, key):
    # A new feed object per request: the feed keeps its reader on itself, and one object
    # shared by the threads of a worker could answer one person with another's stories.
    response = PersonalStoryFeed()(request, key=key)
    patch_cache_control(response, private=True, no_store=True)
    return response


def kit_windows(user, locale, now):
    """The published kits of a language whose page this person may open, with a window
    opening or closing from CALENDAR_PAST ago onwards, as calendar events."""
    pages = visible_to_user(Page.objects.live(), user).values("pk")
    since = now - CALENDAR_PAST
    kits = (
        ShareKit.objects.filter(live=True, locale=locale, page__in=pages)
        .exclude(shareable_from__isnull=True, shareable_until__isnull=True)
        .select_related("page")
        .order_by("pk")
    )
    events = []
    for kit in kits:
        link = kit.page.get_full_url()
        for moment, summary, name in (
            (kit.shareable_from, _("Sharing opens: %(title)s"), "opens"),
            (kit.shareable_until, _("Sharing closes: %(title)s"), "closes"),
        ):
            if moment is not None and moment >= since:
                events.append(
                    ics.Event(
                        uid=f"chorus-share-kit-{kit.pk}-{name}",
                        start=moment,
                        summary=summary % {"title": kit.page.title},
                        description=link,
                        url=link,
                    )
                )
    return sorted(events, key=lambda event: event.start)


@login_not_required
@require_GET
def personal_calendar(request, key):
    user = _reader(key)
    now = timezone.now()
    body = ics.calendar(
        _("Chorus: share kits"), kit_windows(user, Locale.get_active(), now), now
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    patch_cache_control(response, private=True, no_store=True)
    return response
