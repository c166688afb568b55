"""Signals of the ambassador programme, and the receivers that keep roles in step with pages."""

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import Signal, receiver

from wagtail.images import get_image_model
from wagtail.models import Page

from home.cache import bump_content_version


# Sent after an ambassador left the programme. Arguments: user, keep_spotlight (bool).
# The stories app unpublishes the spotlight when keep_spotlight is False.
ambassador_left = Signal()


@receiver(post_save)
def grant_roles_on_new_spotlight_index(sender, instance, created, raw=False, **kwargs):
    # A spotlight index added later (a new locale, a translation) gets the ambassadors'
    # "add" permission and the review workflow at once.
    if (
        created
        and not raw
        and isinstance(instance, Page)
        and instance._meta.label_lower == "stories.spotlightindexpage"
    ):
        from .roles import ensure_roles

        ensure_roles()


@receiver(pre_save, sender=get_image_model())
def file_ambassador_upload_in_own_collection(sender, instance, raw=False, **kwargs):
    # Each ambassador's uploads go into their own collection, whatever the form offered.
    if raw or instance.pk or instance.uploaded_by_user_id is None:
        return
    from .programme import personal_collection_for

    collection = personal_collection_for(instance.uploaded_by_user)
    if collection is not None:
        instance.collection = collection


@receiver(post_save, sender="referents.Referent")
def share_public_consent_across_translations(
    sender, instance, raw=False, update_fields=None, **kwargs
):
    # The consent is the person's, not one language's: publishing any translation of a
    # profile gives every translation its value.
    if raw or (
        update_fields is not None and "appears_on_public_pages" not in update_fields
    ):
        return
    changed = (
        sender.objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .exclude(appears_on_public_pages=instance.appears_on_public_pages)
        .update(appears_on_public_pages=instance.appears_on_public_pages)
    )
    if changed:
        # update() sends no signal: cached pages showing the other translations go too.
        transaction.on_commit(bump_content_version)
