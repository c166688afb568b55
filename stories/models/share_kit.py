from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from ..networks import Network


class ShareKit(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    ClusterableModel,
):
    """Suggested starting texts for sharing one public page, network by network."""

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
        help_text=_("Separated by spaces, for example: #engineering #opensource"),
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

    panels = [
        FieldPanel("title"),
        FieldPanel("page"),
        InlinePanel("texts", label=_("Starting texts"), min_num=1),
        FieldPanel("hashtags"),
        MultiFieldPanel(
            [FieldPanel("shareable_from"), FieldPanel("shareable_until")],
            heading=_("Embargo"),
        ),
        FieldPanel("guidance"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("share kit")
        verbose_name_plural = _("share kits")

    def __str__(self):
        return self.title


class ShareText(Orderable):
    """One starting text ("angle") for one network."""

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

    panels = [FieldPanel("network"), FieldPanel("angle"), FieldPanel("text")]

    def __str__(self):
        return f"{self.get_network_display()}: {self.angle or self.text[:40]}"
