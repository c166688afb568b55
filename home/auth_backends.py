"""Who is logged in, read from the shared cache rather than the database.

Django's authentication reads the person's row on every request: on a page kept in the
cache it is the only query. With a cache that every process shares (CHORUS_SHARED_CACHE)
the row is kept there, for CHORUS_CHOICE_CACHE_SECONDS at most, and forgotten as soon as the
account is saved or deleted (home.signals), now and again once the change commits: a
deactivated account, a new password (which ends the other sessions) or a deleted account
count at the next request, on every host. Without a shared cache the row is read each time.

The entries that most of a person's pages ask for (CHORUS_READ_WITH_ACCOUNT: what they may
see, their stage, their referent) are read in the same round trip to the cache. When the
row itself comes from the database, what those entries need is read in the same query
(CHORUS_READ_WITH_ACCOUNT_ROW), and only for this request: the kept row holds none of it.
"""

from django.conf import settings
from django.contrib.auth import backends, get_user_model
from django.core.cache import cache
from django.db import transaction

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .cache import (
    READ_WITH_ACCOUNT,
    READ_WITH_ACCOUNT_ROW,
    account_row_reads,
    keys_read_with_account,
)


def user_cache_key(user_id):
    return f"chorus:user:{user_id}"


def forget_user(user_id):
    """Forget the kept row of an account: it was saved or deleted."""

    def forget():
        cache.delete(user_cache_key(user_id))

    forget()
    transaction.on_commit(forget)


class KeptUserMixin:
    """`get_user` for an authentication backend, from the shared cache when there is one.
    The row is kept as it was read, before the request added anything to it."""

    def get_user(self, user_id):
        if not settings.CHORUS_SHARED_CACHE:
            return self._read_user(user_id)
        key = user_cache_key(user_id)
        others = keys_read_with_account(user_id)
        found = cache.get_many([key, *others])
        user = found.get(key)
        if user is None:
            user = self._read_user(user_id)
            if user is None:
                return None
            read_with_row = user.__dict__.pop(READ_WITH_ACCOUNT_ROW)
            cache.set(key, user, timeout=settings.CHORUS_CHOICE_CACHE_SECONDS)
            user.__dict__[READ_WITH_ACCOUNT_ROW] = read_with_row
        # Kept for this request only, after the row was put in the cache.
        user.__dict__[READ_WITH_ACCOUNT] = {other: found.get(other) for other in others}
        return user

    def _read_user(self, user_id):
        """The account's row, as Django's and single sign-on's `get_user` read it, with
        what CHORUS_READ_WITH_ACCOUNT_ROW adds, or None."""
        reads = account_row_reads(user_id)
        # Annotations are named by cache key, which is not a valid name in SQL.
        names = {
            f"chorus_read_{number}": key
            for number, (key, read) in enumerate(reads.items())
            if hasattr(read, "resolve_expression")
        }
        users = get_user_model()._default_manager.annotate(
            **{name: reads[key] for name, key in names.items()}
        )
        user = users.filter(pk=user_id).first()
        # Single sign-on's backend would let an inactive account in: never.
        if user is None or not self.user_can_authenticate(user):
            return None
        for name, key in names.items():
            reads[key] = user.__dict__.pop(name)
        user.__dict__[READ_WITH_ACCOUNT_ROW] = reads
        return user


class ModelBackend(KeptUserMixin, backends.ModelBackend):
    """Django's user name and password backend."""


class OIDCBackend(KeptUserMixin, OIDCAuthenticationBackend):
    """Single sign-on (mozilla-django-oidc), when OIDC_RP_CLIENT_ID is set."""
