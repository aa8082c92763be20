import pytest
from django.core.exceptions import ValidationError

from mapping.ico import ico_check_digit, is_valid_ico, normalise_ico
from mapping.models import Provider
from mapping.models.validators import validate_ico

# Real IČOs from the public business register: cities of Praha, Brno, Ostrava and a company.
REAL_ICOS = ["00064581", "44992785", "00845451", "25596641", "27074358", "00254657"]


@pytest.mark.parametrize("ico", REAL_ICOS)
def test_it_accepts_real_icos(ico):
    assert is_valid_ico(ico)


@pytest.mark.parametrize("ico", ["00064582", "12345678", "25596640", "2559664", "2559664X", ""])
def test_it_rejects_a_wrong_check_digit_or_a_wrong_length(ico):
    assert not is_valid_ico(ico)


def test_a_remainder_of_zero_gives_check_digit_one():
    # Weights 8..2: "1000010" sums to 8 + 3 = 11.
    assert ico_check_digit("1000010") == 1


def test_a_remainder_of_one_gives_check_digit_zero():
    # "1000100" sums to 8 + 4 = 12, and 12 % 11 == 1.
    assert ico_check_digit("1000100") == 0


def test_it_pads_short_icos_with_leading_zeros_as_registers_print_them():
    assert normalise_ico(" 64 581") == "00064581"


def test_the_model_validator_refuses_a_bad_ico_with_a_message():
    with pytest.raises(ValidationError) as error:
        validate_ico("12345678")
    assert "12345678" in error.value.messages[0]


@pytest.mark.django_db
def test_a_provider_with_a_bad_ico_does_not_pass_full_clean():
    provider = Provider(name="Spolek", ico="12345678")
    with pytest.raises(ValidationError) as error:
        provider.full_clean()
    assert "ico" in error.value.message_dict
