"""Starting texts and bylines become translatable (wagtail-localize then offers their
texts for translation): each row gets its kit's or story's locale and its own key.

The columns are required only in 0008: PostgreSQL refuses to alter a table that still has
pending trigger events from the rows updated here, in the same transaction.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_rows_their_parents_locale(apps, schema_editor):
    for model_name, parent in (("ShareText", "kit"), ("StoryAuthor", "page")):
        model = apps.get_model("stories", model_name)
        rows = model.objects.select_related(parent).only("pk", f"{parent}__locale_id")
        for row in rows.iterator(chunk_size=500):
            row.locale_id = getattr(row, parent).locale_id
            # One key per row (a column default would give every row the same one).
            row.translation_key = uuid.uuid4()
            row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):

    dependencies = [
        ("stories", "0006_share_counts_week_only"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="sharetext",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="sharetext",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="storyauthor",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="storyauthor",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(
            give_rows_their_parents_locale, migrations.RunPython.noop, elidable=True
        ),
    ]
