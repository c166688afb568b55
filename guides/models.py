from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.access import PublicFlagMixin, visible_to
from home.models import IntroPage
from home.stages import Stage, stage_or_none

from .blocks import GuideStreamBlock
from .by_stage import chosen_stage, group_by_stage


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
        context = super().get_context(request, *args, **kwargs)
        subject = subject_or_none(request.GET.get("subject"))
        guides = visible_to(
            GuidePage.objects.child_of(self).live(), request
        ).with_stages()
        if subject:
            guides = guides.filter(subject=subject)
        chosen = chosen_stage(request.user)
        context.update(
            subject=subject,
            subjects=Subject,
            chosen_stage=chosen,
            stage_groups=group_by_stage(guides.order_by("title"), chosen),
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
    owner_name = models.CharField(
        _("owner"),
        max_length=120,
        help_text=_("The person who keeps this guide up to date, shown to readers."),
    )
    owner_role = models.CharField(
        _("owner's role"),
        max_length=120,
        blank=True,
        help_text=_("For example: digital communication team."),
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
        help_text=_("Shown to readers. Update it when you check the guide again."),
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
                FieldPanel("owner_name"),
                FieldPanel("owner_role"),
                FieldPanel("referent"),
                FieldPanel("last_reviewed"),
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

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

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
