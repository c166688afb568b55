"""Factories for guides. `GuidePageFactory(parent=guide_index, stages=["listen"])` publishes
an internal guide for the Listen stage; pass `is_public=True` for a public one."""

from django.utils.text import slugify

import factory
import wagtail_factories

from guides.models import GuideIndexPage, GuidePage, Subject


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuideIndexPage

    title = "Guides"
    slug = "guides"


class GuidePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Guide {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = "A short summary."
    subject = Subject.WRITING
    body = factory.LazyAttribute(
        lambda page: [{"type": "paragraph", "value": f"<p>About {page.title}.</p>"}]
    )
    is_public = False

    @factory.post_generation
    def stages(page, create, extracted, **kwargs):
        page.set_stages(extracted or ["discover"])
        if create:
            page.save()

    @factory.post_generation
    def topics(page, create, extracted, **kwargs):
        if create and extracted:
            page.topics.set(extracted)
            page.save()

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and page.live and extracted is not False:
            page.save_revision().publish()
