"""What Chorus keeps in the cache, and the one invalidation that keeps it right.

- `cached_content` keeps data and impersonal fragments (`{% chorus_cache %}`, parts of
  per-reader fragments) until the next change of content; `kept_until_next_change` is the
  same for keys of one's own. Whole pages are kept by home.page_cache.
- **Invalidation**: what changes what readers see replaces the *content version*, a key in
  the shared cache: publishing or unpublishing a page or a snippet, moving or deleting a
  page, changing a view restriction, saving content that has no draft state (a topic, the
  site settings, an image). Every entry is stored with the version it was rendered under,
  and is only served under that version: every host sees a change at once (Redis), and old
  entries simply expire. A new random value (not an increment) stays correct even if the
  key was evicted. A cached page costs one round trip to the cache: the version and the
  entry are read together.
- **What does not replace it** (`bump_on_content_save`): a draft saved, of a page or of a
  snippet with a draft state, and the rows that belong to one (a draft's authors or texts):
  readers see the live version, which only a publish changes. A row saved unchanged. What
  each person does for themselves (NOT_CONTENT): sharing, choosing a stage or a referent,
  commenting (a version of its own per conversation, stories.comments.cache). Joining or
  leaving the ambassador programme only when a live spotlight shows the profile
  (stories.receivers).
- **A story published or unpublished** replaces the content version only: what is kept
  of the page types that list no story (CHORUS_PAGES_SHOWING_NO_STORY: guides, spotlights,
  their indexes, the referents' directory), whole pages and fragments, follows the *base
  version*, which every other change replaces too, and stays warm; so do the parts of
  other pages that show no story (the home page's referent, guides, spotlight of the week,
  the quiet periods). A story that a page links to (Wagtail's reference index) replaces
  both.
- A version is replaced again once the transaction commits: another process that rendered
  a page from the old rows in between (ATOMIC_REQUESTS) cannot keep it under the new one.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string


VERSION_KEY = "chorus:content-version"
# Replaced by every change but a story's publish or unpublish (see above).
BASE_VERSION_KEY = "chorus:base-version"
PAGE_VERSION_KEYS = (VERSION_KEY, BASE_VERSION_KEY)


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


def replace_version(*version_keys):
    """Forget what was kept under the versions at `version_keys`, now and again once the
    transaction commits: a page rendered meanwhile from the old rows is not kept."""

    def replace():
        cache.set_many({key: uuid.uuid4().hex for key in version_keys}, timeout=None)

    replace()
    transaction.on_commit(replace)


def bump_content_version(**kwargs):
    """Forget every cached page and fragment (a signal receiver, so it takes **kwargs)."""
    replace_version(*PAGE_VERSION_KEYS)


def version_key_for(page):
    """The version that what is rendered for `page` is kept under: the base version for
    the page types that list no story (CHORUS_PAGES_SHOWING_NO_STORY), else the content
    version (also when there is no page)."""
    label = getattr(getattr(page, "_meta", None), "label", None)
    if label in settings.CHORUS_PAGES_SHOWING_NO_STORY:
        return BASE_VERSION_KEY
    return VERSION_KEY


def shows_only_where_stories_are(page):
    """True if `page` is a story that no other page links to: its publish changes only the
    story itself and the lists of stories (see above)."""
    from wagtail.models import ReferenceIndex

    return (
        page._meta.label == settings.CHORUS_STORY_PAGE_MODEL
        and not ReferenceIndex.get_references_to(page).exists()
    )


def bump_on_publish(sender, instance, **kwargs):
    """page_published, page_unpublished, published, unpublished."""
    if shows_only_where_stories_are(instance):
        replace_version(VERSION_KEY)
    else:
        bump_content_version()


def versioned_get(key, version_keys=PAGE_VERSION_KEYS, already_read=None):
    """The current versions (a dict), and what `key` holds if the version it was stored
    under is still current: one round trip to the cache for all of them, none if they are
    all in `already_read` (a dict of keys read earlier in this request, None for absent)."""
    found = _get_many([*version_keys, key], already_read)
    versions = {name: found.get(name) or content_version(name) for name in version_keys}
    try:
        depends_on, version, value = found[key]
    except (KeyError, TypeError, ValueError):  # nothing, or written by an older release
        return versions, None
    if versions.get(depends_on) != version:
        return versions, None
    return versions, value


def _get_many(keys, already_read):
    if already_read is not None and all(key in already_read for key in keys):
        return {key: already_read[key] for key in keys if already_read[key] is not None}
    return cache.get_many(keys)


def versioned_set(key, versions, value, timeout, depends_on=VERSION_KEY):
    """Keep `value` under `key` until the version at `depends_on` changes."""
    cache.set(key, (depends_on, versions[depends_on], value), timeout)


def kept_until_next_change(
    key, compute, timeout=600, version_key=VERSION_KEY, already_read=None
):
    """What `compute()` returns, kept under `key` until the content version (or the
    version under `version_key`) changes."""
    versions, value = versioned_get(key, (version_key,), already_read)
    if value is None:
        value = compute()
        versioned_set(key, versions, value, timeout, depends_on=version_key)
    return value


def kept_if_shared(
    key, compute, timeout=600, version_key=VERSION_KEY, already_read=None
):
    """`kept_until_next_change` with a cache every process shares (CHORUS_SHARED_CACHE),
    else `compute()` each time: what decides who sees what must not be served from a
    copy that missed a change made in another process."""
    if not settings.CHORUS_SHARED_CACHE:
        return compute()
    return kept_until_next_change(key, compute, timeout, version_key, already_read)


def cached_content(key_parts, compute, timeout=600, version_key=VERSION_KEY):
    """What `compute()` returns, kept until the next publish under `key_parts` and the
    language: for data or HTML that is the same for many readers. A list of pages must
    name the reader's `home.access.visibility_key` among its `key_parts`. What shows no
    story is kept under the base version (`version_key=BASE_VERSION_KEY`): a story's
    publish leaves it warm."""
    key_parts = (translation.get_language(), *key_parts)
    key = hashlib.md5(repr(key_parts).encode(), usedforsecurity=False).hexdigest()
    return kept_until_next_change(
        f"chorus:content:{key}", compute, timeout, version_key
    )


# A person's own choices (a stage, a chosen referent), shown to them only.
KEPT_ON_USER = "_chorus_kept"
# What most pages of a logged-in person ask the shared cache for (their visibility, their
# choices): read with their account, in the same round trip (home.auth_backends), and kept
# on the user object for the request, None for what the cache does not hold.
READ_WITH_ACCOUNT = "_chorus_read_with_account"


def keys_read_with_account(user_id):
    """The cache keys of CHORUS_READ_WITH_ACCOUNT for this person."""
    keys = []
    for path in settings.CHORUS_READ_WITH_ACCOUNT:
        keys += import_string(path)(user_id)
    return keys


def read_with_account(user):
    """What was read with `user`'s account (a dict), or None. (`getattr`: request.user
    is a lazy object standing for the user.)"""
    return getattr(user, READ_WITH_ACCOUNT, None)


# What a person's pages ask about them, read in the query of their account's row when it
# comes from the database (CHORUS_READ_WITH_ACCOUNT_ROW, home.auth_backends): kept on the
# user object for the request, by cache key.
READ_WITH_ACCOUNT_ROW = "_chorus_read_with_account_row"


def account_row_reads(user_id):
    """What CHORUS_READ_WITH_ACCOUNT_ROW reads with this person's account row, by cache
    key: an expression on the row (of what is kept under the key, or of what computing it
    needs), or a value read just before the row (the version it may be kept under)."""
    reads = {}
    for path in settings.CHORUS_READ_WITH_ACCOUNT_ROW:
        reads.update(import_string(path)(user_id))
    return reads


def read_with_account_row(user, key, read):
    """What `user`'s account row was read with for `key`, else `read()`."""
    row = getattr(user, READ_WITH_ACCOUNT_ROW, None) or {}
    return row[key] if key in row else read()


