"""A version per conversation, so that a new comment makes cold only the page it is on.

The thread part of a page (fragment.py) is kept in the shared cache under the conversation,
the language, the page of comments, the conversation's version and the base content version
(home.cache). Saving or deleting a comment (or a report), or publishing the page (which may
open or close comments), replaces the conversation's version: the French and English pages
of that story go cold, every other page stays warm.
"""

from django.core.cache import cache

from home.cache import BASE_VERSION_KEY, content_version, replace_version


def thread_version_key(thread_key):
    return f"chorus:comments-version:{thread_key}"


def bump_thread(thread_key):
    """Forget the cached parts of one conversation, now and again once committed (a page
    rendered meanwhile from the old rows is not kept)."""
    replace_version(thread_version_key(thread_key))


def kept_until_thread_changes(thread_key, key_parts, compute, timeout=600):
    """What `compute()` returns, kept until this conversation or the content changes: both
    versions and the entry are read in one round trip to the cache."""
    key = "chorus:comments:" + ":".join(str(part) for part in (thread_key, *key_parts))
    version_key = thread_version_key(thread_key)
    found = cache.get_many([BASE_VERSION_KEY, version_key, key])
    versions = (
        found.get(BASE_VERSION_KEY) or content_version(BASE_VERSION_KEY),
        found.get(version_key) or content_version(version_key),
    )
    stored = found.get(key)
    if stored is not None and stored[0] == versions:
        return stored[1]
    value = compute()
    cache.set(key, (versions, value), timeout)
    return value
