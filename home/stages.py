"""The four stages of Chorus. An employee picks one privately; guides are organised by them.

A stage says where someone stands today, never how far they have come: there is no order to
climb, no count and no "next level".
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    DISCOVER = "discover", _("Discover")
    LISTEN = "listen", _("Listen")
    SPEAK = "speak", _("Speak")
    LEAD = "lead", _("Lead")

    @property
    def description(self):
        return STAGE_DESCRIPTIONS[self]


STAGE_DESCRIPTIONS = {
    Stage.DISCOVER: _(
        "You are not on social networks yet, or hardly. Start gently: create a profile "
        "that looks like you."
    ),
    Stage.LISTEN: _(
        "You have a profile but rarely post. Follow people and pages you like, watch how "
        "they talk, and widen your network at your own pace."
    ),
    Stage.SPEAK: _(
        "You read and react. When you feel ready, start publishing in your own words."
    ),
    Stage.LEAD: _(
        "You post regularly. Inspire colleagues, help them start, and share what you have learnt."
    ),
}


def stage_or_none(value):
    """The Stage for a submitted value, or None if it is not one of the four."""
    try:
        return Stage(value)
    except ValueError:
        return None
