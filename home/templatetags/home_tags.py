from django import template
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site

from ..access import visible_to
from ..models import ChorusSettings


register = template.Library()


def _home_page(request):
    """The home page of the active language, or the site root."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    return root.get_translation_or_none(Locale.get_active()) or root


@register.simple_tag(takes_context=True)
def home_url(context):
    home = _home_page(context["request"])
    return home.url if home else "/"


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context["request"]
    home = _home_page(request)
    items = Page.objects.none()
    if home is not None:
        # Cached in the header for each visibility ({% chorus_cache %}).
        items = visible_to(home.get_children().live().in_menu(), request).specific()
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
    if page is not None and isinstance(page, Page):
        by_locale = {
            translated.locale_id: translated
            # Only translations this reader may open: public ones for a visitor, and
            # nothing behind a group or password they cannot pass (home.access).
            for translated in visible_to(page.get_translations().live(), request)
        }
        if page.live:
            by_locale[page.locale_id] = page
    links = []
    for locale in Locale.objects.order_by("language_code"):
        code = locale.language_code
        if page is not None and isinstance(page, Page):
            translated = by_locale.get(locale.pk)
            if translated is None:
                continue
            url = translated.url
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "url": url, "current": code == current})
    return {"links": links}


@register.inclusion_tag("home/tags/media_contact.html", takes_context=True)
def media_contact(context):
    """Who answers journalists, from the site settings. Used by guides and sensitive stories."""
    request = context.get("request")
    return {"contact": ChorusSettings.for_request(request) if request else None}
