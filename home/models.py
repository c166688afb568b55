from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page

from .access import LoginRequiredPageMixin
from .cache import kept_for_person
from .stages import Stage


# The rendition of a page's image that link previews (Open Graph) show.
LINK_PREVIEW_IMAGE_FILTER = "fill-1200x630|format-jpeg"


def renditions_prefetch(image_lookup, *filter_specs):
    """For pages or lists that show the image at `image_lookup` in these sizes: the
    renditions in one query, kept where `Image.get_rendition()` looks first, instead of one
    query per image and size."""
    renditions = get_image_model().get_rendition_model().objects
    return Prefetch(
        f"{image_lookup}__renditions",
        queryset=renditions.filter(filter_spec__in=filter_specs),
        to_attr="prefetched_renditions",
    )


class ImageWithAltMixin(models.Model):
    """An optional image that must come with alt text (checked in `clean`)."""

    image_field_name = "image"
    alt_field_name = "image_alt"
    # The renditions of the image that the page itself shows (its template's, its link
    # preview's): read with the page (home.views.find_page).
    page_image_filters = ()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (
            getattr(self, f"{self.image_field_name}_id")
            and not getattr(self, self.alt_field_name).strip()
        ):
            raise ValidationError(
                {
                    self.alt_field_name: _(
                        "Describe the image for people who cannot see it."
                    )
                }
            )


class IntroPage(LoginRequiredPageMixin, Page):
    """A page for employees that opens with a few words: home and the index pages, one of
    each per language."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few words shown at the top of the page."),
    )

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True


class HomePage(IntroPage):
    """The front page of one language's tree."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.StoryIndexPage",
        "stories.SpotlightIndexPage",
        "guides.GuideIndexPage",
        "referents.ReferentIndexPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")


class StandardPage(LoginRequiredPageMixin, Page):
    """A plain internal page: about, help, the charter."""

    body = RichTextField(_("body"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = Page.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")


class DisclosureMode(models.TextChoices):
    REQUIRED = "required", _("Required: always at the start of the text")
    SUGGESTED = (
        "suggested",
        _("Suggested: at the start, and the employee may remove it"),
    )


@register_setting(icon="cog")
class ChorusSettings(BaseSiteSetting):
    """Organisation-wide settings, edited under Settings in the admin."""

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=120,
        default="Chorus",
        help_text=_("Shown in the header and in the title of every page."),
    )
    disclosure_text_fr = models.CharField(
        _("disclosure line (French)"),
        max_length=120,
        default="Je travaille chez Chorus.",
        help_text=_(
            "Placed at the start of every suggested share text, so readers know who speaks."
        ),
    )
    disclosure_text_en = models.CharField(
        _("disclosure line (English)"),
        max_length=120,
        default="I work at Chorus.",
        help_text=_("The same line, for share texts in English."),
    )
    disclosure_mode = models.CharField(
        _("disclosure"),
        max_length=10,
        choices=DisclosureMode.choices,
        default=DisclosureMode.REQUIRED,
        help_text=_(
            "Whether employees may remove the line. Its length counts in every "
            "network's limit either way."
        ),
    )
    media_contact_name = models.CharField(
        _("media contact name"),
        max_length=120,
        blank=True,
        help_text=_(
            "Shown on sensitive stories and the media-relations guides: whom to call "
            "when a journalist gets in touch."
        ),
    )
    media_contact_email = models.EmailField(
        _("media contact e-mail"),
        blank=True,
        help_text=_("Shown with the name. Leave empty to show none."),
    )
    media_contact_phone = models.CharField(
        _("media contact phone"),
        max_length=40,
        blank=True,
        help_text=_("Shown with the name. Leave empty to show none."),
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldPanel("disclosure_mode"),
                FieldPanel("disclosure_text_fr"),
                FieldPanel("disclosure_text_en"),
            ],
            heading=_("Disclosure in share texts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("media_contact_name"),
                FieldPanel("media_contact_email"),
                FieldPanel("media_contact_phone"),
            ],
            heading=_("Media contact"),
        ),
    ]

    class Meta:
        verbose_name = _("Chorus settings")

    def disclosure_text(self, language_code):
        return (
            self.disclosure_text_en
            if language_code == "en"
            else self.disclosure_text_fr
        )


class StagePreference(models.Model):
    """The stage an employee chose for themselves. Private: shown to that user only.

    Deliberately not registered in the admin, as a snippet or in any export, and never
    rendered on another person's page. No date or history is kept: only today's choice.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="stage_preference",
        verbose_name=_("user"),
    )
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)

    class Meta:
        verbose_name = _("stage preference")
        verbose_name_plural = _("stage preferences")

    def __str__(self):
        return self.get_stage_display()

    @staticmethod
    def cache_key(user_id):
        return f"chorus:stage:{user_id}"

    @classmethod
    def stage_of(cls, user):
        """The stage `user` chose, as stored ("" for none). Every home page asks, so it is
        kept for the person (home.cache.kept_for_person); home.signals forgets it when the
        choice changes."""
        return kept_for_person(
            user,
            cls.cache_key(user.pk),
            lambda: (
                cls.objects.filter(user=user).values_list("stage", flat=True).first()
                or ""
            ),
        )


def stage_cache_keys(user_id):
    """Read with the account (CHORUS_READ_WITH_ACCOUNT)."""
    return [StagePreference.cache_key(user_id)]


def stage_on_account_row(user_id):
    """Read with the account's row (CHORUS_READ_WITH_ACCOUNT_ROW): the stage as
    `StagePreference.stage_of` reads it."""
    chosen = StagePreference.objects.filter(user=OuterRef("pk")).values("stage")[:1]
    return {StagePreference.cache_key(user_id): Coalesce(Subquery(chosen), Value(""))}


class QuietPeriod(models.Model):
    """A time when nobody shares: a crisis, an earnings blackout. While one is in force
    (home.quiet), every share panel shows its reason instead, the share redirect refuses,
    and team-channel posts wait. It starts and ends on time by itself: nothing needs saving.

    The reason is shown as typed (it is data, not an interface string), so editors write it
    in the languages their readers use. Only holders of `home.manage_quiet_period` manage
    quiet periods (home.viewsets); the model has no add/change/delete permissions."""

    reason = models.TextField(
        _("reason"),
        max_length=600,
        help_text=_(
            "Shown to every employee in place of the share panel, exactly as typed: "
            "write it in the languages your readers use."
        ),
    )
    starts_at = models.DateTimeField(
        _("starts"),
        default=timezone.now,
        help_text=_(
            "Leave as it is to start now, or choose a later moment to plan it."
        ),
    )
    ends_at = models.DateTimeField(
        _("ends"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to keep it until someone sets an end. Sharing comes back by "
            "itself at this moment."
        ),
    )

    class Meta:
        verbose_name = _("quiet period")
        verbose_name_plural = _("quiet periods")
        ordering = ["-starts_at"]
        default_permissions = ()
        permissions = [
            ("manage_quiet_period", _("Can start, plan and end quiet periods")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | Q(ends_at__gt=models.F("starts_at")),
                name="quiet_period_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.reason[:60]

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    def in_force_at(self, moment):
        return self.starts_at <= moment and (
            self.ends_at is None or moment < self.ends_at
        )
