"""An e-mail to a page's author who asked for it, when a colleague's comment appears.

Only people who opted in (CommentNotification) and who own a language version of the page
(a story's owner, the ambassador of a spotlight) get one; never the comment's own author.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Page


def recipients(comment):
    owners = Page.objects.filter(translation_key=comment.thread_key).values("owner_id")
    return (
        get_user_model()
        .objects.filter(
            pk__in=owners, is_active=True, comment_notification__isnull=False
        )
        .exclude(pk=comment.author_id)
        .exclude(email="")
    )


def notify_page_authors(request, comment):
    """Send once the comment is committed (a rolled-back request sends nothing)."""
    page_url = comment.page.get_full_url(request)
    title = comment.page.title

    def send():
        for user in recipients(comment):
            body = render_to_string(
                "stories/comments/email/new_comment.txt",
                {
                    "recipient": user,
                    "comment": comment,
                    "author": comment.author.get_full_name()
                    or comment.author.get_username(),
                    "title": title,
                    "url": f"{page_url}#comment-{comment.pk}",
                },
            )
            subject = _("A colleague commented on “%(title)s”") % {"title": title}
            EmailMessage(
                subject=subject.replace("\n", " "),
                body=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[user.email],
            ).send()

    language = translation.get_language()

    def send_in_language():
        with translation.override(language):
            send()

    transaction.on_commit(send_in_language)
