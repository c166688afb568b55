"""The share panel: which kit a page offers now, and everything the panel shows."""

from functools import lru_cache

from django import template

import segno

from home.quiet import quiet_period_for

from .. import kit_hints
from ..forms import ShareForm
from ..models import ShareKit
from ..networks import LINK_ONLY, Network


register = template.Library()

# The order of the buttons in the panel.
PANEL_NETWORKS = [
    Network.LINKEDIN,
    Network.X,
    Network.BLUESKY,
    Network.MASTODON,
    Network.FACEBOOK,
    Network.WHATSAPP,
    Network.EMAIL,
]


@lru_cache(maxsize=512)
def qr_code_data_uri(link):
    """A QR code of the public link, as an SVG data: URI (CSP allows data: images only)."""
    code = segno.make(link, error="m")
    width, height = code.symbol_size(scale=4, border=2)
    return {
        "src": code.svg_data_uri(scale=4, border=2),
        "width": width,
        "height": height,
    }


@register.simple_tag(takes_context=True)
def quiet_period(context):
    """`{% quiet_period as quiet %}`: the quiet period in force now, or None."""
    return quiet_period_for(context["request"])


@register.simple_tag
def active_share_kit(page):
    """`{% active_share_kit page as kit %}`: the kit offered on this page now, or None."""
    if page is None or not getattr(page, "pk", None):
        return None
    return ShareKit.objects.active_for(page)


def share_panel_context(request, kit, data=None, network=None):
    disclosure = kit.disclosure(request)
    starting_texts = [
        {
            "id": share_text.pk,
            "label": f"{share_text.label} ({share_text.get_network_display()})",
            "network": share_text.network,
            "text": kit.starting_text(share_text, disclosure),
        }
        for share_text in kit.texts.all()
    ]
    first = starting_texts[0] if starting_texts else None
    form = ShareForm(
        data,
        kit=kit,
        starting_texts=starting_texts,
        network=network,
        request=request,
        initial={
            "text": first["text"] if first else disclosure,
            "original": first["text"] if first else disclosure,
            "angle": first["id"] if first else None,
        },
    )
    link = kit.public_link(request)
    return {
        "request": request,
        "kit": kit,
        "form": form,
        "starting_texts": starting_texts,
        "disclosure": disclosure,
        "disclosure_required": kit.disclosure_required(request),
        "link": link,
        "qr_code": qr_code_data_uri(link),
        "networks": [
            {"value": value, "label": value.label, "link_only": value in LINK_ONLY}
            for value in PANEL_NETWORKS
        ],
        "show_guidance": bool(kit.guidance),
        # The reading hints run in the browser (kit_hints.js) with the server's rules.
        "hints_config": kit_hints.browser_config(),
        "default_network": first["network"] if first else "",
    }


@register.inclusion_tag("stories/share_form.html", takes_context=True)
def share_form(context, kit):
    """`{% share_form kit %}`: the panel's form for a kit that is shareable now."""
    return share_panel_context(context["request"], kit)
