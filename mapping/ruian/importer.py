"""Importing RÚIAN address points: stage every row with COPY, then upsert in one statement.

Every file is read and staged before anything is written, in one transaction: a wrong file
anywhere stops the import with nothing changed. The staged rows are transformed from S-JTSK
(EPSG:5514) to WGS 84 by PostGIS, compared with the stored points (new, changed, unchanged) and,
with `commit`, upserted by their code; a dry run counts the same and rolls back. Address points
missing from the files are kept: a per-municipality file says nothing about other towns.
"""

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils.translation import gettext as _

from mapping.ruian.csvfile import AddressRow, RuianFileError, open_sources, read_rows

STAGE_COLUMNS = (
    "code",
    "municipality_code",
    "municipality_name",
    "district_name",
    "part_name",
    "street",
    "building_number_type",
    "house_number",
    "orientation_number",
    "orientation_letter",
    "postcode",
    "label",
    "valid_from",
    "x",
    "y",
)
STORED_COLUMNS = STAGE_COLUMNS[:-2]  # and geom

DROP_STAGING_SQL = "DROP TABLE IF EXISTS ruian_stage, ruian_ready"
STAGING_SQL = """
CREATE TEMPORARY TABLE ruian_stage (
    seq bigserial, code bigint, municipality_code text, municipality_name text,
    district_name text, part_name text, street text, building_number_type text,
    house_number integer, orientation_number integer, orientation_letter text, postcode text,
    label text, valid_from date, x float8, y float8
) ON COMMIT DROP
"""
# One row per code (the last one read when a code comes twice), in WGS 84.
READY_SQL = f"""
CREATE TEMPORARY TABLE ruian_ready ON COMMIT DROP AS
SELECT DISTINCT ON (code) {", ".join(STORED_COLUMNS)},
       ST_Transform(ST_SetSRID(ST_MakePoint(x, y), 5514), 4326) AS geom
FROM ruian_stage
ORDER BY code, seq DESC
"""
COUNT_SQL = f"""
SELECT count(*) FILTER (WHERE a.code IS NULL),
       count(*) FILTER (WHERE a.code IS NOT NULL AND (
           ({", ".join(f"a.{c}" for c in STORED_COLUMNS)}, ST_AsEWKB(a.geom))
           IS DISTINCT FROM
           ({", ".join(f"r.{c}" for c in STORED_COLUMNS)}, ST_AsEWKB(r.geom)))),
       count(*)
FROM ruian_ready r LEFT JOIN mapping_addresspoint a ON a.code = r.code
"""
UPSERT_SQL = f"""
INSERT INTO mapping_addresspoint ({", ".join(STORED_COLUMNS)}, geom)
SELECT {", ".join(STORED_COLUMNS)}, geom FROM ruian_ready
ON CONFLICT (code) DO UPDATE SET
    {", ".join(f"{c} = excluded.{c}" for c in STORED_COLUMNS[1:])}, geom = excluded.geom
WHERE ({", ".join(f"mapping_addresspoint.{c}" for c in STORED_COLUMNS)},
       ST_AsEWKB(mapping_addresspoint.geom))
      IS DISTINCT FROM
      ({", ".join(f"excluded.{c}" for c in STORED_COLUMNS)}, ST_AsEWKB(excluded.geom))
"""


@dataclass
class RuianImportResult:
    committed: bool
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _stage_row(row: AddressRow) -> tuple:
    return tuple(getattr(row, column) for column in STAGE_COLUMNS)


def import_addresses(
    paths: Iterable[str | Path],
    commit: bool = False,
    municipalities: set[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> RuianImportResult:
    """Read every file in `paths` (CSV or ZIP) and, with `commit`, upsert its address points.

    `municipalities`: only these municipality codes (Kód obce) are imported, the rest skipped.
    """
    say = progress or (lambda message: None)
    started = time.perf_counter()
    paths = [Path(path) for path in paths]
    for path in paths:
        if not path.is_file():
            raise RuianFileError(_("The file %(path)s does not exist.") % {"path": path})
    counts = {"files": 0, "rows": 0, "without_position": 0, "other_municipalities": 0}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(DROP_STAGING_SQL)
        cursor.execute(STAGING_SQL)
        with cursor.copy(
            f"COPY ruian_stage ({', '.join(STAGE_COLUMNS)}) FROM STDIN"  # noqa: S608
        ) as copy:
            for path in paths:
                for name, stream in open_sources(path):
                    counts["files"] += 1
                    for row in read_rows(name, stream):
                        counts["rows"] += 1
                        if municipalities is not None and (
                            row.municipality_code not in municipalities
                        ):
                            counts["other_municipalities"] += 1
                        elif row.x is None:
                            counts["without_position"] += 1
                        else:
                            copy.write_row(_stage_row(row))
                        if counts["rows"] % 200_000 == 0:
                            say(_("%(count)s rows read") % {"count": counts["rows"]})
        say(_("transforming the coordinates and comparing with the stored address points"))
        cursor.execute(READY_SQL)
        cursor.execute("SELECT count(*) FROM ruian_stage")
        staged = cursor.fetchone()[0]
        cursor.execute(COUNT_SQL)
        created, updated, total = cursor.fetchone()
        counts["repeated_codes"] = staged - total
        counts["created"] = created
        counts["updated"] = updated
        counts["unchanged"] = total - created - updated
        if commit:
            cursor.execute(UPSERT_SQL)
        cursor.execute(DROP_STAGING_SQL)
        if commit:
            cursor.execute("ANALYZE mapping_addresspoint")
        else:
            transaction.set_rollback(True)
    return RuianImportResult(committed=commit, counts=counts, seconds=time.perf_counter() - started)
