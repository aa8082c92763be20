"""The map's country-level grid: built by its command and by the worker after a publication, it
counts every published place once per profile."""

import pytest
from django.core.management import call_command
from procrastinate.contrib.django.models import ProcrastinateJob

from mapping.models import MapGridBuild, MapGridCell, ReviewStatus
from mapping.public.grid import PROFILES
from mapping.public.tasks import build_map_grid_job, refresh_map_grid
from mapping.public.tiles import CELL_SHIFT, GRID_LEVEL
from mapping.review.workflow import approve
from tests.factories import TABOR, make_assessed_place

pytestmark = pytest.mark.django_db


def places_by_profile(level: int = GRID_LEVEL) -> dict[str, int]:
    totals: dict[str, int] = {}
    for cell in MapGridCell.objects.filter(level=level):
        totals[cell.profile] = totals.get(cell.profile, 0) + cell.places
    return totals


def test_the_command_counts_every_published_place_once_per_profile(capsys):
    make_assessed_place("Radnice", wheelchair="partly")
    make_assessed_place("Brno", lon=16.6068, lat=49.1951, wheelchair="")
    make_assessed_place("Koncept", status=ReviewStatus.SUBMITTED)
    call_command("build_map_grid")
    assert "cells" in capsys.readouterr().out
    # Every level counts them all, down to the four cells of the whole world.
    for level in range(CELL_SHIFT, GRID_LEVEL + 1):
        assert places_by_profile(level) == dict.fromkeys(PROFILES, 2), level
    wheelchair = {
        c.symbol: c.places
        for c in MapGridCell.objects.filter(profile="wheelchair", level=CELL_SHIFT)
    }
    assert wheelchair == {"partly": 1, "unknown": 1}
    (tabor,) = MapGridCell.objects.filter(profile="wheelchair", symbol="partly", level=GRID_LEVEL)
    assert (tabor.sum_lon, tabor.sum_lat) == pytest.approx(TABOR)
    # A rebuild replaces the grid, it does not add to it.
    call_command("build_map_grid")
    assert places_by_profile() == dict.fromkeys(PROFILES, 2)
    assert MapGridBuild.objects.count() == 1


def test_an_approval_queues_a_rebuild_once_and_the_job_counts_the_new_place(charlie):
    first = make_assessed_place("Radnice", status=ReviewStatus.SUBMITTED)
    second = make_assessed_place("Knihovna", status=ReviewStatus.SUBMITTED)
    approve(first.assessments.get(), charlie)
    approve(second.assessments.get(), charlie)
    queued = ProcrastinateJob.objects.filter(task_name="build_map_grid", status="todo")
    assert queued.count() == 1
    assert build_map_grid_job() > 0
    assert places_by_profile()["wheelchair"] == 2


def test_the_periodic_check_rebuilds_only_when_the_data_changed():
    make_assessed_place("Radnice")
    assert refresh_map_grid(0) > 0
    assert refresh_map_grid(0) == 0
    make_assessed_place("Knihovna", lon=TABOR[0] + 0.01)
    assert refresh_map_grid(0) > 0
    assert places_by_profile()["pram"] == 2
