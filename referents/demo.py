"""Demo accounts, one per role, with development-only passwords."""

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from . import programme
from .models import (
    DigestFrequency,
    DigestSubscription,
    Referent,
    ReferentChoice,
    ReferentIndexPage,
)
from .roles import AMBASSADORS, EDITORS, EMPLOYEES, REFERENTS, ensure_roles


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    first_name: str
    last_name: str
    groups: tuple = ()
    is_superuser: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("employee", "employee-demo", "employee", "Léa", "Martin", (EMPLOYEES,)),
    DemoAccount(
        "editor",
        "editor-demo",
        "editor (communications)",
        "Hugo",
        "Bernard",
        (EMPLOYEES, EDITORS),
    ),
    DemoAccount(
        "ambassador",
        "ambassador-demo",
        "ambassador",
        "Inès",
        "Moreau",
        (EMPLOYEES, AMBASSADORS),
    ),
    DemoAccount(
        "referent",
        "referent-demo",
        "referent",
        "Samir",
        "Haddad",
        (EMPLOYEES, REFERENTS),
    ),
    DemoAccount(
        "admin", "admin-demo", "administrator", "Alex", "Durand", (EMPLOYEES,), True
    ),
    DemoAccount(
        "ambassador2",
        "ambassador-demo",
        "ambassador",
        "Théo",
        "Lambert",
        (EMPLOYEES, AMBASSADORS),
    ),
    DemoAccount(
        "ambassador3",
        "ambassador-demo",
        "ambassador",
        "Maëlle",
        "Garnier",
        (EMPLOYEES, AMBASSADORS),
    ),
]

# The public links each demo ambassador chose to show on their spotlight.
AMBASSADOR_LINKS = {
    "ambassador": {
        "linkedin_url": "https://www.linkedin.com/in/ines-moreau-demo",
        "mastodon_url": "https://mastodon.example/@ines",
    },
    "ambassador2": {"bluesky_url": "https://bsky.app/profile/theo-demo.bsky.social"},
    "ambassador3": {"website_url": "https://maelle-garnier.example"},
}

# Two referents, in French and English (same translation key, one row per locale).
DEMO_REFERENTS = [
    {
        "translation_key": uuid.UUID("5b0f3c52-7d1e-4d0b-9a51-1c8f0a2b7e01"),
        "user": "referent",
        "name": "Samir Haddad",
        # Samir agreed to appear on public pages; Claire did not (the media contact shows).
        "appears_on_public_pages": True,
        "email": "referent@chorus.example",
        "team": {"fr": "Communication numérique", "en": "Digital communication"},
        "role": {
            "fr": "Référent réseaux sociaux et prise de parole",
            "en": "Referent for social networks and speaking up",
        },
        "languages": {
            "fr": "français, anglais, arabe",
            "en": "French, English, Arabic",
        },
        "bio": {
            "fr": "Je vous aide à trouver le bon ton, le bon réseau et le bon moment. "
            "Aucune question n'est trop petite.",
            "en": "I help you find the right tone, the right network and the right "
            "moment. No question is too small.",
        },
    },
    {
        "translation_key": uuid.UUID("5b0f3c52-7d1e-4d0b-9a51-1c8f0a2b7e02"),
        "user": None,
        "name": "Claire Fontaine",
        "appears_on_public_pages": False,
        "email": "claire.fontaine@chorus.example",
        "team": {"fr": "Relations presse", "en": "Media relations"},
        "role": {
            "fr": "Référente relations presse et sujets sensibles",
            "en": "Referent for media relations and sensitive subjects",
        },
        "languages": {"fr": "français, espagnol", "en": "French, Spanish"},
        "bio": {
            "fr": "Un journaliste vous contacte, ou un sujet vous semble délicat ? "
            "Parlons-en avant de publier.",
            "en": "A journalist got in touch, or a subject feels delicate? Let us talk "
            "before you post.",
        },
    },
]


@transaction.atomic
def load(home=None):
    ensure_roles()
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.username)
        user.first_name, user.last_name = account.first_name, account.last_name
        user.email = f"{account.username}@chorus.example"
        user.is_superuser = user.is_staff = account.is_superuser
        user.set_password(account.password)
        user.save()
        user.groups.set(Group.objects.filter(name__in=account.groups))
        if account.username in AMBASSADOR_LINKS:
            programme.join(user, **AMBASSADOR_LINKS[account.username])
    _load_referents()
    _choose_demo_referent()
    _choose_demo_digest()
    if home is not None:
        _load_directory(home)
    return DEMO_ACCOUNTS


DIRECTORY = {
    "fr": {
        "title": "Référents",
        "slug": "referents",
        "intro": "<p>Une question avant de publier ? Ces collègues sont là pour vous "
        "aider, sans jugement.</p>",
    },
    "en": {
        "title": "Referents",
        "slug": "referents",
        "intro": "<p>A question before you post? These colleagues are here to help, "
        "without judging.</p>",
    },
}


def _load_directory(home):
    """The referents directory under each home page (French first, then its translation)."""
    homes, locales = home["homes"], home["locales"]
    directory = ReferentIndexPage.objects.child_of(homes["fr"]).first()
    if directory is None:
        directory = ReferentIndexPage(**DIRECTORY["fr"], show_in_menus=True)
        homes["fr"].add_child(instance=directory)
        directory.save_revision().publish()
    if directory.get_translation_or_none(locales["en"]) is None:
        translation = directory.copy_for_translation(locales["en"])
        for field, value in DIRECTORY["en"].items():
            setattr(translation, field, value)
        translation.show_in_menus = True
        translation.save_revision().publish()


# The demo employee chose their own referent (Claire Fontaine); the others get a proposal.
DEMO_REFERENT_CHOICES = {"employee": uuid.UUID("5b0f3c52-7d1e-4d0b-9a51-1c8f0a2b7e02")}


def _choose_demo_referent():
    for username, key in DEMO_REFERENT_CHOICES.items():
        user = get_user_model().objects.get(username=username)
        ReferentChoice.objects.update_or_create(
            user=user, defaults={"referent_key": key}
        )


def _choose_demo_digest():
    """Léa chose a weekly digest in English; her last one is over a week old, so that
    `manage.py send_digests` prints hers to the console right after `make run`."""
    user = get_user_model().objects.get(username="employee")
    DigestSubscription.objects.update_or_create(
        user=user,
        defaults={
            "frequency": DigestFrequency.WEEKLY,
            "language": "en",
            "sent_up_to": timezone.now() - timedelta(days=8),
            "sending_since": None,
        },
    )


def _load_referents():
    User = get_user_model()
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("fr", "en")
    }
    for data in DEMO_REFERENTS:
        user = (
            User.objects.filter(username=data["user"]).first() if data["user"] else None
        )
        for code, locale in locales.items():
            Referent.objects.update_or_create(
                translation_key=data["translation_key"],
                locale=locale,
                defaults={
                    "name": data["name"],
                    "email": data["email"],
                    "user": user,
                    "live": True,
                    "appears_on_public_pages": data["appears_on_public_pages"],
                    **{
                        key: data[key][code]
                        for key in ("team", "role", "languages", "bio")
                    },
                },
            )
