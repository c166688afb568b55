"""Admin configuration of the stories app's snippets (kept out of the models)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    PublishingPanel,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import ShareKitForm
from .models import ShareKit, Topic
from .models.share_kit import SHAREABLE_PAGE_TYPES
from .panels import ShareKitHintsPanel


class ShareKitViewSet(SnippetViewSet):
    model = ShareKit
    icon = "upload"
    menu_label = _("Share kits")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "page", "shareable_from", "shareable_until"]
    list_filter = ["live", "shareable_from", "shareable_until"]
    list_per_page = 50
    search_fields = ["title", "page__title", "hashtags"]
    search_backend_name = (
        None  # plain database filtering: kits are not in the search index
    )

    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            PageChooserPanel("page", page_type=list(SHAREABLE_PAGE_TYPES)),
            InlinePanel(
                "texts",
                label=_("Starting texts"),
                min_num=1,
                panels=[FieldPanel("network"), FieldPanel("angle"), FieldPanel("text")],
                help_text=_(
                    "One or more per network. Each is checked against the network's limit, "
                    "counting the disclosure line, the hashtags and the link."
                ),
            ),
            FieldPanel("hashtags"),
            ShareKitHintsPanel(heading=_("Reading hints")),
            MultiFieldPanel(
                [FieldPanel("shareable_from"), FieldPanel("shareable_until")],
                heading=_("Embargo"),
            ),
            FieldPanel("guidance"),
            PublishingPanel(),
        ],
        base_form_class=ShareKitForm,
    )

    def on_register(self):
        super().on_register()
        # wagtail-localize's translation editor reads the panels from the model
        # (`edit_handler`), not from the viewset: without them it finds no panel for the
        # starting texts and leaves them out of the editor.
        self.model.edit_handler = self.edit_handler


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    search_backend_name = None
    panels = [FieldPanel("name"), FieldPanel("slug")]
