from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PageViewRestriction,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.access import is_publicly_visible
from home.models import ChorusSettings, DisclosureMode

from .. import kit_hints, networks
from ..networks import Network


SHAREABLE_PAGE_TYPES = ("stories.StoryPage", "stories.SpotlightPage")


class ShareKitQuerySet(models.QuerySet):
    def open_now(self, when=None):
        """Kits whose time has come: published, the embargo started and not ended, on a
        live page. `when` (now by default) lets a listing ask about another moment."""
        now = when or timezone.now()
        return (
            self.filter(live=True, page__live=True)
            .filter(Q(shareable_from__isnull=True) | Q(shareable_from__lte=now))
            .filter(Q(shareable_until__isnull=True) | Q(shareable_until__gt=now))
        )

    def shareable_now(self, when=None):
        """THE rule, used by the panel and the share redirect: the kit is open now
        (`open_now`) and its page is visible to anonymous visitors (no view restriction on
        it or above it). Lists of pages apply the same rule with `.public()`
        (`StoryPageQuerySet.shareable_now`)."""
        restricted = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("page__path"), 1, Length("page__path"))
        )
        return self.open_now(when).exclude(Exists(restricted))

    def active_for(self, page):
        """The kit offered on `page` now, or None (the most recently created one wins)."""
        restrictions = page.get_view_restrictions()
        if any(restriction.page_id == page.pk for restriction in restrictions):
            # Restricted itself (internal pages are), so no kit is shareable: no query,
            # since serving the page has read its restrictions already.
            return None
        return (
            self.shareable_now()
            .filter(page_id=page.pk, locale_id=page.locale_id)
            .select_related("page", "locale")
            .prefetch_related("texts")
            .order_by("-pk")
            .first()
        )


