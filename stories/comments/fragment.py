"""The conversation under a story or a spotlight: a per-reader fragment over a shared part.

The page itself stays one cached copy for every employee (home.cache): the conversation is a
`{% per_reader "comments" page.comment_thread %}` fragment. What is the same for every reader (the
comments of one page of the conversation, their count, whether comments are open) is
rendered once and kept until that conversation changes (cache.py). For each reader, the
buttons that are theirs (edit and delete their own comment, report the others', hide or show
for moderators) replace a marker left beside each comment, and the form gets the reader's
CSRF token: no query for a reader who is neither the page's author nor a moderator.

Visitors who are not logged in get nothing, and so does a page's anonymous cached copy.
"""

import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Func, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from home.page_cache import reader_csrf_token

from ..models import Comment, CommentNotification, CommentStatus
from ..models.comments import CommentablePageMixin
from .cache import kept_until_thread_changes
from .rules import shows_moderation_buttons


PAGE_PARAMETER = "comments"
# Left beside each comment in the shared part: comment id, author id, status.
ACTIONS_MARKER = re.compile(r"<!--chorus-comment:(\d+):(\d+):(\w+)-->")


def actions_marker(comment):
    return format_html(
        "<!--chorus-comment:{}:{}:{}-->", comment.pk, comment.author_id, comment.status
    )


def page_number(request):
    number = request.GET.get(PAGE_PARAMETER, "1")
    return int(number) if number.isdigit() and 0 < len(number) < 6 else 1


# In the shared part, where each reader's own things go: their CSRF token, and the form
# that asks the author of the page whether they want e-mails. HTML comments: the escaped
# text of a comment can never hold one.
CSRF_MARKER = "<!--chorus-comments-csrf-token-->"
OWNER_MARKER = "<!--chorus-comments-owner-->"


def shared_part(model, thread_key, locale_id, number):
    """What every reader of this page of the conversation sees, in the language of
    `locale_id`, as a dict (cached): the whole section, with markers where each reader's
    own things go."""

    def compute():
        shown = Comment.objects.shown_in_thread(thread_key)
        # Counted in a subquery as Django's documentation shows (no GROUP BY).
        shown_count = shown.order_by().values(count=Func("pk", function="COUNT"))
        # The page in every language (who owns one of them, and which one is read here),
        # with the number of comments shown: one query.
        translations = list(
            model.objects.filter(translation_key=thread_key)
            .defer_streamfields()
            .annotate(shown_comments=Subquery(shown_count))
        )
        page = next((row for row in translations if row.locale_id == locale_id), None)
        if page is None:
            return {}
        paginator = Paginator(shown, settings.CHORUS_COMMENTS_PER_PAGE)
        paginator.count = page.shown_comments  # known: the paginator need not count
        comments = paginator.get_page(number)
        links = {}
        for comment in comments:
            comment.marker = actions_marker(comment)
            links[comment.pk] = comment_links(comment.pk)
        thread = render_to_string(
            "stories/comments/includes/thread.html",
            {"comments": comments, "page_parameter": PAGE_PARAMETER},
        )
        return {
            "page_id": page.pk,
            "open": page.comments_open,
            "owners": {other.owner_id for other in translations if other.owner_id},
            "html": render_to_string(
                "stories/comments/includes/comments.html",
                {
                    # Rendered by our template (every text escaped) with markers that
                    # become each reader's buttons.
                    "thread": mark_safe(thread),  # noqa: S308  # nosec B308 B703
                    "count": paginator.count,
                    "open": page.comments_open,
                    "post_url": reverse("stories:post_comment", args=[page.pk]),
                    "csrf_token": mark_safe(CSRF_MARKER),  # noqa: S308  # nosec B308 B703
                    "max_length": Comment._meta.get_field("text").max_length,
                    "owner_part": mark_safe(OWNER_MARKER),  # noqa: S308  # nosec B308 B703
                },
            ),
            "count": paginator.count,
            "links": links,
        }

    return kept_until_thread_changes(
        thread_key,
        ("section", locale_id, translation.get_language(), number),
        compute,
    )


def commentable_model(content_type_id):
    """The page type of a conversation's pages, or None if it takes no comments."""
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ContentType.DoesNotExist, ValueError):
        return None
    return model if model and issubclass(model, CommentablePageMixin) else None


def comments_fragment(request, locale_id, thread):
    """The conversation under a page, for this reader. `thread` is the page's
    `comment_thread`: its type and translation key."""
    user = request.user
    if not user.is_authenticated:
        return ""
    content_type_id, _separator, thread_key = thread.partition("_")
    model = commentable_model(content_type_id)
    if model is None:
        return ""
    part = shared_part(model, thread_key, locale_id, page_number(request))
    if not part:
        return ""
    csrf_token = reader_csrf_token(request)
    back = request.get_full_path()
    # Asked only when a comment is shown: a page without comments costs nothing.
    moderator = SimpleLazyObject(lambda: shows_moderation_buttons(user))

    def actions(match):
        comment_id = int(match.group(1))
        return reader_actions(
            user,
            comment_id,
            int(match.group(2)),
            match.group(3),
            part["links"][comment_id],
            moderator,
            csrf_token,
            back,
        )

    owner_part = ""
    if user.pk in part["owners"]:
        owner_part = render_to_string(
            "stories/comments/includes/owner_emails.html",
            {
                "emails_on": CommentNotification.objects.filter(user=user).exists(),
                "emails_url": reverse("stories:comment_emails"),
                "csrf_token": csrf_token,
                "back": back,
            },
        )
    html = ACTIONS_MARKER.sub(actions, part["html"]).replace(OWNER_MARKER, owner_part)
    # Our template's HTML, with buttons and a form built from escaped values in place of
    # the markers.
    return mark_safe(html.replace(CSRF_MARKER, csrf_token))  # noqa: S308  # nosec B308 B703


def comment_links(comment_id):
    """The links of one comment for its author (edit, delete) and for other readers
    (report), the same for every reader: kept in the shared part."""
    own = format_html(
        '<a href="{}" data-testid="comment-edit">{}</a>'
        '<a href="{}" data-testid="comment-delete">{}</a>',
        reverse("stories:edit_comment", args=[comment_id]),
        _("Edit"),
        reverse("stories:delete_comment", args=[comment_id]),
        _("Delete"),
    )
    other = format_html(
        '<a href="{}" data-testid="comment-report">{}</a>',
        reverse("stories:report_comment", args=[comment_id]),
        _("Report"),
    )
    return own, other


def reader_actions(
    user, comment_id, author_id, status, links, moderator, csrf_token, back
):
    """The buttons of one comment for this reader (`links`: its `comment_links`)."""
    own, other = links
    actions = []
    if author_id == user.pk:
        actions.append(own)
    elif status != CommentStatus.HIDDEN:
        actions.append(other)
    if moderator:
        hide = status != CommentStatus.HIDDEN
        actions.append(
            format_html(
                '<form method="post" action="{}" class="comment__moderate">'
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                '<input type="hidden" name="action" value="{}">'
                '<input type="hidden" name="next" value="{}">'
                '<button type="submit" class="button button--quiet" data-testid="comment-{}">{}</button>'
                "</form>",
                reverse("stories:moderate_comment", args=[comment_id]),
                csrf_token,
                "hide" if hide else "show",
                back,
                "hide" if hide else "show",
                _("Hide") if hide else _("Show again"),
            )
        )
    if not actions:
        return ""
    return format_html(
        '<div class="comment__actions">{}</div>',
        format_html("{}" * len(actions), *actions),
    )
