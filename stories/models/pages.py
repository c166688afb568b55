from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.access import PublicFlagMixin, visible_to
from home.blocks import BodyStreamBlock
from home.models import (
    LINK_PREVIEW_IMAGE_FILTER,
    ImageWithAltMixin,
    IntroPage,
    renditions_prefetch,
)

from .comments import CommentablePageMixin
from .story_queries import StoryPageManager


class StoryIndexPage(IntroPage):
    subpage_types = ["stories.StoryPage"]
    stories_per_page = 12

    class Meta:
        verbose_name = _("story index")

    def get_context(self, request, *args, **kwargs):
        from .topics import Topic

        context = super().get_context(request, *args, **kwargs)
        topics = list(Topic.objects.filter(locale_id=self.locale_id))
        topic_slug = request.GET.get("topic", "")
        topic = next((t for t in topics if t.slug == topic_slug), None)
        shareable = request.GET.get("shareable") == "1"
        stories = self.story_listing(request, topic=topic, shareable=shareable)
        if topic_slug and topic is None:
            stories = stories.none()
        # get_page() turns a missing or bad page number into the first or last page.
        paginator = Paginator(stories, self.stories_per_page)
        context.update(
            stories=paginator.get_page(request.GET.get("page")),
            topics=topics,
            current_topic=topic,
            unknown_topic=bool(topic_slug) and topic is None,
            shareable=shareable,
            # The filters, kept in the pagination links.
            filter_query=urlencode(
                {
                    key: value
                    for key, value in (
                        ("topic", topic_slug),
                        ("shareable", shareable and "1"),
                    )
                    if value
                }
            ),
        )
        return context

    def story_listing(self, request, topic=None, shareable=False):
        """The stories listed here for this reader, newest first, optionally filtered."""
        stories = visible_to(StoryPage.objects.child_of(self).live(), request)
        if topic is not None:
            stories = stories.filter(topics=topic)
        if shareable:
            stories = stories.shareable_now()
        return stories.newest_first().with_list_data()


