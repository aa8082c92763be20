"""The review shows a submission beside the published survey, field by field, and flags
measurements that disagree beyond the tolerance."""

from django.urls import reverse

from mapping.models import ReviewStatus
from mapping.review.diff import diff_answers, disagrees
from tests.factories import make_assessment, make_place
from tests.jobs import work_off_queue
from tests.personas import client_for

OLD = {
    "entrance1Accessibility": "OneStepEntranceAccessibility",
    "entrance1Door1MainpanelWidth": 90,
    "wc": [{"wcCabinWidth": 180}],
}
NEW = {
    "entrance1Accessibility": "NoelevationEntranceAccessibility",
    "entrance1Door1MainpanelWidth": 92,
    "wc": [{"wcCabinWidth": 160}],
}


def rows_by_path(old, new, language="en"):
    return {row.path: row for row in diff_answers(old, new, language)}


def test_it_marks_changed_answers_with_the_engines_labels():
    rows = rows_by_path(OLD, NEW)
    entrance = rows["entrance1Accessibility"]
    assert entrance.changed and not entrance.disagrees
    assert entrance.old == "one step" and entrance.new == "level"
    assert rows["wc[0].wcCabinWidth"].label.startswith("toilet 1:")
    assert rows["entrance1Door1MainpanelWidth"].new == "92 cm"


def test_it_writes_values_in_czech_for_czech_readers():
    rows = rows_by_path(OLD, NEW, "cs")
    assert rows["entrance1Accessibility"].old == "jeden schod"
    assert rows["wc[0].wcCabinWidth"].label.startswith("WC 1:")


def test_a_difference_within_the_tolerance_is_a_change_not_a_disagreement(settings):
    settings.REVIEW_TOLERANCE_CM = 5
    rows = rows_by_path(OLD, NEW)
    assert rows["entrance1Door1MainpanelWidth"].changed
    assert not rows["entrance1Door1MainpanelWidth"].disagrees
    assert rows["wc[0].wcCabinWidth"].disagrees


def test_the_tolerances_come_from_the_settings(settings):
    settings.REVIEW_TOLERANCE_CM = 1
    assert disagrees("entrance1Door1MainpanelWidth", 90, 92)
    settings.REVIEW_TOLERANCE_PERCENT = 10
    assert not disagrees("publicSpaceLongitudinalSlope", 5.0, 5.4)
    assert disagrees("publicSpaceLongitudinalSlope", 5.0, 6.0)


def test_the_review_page_shows_the_differences_and_the_disagreements(alice, charlie):
    place = make_place("Radnice")
    make_assessment(place, ReviewStatus.APPROVED, answers=OLD)
    submitted = make_assessment(place, ReviewStatus.SUBMITTED, surveyor=alice, answers=NEW)
    page = client_for(charlie).get(reverse("review:detail", args=[submitted.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="diff-disagrees" data-path="wc[0].wcCabinWidth"' in html
    assert 'class="diff-changed" data-path="entrance1Accessibility"' in html
    assert 'id="disagreements"' in html


def test_the_review_page_shows_the_places_address_municipality_and_ruian_code(alice, charlie):
    from tests.factories import make_municipality

    place = make_place("Kůlna", street="Zahrádky", house_number="17", city="Lhotka")
    place.municipality = make_municipality("Lhotka")
    place.ruian_address_code = 99000101
    place.save()
    submitted = make_assessment(place, ReviewStatus.SUBMITTED, surveyor=alice, answers=NEW)
    url = reverse("review:detail", args=[submitted.pk])

    def place_line() -> str:
        html = client_for(charlie).get(url).content.decode()
        return html.split('id="review-place"')[1].split("</p>")[0]

    charlie.is_staff = False  # a coordinator without admin access first
    charlie.save()
    line = place_line()
    assert "Zahrádky 17, Lhotka" in line
    assert "(Lhotka)" in line and "99000101" in line
    edit = f"/admin/mapping/place/{place.pk}/change/"
    assert edit not in line  # the admin is for staff coordinators only
    charlie.is_staff = True
    charlie.save()
    assert edit in place_line()


def test_two_pending_surveys_of_one_place_that_disagree_are_shown(alice, bob, charlie):
    place = make_place("Knihovna")
    first = make_assessment(place, ReviewStatus.SUBMITTED, surveyor=alice, answers=OLD)
    make_assessment(place, ReviewStatus.SUBMITTED, surveyor=bob, answers=NEW)
    page = client_for(charlie).get(reverse("review:detail", args=[first.pk]))
    assert page.context["disagreements"][0]["path"] == "wc[0].wcCabinWidth"


def test_the_queue_lists_only_submitted_surveys(alice, charlie):
    place = make_place("Muzeum")
    submitted = make_assessment(place, ReviewStatus.SUBMITTED, surveyor=alice)
    make_assessment(place, ReviewStatus.DRAFT, surveyor=alice)
    page = client_for(charlie).get(reverse("review:queue"))
    assert list(page.context["assessments"]) == [submitted]


def test_rejecting_without_a_comment_is_refused(alice, charlie):
    submitted = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    client_for(charlie).post(reverse("review:reject", args=[submitted.pk]), {"comment": " "})
    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.SUBMITTED


def test_deciding_twice_is_a_409_not_a_500(alice, charlie, mailoutbox):
    submitted = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    client = client_for(charlie)
    assert client.post(reverse("review:approve", args=[submitted.pk])).status_code == 302
    assert client.post(reverse("review:approve", args=[submitted.pk])).status_code == 409
    work_off_queue()
    assert [mail.to for mail in mailoutbox] == [["alice@example.org"]]
