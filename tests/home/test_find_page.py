"""Pages are found by their URL in two queries, as their specific type with every field
that Wagtail's `Page.specific` gives them, and with the renditions of their image that
they show in one more (home.views.find_page)."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page, Site

import pytest
import wagtail_factories

from guides.models import GuidePage
from home.views import find_page
from referents.models import ReferentIndexPage
from stories.models import SpotlightPage, StoryPage
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.referents import SpotlightIndexPageFactory, SpotlightPageFactory
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory


pytestmark = pytest.mark.django_db


@pytest.fixture
def every_page_type(home_page, roles, ambassador):
    story_index = StoryIndexPageFactory(parent=home_page, slug="histoires")
    spotlight_index = SpotlightIndexPageFactory(parent=home_page)
    guide_index = GuideIndexPageFactory(parent=home_page)
    directory = ReferentIndexPage(title="Référents", slug="referents")
    home_page.add_child(instance=directory)
    directory.save_revision().publish()
    return [
        home_page,
        story_index,
        StoryPageFactory(
            parent=story_index,
            slug="atelier",
            image=wagtail_factories.ImageFactory(),
            image_alt="L'atelier",
        ),
        spotlight_index,
        SpotlightPageFactory(
            parent=spotlight_index,
            owner=ambassador,
            photo=wagtail_factories.ImageFactory(),
            photo_alt="Un portrait",
        ),
        guide_index,
        GuidePageFactory(parent=guide_index),
        directory,
    ]


def path_under_home(page, home):
    return page.url_path.removeprefix(home.url_path)


def fields_of(page):
    return {field.attname: getattr(page, field.attname) for field in page._meta.fields}


def found(path):
    request = RequestFactory().get("/fr/" + path)
    Site.find_for_request(request)  # the site is Wagtail's own query
    with translation.override("fr"), CaptureQueriesContext(connection) as queries:
        page = find_page(request, path)
    return page, len(queries)


def test_every_page_type_is_found_whole_in_two_queries(home_page, every_page_type):
    for expected in every_page_type:
        page, queries = found(path_under_home(expected, home_page))
        # The page, then its specific row, and the renditions of its image if it has one.
        shows_an_image = isinstance(expected, (StoryPage, SpotlightPage))
        assert queries == (3 if shows_an_image else 2), type(expected)
        specific = Page.objects.get(pk=expected.pk).specific
        assert type(page) is type(specific)
        assert fields_of(page) == fields_of(specific)
        if shows_an_image:
            # Its image, and the renditions of it that the page shows, came with it.
            image = getattr(page, page.image_field_name)
            for spec in page.page_image_filters:
                image.get_rendition(spec)
            page, _queries = found(path_under_home(expected, home_page))
            image = getattr(page, page.image_field_name)
            with CaptureQueriesContext(connection) as queries:
                for spec in page.page_image_filters:
                    assert image.get_rendition(spec).url
            assert len(queries) == 0


def test_drafts_and_unknown_paths_are_not_found(home_page, every_page_type):
    guide = next(page for page in every_page_type if isinstance(page, GuidePage))
    path = path_under_home(guide, home_page)
    guide.unpublish()
    assert found(path)[0] is None
    assert found("nowhere/")[0] is None