class StoryPage(CommentablePageMixin, PublicFlagMixin, ImageWithAltMixin, Page):
    # The {% image %} of stories/story_page.html, and the link preview's.
    page_image_filters = ("fill-1200x675", LINK_PREVIEW_IMAGE_FILTER)

    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("Shown on the story; lists are ordered by it."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=300,
        help_text=_(
            "One or two sentences. Shown in lists, search results and link previews."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the story, in lists and in link previews."),
    )
    image_alt = models.CharField(
        _("hero image alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Required with an image."
        ),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField(
        "stories.Topic",
        verbose_name=_("topics"),
        blank=True,
        help_text=_(
            "Readers filter stories by topic; it also suggests the right referent."
        ),
    )
    is_sensitive = models.BooleanField(
        _("sensitive"),
        default=False,
        help_text=_(
            "Shows guidance and the media contact to readers before they share."
        ),
    )
    sensitive_guidance = RichTextField(
        _("guidance for readers"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("What to keep in mind before talking about this story."),
    )

    objects = StoryPageManager()

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Hero image")
        ),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel("authors", label=_("Credited authors")),
        MultiFieldPanel(
            [
                FieldPanel("is_public"),
                FieldPanel("is_sensitive"),
                FieldPanel("sensitive_guidance"),
                FieldPanel("comments_allowed"),
            ],
            heading=_("Audience and care"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("is_public"),
        index.FilterField("date"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            # Lazy, so that a cached story fragment ({% chorus_cache %}) costs no query.
            authors=SimpleLazyObject(lambda: self.credited_authors(request)),
            story_topics=self.topics.all(),
        )
        return context

    def credited_authors(self, request):
        """Bylines, linked to the author's spotlight when the reader may open it."""
        authors = list(self.authors.select_related("spotlight"))
        spotlight_ids = [a.spotlight_id for a in authors if a.spotlight_id is not None]
        readable = set()
        if spotlight_ids:
            readable = set(
                visible_to(
                    SpotlightPage.objects.live().filter(pk__in=spotlight_ids), request
                ).values_list("pk", flat=True)
            )
        return [
            {
                "name": author.name,
                "role": author.role,
                "url": author.spotlight.get_url(request)
                if author.spotlight_id in readable
                else "",
            }
            for author in authors
        ]


class StoryAuthor(TranslatableMixin, Orderable):
    """A credited byline: a name, and the spotlight page if the author is an ambassador.

    Translatable, so that wagtail-localize offers the role for translation with the story.
    The name is kept from the source (a person's name is not translated) but a translator
    may override it, for example for another script.
    """

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(
        _("name"), max_length=120, help_text=_("As it should appear in the byline.")
    )
    role = models.CharField(
        _("role"),
        max_length=120,
        blank=True,
        help_text=_("Optional, for example: support team."),
    )
    spotlight = models.ForeignKey(
        "stories.SpotlightPage",
        verbose_name=_("spotlight page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "If the author is an ambassador, their spotlight page: the byline links to it."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("spotlight")]

    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        SynchronizedField("spotlight", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")

    def __str__(self):
        return self.name


class SpotlightIndexPage(IntroPage):
    subpage_types = ["stories.SpotlightPage"]

    class Meta:
        verbose_name = _("spotlight index")

    spotlights_per_page = 24
    card_photo_filter = "fill-160x160"  # the cards' {% image %} in the template

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        spotlights = (
            visible_to(SpotlightPage.objects.child_of(self).live(), request)
            .select_related("photo")
            .prefetch_related(renditions_prefetch("photo", self.card_photo_filter))
            .order_by("path")  # tree order, as in the admin
        )
        paginator = Paginator(spotlights, self.spotlights_per_page)
        context["spotlights"] = paginator.get_page(request.GET.get("page"))
        return context


class SpotlightPage(CommentablePageMixin, PublicFlagMixin, ImageWithAltMixin, Page):
    """An ambassador's own page, written by them. The page owner is the ambassador."""

    image_field_name = "photo"
    alt_field_name = "photo_alt"
    # The {% image %} of stories/spotlight_page.html, and the link preview's.
    page_image_filters = ("fill-240x240", LINK_PREVIEW_IMAGE_FILTER)

    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A photo of you that you are happy to show. Describe it in the next field."
        ),
    )
    photo_alt = models.CharField(
        _("photo alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describe your photo in a few words, for people who cannot see it."
        ),
    )
    role = models.CharField(
        _("role"),
        max_length=120,
        help_text=_("Your job, as you would say it to a friend."),
    )
    bio = RichTextField(
        _("about me"),
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "A few lines in your own words: what you do and what you care about."
        ),
    )
    topics = ParentalManyToManyField(
        "stories.Topic",
        verbose_name=_("what I like to share about"),
        blank=True,
        help_text=_("The subjects you like to talk about."),
    )
    featured_post_url = models.URLField(
        _("featured post link"),
        blank=True,
        help_text=_("A public post of yours that you are proud of."),
    )
    featured_post_text = models.TextField(
        _("featured post, in a few words"),
        blank=True,
        max_length=500,
        help_text=_("What the post is about, or why you like it."),
    )

    parent_page_types = ["stories.SpotlightIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("role"),
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Photo")
        ),
        FieldPanel("bio"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("featured_post_url"), FieldPanel("featured_post_text")],
            heading=_("Featured post"),
        ),
        FieldPanel(
            "is_public",
            help_text=_(
                "Public only with your explicit consent: tick this if you agree that anyone "
                "on the internet may read your spotlight. Leave unticked to keep it for "
                "colleagues. Takes effect when the page is published."
            ),
        ),
        FieldPanel("comments_allowed"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("role"),
        index.SearchField("bio"),
        index.FilterField("is_public"),
    ]

    class Meta:
        verbose_name = _("ambassador spotlight")
        verbose_name_plural = _("ambassador spotlights")
