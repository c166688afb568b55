"""Admin for quiet periods: a snippet only holders of `home.manage_quiet_period` see."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import QuietPeriod


class QuietPeriodPermissionPolicy(ModelPermissionPolicy):
    """One permission for every action (add, change, delete, view): starting, planning and
    ending a quiet period are the same responsibility."""

    def _get_permission_codename(self, action):
        return "manage_quiet_period"


class QuietPeriodViewSet(SnippetViewSet):
    model = QuietPeriod
    icon = "warning"
    menu_label = _("Quiet periods")
    menu_order = 350
    add_to_admin_menu = True
    list_display = ["reason", "starts_at", "ends_at"]
    panels = [
        HelpPanel(
            content=_(
                "While a quiet period runs, every share panel shows its reason instead, "
                "nothing can be shared or counted, and posts to team channels wait. "
                "Pages stay readable. To end one now, set its end to now or delete it."
            )
        ),
        FieldPanel("reason"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
    ]


register_permission_policy(QuietPeriod, QuietPeriodPermissionPolicy(QuietPeriod))
