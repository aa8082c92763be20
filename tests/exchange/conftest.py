import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "mapybezbarier"


@pytest.fixture
def mbb_document() -> dict:
    """Our own Mapy bez bariér objects: together they use every field of the standard."""
    return json.loads((FIXTURES / "exchange_objects.json").read_text(encoding="utf-8"))


@pytest.fixture
def mbb_bytes(mbb_document) -> bytes:
    return json.dumps(mbb_document, ensure_ascii=False).encode()


@pytest.fixture
def imported(mbb_bytes):
    """Our fixture objects imported (committed) with the engine double."""
    from mapping.exchange import mbb_format
    from mapping.exchange.importer import import_objects
    from tests.exchange.doubles import declared_evaluate

    return import_objects(
        mbb_format.read_json(mbb_bytes),
        source="mapybezbarier",
        evaluate=declared_evaluate,
        commit=True,
    )


@pytest.fixture(autouse=True)
def _messages_in_english(english):
    """These tests read messages in English, the source language (Czech has its own tests)."""