def cached_for_person(user, key):
    """What the cache holds under `key`, an entry of `user`'s: as read with their
    account if it was, else read now."""
    already_read = read_with_account(user) or {}
    return already_read[key] if key in already_read else cache.get(key)


def kept_for_person(user, key, read):
    """What `read()` returns for one of `user`'s own choices ("" for none), read once per
    request (kept on the user object) and across requests in a shared cache only
    (CHORUS_SHARED_CACHE), for CHORUS_CHOICE_CACHE_SECONDS: another process could not
    forget its own copy. Whoever changes the choice calls `forget_for_person`."""
    kept = user.__dict__.setdefault(KEPT_ON_USER, {})
    if key in kept:
        return kept[key]
    shared = settings.CHORUS_SHARED_CACHE
    value = cached_for_person(user, key) if shared else None
    if value is None:
        value = read_with_account_row(user, key, read)
        if shared:
            cache.set(key, value, timeout=settings.CHORUS_CHOICE_CACHE_SECONDS)
    kept[key] = value
    return value


def forget_for_person(key, user=None):
    """Forget a choice kept by `kept_for_person`, in the cache and on `user` if given."""
    cache.delete(key)
    if user is not None:
        user.__dict__.get(KEPT_ON_USER, {}).pop(key, None)
        (read_with_account(user) or {}).pop(key, None)
        user.__dict__.get(READ_WITH_ACCOUNT_ROW, {}).pop(key, None)


