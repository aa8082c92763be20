"""The place detail at its permanent URL: categories with reasons, measurements, photos,
entrances, toilets, parking, survey date, and a way to report a problem."""

import pytest
from django.urls import reverse

from mapping.models import Assessment, Photo, ReviewStatus
from tests.factories import make_assessed_place, make_entrance

ANSWERS = {
    "entrance1Accessibility": "RampEntranceAccessibility",
    "entrance1Door1MainpanelWidth": 90,
    "entrance1Door1StepHeight": 2,
    "entrance2Accessibility": "MoreStepsEntranceAccessibility",
    "entrance1IsReservedParking": True,
    "entrance1NumberOfReservedParking": 2,
    "entrance1Guidingline": "NaturalEntranceGuidingline",
    "rampskids": [{"rampleg1Length": 450, "rampleg1Inclination": 6.5, "rampleg1Width": 120}],
    "wc": [{"wcAccessibility": "AccessibleWCMKPO", "wcCabinWidth": 180, "wcCabinDepth": 170}],
}
RESULT = {
    "reasons": [
        {
            "profile": "wheelchair",
            "cs": "Dveře mají šířku 90 cm, požaduje se alespoň 80 cm.",
            "en": "The door is 90 cm wide; at least 80 cm is required.",
        },
        {"profile": "pram", "text": {"cs": "Práh 2 cm.", "en": "Threshold 2 cm."}},
    ]
}


def detail(client, place, **headers):
    return client.get(reverse("public:detail", args=[place.id]), **headers)


@pytest.mark.django_db
def test_it_shows_the_categories_with_their_reasons_in_the_visitors_language(client):
    place = make_assessed_place("Radnice", wheelchair="accessible", pram="partly", result=RESULT)
    page = detail(client, place, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The door is 90 cm wide; at least 80 cm is required." in page
    assert "Threshold 2 cm." in page
    assert "Dveře mají šířku" not in page


@pytest.mark.django_db
def test_it_shows_measurements_toilets_parking_and_entrances(client):
    place = make_assessed_place("Radnice", answers=ANSWERS, toilet=True)
    make_entrance(place, 1, label="Main door", is_main=True)
    make_entrance(place, 2, dlon=-0.0001, label="Back door")
    page = detail(client, place, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Door width (main panel)" in page and "90 cm" in page
    assert "Ramp slope" in page and "6.5 %" in page
    assert "Toilet 1" in page and "180 cm" in page
    assert "Reserved parking at entrance 1: 2 spaces" in page
    assert "Main door" in page and "by a ramp" in page and "step-free" in page
    assert "Back door" in page and "more steps" in page
    assert "Guiding line to the entrance" in page
    assert "Surveyed on May 4, 2026" in page
    assert "Report a problem with this place" in page


@pytest.mark.django_db
def test_it_shows_only_visible_photos_with_their_alt_text(client):
    place = make_assessed_place("Radnice")
    assessment = Assessment.objects.get(place=place)
    for alt, hidden in (("Ramp at the main door", False), ("Hidden for privacy", True)):
        Photo.objects.create(
            assessment=assessment,
            image="photos/display/a.jpg",
            thumbnail="photos/thumb/a.jpg",
            alt_text=alt,
            is_hidden=hidden,
            privacy_status="done",
        )
    # Not yet through the privacy check: no public copy, not shown.
    Photo.objects.create(
        assessment=assessment, pending_image="photos/pending/b.jpg", alt_text="Awaiting the check"
    )
    page = detail(client, place).content.decode()
    assert 'alt="Ramp at the main door"' in page
    assert "Hidden for privacy" not in page
    assert "Awaiting the check" not in page


@pytest.mark.django_db
def test_it_degrades_gracefully_without_a_computed_result_or_answers(client):
    place = make_assessed_place("Radnice", wheelchair="", result={}, answers={})
    response = detail(client, place, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Not assessed for this profile" in response.content.decode()


@pytest.mark.django_db
def test_it_escapes_a_name_with_markup(client):
    place = make_assessed_place("<img src=x onerror=alert(1)>")
    page = detail(client, place).content.decode()
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.django_db
def test_it_is_404_for_a_place_without_an_approved_assessment(client):
    place = make_assessed_place("Draft only", status=ReviewStatus.SUBMITTED)
    assert detail(client, place).status_code == 404
    assert client.get(reverse("public:detail", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_it_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    place = make_assessed_place("Radnice", answers=ANSWERS)
    make_entrance(place, 1)
    make_entrance(place, 2, dlon=-0.0001)
    # assessment+place, entrances, sensory features, services, reports, photos
    with django_assert_num_queries(6):
        assert detail(client, place).status_code == 200


@pytest.mark.django_db
def test_its_report_link_opens_the_report_form_with_the_place_chosen(client):
    place = make_assessed_place("Pošta")
    page = client.get(reverse("public:detail", args=[place.pk])).content.decode()
    assert f'href="{reverse("reports:new")}?place={place.pk}"' in page


def _place_with_a_step(height: float, door: float = 90):
    return make_assessed_place(
        "Lékárna",
        answers={
            "entrance1Accessibility": "OnestepEntranceAccessibility",
            "entrance1Door1StepHeight": height,
            "entrance1Door1MainpanelWidth": door,
        },
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("limit", "expected"),
    [("3", "Bariéra pro vaše limity."), ("6", "V rámci vašich limitů")],
)
def test_it_says_whether_the_place_is_within_the_visitors_limits(client, limit, expected):
    place = _place_with_a_step(5)
    page = client.get(
        reverse("public:detail", args=[place.pk]),
        {"max_kerb_cm": limit},
        HTTP_ACCEPT_LANGUAGE="cs",
    ).content.decode()
    assert expected in page
    assert "Nejnižší schod u vstupu: 5 cm." in page


@pytest.mark.django_db
def test_without_limits_or_with_a_bad_one_it_says_nothing_about_them(client):
    place = _place_with_a_step(5)
    url = reverse("public:detail", args=[place.pk])
    assert 'class="for-limits' not in client.get(url).content.decode()
    bad = client.get(url, {"max_kerb_cm": "lots"})
    assert bad.status_code == 200
    assert 'class="for-limits' not in bad.content.decode()


@pytest.mark.django_db
def test_the_list_passes_the_visitors_limits_on_to_each_detail(client):
    place = _place_with_a_step(5)
    page = client.get(reverse("public:list"), {"max_kerb_cm": "3"}).content.decode()
    assert f'href="{reverse("public:detail", args=[place.pk])}?max_kerb_cm=3"' in page
