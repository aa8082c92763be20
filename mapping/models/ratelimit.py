"""Counters of the rate limits (mapping.ratelimit) when no Redis is configured."""

from django.db import models


class RateLimitCounter(models.Model):
    """How many requests one client (a keyed hash of its address) made in one scope, in the
    window that ends at `window_ends`. Rows whose window has ended are deleted as new windows
    begin; mapping.ratelimit counts with one atomic upsert, never through the ORM."""

    key = models.CharField(primary_key=True, max_length=100)
    count = models.PositiveIntegerField()
    window_ends = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "mapping_rate_limit_counter"

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
