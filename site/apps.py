from django.apps import AppConfig


class ChorusSiteConfig(AppConfig):
    name = "chorus_site"
    label = "chorus_site"
    verbose_name = "Chorus"

    def ready(self):
        from . import visits

        visits.connect()
