"""Joining and leaving the ambassador programme: one call each, used by the views and the demo."""

from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.models import Collection

from .models import AmbassadorProfile
from .roles import AMBASSADORS, EDITORS
from .signals import ambassador_left


AMBASSADOR_COLLECTIONS = "Ambassadors"


def is_ambassador(user):
    return user.is_authenticated and user.groups.filter(name=AMBASSADORS).exists()


def _collection_name(user):
    return f"{user.get_username()} (#{user.pk})"


def _ambassadors_parent_collection():
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=AMBASSADOR_COLLECTIONS).first()
    return parent or root.add_child(name=AMBASSADOR_COLLECTIONS)


def existing_personal_collection(user):
    """The user's own image collection if it was ever made (ambassador or not today)."""
    parent = (
        Collection.get_first_root_node()
        .get_children()
        .filter(name=AMBASSADOR_COLLECTIONS)
        .first()
    )
    if parent is None:
        return None
    # Matched on the id: the name also holds the user name, which may have changed since.
    return parent.get_children().filter(name__endswith=f"(#{user.pk})").first()


def personal_collection_for(user):
    """The ambassador's own image collection, or None for anyone who is not (only) one."""
    if not is_ambassador(user) or user.groups.filter(name=EDITORS).exists():
        return None
    parent = _ambassadors_parent_collection()
    name = _collection_name(user)
    return parent.get_children().filter(name=name).first() or parent.add_child(
        name=name
    )


@transaction.atomic
def join(user, **profile_links):
    """Make `user` an ambassador: consent recorded now, group membership, own collection."""
    profile, _ = AmbassadorProfile.objects.update_or_create(
        user=user, defaults=profile_links
    )
    user.groups.add(Group.objects.get_or_create(name=AMBASSADORS)[0])
    personal_collection_for(user)
    return profile


@transaction.atomic
def leave(user, keep_spotlight):
    """Take `user` out of the programme and delete their profile's personal data."""
    AmbassadorProfile.objects.filter(user=user).delete()
    user.groups.remove(*Group.objects.filter(name=AMBASSADORS))
    ambassador_left.send(sender=leave, user=user, keep_spotlight=keep_spotlight)
