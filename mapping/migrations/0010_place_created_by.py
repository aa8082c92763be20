import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Places made before this migration by the drafts of volunteers still awaiting approval (no source,
# every survey of them theirs): mark them as theirs, so that they leave every list as new ones do.
MARK_EXISTING = """
UPDATE mapping_place p SET created_by_id = u.id
FROM mapping_user u
WHERE p.created_by_id IS NULL AND p.source = ''
  AND u.role = 'volunteer' AND NOT u.is_approved
  AND EXISTS (SELECT 1 FROM mapping_assessment a WHERE a.place_id = p.id AND a.surveyor_id = u.id)
  AND NOT EXISTS (
      SELECT 1 FROM mapping_assessment a
      WHERE a.place_id = p.id AND a.surveyor_id IS DISTINCT FROM u.id
  )
"""


class Migration(migrations.Migration):
    dependencies = [
        ("mapping", "0009_concurrency"),
    ]

    operations = [
        migrations.AddField(
            model_name="place",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "The volunteer whose survey created the place. While a coordinator has not "
                    "approved them yet, only they see it."
                ),
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="created_places",
                to=settings.AUTH_USER_MODEL,
                verbose_name="created by",
            ),
        ),
        migrations.RunSQL(MARK_EXISTING, migrations.RunSQL.noop),
    ]
