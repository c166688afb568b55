from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamChannelsConfig(AppConfig):
    # Its own app (label "team_channels") inside home: channels have their own tables and
    # permissions, and stay out of the content models that home keeps for every page.
    name = "home.channels"
    label = "team_channels"
    verbose_name = _("Team channels")

    def ready(self):
        from wagtail.signals import page_published

        from .outbox import announce_published_story

        page_published.connect(
            announce_published_story, dispatch_uid="team-channels-story-published"
        )
