from datetime import date

import pytest
from django.contrib.gis.geos import Point

from mapping.models import RepairContact, Report, ReportKind, ReportStatus
from tests.factories import make_municipality


@pytest.fixture
def roads(db) -> RepairContact:
    """The town's roads department, on the coordinators' contact list."""
    return RepairContact.objects.create(
        name="Odbor dopravy", email="doprava@mesto.example", municipality=make_municipality()
    )


@pytest.fixture
def published_barrier(db) -> Report:
    return Report.objects.create(
        kind=ReportKind.BARRIER,
        text="Vysoký obrubník na přechodu u školy",
        location=Point(14.1474, 49.3089, srid=4326),
        contact="jana@example.org",
        status=ReportStatus.PUBLISHED,
        moderated_at=None,
        valid_from=date(2026, 1, 1),
    )
