"""Second half of 0005: the day column goes and each week holds one row per page and network."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("stories", "0005_share_counts_by_week"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="sharecount",
            name="day",
        ),
        migrations.AlterField(
            model_name="sharecount",
            name="week",
            field=models.DateField(
                help_text="The Monday that starts the week.", verbose_name="week"
            ),
        ),
        migrations.AddConstraint(
            model_name="sharecount",
            constraint=models.UniqueConstraint(
                fields=("page", "network", "week"),
                name="one_count_per_page_network_week",
            ),
        ),
    ]
