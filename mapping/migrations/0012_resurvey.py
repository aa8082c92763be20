from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mapping", "0011_background_jobs"),
    ]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="not_remeasured",
            field=models.JSONField(
                blank=True, default=list, verbose_name="answers carried over, not re-measured"
            ),
        ),
    ]
