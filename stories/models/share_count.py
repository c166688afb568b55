from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
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
        permissions = [
            ("view_share_report", _("Can see the share report (aggregate counts)"))
        ]

    def __str__(self):
        return f"{self.page_id} {self.network} {self.day}: {self.count}"

    @classmethod
    def increment(cls, page, network, day=None):
        """Add one share, atomically: the database adds 1, so concurrent requests never
        overwrite each other. The first share of the day creates the row; if another request
        created it in the meantime, the unique constraint tells us and we add to theirs."""
        day = day or timezone.localdate()
        rows = cls.objects.filter(page=page, network=network, day=day)
        if rows.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(page=page, network=network, day=day, count=1)
        except IntegrityError:
            rows.update(count=F("count") + 1)
