"""Everything Chorus holds about one person, as plain data for "Download my data".

The named parts come first. Then every other model with a foreign key, one-to-one or
many-to-many link to the user model is walked, so that a model added later appears here without
editing this file. Only rows that point at this person are read, and from them only their own
plain fields: links to other rows (which could name a colleague) and secrets are left out.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import BaseLogEntry, Locale, Page, PageLogEntry, Revision

from home.models import StagePreference

from .models import AmbassadorProfile, Referent, ReferentChoice


# Field names never exported, whatever model holds them.
SECRET_WORDS = ("password", "secret", "token", "session", "hash")


def export(user):
    return {
        "generated_at": timezone.now(),
        "account": _account(user),
        "stage": StagePreference.stage_of(user) or None,
        "chosen_referent": _chosen_referent(user),
        "ambassador_profile": _ambassador_profile(user),
        "referent_profiles": [
            _plain_fields(referent) for referent in Referent.objects.filter(user=user)
        ],
        "pages_owned": _pages(user),
        "revisions_authored": _revisions(user),
        "activity_log": _activity(user),
        "images_uploaded": _images(user),
        "login_records": _login_records(user),
        "other_records": _other_records(user),
    }


def _account(user):
    fields = [
        "username",
        "first_name",
        "last_name",
        "email",
        "date_joined",
        "last_login",
        "is_active",
    ]
    account = {name: getattr(user, name) for name in fields if hasattr(user, name)}
    account["groups"] = sorted(user.groups.values_list("name", flat=True))
    return account


def _chosen_referent(user):
    """The referent the person chose, by name and role in the language being read (or
    any language, if it is not translated): the stored key alone would say nothing."""
    choice = ReferentChoice.objects.filter(user=user).first()
    if choice is None:
        return None
    referents = Referent.objects.filter(translation_key=choice.referent_key)
    referent = referents.filter(locale=Locale.get_active()).first() or referents.first()
    if referent is None:
        return {"referent_key": choice.referent_key, "name": None}
    return {
        "referent_key": choice.referent_key,
        "name": referent.name,
        "role": referent.role,
    }


def _ambassador_profile(user):
    profile = AmbassadorProfile.objects.filter(user=user).first()
    return _plain_fields(profile) if profile else None


def _pages(user):
    return [
        {
            "title": page.title,
            "type": page.specific_class._meta.verbose_name
            if page.specific_class
            else "",
            "language": page.locale.language_code,
            "published": page.live,
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
            "url_path": page.url_path,
        }
        for page in Page.objects.filter(owner=user).select_related("locale")
    ]


def _revisions(user):
    return [
        {"title": r.object_str, "created_at": r.created_at}
        for r in Revision.objects.filter(user=user).order_by("created_at")
    ]


def _activity(user):
    """What the admin's history records as done by this person: the action and when. The
    label (the title of what was changed) only for pages, never for another account."""
    entries = []
    for model in _log_entry_models():
        for entry in model.objects.filter(user=user).order_by("timestamp"):
            entries.append(
                {
                    "action": entry.action,
                    "timestamp": entry.timestamp,
                    "on": entry.label if model is PageLogEntry else "",
                }
            )
    return entries


def _log_entry_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, BaseLogEntry) and not model._meta.abstract
    ]


def _images(user):
    return [
        {
            "title": image.title,
            "file": image.file.name,
            "created_at": image.created_at,
            "collection": image.collection.name,
        }
        for image in get_image_model()
        .objects.filter(uploaded_by_user=user)
        .select_related("collection")
    ]


def _login_records(user):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    return {
        model._meta.model_name: [
            _plain_fields(row, leave_out={"get_data", "post_data"})
            for row in model.objects.filter(username=user.get_username())
        ]
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    }


# The models read above, by their own part of the export.
NAMED = {StagePreference, ReferentChoice, AmbassadorProfile, Referent, Revision}


def _other_records(user):
    user_model = get_user_model()
    found = {}
    for model in apps.get_models():
        if _named(model):
            continue
        links = [
            field
            for field in model._meta.get_fields()
            if field.concrete
            and field.is_relation
            and field.related_model is user_model
            and model is not user_model
        ]
        rows = []
        for field in links:
            for row in model.objects.filter(**{field.name: user}):
                rows.append(_plain_fields(row))
        if rows:
            found[model._meta.label] = rows
    return found


def _named(model):
    return (
        model in NAMED
        or issubclass(model, Page)
        or issubclass(model, BaseLogEntry)
        or model is get_image_model()
    )


def _plain_fields(instance, leave_out=()):
    """The row's own values: no link to another row, no secret."""
    values = {}
    for field in instance._meta.concrete_fields:
        if (
            field.is_relation
            or field.primary_key
            or field.name in leave_out
            or any(word in field.name for word in SECRET_WORDS)
        ):
            continue
        value = field.value_from_object(instance)
        if isinstance(field, models.FileField):
            value = value.name if value else ""
        values[field.name] = value
    return values
