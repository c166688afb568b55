from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.contrib.settings.registry import register_setting
from wagtail.snippets.models import register_snippet

from . import kit_hints, report
from .comments.notifications import notify_page_authors
from .comments.viewsets import CommentViewSet
from .models import Comment, CommentSettings, CommentStatus, ShareKit, StorySuggestion
from .suggestion_admin import StorySuggestionViewSet, decision_buttons
from .viewsets import ShareKitViewSet, TopicViewSet


register_snippet(ShareKitViewSet)
register_snippet(TopicViewSet)
register_snippet(CommentViewSet)
register_setting(CommentSettings, icon="comment")
register_snippet(StorySuggestionViewSet)


@hooks.register("register_snippet_listing_buttons")
def accept_and_decline_in_the_listing(snippet, user, next_url=None):
    if isinstance(snippet, StorySuggestion):
        yield from decision_buttons(snippet, user)


@hooks.register("register_admin_urls")
def register_share_report_url():
    return [path("share-report/", report.share_report, name="stories_share_report")]


class ShareReportMenuItem(MenuItem):
    def is_shown(self, request):
        return report.can_view(request.user)


@hooks.register("register_reports_menu_item")
def register_share_report_menu_item():
    return ShareReportMenuItem(
        _("Shares"),
        reverse("stories_share_report"),
        name="shares",
        icon_name="upload",
        order=1300,
    )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_kit_hints(request, instance):
    """After a share kit is saved, its reading hints as a warning: the save has happened,
    nothing is refused. Skipped for requests that want JSON (no page shows messages)."""
    if not isinstance(instance, ShareKit) or not request.accepts("text/html"):
        return
    if hints := kit_hints.kit_hints(instance):
        messages.warning(request, kit_hints.summary(hints))


@hooks.register("before_edit_snippet")
def remember_comment_status(request, instance):
    if isinstance(instance, Comment):
        request.chorus_comment_status_before = instance.status


@hooks.register("after_edit_snippet")
def handle_moderated_comment(request, instance):
    """A moderator saved a comment: its reports are handled, and a comment approved just
    now is announced to the page's authors who asked for it."""
    if not isinstance(instance, Comment):
        return
    instance.reports.filter(resolved=False).update(resolved=True)
    before = getattr(request, "chorus_comment_status_before", None)
    if before == CommentStatus.PENDING and instance.status == CommentStatus.PUBLISHED:
        notify_page_authors(request, instance)
