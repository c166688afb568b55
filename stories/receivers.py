"""Receivers for signals sent by lower apps (referents), connected in StoriesConfig.ready()."""

from wagtail.actions.unpublish_page import UnpublishPageAction

from .models import SpotlightPage


def unpublish_spotlight_of_leaving_ambassador(sender, user, keep_spotlight, **kwargs):
    # The ambassador chose, on the leave form, whether their spotlight stays online.
    # Translations may be owned by whoever translated them, so go by translation key.
    if keep_spotlight:
        return
    keys = SpotlightPage.objects.filter(owner=user).values("translation_key")
    for page in SpotlightPage.objects.filter(translation_key__in=keys).live():
        # Logged under the user, whose own choice this is; they hold no publish permission.
        UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
