"""The Chorus panel on the Wagtail admin dashboard: what needs attention this week.

Each part is shown only to those who can act on it: reviews to editors and referents, guides
due for review to editors (all) and to a guide's owner (theirs), share
kits and share totals to editors, and to an ambassador only the state of their own spotlight.
Share totals are those of the share report for the last whole week (stories/share_stats.py
decides what may be shown): they add up only the figures the report shows. Pages are listed
only to those who may open them (home.access.visible_to), as everywhere. A quiet period in
force comes first, for everyone.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.template.loader import get_template
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from guides import reviews as guide_reviews
from guides.review_dates import is_overdue
from home.access import visible_to
from home.channels.models import ChannelPost, TeamChannel
from home.quiet import quiet_period_in_force, schedule
from referents.roles import EDITORS, REFERENTS
from referents.wagtail_hooks import is_restricted_ambassador
from stories import report, share_stats
from stories.models import ShareKit, SpotlightPage


SOON = datetime.timedelta(days=7)
LIST_LENGTH = 10


def _in_groups(user, *names):
    return user.is_superuser or user.groups.filter(name__in=names).exists()


def waiting_for_review(request):
    """Pages and snippets whose moderation workflow is in progress, oldest request first;
    pages only if the reader may open them (home.access.visible_to)."""
    visible_page_ids = (
        visible_to(Page.objects.all(), request)
        .annotate(id_text=Cast("pk", CharField()))
        .values("id_text")
    )
    states = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .filter(
            ~Q(base_content_type=ContentType.objects.get_for_model(Page))
            | Q(object_id__in=visible_page_ids)
        )
        .select_related("current_task_state__task", "requested_by")
        .order_by("created_at")[:LIST_LENGTH]
    )
    return [state for state in states if state.content_object is not None]


def kits_going_live_soon(request, now=None):
    """Share kits whose embargo ends, or whose scheduled publication falls, in the next 7
    days, on pages the reader may open."""
    now = now or timezone.now()
    return list(
        ShareKit.objects.filter(
            Q(shareable_from__gt=now, shareable_from__lte=now + SOON)
            | Q(go_live_at__gt=now, go_live_at__lte=now + SOON)
        )
        .filter(page__in=visible_to(Page.objects.all(), request))
        .select_related("page", "locale")
        .order_by("pk")[:LIST_LENGTH]
    )


def guides_to_review(request, today=None):
    """Guides due or overdue for review: all of them for editors, their own for a guide's
    owner; None for anyone else (the section is not shown)."""
    today = today or timezone.localdate()
    if guide_reviews.can_see_all_reviews(request.user):
        guides = guide_reviews.due_guides(request, today)
    elif guide_reviews.owner_profiles(request.user).exists():
        guides = guide_reviews.own_due_guides(request, today)
    else:
        return None
    guides = list(guides[:LIST_LENGTH])
    for guide in guides:
        guide.overdue = is_overdue(guide.review_due, today)
    return guides


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
        # A quiet period concerns everyone who reaches the admin; those who manage them
        # also see the ones planned.
        now = timezone.now()
        if quiet := quiet_period_in_force(now):
            context["quiet"] = quiet
        if user.has_perm("home.manage_quiet_period") and (
            planned := [period for period in schedule(now) if period.starts_at > now]
        ):
            context["quiet_planned"] = planned
        if is_restricted_ambassador(user):
            # Their own pages, which they edit: no restriction hides them from their author.
            context["my_spotlights"] = list(
                SpotlightPage.objects.filter(owner=user)
                .select_related("locale")
                .order_by("path")
            )
            return context
        if _in_groups(user, EDITORS, REFERENTS):
            context["show_reviews"] = True
            context["reviews"] = waiting_for_review(self.request)
        guides = guides_to_review(self.request)
        if guides is not None:
            context["show_guides"] = True
            context["guides_due"] = guides
            context["guides_all"] = guide_reviews.can_see_all_reviews(user)
        if user.has_perm("stories.change_sharekit"):
            context["show_kits"] = True
            context["kits"] = kits_going_live_soon(self.request)
        if user.has_perm("team_channels.change_teamchannel") and (
            channels := list(TeamChannel.objects.all())
        ):
            context["channels"] = channels
            context["channel_posts_waiting"] = ChannelPost.objects.filter(
                status=ChannelPost.Status.WAITING
            ).count()
        if report.can_view(user):
            context["show_shares"] = True
            context["shares"] = shares_last_week()
        return context

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if len(context) == 1:  # only the request: nothing this user can act on
            return ""
        return get_template(self.template_name).render(context)
