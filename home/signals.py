from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, post_page_move

from .access import (
    PublicFlagMixin,
    forget_every_visibility,
    forget_visibility,
    restrict_to_logged_in,
    sync_view_restriction,
)
from .auth_backends import forget_user
from .cache import forget_choice_row
from .models import StagePreference


EMPLOYEES_GROUP = "Employees"


@receiver(post_save)
def restrict_new_internal_page(sender, instance, created, raw=False, **kwargs):
    # A new page is internal from its first save: it becomes public only when it is
    # published with the public flag on. Restoring a backup (raw) brings its own restrictions.
    if raw:
        return
    if created and isinstance(instance, Page) and isinstance(instance, PublicFlagMixin):
        restrict_to_logged_in(instance)


@receiver(page_published)
def apply_public_flag(sender, instance, **kwargs):
    if isinstance(instance, PublicFlagMixin):
        sync_view_restriction(instance)


@receiver(post_save, sender="auth.User")
def join_employees(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        group, _ = Group.objects.get_or_create(name=EMPLOYEES_GROUP)
        instance.groups.add(group)


@receiver(post_save, sender=get_user_model())
@receiver(post_delete, sender=get_user_model())
def forget_kept_user(sender, instance, **kwargs):
    # Deactivated, a new password, deleted: the next request of the account reads the row.
    forget_user(instance.pk)


@receiver(user_logged_out)
def confirm_logout(sender, request, user, **kwargs):
    if request is not None:
        # fail_silently: requests without the messages middleware (test clients) log out too.
        messages.info(request, _("You are logged out."), fail_silently=True)


@receiver(post_save, sender=StagePreference)
@receiver(post_delete, sender=StagePreference)
def forget_cached_stage(sender, instance, **kwargs):
    forget_choice_row(instance, StagePreference.cache_key(instance.user_id))


# A reader's visibility (home.access) is kept per user: forget it when what decides it
# changes.


@receiver(m2m_changed, sender=get_user_model().groups.through)
def forget_visibility_on_group_change(
    sender, instance, action, reverse, pk_set, **kwargs
):
    if not action.startswith("post_"):
        return
    if not reverse:  # user.groups.add(...), .remove(...), .set(...), .clear()
        forget_visibility(instance.pk)
    elif pk_set:  # group.user_set.add(...) or .remove(...)
        forget_visibility(*pk_set)
    else:  # group.user_set.clear(): the members are not named
        forget_every_visibility()


@receiver(post_save, sender=get_user_model())
def forget_visibility_on_user_change(sender, instance, update_fields=None, **kwargs):
    # A superuser passes every group restriction. Logging in only updates last_login.
    if update_fields is None or set(update_fields) != {"last_login"}:
        forget_visibility(instance.pk)


# A group's members are removed without a signal when it is deleted; a restriction (or
# its groups) changes what its groups see; a page move changes the paths that are hidden.
post_delete.connect(
    forget_every_visibility, sender=Group, dispatch_uid="chorus-vis-group"
)
for signal in (post_save, post_delete):
    signal.connect(
        forget_every_visibility,
        sender=PageViewRestriction,
        dispatch_uid=f"chorus-vis-restriction-{id(signal)}",
    )
m2m_changed.connect(
    forget_every_visibility,
    sender=PageViewRestriction.groups.through,
    dispatch_uid="chorus-vis-restriction-groups",
)
post_page_move.connect(forget_every_visibility, dispatch_uid="chorus-vis-move")


@receiver(post_save)
def forget_every_visibility_on_new_page(sender, instance, created, **kwargs):
    # A restricted page that receives its first child starts hiding what lies below it
    # (home.access.restricted_parent_paths).
    if created and isinstance(instance, Page):
        forget_every_visibility()
