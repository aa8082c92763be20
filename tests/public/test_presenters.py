"""The detail page's reading of the engine's result and of the survey answers, whatever their
exact shape: the engine is written in parallel and its output may be partial."""

import pytest
from django.utils import translation

from mapping.public.presenters import measurement_groups, parking, reasons_by_profile, toilets


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_it_groups_a_flat_list_of_reasons_by_their_profile():
    result = {
        "reasons": [
            {"profile": "accessibility", "cs": "Práh 3 cm", "en": "Threshold 3 cm"},
            {"profile": "seniors", "text_cs": "Chybí madlo", "text_en": "No handrail"},
            {"message": {"cs": "Obecně", "en": "General"}},
        ]
    }
    assert reasons_by_profile(result, "en") == {
        "wheelchair": ["Threshold 3 cm"],
        "seniors": ["No handrail"],
        "general": ["General"],
    }
    assert reasons_by_profile(result, "cs")["wheelchair"] == ["Práh 3 cm"]


def test_it_reads_reasons_kept_per_profile():
    by_mapping = {"reasons": {"pram": [{"cs": "Úzké dveře", "en": "Narrow door"}]}}
    by_block = {"profiles": {"wheelchair": {"category": "partly", "reasons": ["Door 75 cm"]}}}
    top_level = {"seniors": {"reasons": [{"en": "Stairs without a banister"}]}}
    assert reasons_by_profile(by_mapping, "en") == {"pram": ["Narrow door"]}
    assert reasons_by_profile(by_block, "cs") == {"wheelchair": ["Door 75 cm"]}
    assert reasons_by_profile(top_level, "cs") == {"seniors": ["Stairs without a banister"]}


def test_it_gives_no_reasons_for_an_empty_or_odd_result():
    assert reasons_by_profile({}, "cs") == {}
    assert reasons_by_profile({"reasons": 42}, "cs") == {}
    assert reasons_by_profile([], "cs") == {}


def test_it_lists_only_the_measurements_present_with_their_units():
    groups = dict(measurement_groups({"entrance1Door1MainpanelWidth": 85, "objectIsStairs": True}))
    assert [(m.label, m.value) for m in groups["Entrance 1"]] == [
        ("Door width (main panel)", "85 cm")
    ]
    assert "Inside" not in groups


def test_it_describes_toilets_and_parking():
    answers = {
        "wc": [{"wcAccessibility": "PartlyAccessibleWCMKPO", "wcCabinWidth": 150}, "junk"],
        "entrance2IsReservedParking": True,
        "entrance2ReservedParkingLocalization": "dvůr",
    }
    ((category, rows),) = toilets(answers)
    assert category == "partly accessible"
    assert rows[0].value == "150 cm"
    assert parking(answers) == ["Reserved parking at entrance 2 (dvůr)"]
    assert parking({"entrance1IsReservedParking": "yes"}) == []
