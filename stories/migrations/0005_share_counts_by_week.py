"""Share counts are kept per week (its Monday) instead of per day: the day rows of each week
are added up into one row. Going back puts each week's total on its Monday.

The day column goes in the next migration: PostgreSQL cannot alter a table in the transaction
that has just written rows to it."""

import datetime
from collections import defaultdict

from django.db import migrations, models


def days_into_weeks(apps, schema_editor):
    ShareCount = apps.get_model("stories", "ShareCount")
    totals = defaultdict(int)
    rows = ShareCount.objects.values_list("page_id", "network", "day", "count")
    for page_id, network, day, count in rows.iterator():
        week = day - datetime.timedelta(days=day.weekday())
        totals[(page_id, network, week)] += count
    ShareCount.objects.all().delete()
    ShareCount.objects.bulk_create(
        [
            ShareCount(page_id=page_id, network=network, week=week, count=count)
            for (page_id, network, week), count in totals.items()
        ],
        batch_size=1000,
    )


def weeks_onto_mondays(apps, schema_editor):
    ShareCount = apps.get_model("stories", "ShareCount")
    ShareCount.objects.update(day=models.F("week"))


class Migration(migrations.Migration):

    dependencies = [
        ("stories", "0004_topic_help_texts"),
    ]

    operations = [
        migrations.AddField(
            model_name="sharecount",
            name="week",
            field=models.DateField(null=True, verbose_name="week"),
        ),
        migrations.AlterField(
            model_name="sharecount",
            name="day",
            field=models.DateField(null=True, verbose_name="day"),
        ),
        migrations.RemoveConstraint(
            model_name="sharecount",
            name="one_count_per_page_network_day",
        ),
        migrations.RunPython(days_into_weeks, weeks_onto_mondays),
    ]
