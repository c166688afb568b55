"""Home page sections that span several apps (the top floor may import them all)."""

from django import template

from guides.models import GuidePage
from stories.models import SpotlightPage, StoryPage

from .. import visits


register = template.Library()


@register.inclusion_tag(
    "chorus_site/tags/new_since_last_visit.html", takes_context=True
)
def new_since_last_visit(context):
    """Stories, guides and spotlights published since the reader's previous login; a short
    welcome on their very first visit. Nothing is counted or stored about the reader."""
    request = context["request"]
    since = visits.previous_visit(request)
    if since is None:
        return {"show": False}
    if since == visits.FIRST_VISIT:
        return {"show": True, "first_visit": True}
    page = context.get("page")
    pages = visits.published_since(
        since,
        (StoryPage, GuidePage, SpotlightPage),
        locale=page.locale_id if page is not None else None,
    )
    return {"show": True, "since": since, "pages": pages, "request": request}