def forget_choice_row(row, key):
    """For the receivers of a saved or deleted choice row (a model with a `user` foreign
    key): forget the choice, also on the user object it was saved with, which may be the
    request's own."""
    user = row.user if type(row).user.is_cached(row) else None
    forget_for_person(key, user)


CONTENT_APPS = {"home", "stories", "guides", "referents"}
NOT_CONTENT = {
    # Saved all the time, and never shown in a cached page but in a per-reader fragment.
    "stories.sharecount",
    "wagtailimages.rendition",
    "home.stagepreference",
    # The my_referent fragment looks the reader's choice up for each reader.
    "referents.referentchoice",
    # Each person's digest and feed addresses, and the guide reminders' log: shown in no page.
    "referents.digestsubscription",
    "referents.personalfeedkey",
    "guides.guidereviewreminder",
    # Comments have a version of their own per conversation (stories.comments.cache): a
    # comment leaves every other page warm.
    "stories.comment",
    "stories.commentreport",
    "stories.commentnotification",
    # Shown only on its owner's live spotlights: stories.receivers replaces the version when
    # one shows it.
    "referents.ambassadorprofile",
}
# What Wagtail writes when a draft is saved (save_revision) or an object locked or
# unlocked: nothing a reader sees.
DRAFT_BOOKKEEPING = {
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}
# What pre_save learnt of the row before the save, for post_save.
WAS_LIVE = "_chorus_was_live"
STORED_ROW = "_chorus_stored_row"


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


def _only_bookkeeping(instance, update_fields):
    from wagtail.models import LockableMixin, RevisionMixin

    return (
        update_fields is not None
        and set(update_fields) <= DRAFT_BOOKKEEPING
        and isinstance(instance, (RevisionMixin, LockableMixin))
    )


def _has_draft_state(instance):
    from wagtail.models import DraftStateMixin

    return isinstance(instance, DraftStateMixin)


def _parent_key(model):
    """The ParentalKey that makes rows of `model` part of an object with a draft state
    (a page's authors, a share kit's texts), or None. Such rows hold the live version
    while the object is live (a draft of it is kept in its revision), the draft while it
    has never been published."""
    from modelcluster.fields import ParentalKey
    from wagtail.models import DraftStateMixin

    for field in model._meta.concrete_fields:
        if isinstance(field, ParentalKey) and issubclass(
            field.related_model, DraftStateMixin
        ):
            return field
    return None


def _is_live_in_database(instance):
    return type(instance)._base_manager.filter(pk=instance.pk, live=True).exists()


def _compared_fields(instance):
    return [field for field in instance._meta.concrete_fields if not field.primary_key]


