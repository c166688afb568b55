"""Admin for referents: editors manage every profile, a referent edits only their own."""

from django.utils.translation import gettext_lazy as _

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Referent


class OwnProfilePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the user's own profile unless they may add referents
    (editors and administrators manage the whole directory)."""

    def _manages_all(self, user):
        return user.is_superuser or self.user_has_permission(user, "add")

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return self._manages_all(user) or instance.user_id == user.pk

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if self._manages_all(user):
            return instances
        return instances.filter(user=user)


class ReferentViewSet(SnippetViewSet):
    model = Referent
    icon = "user"
    menu_label = _("Referents")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "role", "team", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "role"]

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["change", "delete", "publish"]
        )


register_permission_policy(Referent, OwnProfilePermissionPolicy(Referent))
