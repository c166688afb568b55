"""StreamField blocks shared by every content page. Each carries its icon, template and preview."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A section title inside the text. Keep it short.")
        template = "home/blocks/heading_block.html"
        preview_value = "Why we share in our own words"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=["bold", "italic", "link", "ol", "ul"], **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        description = _("Text with bold, italic, links and lists.")
        template = "home/blocks/paragraph_block.html"
        preview_value = (
            "<p>A story told by the people who lived it travels further.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    credit = blocks.CharBlock(label=_("Credit"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/captioned_image_block.html"
        description = _("A picture with its alt text, an optional caption and credit.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("Words someone said, with who said them.")
        template = "home/blocks/quote_block.html"
        preview_value = {
            "quote": "We did not wait for permission to help each other.",
            "attribution": "A colleague from the support team",
        }


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Call-out")
        description = _("A highlighted box for something readers must not miss.")
        template = "home/blocks/callout_block.html"
        preview_value = {
            "title": "Good to know",
            "text": "<p>Nothing here is compulsory.</p>",
        }


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    # A link, not an iframe: Chorus never loads a third-party script or player.
    embed = blocks.URLBlock(
        icon="media",
        label=_("Video or post"),
        help_text=_(
            "A link to a video or post elsewhere. Readers open it on its own site."
        ),
        template="home/blocks/embed_block.html",
        preview_value="https://www.example.org/videos/open-day",
    )
    callout = CalloutBlock()
