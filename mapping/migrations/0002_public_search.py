"""Search by name and address that ignores Czech diacritics and case, ranked by similarity.

unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index
expression; bf_unaccent() pins the dictionary and is declared IMMUTABLE, the usual wrapper.
The expression indexed here is mapping.public.search.SEARCH_DOCUMENT_SQL, character for character:
the planner uses the index only when the query repeats it exactly.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

UNACCENT_FUNCTION = """
CREATE OR REPLACE FUNCTION bf_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
"""

SEARCH_INDEX = """
CREATE INDEX place_search_trgm ON mapping_place USING gin (
    bf_unaccent(lower(name || ' ' || street || ' ' || house_number || ' ' || city)) gin_trgm_ops
);
"""


class Migration(migrations.Migration):
    dependencies = [("mapping", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunSQL(UNACCENT_FUNCTION, "DROP FUNCTION IF EXISTS bf_unaccent(text);"),
        migrations.RunSQL(SEARCH_INDEX, "DROP INDEX IF EXISTS place_search_trgm;"),
        # The layer's cache version is max(updated_at) of places and assessments: keep it cheap.
        migrations.RunSQL(
            "CREATE INDEX assessment_updated_idx ON mapping_assessment (updated_at);",
            "DROP INDEX IF EXISTS assessment_updated_idx;",
        ),
    ]
