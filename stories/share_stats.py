"""The one place that decides which share figures anyone may see.

Shares are stored per page, network and week (stories/models/share_count.py). The rule that
keeps a small team from working out who shared:

1. The only cell is one page, one network, one week that is over. The week in progress is
   never shown, so looking on Monday and again on Tuesday tells nothing about what happened
   in between; a closed week no longer changes (see `last_closed_week`).
2. A cell below 5 is shown as "fewer than 5".
3. Every other figure (several weeks, a story's total, a network's total, the grand total,
   the dashboard) adds up only the cells that are shown.

So every figure on screen, in the CSV or on the dashboard is a sum of cells that are shown
anyway: no sum or difference of figures can bring back a hidden one. The price is that totals
can be a little lower than the true number of shares, and the report says so.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page

from .models import ShareCount
from .models.share_count import week_of
from .networks import Network


SMALL_COUNT = 5
WEEK = datetime.timedelta(days=7)
SETTLING = datetime.timedelta(hours=1)
SEVERAL_WEEKS = (4, 13, 52)
DEFAULT_PERIOD = "last-4"
WEEKS_LISTED = 104  # single weeks offered in the period list, newest first


def last_closed_week(now=None):
    """The Monday of the last whole week that is over. A week counts as over an hour after
    its Sunday ends: a share made in its last seconds is written (its request committed)
    long before anyone can see the week, so the figures of a week shown never change."""
    return week_of((timezone.localtime(now) - SETTLING).date()) - WEEK


@dataclass(frozen=True)
class Period:
    """Whole weeks that are over, one after the other: `weeks` weeks from Monday `first`."""

    first: datetime.date
    weeks: int

    @property
    def last(self):
        return self.first + WEEK * (self.weeks - 1)

    @property
    def end(self):
        return self.last + datetime.timedelta(days=6)

    @property
    def label(self):
        dates = {
            "start": formats.date_format(self.first, "SHORT_DATE_FORMAT"),
            "end": formats.date_format(self.end, "SHORT_DATE_FORMAT"),
        }
        if self.weeks == 1:
            return _("Week %(number)s, from %(start)s to %(end)s") % {
                **dates,
                "number": self.first.isocalendar().week,
            }
        return ngettext(
            "The last %(count)s week, from %(start)s to %(end)s",
            "The last %(count)s weeks, from %(start)s to %(end)s",
            self.weeks,
        ) % {**dates, "count": self.weeks}


def offered_periods(now=None):
    """Every period the report offers, by the key it goes by in a URL: the last 4, 13 and 52
    weeks, then each week that is over, back to the first week with shares (at most two
    years). Nothing else is ever computed, so no crafted date can reach the figures."""
    last = last_closed_week(now)
    periods = {
        f"last-{weeks}": Period(last - WEEK * (weeks - 1), weeks)
        for weeks in SEVERAL_WEEKS
    }
    first_stored = ShareCount.objects.order_by("week").values_list("week", flat=True)
    oldest = first_stored.first() or last
    week = last
    while week >= oldest and len(periods) < len(SEVERAL_WEEKS) + WEEKS_LISTED:
        year, number, _weekday = week.isocalendar()
        periods[f"{year}-W{number:02d}"] = Period(week, 1)
        week -= WEEK
    return periods


@dataclass
class Cell:
    """One story and one network over a period: what is shown of it."""

    single_week: bool
    shown: int = 0  # weekly counts of 5 or more, added up
    small_weeks: int = 0  # weeks with 1 to 4 shares: left out of every figure

    @property
    def text(self):
        fewer = _("fewer than %(threshold)s") % {"threshold": SMALL_COUNT}
        if self.shown and self.small_weeks:
            return _("%(shown)s + weeks with %(fewer)s") % {
                "shown": self.shown,
                "fewer": fewer,
            }
        if self.shown:
            return str(self.shown)
        if self.small_weeks and self.single_week:
            return fewer
        if self.small_weeks:
            return _("%(fewer)s each week") % {"fewer": fewer}
        return ""


@dataclass
class Row:
    page: Page
    cells: list

    @property
    def title(self):
        return self.page.title

    @property
    def language(self):
        return self.page.locale.language_code

    @property
    def total(self):
        return sum(cell.shown for cell in self.cells)


@dataclass
class ShareTable:
    period: Period
    rows: list = field(default_factory=list)

    @property
    def networks(self):
        return [network.label for network in Network]

    @property
    def column_totals(self):
        return [
            sum(row.cells[index].shown for row in self.rows)
            for index in range(len(Network))
        ]

    @property
    def network_totals(self):
        """(network, total) for the networks whose total is not zero."""
        return [
            (network, total)
            for network, total in zip(self.networks, self.column_totals, strict=True)
            if total
        ]

    @property
    def total(self):
        return sum(row.total for row in self.rows)


def share_table(period):
    """One row per shared page over the period, one cell per network, small counts hidden.
    This is the only function that reads share counts for display."""
    weekly = ShareCount.objects.filter(
        week__gte=period.first, week__lte=period.last, count__gt=0
    )
    figures = weekly.values("page_id", "network").annotate(
        shown=Sum("count", filter=Q(count__gte=SMALL_COUNT), default=0),
        small_weeks=Count("pk", filter=Q(count__lt=SMALL_COUNT)),
    )
    networks = list(Network.values)
    by_page = {}
    for figure in figures:
        if figure["network"] not in networks:
            continue
        cells = by_page.setdefault(
            figure["page_id"],
            [Cell(single_week=period.weeks == 1) for _network in networks],
        )
        cell = cells[networks.index(figure["network"])]
        cell.shown, cell.small_weeks = figure["shown"], figure["small_weeks"]
    pages = Page.objects.filter(pk__in=by_page).select_related("locale")
    rows = [Row(page=page, cells=by_page[page.pk]) for page in pages]
    rows.sort(key=lambda row: (row.title.lower(), row.language))
    return ShareTable(period=period, rows=rows)
