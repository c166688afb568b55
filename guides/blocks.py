"""StreamField blocks made for guidance. Each carries its icon, template and preview.

Checklists are plain content: nothing is recorded when someone reads or ticks one.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import BodyStreamBlock
from referents.models import Referent
from stories.networks import Network


class DoDontBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    do = blocks.ListBlock(blocks.CharBlock(label=_("Do")), label=_("Do"))
    dont = blocks.ListBlock(blocks.CharBlock(label=_("Don't")), label=_("Don't"))

    class Meta:
        icon = "tasks"
        label = _("Do and don't")
        description = _("Two short lists side by side: what to do and what to avoid.")
        template = "guides/blocks/do_dont_block.html"
        preview_value = {
            "title": "Before you post",
            "do": ["Say that you work here", "Write in your own words"],
            "dont": ["Share a figure that is not public yet"],
        }


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"))
    text = blocks.RichTextBlock(
        label=_("Details"), features=["bold", "italic", "link"], required=False
    )


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Steps")
        description = _("A numbered how-to, one step at a time.")
        template = "guides/blocks/steps_block.html"
        preview_value = {
            "title": "Create your profile",
            "steps": [
                {
                    "title": "Choose a clear photo",
                    "text": "<p>Your face, in daylight.</p>",
                },
                {"title": "Write one line about your work", "text": ""},
            ],
        }


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Checklist")
        description = _("Things to check before doing something, as a list.")
        template = "guides/blocks/checklist_block.html"
        help_text = _("A list to read through. Nothing is recorded about who reads it.")
        preview_value = {
            "title": "Before you press publish",
            "items": ["Is it public information?", "Would I say it out loud?"],
        }


class ExamplePostBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label=_("Network"), choices=Network.choices, required=False
    )
    text = blocks.TextBlock(label=_("Example post"))
    comment = blocks.TextBlock(
        label=_("Why it works"),
        required=False,
        help_text=_("A sentence or two on what makes this example good."),
    )

    class Meta:
        icon = "openquote"
        label = _("Example post")
        description = _("A sample post to learn from, with a note on why it works.")
        template = "guides/blocks/example_post_block.html"
        preview_value = {
            "network": "linkedin",
            "text": "Our team spent the winter rebuilding the night trains' timetable tool.",
            "comment": "It names what the author did, plainly.",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["network_label"] = dict(Network.choices).get(value.get("network"), "")
        return context


class AskReferentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    text = blocks.RichTextBlock(
        label=_("When to ask"), features=["bold", "italic", "link", "ul"]
    )

    class Meta:
        icon = "help"
        label = _("When to ask your referent")
        description = _("Situations in which readers should ask before posting.")
        template = "guides/blocks/ask_referent_block.html"
        preview_value = {
            "title": "Ask your referent when",
            "text": "<ul><li>a journalist contacts you</li><li>you are unsure</li></ul>",
        }


class ReferentBlock(blocks.StructBlock):
    """A referent chosen from the directory: their name, photo and a way to ask them,
    always as their profile says today. Anonymous visitors of a public guide see it only if
    the referent agreed to appear on public pages (referents_tags.shown_referent)."""

    referent = SnippetChooserBlock(
        "referents.Referent", label=_("Referent"), required=False
    )
    page = blocks.PageChooserBlock(
        label=_("Page"),
        required=False,
        help_text=_(
            "Optional: a page to read as well, for example the referents directory."
        ),
    )
    earlier_contact = blocks.TextBlock(
        label=_("Contact typed in an earlier version"),
        required=False,
        help_text=_(
            "Kept from before referents were chosen from the directory, and shown to "
            "employees only. Choose the referent above, then empty this box."
        ),
    )

    class Meta:
        icon = "user"
        label = _("Referent to contact")
        description = _("A referent from the directory to ask about this subject.")
        template = "guides/blocks/referent_link_block.html"

    def get_preview_value(self):
        return self.normalize(
            {"referent": Referent.objects.filter(live=True).first(), "page": None}
        )

    def clean(self, value):
        value = super().clean(value)
        if (
            not value.get("referent")
            and not (value.get("earlier_contact") or "").strip()
        ):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "referent": ValidationError(
                        _("Choose the referent readers should contact.")
                    )
                }
            )
        return value


class GuideStreamBlock(BodyStreamBlock):
    """A story's blocks, and those made for guidance."""

    do_dont = DoDontBlock()
    steps = StepsBlock()
    checklist = ChecklistBlock()
    example_post = ExamplePostBlock()
    ask_referent = AskReferentBlock()
    referent_link = ReferentBlock()
