"""The Chorus panel on the Wagtail admin dashboard: what needs attention this week.

Each part is shown only to those who can act on it: reviews to editors and referents, share
kits and share totals to editors, and to an ambassador only the state of their own spotlight.
Share totals are those of the share report for the last whole week (stories/share_stats.py
decides what may be shown): they add up only the figures the report shows.
"""

import datetime

from django.db.models import Q
from django.template.loader import get_template
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from referents.roles import EDITORS, REFERENTS
from referents.wagtail_hooks import is_restricted_ambassador
from stories import report, share_stats
from stories.models import ShareKit, SpotlightPage


SOON = datetime.timedelta(days=7)
LIST_LENGTH = 10


def _in_groups(user, *names):
    return user.is_superuser or user.groups.filter(name__in=names).exists()


def waiting_for_review():
    """Pages and snippets whose moderation workflow is in progress, oldest request first."""
    states = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("current_task_state__task", "requested_by")
        .order_by("created_at")[:LIST_LENGTH]
    )
    return [state for state in states if state.content_object is not None]


def kits_going_live_soon(now=None):
    """Share kits whose embargo ends, or whose scheduled publication falls, in the next 7 days."""
    now = now or timezone.now()
    return list(
        ShareKit.objects.filter(
            Q(shareable_from__gt=now, shareable_from__lte=now + SOON)
            | Q(go_live_at__gt=now, go_live_at__lte=now + SOON)
        )
        .select_related("page", "locale")
        .order_by("pk")[:LIST_LENGTH]
    )


def shares_last_week(now=None):
    """The share report's network totals for the last whole week: the same figures, worked
    out by the same function, so the dashboard can never be set against the report."""
    period = share_stats.Period(share_stats.last_closed_week(now), weeks=1)
    return share_stats.share_table(period)


class ChorusDashboardPanel(Component):
    name = "chorus_dashboard"
    template_name = "chorus_site/dashboard_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        context = {"request": self.request}
        if is_restricted_ambassador(user):
            context["my_spotlights"] = list(
                SpotlightPage.objects.filter(owner=user)
                .select_related("locale")
                .order_by("path")
            )
            return context
        if _in_groups(user, EDITORS, REFERENTS):
            context["show_reviews"] = True
            context["reviews"] = waiting_for_review()
        if user.has_perm("stories.change_sharekit"):
            context["show_kits"] = True
            context["kits"] = kits_going_live_soon()
        if report.can_view(user):
            context["show_shares"] = True
            context["shares"] = shares_last_week()
        return context

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if len(context) == 1:  # only the request: nothing this user can act on
            return ""
        return get_template(self.template_name).render(context)
