"""Signals of the ambassador programme, and the receivers that keep roles in step with pages."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import Signal, receiver

from wagtail.images import get_image_model
from wagtail.models import Page


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
