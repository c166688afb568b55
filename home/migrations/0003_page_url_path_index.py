"""An index on Wagtail's `wagtailcore_page.url_path`.

`home.views.route_by_url_path` finds a page by its URL path in one query; without an index
that query reads every page (milliseconds at 10,000 stories, on every uncached request).
Wagtail's own model has no such index, so it is added here, by name, on both databases.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_stage_preference"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS chorus_page_url_path ON wagtailcore_page (url_path)",
            reverse_sql="DROP INDEX IF EXISTS chorus_page_url_path",
        ),
    ]
