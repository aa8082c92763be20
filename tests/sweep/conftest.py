"""The world the sweep walks: one of everything, and quiet request logs."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from mapping.models import (
    ImportRun,
    ImportStatus,
    RepairContact,
    RepairItem,
    RepairSource,
    RepairStatus,
    Report,
    ReviewStatus,
    Role,
)
from mapping.photo_storage import save_photo
from mapping.survey.accounts import make_invitation_token
from tests.factories import (
    make_assessed_place,
    make_assessment,
    make_entrance,
    make_municipality,
    make_service,
    make_user,
)
from tests.jobs import checked_photo
from tests.survey.conftest import BUILDING_ANSWERS, small_jpeg

# ---------------------------------------------------------------------------------------------
# The world: one of everything, and a filler for every path parameter.


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.REPORTS_PER_HOUR = 10**6
    settings.REPAIR_ANSWERS_PER_HOUR = 10**6
    settings.REMEDY_REQUESTS_PER_HOUR = 10**6
    alice = make_user("alice", email="alice@example.org", is_approved=True)
    charlie = make_user(
        "charlie", role=Role.COORDINATOR, email="charlie@example.org", is_approved=True
    )
    erin = make_user(
        "erin",
        role=Role.ADMINISTRATOR,
        email="erin@example.org",
        is_approved=True,
        is_staff=True,
        is_superuser=True,
    )
    dora = make_user("dora", email="dora@example.org", is_approved=False)
    municipality = make_municipality()
    place = make_assessed_place("Radnice", municipality=municipality)
    make_entrance(place)
    surveys = {
        status: make_assessment(place, status, surveyor=alice, answers=BUILDING_ANSWERS)
        for status in (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.RETURNED)
    }
    approved = place.assessments.get(status=ReviewStatus.APPROVED)
    photo = checked_photo(approved, small_jpeg(), alt_text="Vstup", subject="entrance")
    draft_photo = checked_photo(
        surveys[ReviewStatus.DRAFT], small_jpeg("red"), alt_text="Dveře", subject="entrance"
    )
    # A photo whose privacy check has not run yet (its copies private, for the review).
    pending_photo = save_photo(
        surveys[ReviewStatus.SUBMITTED], small_jpeg("green"), alt_text="Rampa", subject="ramp"
    )
    service = make_service("Osobní asistence", "s39", ["seniors"], place)
    report = Report.objects.create(
        place=place, kind="barrier", text="Rozbitá rampa", status="published"
    )
    # A repair of the report, assigned to a department with a live answer link.
    repair = RepairItem.objects.create(
        source=RepairSource.REPORT,
        report=report,
        place=place,
        description=report.text,
        assignee=RepairContact.objects.create(name="Odbor dopravy", email="d@mesto.example"),
        status=RepairStatus.ASSIGNED,
        token_nonce=RepairItem.new_nonce(),
        token_expires_at=timezone.now() + timedelta(days=30),
        assigned_at=timezone.now(),
    )
    remedy = RepairItem.objects.create(
        source=RepairSource.REMEDY, description="Nečitelný kontrast", requester_contact="x@y.cz"
    )
    return {
        "repair": repair,
        "remedy": remedy,
        "users": {"anonymous": None, "volunteer": alice, "coordinator": charlie, "admin": erin},
        "place": place,
        "approved": approved,
        "draft": surveys[ReviewStatus.DRAFT],
        "submitted": surveys[ReviewStatus.SUBMITTED],
        "photo": photo,
        "draft_photo": draft_photo,
        "pending_photo": pending_photo,
        "provider": service.provider,
        "service": service,
        "report": report,
        "dora": dora,
        "token": make_invitation_token("new@example.org", charlie),
        # A dry run whose file is gone: its commit is refused with a message.
        "import_run": ImportRun.objects.create(
            kind="vozejkmap",
            file_name="points.geojson",
            status=ImportStatus.DONE,
            report={"counts": {"created": 1}, "figures": [], "notes": [], "rows": []},
        ),
    }


@pytest.fixture
def _quiet_request_log():
    """Thousands of refused requests would each log a warning (and a 403 its traceback): keep
    only the errors, which are what this module looks for anyway."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)
