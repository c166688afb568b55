"""The moderators' listing in the admin: comments waiting for approval or reported.

Editors and referents hold "view" and "change" on comments (referents.roles); nobody is
given "add" or "delete" here: a comment is written by a colleague on the page, and a
moderator hides it rather than rewrites or erases it. The edit view shows the text read-only,
the open reports, and the status to choose; saving marks the reports as handled.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from ..models import Comment, CommentStatus


class CommentFilterSet(WagtailFilterSet):
    waiting = django_filters.BooleanFilter(
        label=_("Waiting for a moderator"), method="filter_waiting"
    )

    class Meta:
        model = Comment
        fields = ["status", "language"]

    def filter_waiting(self, queryset, name, value):
        waiting = Q(status=CommentStatus.PENDING) | Q(open_reports__gt=0)
        return queryset.filter(waiting) if value else queryset.exclude(waiting)


class CommentReportsPanel(Panel):
    """The reasons of the open reports (who reported is not shown)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/comments/admin/reports_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["reports"] = (
                list(
                    self.instance.reports.filter(resolved=False).order_by("created_at")
                )
                if self.instance.pk
                else []
            )
            return context


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "__str__",
        "page",
        "language",
        "status",
        Column("open_reports", label=_("open reports"), sort_key="open_reports"),
        "created_at",
    ]
    filterset_class = CommentFilterSet
    list_per_page = 50
    ordering = ["-created_at"]
    search_fields = ["text"]
    search_backend_name = None  # plain database filtering: comments are not indexed
    # No "inspect", no "copy": a moderator reads and decides.
    inspect_view_enabled = False
    copy_view_enabled = False

    edit_handler = ObjectList(
        [
            FieldPanel("page", read_only=True),
            FieldPanel("language", read_only=True),
            FieldPanel("text", read_only=True),
            CommentReportsPanel(heading=_("Open reports")),
            FieldPanel(
                "status",
                help_text=_(
                    "Shown: everyone logged in reads it. Hidden: the page says a "
                    "moderator hid it, without its text. Saving marks the reports as "
                    "handled."
                ),
            ),
        ]
    )

    def get_queryset(self, request):
        return Comment.objects.select_related("page").annotate(
            open_reports=Count("reports", filter=Q(reports__resolved=False))
        )
