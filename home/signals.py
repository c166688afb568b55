from django.contrib import messages
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail.signals import page_published

from .access import PublicFlagMixin, restrict_to_logged_in, sync_view_restriction
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


@receiver(user_logged_out)
def confirm_logout(sender, request, user, **kwargs):
    if request is not None:
        # fail_silently: requests without the messages middleware (test clients) log out too.
        messages.info(request, _("You are logged out."), fail_silently=True)


@receiver(post_save, sender=StagePreference)
@receiver(post_delete, sender=StagePreference)
def forget_cached_stage(sender, instance, **kwargs):
    # The user object the preference was saved with may be the request's own.
    user = instance.user if StagePreference.user.is_cached(instance) else None
    StagePreference.forget(instance.user_id, user)
