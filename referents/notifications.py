"""What each employee asked Chorus to send them: a digest by e-mail, personal feed addresses.

Nothing is sent to anyone who did not ask (DESIGN §1.8). The choice of a digest is one row
per person (DigestSubscription), deleted when they choose "never" or unsubscribe.

The one-click unsubscribe link in every digest carries a value signed with Django's signing
(the site's secret key): it names the account and nothing else, works without logging in, and
a changed or made-up value is refused. It has no expiry: a digest kept in a mailbox for a year
must still unsubscribe.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from .models import DigestFrequency, DigestSubscription


UNSUBSCRIBE_SALT = "chorus.digest.unsubscribe"

PERIODS = {
    DigestFrequency.DAILY: timedelta(days=1),
    DigestFrequency.WEEKLY: timedelta(days=7),
}


def language_or_default(value):
    codes = [code for code, _name in settings.LANGUAGES]
    if value in codes:
        return value
    current = (get_language() or "").split("-")[0]
    return current if current in codes else settings.LANGUAGE_CODE


def digest_of(user):
    """The reader's subscription, or None ("never")."""
    if not user.is_authenticated:
        return None
    return DigestSubscription.objects.filter(user=user).first()


@transaction.atomic
def choose_digest(user, frequency, language):
    """Store the reader's choice. A first subscription starts from now: the first digest
    lists what is published from now on, not the whole archive."""
    if frequency == DigestFrequency.NEVER:
        DigestSubscription.objects.filter(user=user).delete()
        return None
    subscription, created = DigestSubscription.objects.get_or_create(
        user=user,
        defaults={
            "frequency": frequency,
            "language": language,
            "sent_up_to": timezone.now(),
        },
    )
    if not created:
        subscription.frequency, subscription.language = frequency, language
        subscription.save(update_fields=["frequency", "language"])
    return subscription


def unsubscribe_token(user):
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_id_from_unsubscribe_token(token):
    """The account named by a genuine token, or None for anything else."""
    try:
        value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def unsubscribe(user_id):
    """Stop the digest of this account. True if there was one."""
    deleted, _rows = DigestSubscription.objects.filter(user_id=user_id).delete()
    return bool(deleted)
