"""A small intranet with one of everything, for the role-boundary matrix.

Ambassador A owns a published internal spotlight with an uploaded photo; an editor owns a
published internal story with a share kit. Each locale has a spotlight index and a story
index, so that "move" has somewhere to go.
"""

from django.contrib.auth.models import Group
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from referents.roles import EDITORS, EMPLOYEES
from stories.models import ShareKit, StoryIndexPage, StoryPage
from tests.factories.home import UserFactory
from tests.factories.referents import (
    AmbassadorFactory,
    SpotlightIndexPageFactory,
    SpotlightPageFactory,
)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def spotlight_indexes(home_page, home_page_en, roles):
    return {
        "fr": SpotlightIndexPageFactory(parent=home_page),
        "en": SpotlightIndexPageFactory(
            parent=home_page_en, title="Ambassadors", slug="ambassadors"
        ),
    }


@pytest.fixture
def story_indexes(home_page, home_page_en):
    indexes = {}
    for code, home, slug in (
        ("fr", home_page, "histoires"),
        ("en", home_page_en, "stories"),
    ):
        index = StoryIndexPage(title=slug.title(), slug=slug)
        home.add_child(instance=index)
        index.save_revision().publish()
        indexes[code] = index
    return indexes


@pytest.fixture
def actors(roles):
    editor = UserFactory(username="editor")
    editor.groups.set(Group.objects.filter(name__in=[EMPLOYEES, EDITORS]))
    referent = UserFactory(username="referent")
    referent.groups.set(Group.objects.filter(name__in=[EMPLOYEES, "Referents"]))
    employee = UserFactory(username="employee")
    employee.groups.set(Group.objects.filter(name=EMPLOYEES))
    return {
        "anonymous": None,
        "employee": employee,
        "ambassador_a": AmbassadorFactory(username="ambassador_a"),
        "ambassador_b": AmbassadorFactory(username="ambassador_b"),
        "referent": referent,
        "editor": editor,
    }


@pytest.fixture
def photo_a(actors):
    return get_image_model().objects.create(
        title="Awa's photo",
        file=get_test_image_file(),
        uploaded_by_user=actors["ambassador_a"],
    )


@pytest.fixture
def spotlight_a(spotlight_indexes, actors, photo_a):
    return SpotlightPageFactory(
        parent=spotlight_indexes["fr"],
        owner=actors["ambassador_a"],
        title="Awa",
        slug="awa",
        photo=photo_a,
        photo_alt="Awa smiling",
    )


@pytest.fixture
def story(story_indexes, actors):
    page = StoryPage(
        title="New site",
        slug="new-site",
        intro="We open a new site.",
        owner=actors["editor"],
    )
    story_indexes["fr"].add_child(instance=page)
    page.save_revision(user=actors["editor"]).publish()
    return page


@pytest.fixture
def kit(story_indexes, actors):
    # Only a public story can carry a share kit.
    public_story = StoryPage(
        title="Open day", slug="open-day", intro="Come and see.", is_public=True
    )
    story_indexes["fr"].add_child(instance=public_story)
    public_story.save_revision(user=actors["editor"]).publish()
    kit = ShareKit(title="Open day kit", page=public_story, locale=public_story.locale)
    kit.save()
    kit.save_revision().publish()
    return kit


@pytest.fixture
def world(actors, spotlight_indexes, story_indexes, spotlight_a, story, photo_a):
    return {
        "actors": actors,
        "spotlight": spotlight_a,
        "story": story,
        "photo": photo_a,
        "destinations": {
            "spotlight": spotlight_indexes["en"],
            "story": story_indexes["en"],
        },
    }
