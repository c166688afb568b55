"""Personal feed addresses: a secret URL per employee, for readers that cannot log in.

A key is `<lookup>.<secret>`: the lookup part finds the row, the secret part is checked
against its SHA-256 digest with a constant-time comparison. Neither the secret nor the full
key is stored or logged by Chorus: the key is shown once, when it is made, and can be made
again at any time, which stops the old addresses at once. The key is in the URL path (feed
readers and calendar apps send nothing else), so a web server's access log does see it: the
README says so and how to keep it out.
"""

import hashlib
import hmac
import secrets

from .models import PersonalFeedKey


def _digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def has_key(user):
    return PersonalFeedKey.objects.filter(user=user).exists()


def new_key(user):
    """Make (or remake) the reader's key and return it: the only time it is known."""
    lookup, secret = secrets.token_hex(8), secrets.token_urlsafe(32)
    PersonalFeedKey.objects.update_or_create(
        user=user, defaults={"lookup": lookup, "secret_hash": _digest(secret)}
    )
    return f"{lookup}.{secret}"


def forget_key(user):
    PersonalFeedKey.objects.filter(user=user).delete()


def user_for_key(key):
    """The active account whose key this is, or None (unknown, reset, or deactivated)."""
    lookup, _dot, secret = (key or "").partition(".")
    if not lookup or not secret:
        return None
    row = PersonalFeedKey.objects.filter(lookup=lookup).select_related("user").first()
    if row is None or not hmac.compare_digest(row.secret_hash, _digest(secret)):
        return None
    return row.user if row.user.is_active else None
