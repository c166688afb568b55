"""The lists of people (ambassadors' spotlights, referents) cost the same number of queries
however many people, photos and topics they show, and the spotlights come a page at a time."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import wagtail_factories

from referents.models import ReferentIndexPage
from stories.models import Topic
from tests.factories.referents import ReferentFactory, SpotlightPageFactory


pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    # Count the queries of rendering, not of the whole-page cache (on when REDIS_URL is set).
    settings.CHORUS_PAGE_CACHE = False


def queries_of(client, url):
    """The queries of `url` with every cache empty (renditions, once made, are cached)."""
    client.get(url)  # renditions are created by the first request
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def add_spotlights(spotlight_index, owner, count, start=0):
    for number in range(start, start + count):
        SpotlightPageFactory(
            parent=spotlight_index,
            owner=owner,
            title=f"Ambassador {number:02}",
            slug=f"ambassador-{number:02}",
            photo=wagtail_factories.ImageFactory(),
            photo_alt="A portrait",
        )


def test_spotlight_index_reads_every_photo_at_once(
    client_for, employee, ambassador_a, spotlight_index
):
    client = client_for(employee)
    add_spotlights(spotlight_index, ambassador_a, 2)
    few, content = queries_of(client, spotlight_index.url)
    assert content.count('class="spotlight-card__photo"') == 2
    add_spotlights(spotlight_index, ambassador_a, 6, start=2)
    many, content = queries_of(client, spotlight_index.url)
    assert content.count('class="spotlight-card__photo"') == 8
    assert many == few


def test_spotlight_index_comes_a_page_at_a_time(
    client_for, employee, ambassador_a, spotlight_index
):
    add_spotlights(spotlight_index, ambassador_a, 26)
    client = client_for(employee)
    first = client.get(spotlight_index.url).content.decode()
    assert first.count('class="card spotlight-card"') == 24
    assert "Ambassador 00" in first and "Ambassador 24" not in first
    # Spotlights are in tree order, not by date: "next", not "older" (French pages).
    assert 'rel="next">Suivante<' in first
    second = client.get(spotlight_index.url, {"page": 2}).content.decode()
    assert second.count('class="card spotlight-card"') == 2
    assert "Ambassador 25" in second
    assert 'rel="prev">Précédente<' in second
    # A page number out of range gives the last page, not an error.
    last = client.get(spotlight_index.url, {"page": 99}).content.decode()
    assert "Ambassador 25" in last and "Ambassador 00" not in last


def test_referent_directory_reads_every_photo_and_topic_at_once(
    client_for, employee, home_page
):
    directory = ReferentIndexPage(title="Referents", slug="referents")
    home_page.add_child(instance=directory)
    directory.save_revision().publish()
    topics = [
        Topic.objects.create(name=f"Topic {n}", slug=f"topic-{n}") for n in (1, 2)
    ]

    def add_referents(count):
        for _ in range(count):
            referent = ReferentFactory(
                photo=wagtail_factories.ImageFactory(), photo_alt="A portrait"
            )
            referent.topics.set(topics)
            referent.save()  # a ParentalManyToManyField is written on save

    client = client_for(employee)
    add_referents(1)
    few, content = queries_of(client, directory.url)
    assert content.count("Topic 2") == 1
    add_referents(4)
    many, content = queries_of(client, directory.url)
    assert content.count('class="referent-card__photo"') == 5
    assert content.count("Topic 2") == 5
    assert many == few
