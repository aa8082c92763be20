"""Coverage for coordinators: places never surveyed, and places whose survey is too old."""

from datetime import date

from django.conf import settings
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from mapping.models import Assessment, Place


def cutoff_date(today: date | None = None) -> date:
    today = today or timezone.localdate()
    years = settings.SURVEY_MAX_AGE_YEARS
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def never_surveyed():
    """Places with no approved (nor superseded) assessment at all."""
    published = Assessment.objects.published(superseded=True).filter(place=OuterRef("pk"))
    return Place.objects.listed().filter(~Exists(published)).order_by("name", "id")


def outdated(today: date | None = None):
    """Places whose latest approved assessment was surveyed before the cut-off, oldest first."""
    latest = Assessment.objects.published().filter(place=OuterRef("pk"))
    return (
        Place.objects.annotate(
            surveyed_on=Subquery(latest.order_by("-survey_date").values("survey_date")[:1])
        )
        .filter(surveyed_on__lt=cutoff_date(today))
        .order_by("surveyed_on", "name", "id")
    )
