"""Post, edit, delete, report and moderate comments; opt in to e-mails about them.

Every view needs a login (the site's LoginRequiredMiddleware) and a page the reader may open
(home.access.visible_to). A comment is edited or deleted by its author only: anyone else gets
a 404, forged form or not. Bad input shows the form again with the text kept.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.models import Page

from home.access import visible_to

from ..models import Comment, CommentNotification, CommentReport, CommentStatus
from .forms import CommentForm, ReportForm
from .notifications import notify_page_authors
from .rules import (
    count_for_rate_limit,
    may_moderate,
    over_rate_limit,
    status_for_new_text,
)


def _commentable_page(request, page_id):
    page = visible_to(Page.objects.live().filter(pk=page_id), request).first()
    page = page.specific if page is not None else None
    if page is None or not hasattr(page, "comments_open"):
        raise Http404
    return page


def _comment_of_visible_page(request, comment_id, **filters):
    comment = get_object_or_404(Comment, pk=comment_id, **filters)
    comment.page = _commentable_page(request, comment.page_id)
    return comment


def _back_to(request, page, comment=None):
    anchor = f"#comment-{comment.pk}" if comment is not None else "#comments"
    return redirect(page.get_url(request) + anchor)


def _form_page(request, page, form, *, heading, submit, status=200, error=None):
    return TemplateResponse(
        request,
        "stories/comments/comment_form.html",
        {
            "story": page,
            "form": form,
            "heading": heading,
            "submit": submit,
            "error": error,
        },
        status=status,
    )


@never_cache
@require_POST
def post_comment(request, page_id):
    page = _commentable_page(request, page_id)
    form = CommentForm(request.POST)
    show_again = {"heading": _("Your comment"), "submit": _("Post my comment")}
    if not page.comments_open:
        return _form_page(
            request,
            page,
            form,
            status=403,
            error=_("Comments are closed on this page: your comment was not posted."),
            **show_again,
        )
    if over_rate_limit(request.user):
        return _form_page(
            request,
            page,
            form,
            status=429,
            error=_(
                "You have posted several comments in the last minute. Wait a moment, "
                "then post again: your text is still here."
            ),
            **show_again,
        )
    if not form.is_valid():
        return _form_page(request, page, form, status=400, **show_again)
    comment = Comment.objects.create(
        thread_key=page.translation_key,
        page=page,
        author=request.user,
        language=page.locale.language_code,
        text=form.cleaned_data["text"],
        status=status_for_new_text(request),
    )
    count_for_rate_limit(request.user)
    if comment.status == CommentStatus.PUBLISHED:
        notify_page_authors(request, comment)
        messages.success(request, _("Your comment is posted."))
    else:
        messages.success(
            request,
            _("Thank you. Your comment will appear once a moderator has approved it."),
        )
    return _back_to(request, page, comment)


@never_cache
@require_http_methods(["GET", "POST"])
def edit_comment(request, comment_id):
    comment = _comment_of_visible_page(request, comment_id, author=request.user)
    form = CommentForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        comment.text = form.cleaned_data["text"]
        comment.edited_at = timezone.now()
        if comment.status == CommentStatus.PUBLISHED:
            comment.status = status_for_new_text(request)
        comment.save()
        if comment.status == CommentStatus.PENDING:
            messages.success(
                request,
                _("Your change will appear once a moderator has approved it."),
            )
        else:
            messages.success(request, _("Your comment is changed."))
        return _back_to(request, comment.page, comment)
    return _form_page(
        request,
        comment.page,
        form,
        heading=_("Change your comment"),
        submit=_("Save my comment"),
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def delete_comment(request, comment_id):
    comment = _comment_of_visible_page(request, comment_id, author=request.user)
    if request.method == "POST":
        page = comment.page
        comment.delete()
        messages.success(request, _("Your comment is deleted."))
        return _back_to(request, page)
    return TemplateResponse(
        request,
        "stories/comments/delete_comment.html",
        {"comment": comment, "story": comment.page},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def report_comment(request, comment_id):
    comment = _comment_of_visible_page(request, comment_id)
    if (
        comment.author_id == request.user.pk
        or comment.status != CommentStatus.PUBLISHED
    ):
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # One open report per person and comment: reporting again replaces the reason.
        CommentReport.objects.update_or_create(
            comment=comment,
            reporter=request.user,
            resolved=False,
            defaults={"reason": form.cleaned_data["reason"]},
        )
        messages.success(
            request,
            _("Thank you. An editor or a referent will look at this comment."),
        )
        return _back_to(request, comment.page, comment)
    return TemplateResponse(
        request,
        "stories/comments/report_comment.html",
        {"comment": comment, "story": comment.page, "form": form},
        status=400 if form.errors else 200,
    )


@never_cache
@require_POST
def moderate_comment(request, comment_id):
    if not may_moderate(request.user):
        raise PermissionDenied
    comment = _comment_of_visible_page(request, comment_id)
    action = request.POST.get("action")
    if action == "hide":
        comment.status = CommentStatus.HIDDEN
        messages.success(request, _("The comment is hidden."))
    elif action == "show":
        was_pending = comment.status == CommentStatus.PENDING
        comment.status = CommentStatus.PUBLISHED
        if was_pending:
            notify_page_authors(request, comment)
        messages.success(request, _("The comment is shown."))
    else:
        raise Http404
    comment.save(update_fields=["status"])
    comment.reports.filter(resolved=False).update(resolved=True)
    return _next_or(request, comment.page)


@never_cache
@require_POST
def comment_emails(request):
    if request.POST.get("notify"):
        CommentNotification.objects.get_or_create(user=request.user)
        messages.success(
            request,
            _("You will get an e-mail when a colleague comments on one of your pages."),
        )
    else:
        CommentNotification.objects.filter(user=request.user).delete()
        messages.success(request, _("No more e-mails about comments."))
    return _next_or(request, None)


def _next_or(request, page):
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(url)
    if page is not None:
        return _back_to(request, page)
    return redirect("/")
