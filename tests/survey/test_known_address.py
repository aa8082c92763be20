"""The address typed when a new place is created fills the survey's general step: the phone reads
a Czech house number as the exchange import does (mapping/exchange/places.py)."""

import pytest

from mapping.exchange.places import parse_house_number
from tests.survey.node import run_survey_script

NUMBERS = ["114/3a", "114", "3a", "ev. 12", "1163/12", "12/ 5", "", "č. 5", "7b/2"]


@pytest.mark.parametrize("text", NUMBERS)
def test_the_phone_reads_a_house_number_as_the_server_does(text):
    read = run_survey_script("known.js", "return window.SurveyKnown.houseNumber(input);", text)

    assert read == parse_house_number(text)


def test_a_new_places_address_becomes_the_general_steps_answers():
    address = {"street": "Na Rynku", "house_number": "114/3a", "postcode": "390 01"}
    address["city"] = "Tábor"

    answers = run_survey_script(
        "known.js", "return window.SurveyKnown.addressAnswers(input);", address
    )

    number = {"streetDescNo": 114, "streetOrientNo": 3, "streetOrientSymbol": "a"}
    assert answers == {"street": "Na Rynku", "city": "Tábor", "zipcode": "390 01", **number}
