"""mapping's packages keep the layering the README claims: no two import one another (even
inside a function), the import-linter contracts of pyproject.toml hold, and no module grows past
500 lines. Before, survey and review, catalogue and ruian, public and routing, the models and the
catalogue imported one another, and the routing service had 528 lines."""

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 500


def _import_edges():
    spec = importlib.util.spec_from_file_location("import_edges", ROOT / "scripts/import_edges.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_two_packages_of_mapping_import_one_another():
    edges = _import_edges()
    found = edges.module_edges()
    assert ("mapping.survey", "mapping.review") in found  # the script sees the real imports
    assert edges.cycles(found) == []


def test_the_import_contracts_hold():
    done = subprocess.run(
        [Path(sys.executable).with_name("lint-imports"), "--no-logo", "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert "0 broken" in done.stdout


def test_no_module_of_mapping_is_over_500_lines():
    long = {
        str(path.relative_to(ROOT)): count
        for path in (ROOT / "mapping").rglob("*.py")
        if "migrations" not in path.parts
        and (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
