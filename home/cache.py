"""What Chorus keeps in the cache, and the one invalidation that keeps it right.

- `cached_content` keeps data and impersonal fragments (`{% chorus_cache %}`, parts of
  per-reader fragments) until the next change of content; `kept_until_next_change` is the
  same for keys of one's own. Whole pages are kept by home.page_cache.
- **Invalidation**: publishing or unpublishing a page or a snippet, moving or deleting a page,
  or changing a view restriction replaces the *content version*, a key in the shared cache.
  Every entry is stored with the version it was rendered under, and is only served under
  that version: every host sees a publish at once (Redis), and old entries simply expire. A
  new random value (not an increment) stays correct even if the key was evicted. A cached
  page costs one round trip to the cache: the version and the entry are read together.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.utils import translation


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


def versioned_get(key, version_key=VERSION_KEY):
    """The content version, and what `key` holds if it was stored under that version: one
    round trip to the cache for both."""
    found = cache.get_many([version_key, key])
    version = found.get(version_key) or content_version(version_key)
    stored = found.get(key)
    if stored is None or stored[0] != version:
        return version, None
    return version, stored[1]


def versioned_set(key, version, value, timeout):
    cache.set(key, (version, value), timeout)


def kept_until_next_change(key, compute, timeout=600, version_key=VERSION_KEY):
    """What `compute()` returns, kept under `key` until the content version (or the
    version under `version_key`) changes."""
    version, value = versioned_get(key, version_key)
    if value is None:
        value = compute()
        versioned_set(key, version, value, timeout)
    return value


def cached_content(key_parts, compute, timeout=600):
    """What `compute()` returns, kept until the next publish under `key_parts` and the
    language: for data or HTML that is the same for many readers. A list of pages must
    name the reader's `home.access.visibility_key` among its `key_parts`."""
    key_parts = (translation.get_language(), *key_parts)
    key = hashlib.md5(repr(key_parts).encode(), usedforsecurity=False).hexdigest()
    return kept_until_next_change(f"chorus:content:{key}", compute, timeout)


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
