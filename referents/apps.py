from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_roles(sender, **kwargs):
    from django.contrib.auth.management import create_permissions

    from .roles import ensure_roles

    # Apps later in INSTALLED_APPS get their permissions after this receiver runs (and a test
    # database flush empties them): create them all first, idempotently.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    ensure_roles()


class ReferentsConfig(AppConfig):
    name = "referents"
    verbose_name = _("Referents and ambassadors")

    def ready(self):
        # After every migrate, so that the groups exist with the permissions written in roles.py.
        post_migrate.connect(_ensure_roles, sender=self)
        from . import receivers  # noqa: F401 (connects them)
