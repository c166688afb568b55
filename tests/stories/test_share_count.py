"""The share count is an anonymous aggregate: page, network, day, count. Nothing else."""

import datetime
import threading

from django.db import connection

import pytest

from stories.models import ShareCount
from tests.factories.stories import StoryPageFactory


def test_share_count_holds_nothing_personal():
    field_names = {field.name for field in ShareCount._meta.get_fields()}
    assert field_names == {"id", "page", "network", "day", "count"}


@pytest.mark.django_db
def test_increment_creates_then_adds(story_index):
    story = StoryPageFactory(parent=story_index, is_public=True)
    day = datetime.date(2026, 3, 1)
    ShareCount.increment(story, "x", day)
    ShareCount.increment(story, "x", day)
    ShareCount.increment(story, "x", day + datetime.timedelta(days=1))
    ShareCount.increment(story, "bluesky", day)
    assert ShareCount.objects.get(page=story, network="x", day=day).count == 2
    assert ShareCount.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_increments_are_never_lost(home_page):
    from tests.factories.stories import StoryIndexPageFactory

    story_index = StoryIndexPageFactory(parent=home_page)
    story = StoryPageFactory(parent=story_index, is_public=True)
    day = datetime.date(2026, 3, 2)
    threads_count, shares_each = 4, 5
    errors = []

    def share_several():
        try:
            for _ in range(shares_each):
                ShareCount.increment(story, "x", day)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=share_several) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert ShareCount.objects.get(page=story, network="x", day=day).count == (
        threads_count * shares_each
    )
