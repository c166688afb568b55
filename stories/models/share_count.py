import datetime

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..networks import Network


def week_of(day):
    """The Monday that starts the (ISO) week of a day."""
    return day - datetime.timedelta(days=day.weekday())


class ShareCount(models.Model):
    """How many times a page was shared to a network in a week. Anonymous by construction:
    there is no field for a user, a session, an address, a browser or a cookie, and no day
    or time either. A week is the finest grain stored, so it is the finest anyone can see
    (stories/share_stats.py decides what is shown)."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    week = models.DateField(_("week"), help_text=_("The Monday that starts the week."))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("share count")
        verbose_name_plural = _("share counts")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "network", "week"],
                name="one_count_per_page_network_week",
            )
        ]
        permissions = [
            ("view_share_report", _("Can see the share report (aggregate counts)"))
        ]

    def __str__(self):
        # No count here: a string of this row must never show a number that the share
        # report would hide.
        return f"{self.page_id} {self.network} {self.week}"

    @classmethod
    def increment(cls, page, network, day=None):
        """Add one share to the week of `day` (today by default), atomically: the database
        adds 1, so concurrent requests never overwrite each other. The first share of the
        week creates the row; if another request created it in the meantime, the unique
        constraint tells us and we add to theirs."""
        week = week_of(day or timezone.localdate())
        rows = cls.objects.filter(page=page, network=network, week=week)
        if rows.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(page=page, network=network, week=week, count=1)
        except IntegrityError:
            rows.update(count=F("count") + 1)
