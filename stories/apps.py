from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self):
        from referents.signals import account_closed, ambassador_left

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
            forget_suggestions_of_closed_account,
            dispatch_uid="stories.forget_suggestions_of_closed_account",
        )
