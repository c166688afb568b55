"""The share count is an anonymous aggregate: page, network, week, count. Nothing else."""

import datetime
import threading

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from stories.models import ShareCount
from tests.factories.stories import StoryPageFactory


def test_share_count_holds_nothing_personal():
    field_names = {field.name for field in ShareCount._meta.get_fields()}
    assert field_names == {"id", "page", "network", "week", "count"}


def test_a_share_count_reads_without_its_number():
    row = ShareCount(page_id=7, network="x", week=datetime.date(2026, 3, 2), count=3)
    assert str(row) == "7 x 2026-03-02"


@pytest.mark.django_db
def test_increment_adds_to_the_week_of_the_day(story_index):
    story = StoryPageFactory(parent=story_index, is_public=True)
    monday = datetime.date(2026, 3, 2)
    sunday = datetime.date(2026, 3, 8)
    ShareCount.increment(story, "x", monday)
    ShareCount.increment(story, "x", sunday)
    ShareCount.increment(story, "x", sunday + datetime.timedelta(days=1))
    ShareCount.increment(story, "bluesky", datetime.date(2026, 3, 4))
    assert ShareCount.objects.get(page=story, network="x", week=monday).count == 2
    assert ShareCount.objects.get(page=story, network="bluesky").week == monday
    assert (
        ShareCount.objects.get(
            page=story, network="x", week=datetime.date(2026, 3, 9)
        ).count
        == 1
    )
    assert ShareCount.objects.count() == 3
    assert {row.week.weekday() for row in ShareCount.objects.all()} == {0}


@pytest.mark.django_db(transaction=True)
def test_concurrent_increments_are_never_lost(home_page):
    from tests.factories.stories import StoryIndexPageFactory

    story_index = StoryIndexPageFactory(parent=home_page)
    story = StoryPageFactory(parent=story_index, is_public=True)
    day = datetime.date(2026, 3, 4)
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
    assert ShareCount.objects.get(page=story, network="x").count == (
        threads_count * shares_each
    )


@pytest.mark.django_db(transaction=True)
def test_migration_adds_each_days_count_into_its_week(home_page):
    """Counts stored per day before the change are summed into their week; nothing is lost
    and no day is left."""
    before = [("stories", "0004_topic_help_texts")]
    after = [("stories", "0006_share_counts_week_only")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_model = executor.loader.project_state(before).apps.get_model(
        "stories", "ShareCount"
    )
    for day, network, count in [
        (datetime.date(2026, 3, 2), "x", 2),  # Monday
        (datetime.date(2026, 3, 5), "x", 3),
        (datetime.date(2026, 3, 8), "x", 1),  # Sunday, same week
        (datetime.date(2026, 3, 9), "x", 4),  # the next Monday
        (datetime.date(2026, 3, 5), "bluesky", 7),
    ]:
        old_model.objects.create(
            page_id=home_page.pk, network=network, day=day, count=count
        )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new_model = executor.loader.project_state(after).apps.get_model(
        "stories", "ShareCount"
    )
    rows = {
        (row.network, row.week): row.count
        for row in new_model.objects.filter(page_id=home_page.pk)
    }
    assert rows == {
        ("x", datetime.date(2026, 3, 2)): 6,
        ("x", datetime.date(2026, 3, 9)): 4,
        ("bluesky", datetime.date(2026, 3, 2)): 7,
    }
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
