"""The index pages of the language being read (stories, spotlights, guides, referents).

They are the children of the home page, so one query per request finds them all, for the
"see all" links that several parts of a page show."""

from django.db.models import Q
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from .access import visible_to


def active_language():
    """The content language being read: a Locale's `language_code`. Filtering on
    `locale__language_code` joins the locale instead of looking it up first."""
    return get_supported_content_language_variant(translation.get_language())


def same_language_as(page):
    """A filter for pages or translatable snippets in the language of `page` (the page being
    rendered, also in a preview), or else the language being read: the locale is joined,
    not looked up first."""
    if page is not None:
        return Q(locale_id=page.locale_id)
    return Q(locale__language_code=active_language())


def site_root(request):
    """The site root of the active language as Wagtail lists it (`SiteRootPath`: its
    url_path and language), from Wagtail's cached `Site.get_site_root_paths()` — which
    every page URL needs anyway — so finding it costs no query of its own."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    roots = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
    language = active_language()
    return next((root for root in roots if root.language_code == language), None) or (
        roots[0] if roots else None
    )


def pages_under_home(request):
    """The live pages one level under the home page of the language being read that this
    reader may open (the menu, the index pages): one query, kept for the request."""
    pages = getattr(request, "chorus_pages_under_home", None)
    if pages is None:
        pages = []
        root = site_root(request)
        if root is not None:
            depth = Site.find_for_request(request).root_page.depth + 1
            pages = list(
                visible_to(
                    Page.objects.live().filter(
                        depth=depth, url_path__startswith=root.root_path
                    ),
                    request,
                ).order_by("path")
            )
        request.chorus_pages_under_home = pages
    return pages


def index_page(request, model):
    """The live page of type `model` under the home page of the language being read, or
    None. Not the specific page: its title and URL are what links need."""
    return next(
        (page for page in pages_under_home(request) if page.specific_class is model),
        None,
    )
