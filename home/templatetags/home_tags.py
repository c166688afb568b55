from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from wagtail.models import Page

from ..access import PUBLIC, public_translations, visibility
from ..index_pages import pages_under_home, site_root, visible_translations
from ..models import ChorusSettings


register = template.Library()


@register.simple_tag(takes_context=True)
def home_url(context):
    root = site_root(context["request"])
    if root is None:
        return "/"
    with translation.override(root.language_code):
        return reverse("wagtail_serve", args=("",))


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context["request"]
    # Cached in the header for each visibility ({% chorus_cache %}).
    items = [page for page in pages_under_home(request) if page.show_in_menus]
    current = context.get("page")
    return {
        "items": items,
        "current_path": current.url_path if current else "",
        "request": request,
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language the reader may open it in (its translations),
    or to the same view in each language."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    is_page = isinstance(page, Page)
    if is_page:
        # Only translations this reader may open: public ones for a visitor, and
        # nothing behind a group or password they cannot pass (home.access).
        if visibility(request) == PUBLIC:
            translations = public_translations(page)
        else:
            translations = visible_translations(request, page)
        by_language = {
            translated.locale.language_code: translated for translated in translations
        }
        if page.live:
            # A page is served in its own language.
            by_language[current] = page
    links = []
    for code in sorted(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES):
        if is_page:
            translated = by_language.get(code)
            if translated is None:
                continue
            url = translated.get_url(request)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "url": url, "current": code == current})
    return {"links": links}


@register.inclusion_tag("home/tags/media_contact.html", takes_context=True)
def media_contact(context):
    """Who answers journalists, from the site settings. Used by guides and sensitive stories."""
    request = context.get("request")
    return {"contact": ChorusSettings.for_request(request) if request else None}
