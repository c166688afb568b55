from django.db import models
from django.utils.translation import gettext_lazy as _

from ..networks import Network


class ShareCount(models.Model):
    """How many times a page was shared to a network on a day. Anonymous by construction:
    there is no field for a user, a session, an address, a browser or a cookie."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("share count")
        verbose_name_plural = _("share counts")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "network", "day"], name="one_count_per_page_network_day"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.network} {self.day}: {self.count}"
