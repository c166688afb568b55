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
  the home page's news since the last visit and the guides of the reader's stage; the
  comments under a story or spotlight, which take the page's translation key as their
  argument).
- Within a page, impersonal fragments are cached with `{% chorus_cache %}`
  (home/templatetags/chorus_cache.py) and data and parts of per-reader fragments with
  `home.cache.cached_content`.
- **Invalidation** is home.cache's content version: a cached page costs one round trip to
  the cache, the version and the entry are read together.

The full-response layers are on when the cache is shared between processes (REDIS_URL), or
when CHORUS_PAGE_CACHE says so; with one process's local memory, publishing in one worker
could not invalidate the others.
"""

import hashlib
import re

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.html import format_html
from django.utils.module_loading import import_string

from wagtail.models import PageViewRestriction

from .access import visibility_key
from .cache import version_key_for, versioned_get, versioned_set


# A page can show something that changes by itself at a known moment, with nothing saved:
# a quiet period that starts or ends (home.quiet). Whatever renders it says so with
# `changes_at`, and a cached copy of the page is kept only until then.
CHANGES_AT = "chorus_changes_at"


def changes_at(request, moment):
    """What is being rendered for `request` changes by itself at `moment` (None: never)."""
    if moment is None:
        return
    earliest = getattr(request, CHANGES_AT, None)
    if earliest is None or moment < earliest:
        setattr(request, CHANGES_AT, moment)


def _lifetime(request, timeout):
    """`timeout`, shortened so that the copy is gone when what it shows changes; 0 when
    that moment has already come (the copy must not be stored at all)."""
    moment = getattr(request, CHANGES_AT, None)
    if moment is None:
        return timeout
    left = (moment - timezone.now()).total_seconds()
    return max(0, min(timeout, int(left)))


def page_cache_enabled():
    return getattr(settings, "CHORUS_PAGE_CACHE", False)


def _response_key(request, audience, language=None):
    path = hashlib.md5(
        request.get_full_path().encode(), usedforsecurity=False
    ).hexdigest()
    language = language or translation.get_language() or ""
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


STORE_FOR_ANONYMOUS = "chorus_store_for_anonymous"


def _serve_for_anonymous(request, serve):
    key = _response_key(request, "anonymous")
    versions, cached = versioned_get(key)
    if cached is not None:
        return cached

    response = add_cache_headers(request, _rendered(serve()))
    lifetime = _lifetime(request, settings.CHORUS_PAGE_CACHE_SECONDS)
    if lifetime and _may_store(request, response):
        # Stored by AnonymousPageCacheMiddleware once every middleware has added its
        # headers (security policy, framing, Vary), so the copy is complete.
        setattr(
            response,
            STORE_FOR_ANONYMOUS,
            (key, versions, lifetime, _depends_on(request)),
        )
    return response


class AnonymousPageCacheMiddleware:
    """Answers a visitor without a session from the anonymous page cache before the rest
    of the middleware runs (sessions, authentication, CSRF…), as Django's own cache
    middleware can; stores the complete responses that `_serve_for_anonymous` marks.

    Only a GET whose path names its language (i18n_patterns), from a browser that sends no
    session or messages cookie — so certainly not logged in, with nothing to show it — is
    answered this early; the key is the one the page view uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._early_key(request)
        if key is not None:
            _versions, cached = versioned_get(key)
            if cached is not None:
                return cached
        response = self.get_response(request)
        store = getattr(response, STORE_FOR_ANONYMOUS, None)
        if store is not None and not response.cookies:
            key, versions, lifetime, depends_on = store
            delattr(response, STORE_FOR_ANONYMOUS)
            versioned_set(key, versions, response, lifetime, depends_on)
        return response

    @staticmethod
    def _early_key(request):
        if not page_cache_enabled() or request.method != "GET":
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES or (
            "messages" in request.COOKIES
        ):
            return None
        language = translation.get_language_from_path(request.path_info)
        if language is None:
            return None
        return _response_key(request, "anonymous", language)


# Employees: one copy of a page for every employee. Each form gets the reader's own CSRF
# token in place of a placeholder, and each per-reader fragment (`{% per_reader %}`, see
# CHORUS_PER_READER_FRAGMENTS) is rendered for the reader in place of its own placeholder.
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
# An HTML comment: escaped text (a story, a comment) can never hold one.
CSRF_PLACEHOLDER = b"<!--chorus-csrf-token-->"
# A fragment may take one argument of letters, digits, underscores and dashes (a page's
# comment thread): `<!--chorus-per-reader:comments:57_0b8b5295-dcfb-44ea-…-->`.
PER_READER_PLACEHOLDER = re.compile(rb"<!--chorus-per-reader:(\w+)(?::([\w-]+))?-->")
PER_READER_ARGUMENT = re.compile(r"[\w-]+")


def per_reader_placeholder(name, argument=None):
    if argument is None:
        return format_html("<!--chorus-per-reader:{}-->", name)
    if not PER_READER_ARGUMENT.fullmatch(str(argument)):
        raise ValueError(
            f"A per-reader argument is letters, digits and dashes: {argument!r}"
        )
    return format_html("<!--chorus-per-reader:{}:{}-->", name, argument)


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
    return fragment(request, locale_id, str(argument))


def reader_csrf_token(request):
    """The reader's CSRF token for the forms of a page and of its per-reader fragments,
    masked once per response (Django masks it anew at each call, at some cost)."""
    token = getattr(request, "chorus_csrf_token", None)
    if token is None:
        token = request.chorus_csrf_token = get_token(request)
    return token


def _fill_for_reader(request, content, locale_id):
    def fragment(match):
        name = match.group(1).decode()
        if name not in settings.CHORUS_PER_READER_FRAGMENTS:
            return match.group(0)
        argument = match.group(2).decode() if match.group(2) else None
        return render_per_reader(name, request, locale_id, argument).encode()

    content = content.replace(CSRF_PLACEHOLDER, reader_csrf_token(request).encode())
    return PER_READER_PLACEHOLDER.sub(fragment, content)


def _may_use_employee_cache(request):
    return (
        page_cache_enabled()
        and request.method == "GET"
        and request.user.is_authenticated
        and not len(messages.get_messages(request))
    )


SERVED_PAGE = "chorus_served_page"


def remember_served_page(page, request, serve_args, serve_kwargs):
    """A `before_serve_page` hook (home.wagtail_hooks): the page this request serves, for
    deciding whether its rendering may be shared."""
    setattr(request, SERVED_PAGE, page)


def _routed_page(request):
    return getattr(request, SERVED_PAGE, None)


def _depends_on(request):
    """The version a copy of this response is kept under (home.cache.version_key_for)."""
    return version_key_for(_routed_page(request))


def _same_for_every_employee(request, response, audience):
    """A view that names its `audience` is shared within it. A page only if its type is
    listed in CHORUS_EMPLOYEE_PAGE_CACHE_MODELS (it shows nothing about the reader outside
    per-reader fragments), and only behind a plain login restriction, never a group one."""
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
    # Shared pages hold lists of pages: readers who may open different pages get
    # different copies.
    key = _response_key(request, f"employee:{audience or ''}:{visibility_key(request)}")
    versions, entry = versioned_get(key)
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
        lifetime = _lifetime(request, settings.CHORUS_EMPLOYEE_PAGE_CACHE_SECONDS)
        if lifetime and _same_for_every_employee(request, response, audience):
            versioned_set(key, versions, entry, lifetime, _depends_on(request))
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
