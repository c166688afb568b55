"""Receivers for signals sent by lower apps (referents), connected in StoriesConfig.ready()."""

from .models import SpotlightPage


def unpublish_spotlight_of_leaving_ambassador(sender, user, keep_spotlight, **kwargs):
    # The ambassador chose, on the leave form, whether their spotlight stays online.
    # Translations may be owned by whoever translated them, so go by translation key.
    if keep_spotlight:
        return
    keys = SpotlightPage.objects.filter(owner=user).values("translation_key")
    for page in SpotlightPage.objects.filter(translation_key__in=keys).live():
        page.unpublish(user=user)
