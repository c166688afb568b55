"""Receivers for signals sent by lower apps (referents), connected in StoriesConfig.ready()
(the ambassador profile's, by their decorators, when it imports this module)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.actions.unpublish_page import UnpublishPageAction

from home.cache import bump_content_version

from .models import SpotlightPage, StorySuggestion


def _live_spotlights_of(user):
    # Translations may be owned by whoever translated them, so go by translation key.
    keys = SpotlightPage.objects.filter(owner=user).values("translation_key")
    return SpotlightPage.objects.filter(translation_key__in=keys).live()


def unpublish_spotlight_of_leaving_ambassador(sender, user, keep_spotlight, **kwargs):
    # The ambassador chose, on the leave form, whether their spotlight stays online.
    if keep_spotlight:
        return
    for page in _live_spotlights_of(user):
        # Logged under the user, whose own choice this is; they hold no publish permission.
        UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)


def unpublish_spotlight_of_closed_account(sender, user, keep_spotlight, **kwargs):
    # The account is deactivated, deleted or erased: the spotlight goes offline and stays as
    # a draft for editors to delete, unless its author chose to keep it online.
    if keep_spotlight:
        return
    for page in _live_spotlights_of(user):
        # Logged without a user: the account may be about to disappear.
        UnpublishPageAction(page).execute(skip_permission_checks=True)


def forget_suggestions_of_closed_account(sender, user, **kwargs):
    # What was never written leaves with the person; an accepted suggestion is where a
    # story came from, so it stays, without the link to them (the story's byline, if they
    # asked for one, is the story's and stays with it).
    suggestions = StorySuggestion.objects.filter(suggested_by=user)
    for suggestion in suggestions.exclude(status=StorySuggestion.Status.ACCEPTED):
        suggestion.photo.delete(save=False)
        suggestion.delete()
    suggestions.update(suggested_by=None, credit_me=False, wants_help=False)


@receiver(post_save, sender="referents.AmbassadorProfile")
@receiver(post_delete, sender="referents.AmbassadorProfile")
def forget_spotlights_showing_profile(sender, instance, **kwargs):
    # A spotlight shows the profile links of its owner (stories/spotlight_page.html), and
    # nothing else does: joining, leaving or editing the links changes what readers see
    # only when the person owns a live spotlight. Most join before writing one.
    if SpotlightPage.objects.live().filter(owner_id=instance.user_id).exists():
        bump_content_version()
