"""Receivers that keep roles, collections and accounts in step with what people do."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from django.dispatch import receiver

from wagtail.images import get_image_model
from wagtail.models import Page

from home.cache import bump_content_version, forget_choice_row

from .leaving import close_account, forget_login_records
from .models import ReferentChoice
from .programme import personal_collection_for
from .roles import AMBASSADORS, ensure_roles


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
        ensure_roles()


@receiver(pre_save, sender=get_image_model())
def file_ambassador_upload_in_own_collection(sender, instance, raw=False, **kwargs):
    # Each ambassador's uploads go into their own collection, whatever the form offered.
    if raw or instance.pk or instance.uploaded_by_user_id is None:
        return
    collection = personal_collection_for(instance.uploaded_by_user)
    if collection is not None:
        instance.collection = collection


@receiver(pre_save, sender=settings.AUTH_USER_MODEL)
def remember_whether_account_was_active(sender, instance, raw=False, **kwargs):
    # post_save must know whether this save is the one that deactivates the account.
    update_fields = kwargs.get("update_fields")
    if (
        raw
        or instance.pk is None
        or (update_fields and "is_active" not in update_fields)
    ):
        return
    instance._chorus_was_active = (
        sender.objects.filter(pk=instance.pk)
        .values_list("is_active", flat=True)
        .first()
    )


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def close_deactivated_account(sender, instance, created, raw=False, **kwargs):
    was_active = getattr(instance, "_chorus_was_active", None)
    instance._chorus_was_active = None
    if not created and not raw and was_active and not instance.is_active:
        close_account(instance)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def close_deleted_account(sender, instance, **kwargs):
    close_account(instance)
    forget_login_records(instance.get_username())


@receiver(m2m_changed, sender=get_user_model().groups.through)
def keep_inactive_accounts_out_of_the_programme(
    sender, instance, action, reverse, pk_set, **kwargs
):
    # The admin's user form saves the groups it showed after the account itself: without
    # this, deactivating an ambassador there would put them back in the programme.
    if action != "post_add" or reverse or instance.is_active:
        return
    ambassadors = Group.objects.filter(name=AMBASSADORS, pk__in=pk_set)
    if ambassadors:
        instance.groups.remove(*ambassadors)


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
        bump_content_version()


@receiver(post_save, sender=ReferentChoice)
@receiver(post_delete, sender=ReferentChoice)
def forget_cached_referent_choice(sender, instance, **kwargs):
    forget_choice_row(instance, ReferentChoice.cache_key(instance.user_id))