def _unchanged(instance, stored_row):
    """True if the row holds, after the save, what it held before (compared as the
    database stores it; anything that cannot be compared counts as changed)."""
    try:
        return all(
            field.get_prep_value(getattr(instance, field.attname))
            == field.get_prep_value(stored)
            for field, stored in zip(
                _compared_fields(instance), stored_row, strict=True
            )
        )
    except Exception:  # noqa: BLE001 (a value that cannot be prepared: changed)
        return False


def remember_stored_state(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: what post_save needs to know of the row as it was (one query, only for
    content rows that may turn out not to need a bump)."""
    # Left behind by a save that failed: not about this one.
    instance.__dict__.pop(WAS_LIVE, None)
    instance.__dict__.pop(STORED_ROW, None)
    if (
        raw
        or instance._state.adding
        or not _is_content(instance)
        or _only_bookkeeping(instance, update_fields)
    ):
        return
    if _has_draft_state(instance):
        if not instance.live:
            instance.__dict__[WAS_LIVE] = _is_live_in_database(instance)
    elif _parent_key(type(instance)) is None and not instance._meta.many_to_many:
        # Many-to-many values are written after post_save, unseen: never "unchanged".
        fields = [field.attname for field in _compared_fields(instance)]
        instance.__dict__[STORED_ROW] = (
            type(instance)
            ._base_manager.filter(pk=instance.pk)
            .values_list(*fields)
            .first()
        )


def _shown(instance, created, was_live):
    """Whether readers may see what this save wrote."""
    if _has_draft_state(instance):
        if instance.live:
            return True
        # A new draft, or a draft that was not live: only its publish shows it. Made
        # unlive by a save: it was shown until now (`unpublished` is sent only by
        # Wagtail's own action).
        return not created and was_live is not False
    parent_key = _parent_key(type(instance))
    if parent_key is not None:
        parent = getattr(instance, parent_key.name)
        return parent is None or parent.live or _is_live_in_database(parent)
    return True


def bump_on_content_save(
    sender, instance, created=False, raw=False, update_fields=None, **kwargs
):
    was_live = instance.__dict__.pop(WAS_LIVE, None)
    stored_row = instance.__dict__.pop(STORED_ROW, None)
    if not _is_content(instance) or _only_bookkeeping(instance, update_fields):
        return
    if raw:  # a backup restored: what it holds is not known here
        bump_content_version()
        return
    if not _shown(instance, created, was_live):
        return
    if stored_row is not None and not created and _unchanged(instance, stored_row):
        return
    _bump_for(instance)


def _bump_for(instance):
    """A row that belongs to a story (its authors) changes what the story changes."""
    parent_key = _parent_key(type(instance))
    parent = getattr(instance, parent_key.name, None) if parent_key else None
    if parent is not None and shows_only_where_stories_are(parent):
        replace_version(VERSION_KEY)
    else:
        bump_content_version()


def bump_on_content_delete(sender, instance, **kwargs):
    if _is_content(instance):
        _bump_for(instance)


def bump_on_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_content_version()


def connect_receivers():
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

    from wagtail.models import PageViewRestriction
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished, published, unpublished):
        signal.connect(bump_on_publish, dispatch_uid=f"chorus-cache-{id(signal)}")
    post_page_move.connect(bump_content_version, dispatch_uid="chorus-cache-move")
    for signal in (post_save, post_delete):
        signal.connect(
            bump_content_version,
            sender=PageViewRestriction,
            dispatch_uid=f"chorus-cache-restriction-{id(signal)}",
        )
    pre_save.connect(remember_stored_state, dispatch_uid="chorus-cache-content-pre")
    post_save.connect(bump_on_content_save, dispatch_uid="chorus-cache-content-save")
    post_delete.connect(
        bump_on_content_delete, dispatch_uid="chorus-cache-content-delete"
    )
    # The groups of a group restriction are saved after the restriction itself.
    m2m_changed.connect(
        bump_content_version,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="chorus-cache-restriction-groups",
    )
    post_delete.connect(bump_on_page_delete, dispatch_uid="chorus-cache-page-delete")
