from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import review_report, reviews


@hooks.register("register_admin_urls")
def register_guide_review_urls():
    report = review_report.GuideReviewReportView
    return [
        path("guide-reviews/", report.as_view(), name="guides_review_report"),
        path(
            "guide-reviews/results/",
            report.as_view(results_only=True),
            name="guides_review_report_results",
        ),
        path(
            "guide-reviews/<int:page_id>/mark/",
            review_report.mark_reviewed,
            name="guides_mark_reviewed",
        ),
    ]


@hooks.register("register_log_actions")
def register_mark_reviewed_log_action(actions):
    actions.register_action(
        reviews.LOG_ACTION, _("Mark as reviewed"), _("Marked as reviewed")
    )


class GuideReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return reviews.can_see_all_reviews(request.user)


@hooks.register("register_reports_menu_item")
def register_guide_review_menu_item():
    return GuideReviewMenuItem(
        _("Guides to review"),
        reverse("guides_review_report"),
        name="guide-reviews",
        icon_name="time",
        order=1310,
    )
