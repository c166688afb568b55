import uuid

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import (
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from home.cache import kept_for_person
from home.index_pages import active_language
from home.models import ImageWithAltMixin, IntroPage, renditions_prefetch


https_only = URLValidator(
    schemes=["https"], message=_("Enter a full address starting with https://.")
)


class HttpsURLField(models.URLField):
    """A public profile link: a valid address, and only over HTTPS."""

    default_validators = [https_only]

    def formfield(self, **kwargs):
        # The form field would otherwise replace our message with a generic "valid URL" one.
        kwargs.setdefault("error_messages", {"invalid": https_only.message})
        field = super().formfield(**kwargs)
        field.validators = [https_only]
        return field


class AmbassadorProfile(models.Model):
    """What an ambassador chose to make known. Deleted when they leave the programme."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="ambassador_profile",
    )
    consented_at = models.DateTimeField(_("date of consent"), auto_now_add=True)
    linkedin_url = HttpsURLField(_("LinkedIn profile"), blank=True)
    mastodon_url = HttpsURLField(_("Mastodon profile"), blank=True)
    bluesky_url = HttpsURLField(_("Bluesky profile"), blank=True)
    website_url = HttpsURLField(_("personal website"), blank=True)

    class Meta:
        verbose_name = _("ambassador profile")
        verbose_name_plural = _("ambassador profiles")

    def __str__(self):
        return str(self.user)

    @property
    def links(self):
        """The filled-in profile links as (label, url) pairs, in a stable order."""
        fields = ["linkedin_url", "mastodon_url", "bluesky_url", "website_url"]
        labels = {
            "linkedin_url": "LinkedIn",
            "mastodon_url": "Mastodon",
            "bluesky_url": "Bluesky",
            "website_url": _("Website"),
        }
        return [
            (labels[name], getattr(self, name))
            for name in fields
            if getattr(self, name)
        ]


class ReferentQuerySet(models.QuerySet):
    def shown_to(self, user):
        """The referents `user` may see: all of them for a logged-in employee; for an
        anonymous visitor (a public page), only those who agreed to appear there."""
        if user is not None and user.is_authenticated:
            return self
        return self.filter(appears_on_public_pages=True)


# The {% image %} of referents/tags/referent_card.html.
CARD_PHOTO_FILTER = "fill-96x96"


class Referent(
    ImageWithAltMixin,
    TranslatableMixin,
    DraftStateMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """A named person in the digital-communication team whom employees can ask."""

    image_field_name = "photo"
    alt_field_name = "photo_alt"

    name = models.CharField(
        _("name"), max_length=120, help_text=_("As colleagues know you.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. A friendly face helps people ask."),
    )
    photo_alt = models.CharField(
        _("photo alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows. Required with a photo."),
    )
    role = models.CharField(
        _("role"),
        max_length=120,
        help_text=_("What you can help with, in a few words."),
    )
    team = models.CharField(_("team"), max_length=120, blank=True)
    email = models.EmailField(
        _("contact e-mail"),
        help_text=_("Where 'Ask a referent' messages go. Never shown on the site."),
    )
    topics = ParentalManyToManyField(
        "stories.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
        help_text=_("Questions on these topics are suggested to you."),
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=120,
        blank=True,
        help_text=_("For example: French, English."),
    )
    bio = models.TextField(_("short bio"), max_length=600, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referent_profiles",
        help_text=_("Lets this referent edit their own profile."),
    )
    appears_on_public_pages = models.BooleanField(
        _("shown on public pages"),
        default=False,
        help_text=_(
            "Tick only if this person agreed that visitors from outside the organisation "
            "see their name, photo, team and bio on public pages. Otherwise those pages "
            "show the media contact instead. Applies to the profile in every language."
        ),
    )

    objects = ReferentQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("team"),
        FieldPanel("photo"),
        FieldPanel("photo_alt"),
        FieldPanel("email"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages"),
        FieldPanel("bio"),
        FieldPanel("user"),
        FieldPanel("appears_on_public_pages"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.SearchField("bio"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("referent")
        verbose_name_plural = _("referents")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def is_shown_to(self, user):
        """True if `user` may see this profile (see ReferentQuerySet.shown_to)."""
        return self.live and (
            self.appears_on_public_pages or (user is not None and user.is_authenticated)
        )

    @classmethod
    def with_their_cards(cls):
        """`for_active_locale`, with what their cards show: the photo in the card's size
        and the topics, in one query each."""
        return (
            cls.for_active_locale()
            .select_related("photo")
            .prefetch_related(renditions_prefetch("photo", CARD_PHOTO_FILTER), "topics")
        )

    @classmethod
    def for_active_locale(cls):
        """Live referents of the language being read, falling back to the default locale."""
        referents = cls.objects.filter(live=True)
        language = active_language()
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        # One query: the fallback is decided inside it.
        localised = Exists(referents.filter(locale__language_code=language))
        return referents.filter(
            Q(locale__language_code=language)
            | (~localised & Q(locale__language_code=default))
        )


class ReferentIndexPage(IntroPage):
    """The directory of referents: who to ask, about what."""

    subpage_types = []

    class Meta:
        verbose_name = _("referent directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The template adds the reader's own choice ({% readers_referent %}): this page is
        # never kept for every reader (CHORUS_EMPLOYEE_PAGE_CACHE_MODELS).
        context["referents"] = list(Referent.with_their_cards())
        return context


class ReferentChoice(models.Model):
    """The referent an employee chose as their own. Private: shown to that user only.

    Stores the referent's translation key, not a row: the choice survives translation (the
    reader sees the referent in the language they read) and gives the Referent model no
    reverse relation, so that no screen, count or admin listing can show a referent who
    chose them. Deliberately not registered in the admin or as a snippet.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="referent_choice",
        verbose_name=_("user"),
    )
    referent_key = models.UUIDField(
        _("chosen referent"),
        help_text=_("The referent, whatever the language it is read in."),
    )

    class Meta:
        verbose_name = _("chosen referent")
        verbose_name_plural = _("chosen referents")

    def __str__(self):
        return str(self.referent_key)

    @staticmethod
    def cache_key(user_id):
        return f"chorus:referent-choice:{user_id}"

    @classmethod
    def key_of(cls, user):
        """The translation key of the referent `user` chose, or None. Every home page
        asks, so it is kept for the person (home.cache.kept_for_person); a receiver
        (referents.receivers) forgets it when the choice changes."""
        key = kept_for_person(
            user,
            cls.cache_key(user.pk),
            lambda: str(
                cls.objects.filter(user=user)
                .values_list("referent_key", flat=True)
                .first()
                or ""
            ),
        )
        return uuid.UUID(key) if key else None


