from django import template
from django.db.models import Count, F, Window, prefetch_related_objects
from django.db.models.functions import Mod, RowNumber
from django.urls import reverse
from django.utils import timezone, translation

from home.access import is_publicly_visible, public_translations, visible_to
from home.index_pages import index_page, same_language_as
from home.models import LINK_PREVIEW_IMAGE_FILTER, ChorusSettings

from ..models import SpotlightIndexPage, SpotlightPage, StoryIndexPage, StoryPage


register = template.Library()

# Open Graph wants language_TERRITORY.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def is_public_page(page):
    """Published, marked public, and without a view restriction on its path."""
    return bool(getattr(page, "is_public", False)) and is_publicly_visible(page)


def _og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code.replace("-", "_"))


def _preview_image(page):
    """The page's own image (see ImageWithAltMixin) as a 1200x630 JPEG rendition, with its alt."""
    field = getattr(page, "image_field_name", None)
    image = getattr(page, field, None) if field else None
    if image is None:
        return None, ""
    return image.get_rendition(LINK_PREVIEW_IMAGE_FILTER), getattr(
        page, page.alt_field_name, ""
    )


def _description(page):
    # Both are plain text. Pages with only rich text pass `description=` themselves.
    return (page.search_description or getattr(page, "intro", "") or "").strip()


@register.inclusion_tag("includes/link_preview.html", takes_context=True)
def link_preview(context, page, description=None):
    """Open Graph and Twitter card tags for a public page; `noindex` and nothing else for
    an internal one, so that none of its content reaches a crawler."""
    request = context["request"]
    if not is_public_page(page):
        return {"public": False}
    rendition, image_alt = _preview_image(page)
    translations = [
        translated
        for translated in public_translations(page)
        if getattr(translated, "is_public", True)
    ]
    # The page is served in its own language (and page.locale would cost a query).
    language_code = translation.get_language()
    return {
        "public": True,
        "title": page.seo_title or page.title,
        "description": description if description is not None else _description(page),
        "url": page.get_full_url(request),
        "image_url": request.build_absolute_uri(rendition.url) if rendition else "",
        "image": rendition,
        "image_alt": image_alt,
        "language_code": language_code,
        "og_locale": _og_locale(language_code),
        "alternates": [
            {
                "language_code": translation_page.locale.language_code,
                "og_locale": _og_locale(translation_page.locale.language_code),
                "url": translation_page.get_full_url(request),
            }
            for translation_page in translations
        ],
        "site_name": ChorusSettings.for_request(request).organisation_name,
    }


@register.inclusion_tag("stories/tags/feed_links.html", takes_context=True)
def story_feed_links(context, page=None):
    """The feed a reader may follow: all stories for employees; public stories for an
    anonymous visitor, and only from a public page."""
    request = context["request"]
    if request.user.is_authenticated:
        return {"feed_url": reverse("stories:internal_feed"), "public": False}
    if page is not None and is_public_page(page):
        return {"feed_url": reverse("stories:public_feed"), "public": True}
    return {"feed_url": ""}


# The home page's two lists of stories.
HOME_LATEST = 3
HOME_SHAREABLE = 3


def _cards(stories):
    return stories.newest_first().defer_streamfields().select_related("image")


def _home_stories(context):
    """The home page's two lists, read together: the newest stories the reader may open,
    and the newest they may share now (shareable-now rule: public pages, which every
    reader may open). One query for each list, then one for both lists' images and one for
    their topics; kept for the request. Both are read even when the other's fragment is
    still cached (the list to share is kept a minute, the latest ten): one list read for
    nothing at most once a minute, against two queries fewer when both are needed."""
    request = context["request"]
    kept = getattr(request, "chorus_home_stories", None)
    if kept is None:
        language = same_language_as(context.get("page"))
        latest = visible_to(StoryPage.objects.live().filter(language), request)
        shareable = StoryPage.objects.filter(language).shareable_now()
        kept = {
            "latest": list(_cards(latest)[:HOME_LATEST]),
            "shareable": list(_cards(shareable)[:HOME_SHAREABLE]),
        }
        prefetch_related_objects(
            kept["latest"] + kept["shareable"],
            *StoryPage.objects.list_data_prefetches(),
        )
        request.chorus_home_stories = kept
    return kept


@register.inclusion_tag("stories/tags/latest_stories.html", takes_context=True)
def latest_stories(context):
    """The newest stories of the current language that the reader may open, for the home
    page (employees only)."""
    request = context["request"]
    return {
        "stories": _home_stories(context)["latest"],
        "index": index_page(request, StoryIndexPage),
        "request": request,
    }


@register.inclusion_tag("stories/tags/shareable_this_week.html", takes_context=True)
def shareable_this_week(context):
    """For the home page: the newest stories employees may share now."""
    request = context["request"]
    return {
        "stories": _home_stories(context)["shareable"],
        "index": index_page(request, StoryIndexPage),
        "request": request,
    }


@register.inclusion_tag("stories/tags/spotlight_of_the_week.html", takes_context=True)
def spotlight_of_the_week(context):
    """For the home page: one ambassador's spotlight, taking turns week by week in page-tree
    order, so that every ambassador comes round and nobody is ranked above the others.
    Only spotlights the reader may open take turns. One query: the week's turn is counted
    among them by the database."""
    request = context["request"]
    spotlights = visible_to(
        SpotlightPage.objects.live().filter(same_language_as(context.get("page"))),
        request,
    )
    week = timezone.localdate().isocalendar().week
    spotlight = (
        spotlights.annotate(
            taking_turns=Window(Count("pk")),
            turn=Window(RowNumber(), order_by=F("path").asc()),
        )
        .filter(turn=Mod(week, F("taking_turns")) + 1)
        .select_related("photo")
        .first()
    )
    if spotlight is None:
        return {"spotlight": None}
    index = index_page(request, SpotlightIndexPage)
    return {"spotlight": spotlight, "index": index, "request": request}
