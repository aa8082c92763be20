"""Only mapping/categorisation.py calls the engine's `evaluate`: every other caller goes through
it, and so gets the town's methodology version (settings.METHODOLOGY_VERSION)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BRIDGE = ROOT / "mapping" / "categorisation.py"
ENGINE = "mapping.methodology.engine"


def _reaches_the_engines_evaluate(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.module == ENGINE and any(a.name in ("evaluate", "*") for a in node.names):
                return True
            if node.module == "mapping.methodology" and any(a.name == "engine" for a in node.names):
                return True
        if isinstance(node, ast.Import) and any(a.name == ENGINE for a in node.names):
            return True
    return False


def test_no_module_outside_the_methodology_calls_the_engine_but_the_bridge():
    modules = [
        path
        for path in (ROOT / "mapping").rglob("*.py")
        if "methodology" not in path.relative_to(ROOT / "mapping").parts
    ]
    callers = [
        str(path.relative_to(ROOT))
        for path in modules
        if _reaches_the_engines_evaluate(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert len(modules) > 50
    assert callers == [str(BRIDGE.relative_to(ROOT))]
