"""When a guide is due for review: pure date arithmetic, no database.

A guide is *due* from `DUE_SOON` before its review date and *overdue* after it. Months are
calendar months: a guide reviewed on 31 August with a 6-month interval is due on the last
day of February.
"""

import calendar
import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


DUE_SOON = datetime.timedelta(days=14)


class ReviewInterval(models.IntegerChoices):
    THREE_MONTHS = 3, _("3 months")
    SIX_MONTHS = 6, _("6 months")
    TWELVE_MONTHS = 12, _("12 months")


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def review_due_date(last_reviewed, interval_months):
    if not last_reviewed or not interval_months:
        return None
    if isinstance(last_reviewed, str):  # a value set from raw form or demo data
        last_reviewed = datetime.date.fromisoformat(last_reviewed)
    return add_months(last_reviewed, int(interval_months))


def due_by(today):
    """The last review date that counts as due on `today` (due soon or overdue)."""
    return today + DUE_SOON


def is_overdue(review_due, today):
    return review_due is not None and review_due < today
