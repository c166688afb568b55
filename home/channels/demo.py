"""A team channel in the demo, connected but not posting: editors see how one looks without
the demo ever reaching a real service."""

from .models import TeamChannel
from .webhooks import ChannelKind


DEMO_CHANNEL = "Équipe communication (démo)"


def load():
    TeamChannel.objects.get_or_create(
        name=DEMO_CHANNEL,
        defaults={
            "kind": ChannelKind.MATTERMOST,
            "webhook_url": "https://chat.chorus.example/hooks/demo-communication",
            "enabled": False,
        },
    )
