# A reference for every report (existing ones get theirs here, one by one, since a default is
# computed once for all rows by AddField), and a credit line for photos.

import mapping.models.reports
from django.db import migrations, models


def give_references(apps, schema_editor):
    Report = apps.get_model("mapping", "Report")
    for report in Report.objects.filter(reference__isnull=True).only("pk"):
        report.reference = mapping.models.reports.new_reference()
        report.save(update_fields=["reference"])


class Migration(migrations.Migration):

    dependencies = [
        ('mapping', '0012_resurvey'),
    ]

    operations = [
        migrations.AddField(
            model_name='photo',
            name='credit',
            field=models.CharField(blank=True, help_text="Who made the photo and under which licence, when it is not the surveyor's.", max_length=200, verbose_name='credit'),
        ),
        migrations.AddField(
            model_name='report',
            name='reference',
            field=models.CharField(editable=False, max_length=9, null=True, verbose_name='reference'),
        ),
        migrations.RunPython(give_references, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='report',
            name='reference',
            field=models.CharField(default=mapping.models.reports.new_reference, editable=False, max_length=9, unique=True, verbose_name='reference'),
        ),
    ]
