"""A version per conversation, so that a new comment makes cold only the page it is on.

The thread part of a page (fragment.py) is kept in the shared cache under the page, the
language, the page of comments, the conversation's version and the content version (a
publish may open or close comments, or rename the page). Saving or deleting a comment (or a
report) replaces the conversation's version: the French and English pages of that story go
cold, every other page stays warm.
"""

from home.cache import content_version, kept_until_next_change, replace_version


def thread_version_key(thread_key):
    return f"chorus:comments-version:{thread_key}"


def bump_thread(thread_key):
    """Forget the cached parts of one conversation, now and again once committed (a page
    rendered meanwhile from the old rows is not kept)."""
    replace_version(thread_version_key(thread_key))


def kept_until_thread_changes(thread_key, key_parts, compute, timeout=600):
    key_parts = (*key_parts, content_version())
    key = "chorus:comments:" + ":".join(str(part) for part in key_parts)
    return kept_until_next_change(
        key, compute, timeout, version_key=thread_version_key(thread_key)
    )