def referent_choice_cache_keys(user_id):
    """Read with the account (CHORUS_READ_WITH_ACCOUNT)."""
    return [ReferentChoice.cache_key(user_id)]


def referent_choice_on_account_row(user_id):
    """Read with the account's row (CHORUS_READ_WITH_ACCOUNT_ROW): the chosen referent's
    key as `ReferentChoice.key_of` keeps it, as text ("" for none)."""
    chosen = ReferentChoice.objects.filter(user=OuterRef("pk"))
    key = Cast(Subquery(chosen.values("referent_key")[:1]), models.CharField())
    return {ReferentChoice.cache_key(user_id): Coalesce(key, Value(""))}


class DigestFrequency(models.TextChoices):
    NEVER = "never", _("Never")
    WEEKLY = "weekly", _("Once a week")
    DAILY = "daily", _("Once a day")


class DigestSubscription(models.Model):
    """An employee's choice to receive a digest by e-mail. Private: shown to that user only.

    No row means "never" (the default): choosing "never" or unsubscribing deletes the row.
    `sent_up_to` is the moment the last digest covered, so that a run of `send_digests`
    knows what is new; `sending_since` marks a run that took this person and has not
    finished yet, so that another run (another host) leaves them alone (chorus_site.digests).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_subscription",
        verbose_name=_("user"),
    )
    frequency = models.CharField(
        _("digest"),
        max_length=10,
        choices=[c for c in DigestFrequency.choices if c[0] != DigestFrequency.NEVER],
    )
    language = models.CharField(
        _("language of the digest"), max_length=10, choices=settings.LANGUAGES
    )
    sent_up_to = models.DateTimeField(
        _("covered up to"),
        help_text=_("What was published before this moment is not sent again."),
    )
    sending_since = models.DateTimeField(
        _("being sent since"),
        null=True,
        blank=True,
        help_text=_("Set while a run is sending this digest."),
    )

    class Meta:
        verbose_name = _("digest subscription")
        verbose_name_plural = _("digest subscriptions")
        indexes = [models.Index(fields=["frequency", "sent_up_to"])]

    def __str__(self):
        return self.get_frequency_display()


class PersonalFeedKey(models.Model):
    """The secret in an employee's personal feed addresses (stories, share-kit calendar),
    for feed readers and calendar apps that cannot log in. Only a SHA-256 digest of the
    secret is stored (referents.personal_feeds); resetting replaces the row's values, so
    the old addresses stop at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="personal_feed_key",
        verbose_name=_("user"),
    )
    lookup = models.CharField(
        _("public part of the address"), max_length=32, unique=True
    )
    secret_hash = models.CharField(_("digest of the secret part"), max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("personal feed address")
        verbose_name_plural = _("personal feed addresses")

    def __str__(self):
        return self.lookup
