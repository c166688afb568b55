from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_roles(sender, **kwargs):
    from .roles import ensure_roles

    ensure_roles()


class ReferentsConfig(AppConfig):
    name = "referents"
    verbose_name = _("Referents and ambassadors")

    def ready(self):
        # After every migrate, so that the groups exist with the permissions written in roles.py.
        post_migrate.connect(_ensure_roles, sender=self)
        from . import signals  # noqa: F401 (connects the receivers)
