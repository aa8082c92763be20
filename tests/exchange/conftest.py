import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "mapybezbarier"


@pytest.fixture
def mbb_document() -> dict:
    """Our own Mapy bez bariér objects: together they use every field of the standard."""
    return json.loads((FIXTURES / "objects.json").read_text(encoding="utf-8"))


@pytest.fixture
def mbb_bytes(mbb_document) -> bytes:
    return json.dumps(mbb_document, ensure_ascii=False).encode()
