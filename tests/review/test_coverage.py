"""Coverage: places never surveyed, and places whose published survey is too old."""

from datetime import date

from django.urls import reverse

from mapping.models import ReviewStatus
from mapping.review.coverage import cutoff_date, never_surveyed, outdated
from tests.factories import make_assessment, make_place
from tests.personas import client_for


def test_it_lists_places_without_any_published_survey(db):
    bare = make_place("Hřiště")
    only_draft = make_place("Pošta")
    make_assessment(only_draft, ReviewStatus.SUBMITTED)
    published = make_place("Radnice")
    make_assessment(published, ReviewStatus.APPROVED)
    assert list(never_surveyed()) == [bare, only_draft]


def test_it_lists_places_whose_latest_approved_survey_is_older_than_the_setting(settings, db):
    settings.SURVEY_MAX_AGE_YEARS = 5
    today = date(2026, 11, 23)
    old = make_place("Kino")
    make_assessment(old, ReviewStatus.APPROVED, survey_date=date(2020, 6, 1))
    fresh = make_place("Divadlo")
    make_assessment(fresh, ReviewStatus.APPROVED, survey_date=date(2024, 6, 1))
    resurveyed = make_place("Lázně")
    make_assessment(resurveyed, ReviewStatus.SUPERSEDED, survey_date=date(2015, 1, 1))
    make_assessment(resurveyed, ReviewStatus.APPROVED, survey_date=date(2025, 1, 1))
    assert cutoff_date(today) == date(2021, 11, 23)
    assert list(outdated(today)) == [old]
    settings.SURVEY_MAX_AGE_YEARS = 1
    assert list(outdated(today)) == [old, fresh, resurveyed]


def test_the_coverage_page_is_for_coordinators(alice, charlie):
    make_place("Hřiště")
    assert client_for(alice).get(reverse("review:coverage")).status_code == 403
    page = client_for(charlie).get(reverse("review:coverage"))
    assert page.status_code == 200
    assert "Hřiště" in page.content.decode()
