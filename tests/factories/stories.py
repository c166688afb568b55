"""Factories for stories pages and topics. Create pages with a parent:
`StoryPageFactory(parent=story_index, is_public=True)` publishes the story."""

from django.utils.text import slugify

from wagtail.models import Locale

import factory
import wagtail_factories

from stories.models import (
    ShareKit,
    ShareText,
    StoryIndexPage,
    StoryPage,
    StorySuggestion,
    Topic,
)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))
    locale = factory.LazyFunction(Locale.get_default)


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Histoires"
    slug = "histoires"


class StoryPageFactory(wagtail_factories.PageFactory):
    """A story, published with its public flag applied (the page_published signal syncs the
    view restriction). Pass `live=False` for a never-published draft."""

    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Story {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    intro = "A short introduction."
    is_public = False

    @factory.post_generation
    def topics(page, create, extracted, **kwargs):
        if create and extracted:
            page.topics.set(extracted)
            page.save()

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and page.live and extracted is not False:
            page.save_revision().publish()


class ShareKitFactory(factory.django.DjangoModelFactory):
    """A published share kit for a page. `texts=[("x", "Hello"), ("linkedin", "Hi", "angle")]`
    adds starting texts; pass `live=False` for a draft."""

    class Meta:
        model = ShareKit
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kit {n}")
    page = None
    locale = factory.LazyAttribute(lambda kit: kit.page.locale)
    live = True

    @factory.post_generation
    def texts(kit, create, extracted, **kwargs):
        for network, text, *angle in extracted or [("x", "A starting text.")]:
            ShareTextFactory(kit=kit, network=network, text=text, angle="".join(angle))


class ShareTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShareText

    kit = None
    network = "x"
    angle = ""
    text = "A starting text."


class StorySuggestionFactory(factory.django.DjangoModelFactory):
    """A pending suggestion in French. Pass `suggested_by=` (a user) and any choice."""

    class Meta:
        model = StorySuggestion
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Suggestion {n}")
    what_happened = "Ce qui s'est passé.\n\nEt la suite."
    locale = factory.LazyFunction(Locale.get_default)

    @factory.post_generation
    def topics(suggestion, create, extracted, **kwargs):
        if create and extracted:
            suggestion.topics.set(extracted)