class ShareKit(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    ClusterableModel,
):
    """Suggested starting texts for sharing one public page, network by network.

    Admin panels and the form that checks the texts live in `stories/viewsets.py`.
    """

    title = models.CharField(
        _("title"),
        max_length=120,
        help_text=_("For editors only, to find the kit in lists."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page to share"),
        on_delete=models.CASCADE,
        related_name="share_kits",
        help_text=_("A published, public story or ambassador spotlight."),
    )
    hashtags = models.CharField(
        _("hashtags"),
        max_length=200,
        blank=True,
        help_text=_(
            "Separated by spaces, for example: #engineering #opensource. "
            "Added at the end of every text."
        ),
    )
    shareable_from = models.DateTimeField(
        _("shareable from"),
        null=True,
        blank=True,
        help_text=_("Embargo: sharing stays closed until this moment."),
    )
    shareable_until = models.DateTimeField(
        _("shareable until"),
        null=True,
        blank=True,
        help_text=_("After this moment the kit is no longer offered."),
    )
    guidance = models.TextField(
        _("guidance for sensitive topics"),
        blank=True,
        help_text=_("Shown above the texts: what to avoid saying, whom to ask."),
    )

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="share_kit",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="share_kit",
        for_concrete_model=False,
    )

    objects = ShareKitQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("share kit")
        verbose_name_plural = _("share kits")

    def __str__(self):
        return self.title

    def is_shareable_now(self):
        return ShareKit.objects.shareable_now().filter(pk=self.pk).exists()

    @property
    def language_code(self):
        return self.locale.language_code if self.locale_id else ""

    def public_link(self, request=None):
        return self.page.get_full_url(request)

    def chorus_settings(self, request=None):
        if request is not None:
            return ChorusSettings.for_request(request)  # cached on the request
        site = self.page.get_site() if self.page_id else None
        return ChorusSettings.for_site(site) if site else ChorusSettings()

    def disclosure(self, request=None):
        """The organisation's disclosure line in the kit's language ("" if none)."""
        return self.chorus_settings(request).disclosure_text(self.language_code)

    def disclosure_required(self, request=None):
        return self.chorus_settings(request).disclosure_mode == DisclosureMode.REQUIRED

    def starting_text(self, share_text, disclosure=None):
        """What the panel puts in the text field: disclosure, text, hashtags."""
        if disclosure is None:
            disclosure = self.disclosure()
        return networks.compose(share_text.text, disclosure, self.hashtags)

    def follow_page_translation(self):
        """A translated kit shares its page's translation in the kit's language.

        wagtail-localize copies page links unchanged (they stay on the source page), so a
        kit translated into English would still point at the French story.
        """
        if self.page_id and self.locale_id and self.page.locale_id != self.locale_id:
            translation = self.page.get_translation_or_none(self.locale_id)
            if translation is not None:
                self.page = translation

    def save(self, *args, **kwargs):
        self.follow_page_translation()
        super().save(*args, **kwargs)

    def page_errors(self):
        """Why the chosen page cannot carry a kit, or [] (checked on every save)."""
        if not self.page_id:
            return []
        self.follow_page_translation()
        page = self.page.specific
        if self.locale_id and page.locale_id != self.locale_id:
            return [
                _(
                    "This page is in another language than the kit. Translate and "
                    "publish the page first, then the kit."
                )
            ]
        if f"{page._meta.app_label}.{page.__class__.__name__}" not in (
            SHAREABLE_PAGE_TYPES
        ):
            return [_("Choose a story or an ambassador spotlight.")]
        if not page.live:
            return [
                _(
                    "This page is not published yet. Publish it, marked public, before "
                    "preparing its share kit."
                )
            ]
        if not getattr(page, "is_public", False) or not is_publicly_visible(page):
            return [
                _(
                    "This page is internal: only public pages can be shared outside "
                    "the organisation. Mark it public and publish it first."
                )
            ]
        return []

    def text_errors(self, share_text):
        """Messages for one starting text that is too long for its network, or []."""
        if not self.page_id or not share_text.text:
            return []
        full_text = self.starting_text(share_text)
        network = share_text.network
        if not networks.is_too_long(network, full_text, self.public_link()):
            return []
        return [
            _(
                "Too long for %(network)s: %(length)s of %(limit)s, counting the "
                "disclosure line, the hashtags and the link."
            )
            % {
                "network": Network(network).label,
                "length": networks.effective_length(
                    network, full_text, self.public_link()
                ),
                "limit": networks.limit(network),
            }
        ]

    def held_text_errors(self):
        """Messages for the starting texts the kit holds that are too long, keyed by the
        content path wagtail-localize gives each text: the translation editor then shows
        the message on the translated text that is too long."""
        return {
            f"texts.{share_text.translation_key}.text": errors
            for share_text in self.texts.all()
            if (errors := self.text_errors(share_text))
        }

    def full_clean(self, exclude=None, *args, **kwargs):
        super().full_clean(exclude, *args, **kwargs)
        # A model form passes `exclude` and cleans the kit before its inline texts are
        # attached (ShareKitForm checks those itself). Any other full clean, such as the
        # one before the revision of a translation published by wagtail-localize, checks
        # the texts the kit holds: a translation may not be longer than the network allows.
        if exclude is None and (errors := self.held_text_errors()):
            raise ValidationError(errors)

    def clean(self):
        super().clean()
        errors = {}
        if page_errors := self.page_errors():
            errors["page"] = page_errors
        if (
            self.shareable_from
            and self.shareable_until
            and self.shareable_until <= self.shareable_from
        ):
            errors["shareable_until"] = [
                _("The end of sharing must come after its start.")
            ]
        if errors:
            raise ValidationError(errors)

    def get_preview_template(self, request, mode_name):
        return "stories/previews/share_kit.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        disclosure = self.disclosure() if self.page_id else ""
        # The reading hints, live: the preview is refreshed as the editor types.
        texts = list(self.texts.all())
        hints = kit_hints.kit_hints(self, texts)
        context["kit"] = self
        context["kit_hints"] = [hint for hint in hints if not hint.where]
        context["starting_texts"] = [
            {
                "share_text": share_text,
                "text": self.starting_text(share_text, disclosure),
                "errors": self.text_errors(share_text),
                "hints": [
                    hint
                    for hint in hints
                    if hint.text is share_text
                    and hint.code != "over_limit"  # already an error, above
                ],
            }
            for share_text in texts
        ]
        return context


class ShareText(TranslatableMixin, Orderable):
    """One starting text ("angle") for one network.

    Translatable, so that wagtail-localize offers its angle and text for translation with
    the kit (a plain orderable would be copied unchanged into the other language).
    """

    kit = ParentalKey(ShareKit, on_delete=models.CASCADE, related_name="texts")
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    angle = models.CharField(
        _("angle"),
        max_length=80,
        blank=True,
        help_text=_(
            "A short name for this starting point, for example: 'the team' or 'the numbers'."
        ),
    )
    text = models.TextField(_("text"))

    translatable_fields = [
        SynchronizedField("network", overridable=False),
        TranslatableField("angle"),
        TranslatableField("text"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("starting text")
        verbose_name_plural = _("starting texts")

    def __str__(self):
        return f"{self.get_network_display()}: {self.angle or self.text[:40]}"

    @property
    def label(self):
        return self.angle or self.text[:40]
