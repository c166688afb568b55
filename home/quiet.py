"""Quiet periods: is sharing paused right now?

Every story page's share panel asks, so the answer costs one small query at most, and
nothing with a shared cache:

- The periods that are not over yet (usually none, one or two) are read in one query.
  Which of them is in force is decided in Python against the clock, so a planned start or
  end takes effect at its moment without anything being saved or forgotten.
- With a cache shared by every process (CHORUS_SHARED_CACHE), that list is kept under the
  content version (home.cache): saving or deleting a quiet period is a change to a `home`
  model, which replaces the version, so every process sees it at once. A cache of one
  process's own could not be told by another process, so without a shared cache the list is
  read from the database every time (one query).
- A page rendered for the page cache shows either the panel or the notice; it tells the
  cache when that changes by itself (`home.page_cache.changes_at`), so no copy outlives it.
"""

from django.db.models import Q
from django.utils import timezone

from .cache import BASE_VERSION_KEY, kept_if_shared
from .models import QuietPeriod
from .page_cache import changes_at


SCHEDULE_KEY = "chorus:quiet-periods"
# More periods planned at once than anyone would: the list stays small in the cache.
SCHEDULE_LENGTH = 50


def _not_over(now):
    periods = QuietPeriod.objects.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
    return list(periods.order_by("starts_at", "pk")[:SCHEDULE_LENGTH])


def schedule(now=None):
    """The quiet periods not over at `now` (earliest start first)."""
    now = now or timezone.now()
    # Computed at some earlier moment when kept: the periods that ended since are
    # filtered out by the callers, who compare with the clock.
    return kept_if_shared(
        SCHEDULE_KEY, lambda: _not_over(now), version_key=BASE_VERSION_KEY
    )


def _in_force(periods, now):
    running = [period for period in periods if period.in_force_at(now)]
    # Overlapping periods: the one that started last speaks.
    return max(running, key=lambda period: period.starts_at, default=None)


def quiet_period_in_force(now=None):
    """The QuietPeriod in force at `now` (now by default), or None."""
    now = now or timezone.now()
    return _in_force(schedule(now), now)


def next_change(periods, now):
    """The next moment after `now` when a quiet period starts or ends, or None."""
    moments = [
        moment
        for period in periods
        for moment in (period.starts_at, period.ends_at)
        if moment is not None and moment > now
    ]
    return min(moments, default=None)


REQUEST_ATTRIBUTE = "chorus_quiet_period"


def quiet_period_for(request):
    """`quiet_period_in_force()` for what this request renders: read once per request, and
    the page cache is told when the answer changes by itself."""
    if not hasattr(request, REQUEST_ATTRIBUTE):
        now = timezone.now()
        periods = schedule(now)
        changes_at(request, next_change(periods, now))
        setattr(request, REQUEST_ATTRIBUTE, _in_force(periods, now))
    return getattr(request, REQUEST_ATTRIBUTE)
