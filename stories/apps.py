from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.signals import page_published, page_unpublished

        from referents.signals import account_closed, ambassador_left

        from .comments.receivers import (
            delete_comments_of_closed_account,
            forget_cached_thread,
            forget_thread_of_published_page,
            share_comments_choice_across_translations,
        )
        from .models import Comment
        from .receivers import (
            forget_suggestions_of_closed_account,
            unpublish_spotlight_of_closed_account,
            unpublish_spotlight_of_leaving_ambassador,
        )

        ambassador_left.connect(
            unpublish_spotlight_of_leaving_ambassador,
            dispatch_uid="stories.unpublish_spotlight_of_leaving_ambassador",
        )
        account_closed.connect(
            unpublish_spotlight_of_closed_account,
            dispatch_uid="stories.unpublish_spotlight_of_closed_account",
        )
        account_closed.connect(
            delete_comments_of_closed_account,
            dispatch_uid="stories.delete_comments_of_closed_account",
        )
        for signal in (post_save, post_delete):
            signal.connect(
                forget_cached_thread,
                sender=Comment,
                dispatch_uid=f"stories.forget_cached_thread-{id(signal)}",
            )
        for signal in (page_published, page_unpublished):
            signal.connect(
                forget_thread_of_published_page,
                dispatch_uid=f"stories.forget_thread_of_published_page-{id(signal)}",
            )
        page_published.connect(
            share_comments_choice_across_translations,
            dispatch_uid="stories.share_comments_choice_across_translations",
        )
        account_closed.connect(
            forget_suggestions_of_closed_account,
            dispatch_uid="stories.forget_suggestions_of_closed_account",
        )
