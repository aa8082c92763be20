from pathlib import Path

import pytest

from mapping.ruian.importer import import_addresses

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ruian"
REAL_CSV = FIXTURES / "trojanovice_praha7_real.csv"
SYNTHETIC_CSV = FIXTURES / "lhotka_synthetic.csv"


@pytest.fixture
def ruian_points(db):
    """The real and the synthetic address points, imported for real."""
    return import_addresses([REAL_CSV, SYNTHETIC_CSV], commit=True)
