from pathlib import Path

import pytest

from mapping.routing.osm_import import import_network

OSM = Path(__file__).resolve().parent.parent / "fixtures" / "osm"
TOWNS = ("berlin-siegessaeule", "krems", "monaco")


@pytest.fixture
def load_town(db):
    """Import one of the real OSM extracts into the routing graph of the test database."""

    def load(name: str):
        return import_network(OSM / f"{name}.osm.gz", commit=True)

    return load


@pytest.fixture(autouse=True)
def _messages_in_english(english):
    """These tests read messages in English, the source language (Czech has its own tests)."""
