"""Keep the cached conversations right, and let a closing account take its comments along."""

from ..models import Comment, CommentNotification, CommentReport
from .cache import bump_thread


def forget_cached_thread(sender, instance, **kwargs):
    """A comment saved or deleted: its conversation goes cold, on every language of
    the page; every other page stays warm (home.cache.NOT_CONTENT)."""
    bump_thread(instance.thread_key)


def forget_thread_of_published_page(sender, instance, **kwargs):
    """A page published or unpublished: its conversation part goes cold (comments opened
    or closed, another owner). It is kept under the base version (cache.py), which a
    story's publish leaves alone."""
    if hasattr(instance, "comments_open"):
        bump_thread(instance.translation_key)


def share_comments_choice_across_translations(sender, instance, **kwargs):
    """One conversation, one choice: publishing a language version with comments opened or
    closed gives every other language version the same choice (wagtail-localize would only
    copy it at the next translation sync). `update()` writes no revision and sends no
    signal; the publish itself makes the cached pages cold."""
    from ..models.comments import CommentablePageMixin

    page = instance.specific if hasattr(instance, "specific") else instance
    if not isinstance(page, CommentablePageMixin):
        return
    type(page).objects.filter(translation_key=page.translation_key).exclude(
        pk=page.pk
    ).exclude(comments_allowed=page.comments_allowed).update(
        comments_allowed=page.comments_allowed
    )


def delete_comments_of_closed_account(sender, user, **kwargs):
    """A closing account takes its comments with it (DESIGN principle 10: what is personal
    leaves with the person). Conversations are flat, so no one else's words lose their
    context. Reports the person made stay for the moderators, without their name."""
    threads = set(
        Comment.objects.filter(author=user).values_list("thread_key", flat=True)
    )
    Comment.objects.filter(author=user).delete()
    CommentReport.objects.filter(reporter=user).update(reporter=None)
    CommentNotification.objects.filter(user=user).delete()
    for thread_key in threads:
        bump_thread(thread_key)
