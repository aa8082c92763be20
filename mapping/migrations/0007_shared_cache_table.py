"""The table of the shared cache (settings.CACHES without REDIS_URL): Django's database cache.

createcachetable is idempotent and does nothing for a Redis cache, so a deployment that migrates
always has the cache its processes share, without a separate set-up step.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("mapping", "0006_ruian_address_points")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
