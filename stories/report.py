"""The editors' share report: anonymous totals per story and network, by whole weeks.

What may be shown is decided in one place, stories/share_stats.py: only weeks that are over,
a week's count below 5 as "fewer than 5", and totals that add up only the figures shown. This
module offers those periods, refuses any other, and writes the same table as a CSV.
"""

import csv

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import share_stats


PERMISSION = "stories.view_share_report"
# A spreadsheet reads a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def can_view(user):
    return user.has_perm(PERMISSION)


def spreadsheet_safe(value):
    """A CSV cell that a spreadsheet shows as text: story titles are typed by editors, and
    "=HYPERLINK(…)" must not become a live formula in someone's spreadsheet."""
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label=gettext_lazy("Period"))

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        several = [
            (key, period.label) for key, period in periods.items() if period.weeks > 1
        ]
        single = [
            (key, period.label) for key, period in periods.items() if period.weeks == 1
        ]
        self.fields["period"].choices = [
            (_("Several weeks"), several),
            (_("One week"), single),
        ]
        self.fields["period"].error_messages["invalid_choice"] = _(
            "Shares are reported by whole weeks that are over, never by dates or for the "
            "week in progress. Choose one of the periods in the list."
        )


def _refused_dates(request):
    return any(name in request.GET for name in ("date_from", "date_to"))


def _csv_response(table):
    period = table.period
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="shares-{period.first:%Y-%m-%d}-{period.end:%Y-%m-%d}.csv"'
    )
    writer = csv.writer(response)
    header = [_("Story"), _("Language"), *table.networks, _("Total")]
    writer.writerow([spreadsheet_safe(cell) for cell in header])
    for row in table.rows:
        cells = [row.title, row.language, *(c.text for c in row.cells), row.total]
        writer.writerow([spreadsheet_safe(cell) for cell in cells])
    footer = [_("Total of the figures shown"), "", *table.column_totals, table.total]
    writer.writerow([spreadsheet_safe(cell) for cell in footer])
    return response


def share_report(request):
    if not can_view(request.user):
        raise PermissionDenied
    periods = share_stats.offered_periods()
    form = PeriodForm(
        {"period": request.GET.get("period", share_stats.DEFAULT_PERIOD)},
        periods=periods,
    )
    if form.is_valid() and _refused_dates(request):
        form.add_error("period", form.fields["period"].error_messages["invalid_choice"])
    table = None
    if form.is_valid():
        table = share_stats.share_table(periods[form.cleaned_data["period"]])
        if request.GET.get("format") == "csv":
            return _csv_response(table)
    return TemplateResponse(
        request,
        "stories/admin/share_report.html",
        {
            "page_title": _("Shares"),
            "header_icon": "upload",
            "form": form,
            "table": table,
            "threshold": share_stats.SMALL_COUNT,
        },
        status=200 if table else 400,
    )
