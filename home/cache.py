"""Caching that is right for anonymous visitors and logged-in employees alike.

Two layers, one invalidation:

- **Anonymous visitors** of public pages get the whole rendered response from the cache,
  keyed by host and URL (the URL carries the language). Only a 200 that sets no cookie, used
  no CSRF token and shows no message is kept, so nothing personal is ever stored.
- **Logged-in employees** get pages that show nothing about the reader (the page types in
  CHORUS_EMPLOYEE_PAGE_CACHE_MODELS: stories, spotlights, guides) from a second full-response
  cache, kept a minute (share-kit embargoes open and close on time), with each form's CSRF
  token replaced by the reader's own. Other pages (home, with the reader's stage) are
  rendered for each reader, and cache their expensive, impersonal fragments with
  `{% chorus_cache %}` (home/templatetags/chorus_cache.py), keyed by page state, site,
  language and the content version.
- **Invalidation**: publishing or unpublishing a page or a snippet, moving or deleting a page,
  or changing a view restriction replaces the *content version*, a key in the shared cache
  that is part of every other key. Every host sees the new version at once (Redis), and old
  entries simply expire. A new random value (not an increment) stays correct even if the
  key was evicted.

The full-response layer is on when the cache is shared between processes (REDIS_URL), or
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


VERSION_KEY = "chorus:content-version"


def content_version():
    """The current content version, created on first use."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        # Another process may have won the race: use what the cache holds.
        version = cache.get(VERSION_KEY) or version
    return version


def bump_content_version(**kwargs):
    """Forget every cached page and fragment (a signal receiver, so it takes **kwargs)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def page_cache_enabled():
    return getattr(settings, "CHORUS_PAGE_CACHE", False)


def _response_key(request, version):
    path = hashlib.md5(
        request.get_full_path().encode(), usedforsecurity=False
    ).hexdigest()
    language = translation.get_language() or ""
    return f"chorus:page:{version}:{request.get_host()}:{language}:{path}"


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


def add_cache_headers(request, response):
    """Browsers and proxies must never share a logged-in page with anyone else."""
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
    return response


# Employees: the same page for every employee, but each form gets the reader's own CSRF
# token, put in place of a placeholder when the page is served from the cache.
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"chorus-csrf-token-placeholder"


def _may_use_employee_cache(request):
    return (
        page_cache_enabled()
        and request.method == "GET"
        and request.user.is_authenticated
        and not len(messages.get_messages(request))
    )


def _same_for_every_employee(request, response):
    """Only page types listed in CHORUS_EMPLOYEE_PAGE_CACHE_MODELS (they show nothing
    about the reader), and only behind a plain login restriction, never a group one."""
    from wagtail.models import PageViewRestriction

    route = getattr(request, "_wagtail_route_for_request", None)
    page = route[0] if route else None
    return (
        response.status_code == 200
        and not response.streaming
        and not getattr(request, "is_preview", False)
        and page is not None
        and page._meta.label in settings.CHORUS_EMPLOYEE_PAGE_CACHE_MODELS
        and all(
            restriction.restriction_type == PageViewRestriction.LOGIN
            for restriction in page.get_view_restrictions()
        )
    )


def _serve_for_employee(request, serve):
    key = _response_key(request, content_version()) + ":employee"
    cached = cache.get(key)
    if cached is not None:
        token = get_token(request).encode()
        response = HttpResponse(
            cached["content"].replace(CSRF_PLACEHOLDER, token),
            content_type=cached["content_type"],
        )
        return add_cache_headers(request, response)

    response = serve()
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    add_cache_headers(request, response)
    if _same_for_every_employee(request, response):
        entry = {
            "content": CSRF_INPUT.sub(
                rb"\g<1>" + CSRF_PLACEHOLDER + rb"\g<2>", response.content
            ),
            "content_type": response["Content-Type"],
        }
        cache.set(key, entry, settings.CHORUS_EMPLOYEE_PAGE_CACHE_SECONDS)
    return response


def serve_with_cache(request, serve):
    """Serve `serve()` through the full-response caches when they apply."""
    if _may_use_employee_cache(request):
        return _serve_for_employee(request, serve)
    if not _may_use_cache(request):
        return add_cache_headers(request, serve())

    key = _response_key(request, content_version())
    cached = cache.get(key)
    if cached is not None:
        return cached

    response = serve()
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    add_cache_headers(request, response)
    if _may_store(request, response):
        cache.set(key, response, settings.CHORUS_PAGE_CACHE_SECONDS)
    return response


# What changes what a reader sees. Receivers are connected by HomeConfig.ready().

CONTENT_APPS = {"home", "stories", "guides", "referents"}
# Saved all the time and never shown in a cached page.
NOT_CONTENT = {"stories.sharecount", "wagtailimages.rendition"}


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
    from django.db.models.signals import post_delete, post_save

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
    post_delete.connect(bump_on_page_delete, dispatch_uid="chorus-cache-page-delete")
