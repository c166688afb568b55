"""Caching that is right for anonymous visitors and logged-in employees alike.

Two full-response layers, one invalidation:

- **Anonymous visitors** of public pages get the whole rendered response from the cache,
  keyed by host and URL (the URL carries the language). Only a 200 that sets no cookie, used
  no CSRF token and shows no message is kept, so nothing personal is ever stored.
- **Logged-in employees** get one copy of a page for every employee who may open the same
  pages (home.access.visibility_key; the page types in
  CHORUS_EMPLOYEE_PAGE_CACHE_MODELS), kept a minute (share-kit embargoes open and close on
  time). Whatever differs for each reader is filled in as the copy is served: each form's
  CSRF token, and the per-reader fragments of `{% per_reader %}` (CHORUS_PER_READER_FRAGMENTS:
  the home page's news since the last visit and the guides of the reader's stage).
- Within a page, impersonal fragments are cached with `{% chorus_cache %}`
  (home/templatetags/chorus_cache.py) and data and parts of per-reader fragments with `cached_content`.
- **Invalidation**: publishing or unpublishing a page or a snippet, moving or deleting a page,
  or changing a view restriction replaces the *content version*, a key in the shared cache.
  Every entry is stored with the version it was rendered under, and is only served under
  that version: every host sees a publish at once (Redis), and old entries simply expire. A
  new random value (not an increment) stays correct even if the key was evicted. A cached
  page costs one round trip to the cache: the version and the entry are read together.

The full-response layers are on when the cache is shared between processes (REDIS_URL), or
when CHORUS_PAGE_CACHE says so; with one process's local memory, publishing in one worker
could not invalidate the others.
"""

import hashlib
import re
import uuid

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.html import format_html
from django.utils.module_loading import import_string


VERSION_KEY = "chorus:content-version"


def content_version(version_key=VERSION_KEY):
    """The current content version (or another version kept under `version_key`),
    created on first use."""
    version = cache.get(version_key)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(version_key, version, timeout=None)
        # Another process may have won the race: use what the cache holds.
        version = cache.get(version_key) or version
    return version


def bump_content_version(**kwargs):
    """Forget every cached page and fragment (a signal receiver, so it takes **kwargs)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _current(key, version_key=VERSION_KEY):
    """The content version, and what `key` holds if it was stored under that version: one
    round trip to the cache for both."""
    found = cache.get_many([version_key, key])
    version = found.get(version_key) or content_version(version_key)
    stored = found.get(key)
    if stored is None or stored[0] != version:
        return version, None
    return version, stored[1]


def _store(key, version, value, timeout):
    cache.set(key, (version, value), timeout)


def kept_until_next_change(key, compute, timeout=600, version_key=VERSION_KEY):
    """What `compute()` returns, kept under `key` until the content version (or the
    version under `version_key`) changes."""
    version, value = _current(key, version_key)
    if value is None:
        value = compute()
        _store(key, version, value, timeout)
    return value


def cached_content(key_parts, compute, timeout=600):
    """What `compute()` returns, kept until the next publish under `key_parts` and the
    language: for data or HTML that is the same for many readers. A list of pages must
    name the reader's `home.access.visibility_key` among its `key_parts`."""
    key_parts = (translation.get_language(), *key_parts)
    key = hashlib.md5(repr(key_parts).encode(), usedforsecurity=False).hexdigest()
    return kept_until_next_change(f"chorus:content:{key}", compute, timeout)


def page_cache_enabled():
    return getattr(settings, "CHORUS_PAGE_CACHE", False)


def _response_key(request, audience):
    path = hashlib.md5(
        request.get_full_path().encode(), usedforsecurity=False
    ).hexdigest()
    language = translation.get_language() or ""
    return f"chorus:page:{audience}:{request.get_host()}:{language}:{path}"


def _rendered(response):
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    return response


def add_cache_headers(request, response):
    """Browsers and proxies must never share a logged-in page with anyone else."""
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
    return response


# Anonymous visitors


def _may_use_cache(request):
    return (
        page_cache_enabled()
        and request.method == "GET"
        and not request.user.is_authenticated
        and not len(messages.get_messages(request))
    )


def _may_store(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # The page used a CSRF token: it is tied to this visitor.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
    )


def _serve_for_anonymous(request, serve):
    key = _response_key(request, "anonymous")
    version, cached = _current(key)
    if cached is not None:
        return cached

    response = add_cache_headers(request, _rendered(serve()))
    if _may_store(request, response):
        _store(key, version, response, settings.CHORUS_PAGE_CACHE_SECONDS)
    return response


# Employees: one copy of a page for every employee. Each form gets the reader's own CSRF
# token in place of a placeholder, and each per-reader fragment (`{% per_reader %}`, see
# CHORUS_PER_READER_FRAGMENTS) is rendered for the reader in place of its own placeholder.
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"chorus-csrf-token-placeholder"
# A fragment may take one number (a page id): `<!--chorus-per-reader:comments:42-->`.
PER_READER_PLACEHOLDER = re.compile(rb"<!--chorus-per-reader:(\w+)(?::(\d+))?-->")


def per_reader_placeholder(name, argument=None):
    if argument is None:
        return format_html("<!--chorus-per-reader:{}-->", name)
    return format_html("<!--chorus-per-reader:{}:{}-->", name, int(argument))


def rendering_for_every_reader(request):
    """True while a page is rendered to be kept for every employee: per-reader fragments
    are then left as placeholders."""
    return getattr(request, "chorus_for_every_reader", False)


