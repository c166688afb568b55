"""The index pages of the language being read (stories, spotlights, guides, referents).

They are the children of the home page, so one query per request finds them all, for the
"see all" links that several parts of a page show."""

from django.db.models import Q
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

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


def _under_home(request):
    """A filter for the pages one level under the home page of the language being read
    (the menu, the index pages), or None without a site root."""
    root = site_root(request)
    if root is None:
        return None
    depth = Site.find_for_request(request).root_page.depth + 1
    return Q(depth=depth, url_path__startswith=root.root_path)


def _read_live_pages(request, condition):
    return list(
        visible_to(Page.objects.live().filter(condition), request)
        .select_related("locale")
        .order_by("path")
    )


def pages_under_home(request):
    """The live pages one level under the home page of the language being read that this
    reader may open (the menu, the index pages): one query, kept for the request."""
    pages = getattr(request, "chorus_pages_under_home", None)
    if pages is None:
        under_home = _under_home(request)
        pages = [] if under_home is None else _read_live_pages(request, under_home)
        request.chorus_pages_under_home = pages
    return pages


def active_locale(request):
    """The Locale being read. A logged-in reader's header lists the menu anyway: its pages
    carry the locale, so it costs no query of its own. Else `Locale.get_active()`."""
    if request.user.is_authenticated:
        language = active_language()
        for page in pages_under_home(request):
            if page.locale.language_code == language:
                return page.locale
    return Locale.get_active()


def visible_translations(request, page):
    """The live translations of `page` that this reader may open, with their locale.

    The header shows them beside the menu: when `pages_under_home` is not read yet, both
    come from this one query and the menu is kept for the request."""
    translations = Q(translation_key=page.translation_key) & ~Q(pk=page.pk)
    under_home = None
    if not hasattr(request, "chorus_pages_under_home"):
        under_home = _under_home(request)
    if under_home is None:
        return _read_live_pages(request, translations)
    found = _read_live_pages(request, translations | under_home)

    def is_translation(other):
        # Translations are in other languages, so under other home pages.
        return other.translation_key == page.translation_key and other.pk != page.pk

    request.chorus_pages_under_home = [
        other for other in found if not is_translation(other)
    ]
    return [other for other in found if is_translation(other)]


def index_page(request, model):
    """The live page of type `model` under the home page of the language being read, or
    None. Not the specific page: its title and URL are what links need."""
    return next(
        (page for page in pages_under_home(request) if page.specific_class is model),
        None,
    )
