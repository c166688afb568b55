"""Admin for team channels: editors connect, pause and remove them (model permissions,
given to the Editors group in referents.roles)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import TeamChannelForm
from .models import TeamChannel


class TeamChannelViewSet(SnippetViewSet):
    model = TeamChannel
    icon = "comment"
    menu_label = _("Team channels")
    menu_order = 360
    add_to_admin_menu = True
    inspect_view_enabled = False
    list_display = [
        "name",
        "kind",
        Column("masked_webhook_url", label=_("webhook address")),
        "enabled",
        "last_success_at",
        "last_error",
    ]
    edit_handler = ObjectList(
        [
            HelpPanel(
                content=_(
                    "Chorus posts the title, introduction and link of each new story and "
                    "of each share kit as it opens, only for pages every employee may "
                    "read. Posts go out within a minute, and wait during a quiet period."
                )
            ),
            FieldPanel("name"),
            FieldPanel("kind"),
            FieldPanel("webhook_url"),
            FieldPanel("language"),
            FieldPanel("enabled"),
        ],
        base_form_class=TeamChannelForm,
    )
