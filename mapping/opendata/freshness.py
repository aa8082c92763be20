"""When did the published data last change? One query, used for ETag and Last-Modified.

The ETag also holds the number of published rows, so that a deletion (which moves no timestamp)
still changes it.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from mapping.models.published import PUBLISHED_SQL

FRESHNESS_SQL = f"""
SELECT GREATEST(
           (SELECT MAX(updated_at) FROM mapping_place),
           (SELECT MAX(updated_at) FROM mapping_assessment),
           (SELECT MAX(created_at) FROM mapping_photo)
       ),
       (SELECT COUNT(*) FROM mapping_assessment a WHERE {PUBLISHED_SQL}),
       (SELECT COUNT(*) FROM mapping_photo WHERE NOT is_hidden AND privacy_status = 'done')
"""


@dataclass(frozen=True)
class Freshness:
    last_modified: datetime | None
    etag: str
    published: int = 0  # approved assessments, i.e. published places


def published_freshness() -> Freshness:
    with connection.cursor() as cursor:
        cursor.execute(FRESHNESS_SQL)
        last_modified, approved, photos = cursor.fetchone()
    stamp = last_modified.timestamp() if last_modified else 0
    return Freshness(last_modified, f"{stamp:.6f}-{approved}-{photos}", approved)
