from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from . import signals  # noqa: F401 (connects the receivers)
        from .access import use_scalable_private_q
        from .cache import connect_receivers

        connect_receivers()
        use_scalable_private_q()