def render_per_reader(name, request, locale_id, argument=None):
    """The HTML of a per-reader fragment, by its name in CHORUS_PER_READER_FRAGMENTS, with
    its argument when it takes one."""
    fragment = import_string(settings.CHORUS_PER_READER_FRAGMENTS[name])
    if argument is None:
        return fragment(request, locale_id)
    return fragment(request, locale_id, argument)


def _fill_for_reader(request, content, locale_id):
    def fragment(match):
        name = match.group(1).decode()
        if name not in settings.CHORUS_PER_READER_FRAGMENTS:
            return match.group(0)
        argument = int(match.group(2)) if match.group(2) else None
        return render_per_reader(name, request, locale_id, argument).encode()

    content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    return PER_READER_PLACEHOLDER.sub(fragment, content)


def _may_use_employee_cache(request):
    return (
        page_cache_enabled()
        and request.method == "GET"
        and request.user.is_authenticated
        and not len(messages.get_messages(request))
    )


def _routed_page(request):
    route = getattr(request, "_wagtail_route_for_request", None)
    return route[0] if route else None


def _same_for_every_employee(request, response, audience):
    """A view that names its `audience` is shared within it. A page only if its type is
    listed in CHORUS_EMPLOYEE_PAGE_CACHE_MODELS (it shows nothing about the reader outside
    per-reader fragments), and only behind a plain login restriction, never a group one."""
    from wagtail.models import PageViewRestriction

    if (
        response.status_code != 200
        or response.streaming
        or getattr(request, "is_preview", False)
    ):
        return False
    if audience is not None:
        return True
    page = _routed_page(request)
    return (
        page is not None
        and page._meta.label in settings.CHORUS_EMPLOYEE_PAGE_CACHE_MODELS
        and all(
            restriction.restriction_type == PageViewRestriction.LOGIN
            for restriction in page.get_view_restrictions()
        )
    )


def _serve_for_employee(request, serve, audience):
    # Imported here: home.access imports this module (it keeps visibilities here).
    from .access import visibility_key

    # Shared pages hold lists of pages: readers who may open different pages get
    # different copies.
    key = _response_key(request, f"employee:{audience or ''}:{visibility_key(request)}")
    version, entry = _current(key)
    if entry is None:
        request.chorus_for_every_reader = True
        response = add_cache_headers(request, _rendered(serve()))
        if response.streaming:
            return response
        page = _routed_page(request)
        entry = {
            "content": CSRF_INPUT.sub(
                rb"\g<1>" + CSRF_PLACEHOLDER + rb"\g<2>", response.content
            ),
            "content_type": response["Content-Type"],
            "locale_id": getattr(page, "locale_id", None),
        }
        if _same_for_every_employee(request, response, audience):
            _store(key, version, entry, settings.CHORUS_EMPLOYEE_PAGE_CACHE_SECONDS)
    else:
        response = add_cache_headers(
            request, HttpResponse(content_type=entry["content_type"])
        )
    response.content = _fill_for_reader(request, entry["content"], entry["locale_id"])
    return response


def serve_with_cache(request, serve, audience=None):
    """Serve `serve()` through the full-response caches when they apply.

    Employees share the pages whose type says so, among readers of the same visibility
    (home.access: who may open which pages). A view that is not a page shares its answers
    between the employees of one `audience` (and visibility): a string naming everything
    else that decides what it shows."""
    if _may_use_employee_cache(request):
        return _serve_for_employee(request, serve, audience)
    if _may_use_cache(request):
        return _serve_for_anonymous(request, serve)
    return add_cache_headers(request, serve())


# What changes what a reader sees. Receivers are connected by HomeConfig.ready().

CONTENT_APPS = {"home", "stories", "guides", "referents"}
# Saved all the time, and never shown in a cached page but in a per-reader fragment.
# Comments have a version of their own per conversation (stories.comments.cache): a comment
# leaves every other page warm.
NOT_CONTENT = {
    "stories.sharecount",
    "wagtailimages.rendition",
    "home.stagepreference",
    "stories.comment",
    "stories.commentreport",
    "stories.commentnotification",
}


def _is_content(instance):
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page

    label = instance._meta.label_lower
    if label in NOT_CONTENT or isinstance(instance, Page):
        # Pages count when published or unpublished, not at each draft save.
        return False
    return instance._meta.app_label in CONTENT_APPS or isinstance(
        instance, AbstractImage
    )


def bump_on_content_change(sender, instance, **kwargs):
    if _is_content(instance):
        bump_content_version()


def bump_on_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_content_version()


def connect_receivers():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from wagtail.models import PageViewRestriction
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished, published, unpublished):
        signal.connect(bump_content_version, dispatch_uid=f"chorus-cache-{id(signal)}")
    post_page_move.connect(bump_content_version, dispatch_uid="chorus-cache-move")
    for signal in (post_save, post_delete):
        signal.connect(
            bump_content_version,
            sender=PageViewRestriction,
            dispatch_uid=f"chorus-cache-restriction-{id(signal)}",
        )
        signal.connect(
            bump_on_content_change, dispatch_uid=f"chorus-cache-content-{id(signal)}"
        )
    # The groups of a group restriction are saved after the restriction itself.
    m2m_changed.connect(
        bump_content_version,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="chorus-cache-restriction-groups",
    )
    post_delete.connect(bump_on_page_delete, dispatch_uid="chorus-cache-page-delete")
