"""Who may do what with comments, in one place for the views, the fragment and the tests."""

from django.conf import settings
from django.core.cache import cache

from wagtail.models import Site

from home.cache import cached_for_person

from ..models import CommentSettings, CommentStatus
from ..models.comments import ModerationMode


MODERATE_PERMISSION = "stories.change_comment"
RATE_WINDOW_SECONDS = 60
MODERATOR_CACHE_SECONDS = 300


def may_moderate(user):
    """Editors and referents (and administrators). Checked afresh: for actions."""
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)


def moderator_cache_key(user_id):
    return f"chorus:comment-moderator:{user_id}"


def moderator_cache_keys(user_id):
    """Read with the account (CHORUS_READ_WITH_ACCOUNT)."""
    return [moderator_cache_key(user_id)]


def shows_moderation_buttons(user):
    """Whether the page shows the reader the hide and show buttons: kept a few minutes in
    the cache, so that reading a story costs no permission query. A process's own cache
    may lag behind a change of groups made elsewhere; that only shows or hides buttons for
    a few minutes, because the action itself checks again (may_moderate)."""
    key = moderator_cache_key(user.pk)
    answer = cached_for_person(user, key)
    if answer is None:
        answer = may_moderate(user)
        cache.set(key, answer, MODERATOR_CACHE_SECONDS)
    return answer


def moderation_mode(request):
    """The site's choice, or post-moderation while nobody chose (read without creating
    the settings row: a write would make every cached page cold)."""
    site = Site.find_for_request(request)
    chosen = (
        CommentSettings.objects.filter(site=site)
        .values_list("moderation", flat=True)
        .first()
    )
    return chosen or ModerationMode.POST


def status_for_new_text(request):
    """A new or edited comment appears at once after moderation, or waits before."""
    if moderation_mode(request) == ModerationMode.PRE:
        return CommentStatus.PENDING
    return CommentStatus.PUBLISHED


def _rate_key(user):
    return f"chorus:comment-rate:{user.pk}"


def over_rate_limit(user):
    count = cache.get(_rate_key(user)) or 0
    return count >= settings.CHORUS_COMMENTS_PER_MINUTE


def count_for_rate_limit(user):
    key = _rate_key(user)
    cache.add(key, 0, RATE_WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS)
