"""An index on Wagtail's `wagtailcore_page (locale_id, first_published_at)`.

The home page lists what was published in the reader's language since their last visit,
newest first (chorus_site.visits). With only Wagtail's single-column indexes, SQLite reads
every page of the language and sorts them (milliseconds on each home page at 10,000
stories); this index finds the few new pages directly, already in order.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0003_page_url_path_index")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS chorus_page_locale_first_published "
            "ON wagtailcore_page (locale_id, first_published_at)",
            reverse_sql="DROP INDEX IF EXISTS chorus_page_locale_first_published",
        ),
    ]
