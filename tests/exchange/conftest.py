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


VALIDATOR_DIR = Path(__file__).resolve().parents[2] / "tools" / "a11yjson-validator"


@pytest.fixture(scope="session")
def a11yjson_validator():
    """Run the official A11yJSON schema (npm @sozialhelden/a11yjson, pinned in package-lock.json)
    on a file: installs it with `npm ci` on first use; returns (exit code, output)."""
    import shutil
    import subprocess

    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.fail(
            "node and npm are needed for the A11yJSON validator (apt-get install nodejs npm)"
        )
    if not (VALIDATOR_DIR / "node_modules" / "@sozialhelden" / "a11yjson").is_dir():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=VALIDATOR_DIR,
            check=True,
            capture_output=True,
            timeout=600,
        )

    def validate(path: Path, schema_type: str = "PlaceInfo") -> tuple[int, str]:
        done = subprocess.run(
            [node, "validate-a11yjson.mjs", "--type", schema_type, str(path)],
            cwd=VALIDATOR_DIR,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return done.returncode, done.stdout + done.stderr

    return validate


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
