"""Second half of 0007: every starting text and byline now has a locale and a key."""

import django.db.models.deletion
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('stories', '0007_share_texts_and_bylines_translatable'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='sharetext',
            options={'ordering': ['sort_order'], 'verbose_name': 'starting text', 'verbose_name_plural': 'starting texts'},
        ),
        migrations.AlterModelOptions(
            name='storyauthor',
            options={'ordering': ['sort_order'], 'verbose_name': 'byline', 'verbose_name_plural': 'bylines'},
        ),
        migrations.AlterField(
            model_name='sharetext',
            name='locale',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AlterField(
            model_name='sharetext',
            name='translation_key',
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name='storyauthor',
            name='locale',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AlterField(
            model_name='storyauthor',
            name='translation_key',
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name='sharetext',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.AlterUniqueTogether(
            name='storyauthor',
            unique_together={('translation_key', 'locale')},
        ),
    ]
