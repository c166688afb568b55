"""The editors' share report: anonymous totals per story and network over a period.

Counts below 5 are shown as "fewer than 5" (on screen and in the CSV) so that a small team
cannot work out who shared. There is nothing per person to show: the data does not exist.
There is no grand total per story either, since a total next to hidden cells would let
anyone subtract their way back to the small numbers.
"""

import csv
import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from .models import ShareCount
from .networks import Network


PERMISSION = "stories.view_share_report"
SMALL_COUNT = 5
DEFAULT_DAYS = 30


def can_view(user):
    return user.has_perm(PERMISSION)


def shown_count(count):
    """What the report shows for a count: the number, "fewer than 5", or nothing."""
    if not count:
        return ""
    if count < SMALL_COUNT:
        return _("fewer than %(threshold)s") % {"threshold": SMALL_COUNT}
    return str(count)


class PeriodForm(forms.Form):
    date_from = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("date_from"), cleaned_data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period comes after its start."))
        return cleaned_data


def default_period():
    today = timezone.localdate()
    return today - datetime.timedelta(days=DEFAULT_DAYS - 1), today


def report_rows(date_from, date_to):
    """One row per shared page: its title, language and one shown count per network."""
    totals = (
        ShareCount.objects.filter(day__gte=date_from, day__lte=date_to)
        .values("page_id", "network")
        .annotate(total=Sum("count"))
    )
    by_page = {}
    for row in totals:
        by_page.setdefault(row["page_id"], {})[row["network"]] = row["total"]
    pages = Page.objects.filter(pk__in=by_page).select_related("locale")
    rows = [
        {
            "page": page,
            "title": page.title,
            "language": page.locale.language_code,
            "cells": [shown_count(by_page[page.pk].get(value)) for value in Network],
        }
        for page in pages
    ]
    return sorted(rows, key=lambda row: (row["title"].lower(), row["language"]))


def _csv_response(rows, date_from, date_to):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="shares-{date_from:%Y-%m-%d}-{date_to:%Y-%m-%d}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow([_("Story"), _("Language"), *[str(n.label) for n in Network]])
    for row in rows:
        writer.writerow([row["title"], row["language"], *row["cells"]])
    return response


def share_report(request):
    if not can_view(request.user):
        raise PermissionDenied
    date_from, date_to = default_period()
    form = PeriodForm(
        request.GET if "date_from" in request.GET else None,
        initial={"date_from": date_from, "date_to": date_to},
    )
    if form.is_bound and form.is_valid():
        date_from, date_to = (
            form.cleaned_data["date_from"],
            form.cleaned_data["date_to"],
        )
    rows = report_rows(date_from, date_to) if not form.errors else []
    if request.GET.get("format") == "csv" and not form.errors:
        return _csv_response(rows, date_from, date_to)
    export_query = (
        f"date_from={date_from:%Y-%m-%d}&date_to={date_to:%Y-%m-%d}&format=csv"
    )
    return TemplateResponse(
        request,
        "stories/admin/share_report.html",
        {
            "page_title": _("Shares"),
            "header_icon": "upload",
            "form": form,
            "rows": rows,
            "networks": [n.label for n in Network],
            "date_from": date_from,
            "date_to": date_to,
            "export_query": export_query,
            "threshold": SMALL_COUNT,
        },
    )
