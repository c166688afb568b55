from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.access import PublicFlagMixin
from home.models import IntroPage
from home.stages import Stage, stage_or_none
from referents.models import Referent

from .blocks import GuideStreamBlock
from .review_dates import ReviewInterval, review_due_date


class Subject(models.TextChoices):
    NETWORK_FEATURES = "network-features", _("Network features")
    WRITING = "writing", _("Writing")
    SOURCES = "sources", _("Finding and checking sources")
    ANALYTICS = "analytics", _("Analytics")
    SENSITIVE = "sensitive", _("Sensitive communication")
    APPS_TOOLS = "apps-tools", _("Apps and tools")
    CONFIDENTIALITY = "confidentiality", _("Confidentiality")
    MEDIA_RELATIONS = "media-relations", _("Media relations")


def subject_or_none(value):
    """The Subject for a submitted value, or None if it is not one (bad values are ignored)."""
    try:
        return Subject(value)
    except ValueError:
        return None


class GuidePageQuerySet(PageQuerySet):
    def with_stages(self):
        return self.prefetch_related("guide_stages")

    def for_stage(self, stage):
        return self.filter(guide_stages__stage=stage)


class GuideIndexPage(IntroPage):
    subpage_types = ["guides.GuidePage"]

    class Meta:
        verbose_name = _("guide index")

    def get_context(self, request, *args, **kwargs):
        # The guides, grouped by the reader's stage, are a per-reader part
        # (guides.listing.guide_index_groups): the rest is the same for every employee.
        context = super().get_context(request, *args, **kwargs)
        context.update(
            subject=subject_or_none(request.GET.get("subject")), subjects=Subject
        )
        return context


class GuidePageForm(WagtailAdminPageForm):
    """Stages are edited as checkboxes and stored as one GuideStage row per stage."""

    stages = forms.MultipleChoiceField(
        label=_("Stages"),
        choices=Stage.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Who this guide is for. Pick one or more."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("stages", self.instance.stage_values)

    def save(self, commit=True):
        page = super().save(commit=False)
        page.set_stages(self.cleaned_data["stages"])
        if commit:
            page.save()
        return page


class GuidePage(PublicFlagMixin, Page):
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences. Shown in lists and search results."),
    )
    subject = models.CharField(_("subject"), max_length=20, choices=Subject.choices)
    topics = ParentalManyToManyField(
        "stories.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
        help_text=_("Used by search and to suggest the right referent."),
    )
    guide_owner = models.ForeignKey(
        "referents.Referent",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The referent who keeps this guide up to date. They get a reminder by e-mail "
            "when a review is due. The same in every language."
        ),
    )
    review_interval = models.PositiveSmallIntegerField(
        _("review every"),
        choices=ReviewInterval.choices,
        default=ReviewInterval.SIX_MONTHS,
        help_text=_("How often the owner checks that the guide is still right."),
    )
    referent = models.ForeignKey(
        "referents.Referent",
        verbose_name=_("referent to ask"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: readers get a link to ask this referent a question."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_(
            'Shown to readers. Set by "Mark as reviewed" in the guide review report, '
            "or by hand."
        ),
    )
    # Worked out on every save (last review + interval) so that lists of guides due for
    # review are one indexed filter, in any database.
    review_due = models.DateField(
        _("review due"), null=True, editable=False, db_index=True
    )
    body = StreamField(GuideStreamBlock(), verbose_name=_("body"))

    objects = PageManager.from_queryset(GuidePageQuerySet)()

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []

    base_form_class = GuidePageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldPanel("stages"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Subject and audience"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("guide_owner"),
                FieldPanel("review_interval"),
                FieldPanel("last_reviewed"),
                FieldPanel("referent"),
            ],
            heading=_("Owner and review"),
        ),
        FieldPanel("is_public"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("subject"),
        index.FilterField("is_public"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    # One owner and one rhythm for a guide in every language. The owner points at the
    # referent profile the editor chose; pages show its translation in their own language.
    override_translatable_fields = [
        SynchronizedField("guide_owner", overridable=False),
        SynchronizedField("review_interval", overridable=False),
    ]

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        permissions = [
            (
                "review_guides",
                _("Can see the guides due for review and mark any guide as reviewed"),
            )
        ]

    @property
    def stage_values(self):
        """The stages of this guide, in the order of the four stages."""
        chosen = {link.stage for link in self.guide_stages.all()}
        return [stage.value for stage in Stage if stage.value in chosen]

    @property
    def stage_list(self):
        return [Stage(value) for value in self.stage_values]

    @property
    def is_media_relations(self):
        return self.subject == Subject.MEDIA_RELATIONS

    @property
    def owner_for_readers(self):
        """The owner's profile in this page's language when it is translated and live, else
        the profile chosen (one query for both)."""
        if self.guide_owner_id is None:
            return None
        profiles = Referent.objects.filter(
            Q(pk=self.guide_owner_id) | Q(locale_id=self.locale_id, live=True),
            translation_key__in=Referent.objects.filter(pk=self.guide_owner_id).values(
                "translation_key"
            ),
        )
        by_locale = {profile.locale_id: profile for profile in profiles}
        translation = by_locale.get(self.locale_id)
        if translation is not None and translation.live:
            return translation
        return next((p for p in profiles if p.pk == self.guide_owner_id), None)

    def save(self, *args, **kwargs):
        self.review_due = review_due_date(self.last_reviewed, self.review_interval)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "last_reviewed" in update_fields:
            kwargs["update_fields"] = {*update_fields, "review_due"}
        return super().save(*args, **kwargs)

    def set_stages(self, values):
        stages = [stage for stage in map(stage_or_none, values) if stage]
        self.guide_stages = [GuideStage(stage=stage) for stage in dict.fromkeys(stages)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = self.topics.all()
        return context


class GuideStage(models.Model):
    """One stage a guide is written for (a guide has one or more)."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="guide_stages")
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)

    class Meta:
        verbose_name = _("guide stage")
        verbose_name_plural = _("guide stages")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "stage"], name="one_row_per_guide_stage"
            )
        ]

    def __str__(self):
        return self.get_stage_display()


class GuideReviewReminder(models.Model):
    """The owner of this guide was reminded of the review due on this date."

    Kept apart from the page so that publishing an older revision cannot bring back an
    earlier state and send the reminder again. The unique pair is what makes the reminder
    command safe to run twice, or on two hosts at once: the row is written in the same
    transaction as the decision to send, and a second writer fails on the constraint."""

    page = models.ForeignKey(
        GuidePage,
        verbose_name=_("guide"),
        on_delete=models.CASCADE,
        related_name="review_reminders",
    )
    due_date = models.DateField(_("review due"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("guide review reminder")
        verbose_name_plural = _("guide review reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "due_date"], name="one_reminder_per_guide_due_date"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.due_date}"
