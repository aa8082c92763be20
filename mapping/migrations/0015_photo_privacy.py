"""The privacy check of photos moves to the background worker (docs/decisions/0008).

Photos stored before it had their faces and plates blurred by the Haar cascades on upload and
are public already: they count as checked, by the cascades. New photos start pending.
"""

from django.db import migrations, models

import mapping.models.photos


def mark_earlier_photos_checked_by_the_cascades(apps, schema_editor):
    Photo = apps.get_model("mapping", "Photo")
    Photo.objects.update(
        privacy_detector="haar-cascades", privacy_checked_at=models.F("created_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("mapping", "0014_import_runs"),
    ]

    operations = [
        migrations.AddField(
            model_name="photo",
            name="pending_image",
            field=models.FileField(
                blank=True,
                storage=mapping.models.photos._private_storage,
                upload_to="photos/pending/",
                verbose_name="copy awaiting the privacy check",
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="pending_thumbnail",
            field=models.FileField(
                blank=True,
                storage=mapping.models.photos._private_storage,
                upload_to="photos/pending/",
                verbose_name="thumbnail awaiting the privacy check",
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="privacy_areas",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Objects {x, y, width, height, kind, score} in the original's pixels, as the detector found them.",
                verbose_name="areas found by the privacy check",
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="privacy_checked_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="privacy check finished"
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="privacy_detector",
            field=models.CharField(blank=True, max_length=40, verbose_name="detector"),
        ),
        migrations.AddField(
            model_name="photo",
            name="privacy_detector_version",
            field=models.CharField(blank=True, max_length=80, verbose_name="detector version"),
        ),
        migrations.AddField(
            model_name="photo",
            name="privacy_error",
            field=models.TextField(blank=True, verbose_name="why the privacy check failed"),
        ),
        # "done" for the rows there already, "pending" for every new one.
        migrations.AddField(
            model_name="photo",
            name="privacy_status",
            field=models.CharField(
                choices=[
                    ("pending", "Privacy check pending"),
                    ("done", "Privacy check done"),
                    ("failed", "Privacy check failed"),
                ],
                default="done",
                max_length=10,
                verbose_name="privacy check",
            ),
        ),
        migrations.AlterField(
            model_name="photo",
            name="privacy_status",
            field=models.CharField(
                choices=[
                    ("pending", "Privacy check pending"),
                    ("done", "Privacy check done"),
                    ("failed", "Privacy check failed"),
                ],
                default="pending",
                max_length=10,
                verbose_name="privacy check",
            ),
        ),
        migrations.RunPython(
            mark_earlier_photos_checked_by_the_cascades, migrations.RunPython.noop
        ),
        migrations.AlterField(
            model_name="photo",
            name="image",
            field=models.ImageField(
                blank=True, upload_to="photos/display/", verbose_name="public image"
            ),
        ),
        migrations.AlterField(
            model_name="photo",
            name="thumbnail",
            field=models.ImageField(
                blank=True, upload_to="photos/thumb/", verbose_name="thumbnail"
            ),
        ),
        migrations.AddConstraint(
            model_name="photo",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("privacy_status", "done"),
                    models.Q(("image", ""), ("thumbnail", "")),
                    _connector="OR",
                ),
                name="photo_public_only_after_privacy_check",
                violation_error_message="A photo has public copies only once the privacy check has made them.",
            ),
        ),
    ]
