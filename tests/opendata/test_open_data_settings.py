"""The score's thresholds and the catalogue's frequency are read loudly at start-up."""

import pytest

from tests.test_settings import PRODUCTION_ENV, manage


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SCORE_MIN_COVERAGE": "50"}, "SCORE_MIN_COVERAGE must lie between 0 and 1"),
        ({"SCORE_MIN_ASSESSED": "0"}, "SCORE_MIN_ASSESSED must be at least 1"),
        ({"OPEN_DATA_FREQUENCY": "sometimes"}, "OPEN_DATA_FREQUENCY='SOMETIMES' is not one of"),
    ],
)
def test_a_bad_value_is_refused_with_what_to_set(env, message):
    result = manage("check", **PRODUCTION_ENV, **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_a_frequency_is_read_whatever_its_case():
    result = manage("check", **PRODUCTION_ENV, OPEN_DATA_FREQUENCY="weekly")
    assert result.returncode == 0, result.stderr
