"""The editors' report of guides due or overdue for review, and "Mark as reviewed".

The report is Wagtail's own ReportView (filters, pagination, CSV and Excel export). Marking
is a small POST view used from the report, the dashboard and the owner's reminder e-mail:
a GET shows what will happen and asks to confirm, so a link in an e-mail changes nothing.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.admin.views.reports import ReportView

from home.access import visible_to

from . import reviews
from .models import GuidePage
from .review_dates import is_overdue


class GuideReviewReportView(ReportView):
    page_title = gettext_lazy("Guides to review")
    header_icon = "time"
    results_template_name = "guides/admin/review_report_results.html"
    index_url_name = "guides_review_report"
    index_results_url_name = "guides_review_report_results"
    paginate_by = 50
    list_export = [
        "title",
        "locale.language_code",
        "owner_name",
        "last_reviewed",
        "review_due",
    ]
    export_headings = {
        "title": gettext_lazy("Guide"),
        "locale.language_code": gettext_lazy("Language"),
        "owner_name": gettext_lazy("Owner"),
        "last_reviewed": gettext_lazy("Last reviewed"),
        "review_due": gettext_lazy("Review due"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not reviews.can_see_all_reviews(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"guides-to-review-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return reviews.due_guides(self.request)

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        for guide in object_list:
            guide.owner_name = guide.guide_owner.name if guide.guide_owner else ""
            guide.overdue = is_overdue(guide.review_due, today)
        return object_list

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["no_results_message"] = _(
            "No guide is due for review in the next two weeks."
        )
        return context


def _next_url(request, default):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default


def mark_reviewed(request, page_id):
    """Confirm (GET) and record (POST) that a guide was checked today."""
    guide = get_object_or_404(
        visible_to(GuidePage.objects.select_related("guide_owner"), request),
        pk=page_id,
    )
    if not reviews.can_mark_reviewed(request.user, guide):
        raise PermissionDenied
    default_next = (
        "guides_review_report"
        if reviews.can_see_all_reviews(request.user)
        else "wagtailadmin_home"
    )
    if request.method == "POST":
        reviews.mark_reviewed(guide, request.user)
        messages.success(
            request,
            _("“%(title)s” is marked as reviewed today.") % {"title": guide.title},
        )
        return redirect(_next_url(request, default_next))
    return TemplateResponse(
        request,
        "guides/admin/mark_reviewed.html",
        {
            "page_title": _("Mark as reviewed"),
            "header_icon": "time",
            "guide": guide,
            "today": timezone.localdate(),
            "next": _next_url(request, ""),
            "overdue": is_overdue(guide.review_due, timezone.localdate()),
        },
    )
