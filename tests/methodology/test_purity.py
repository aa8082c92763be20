"""The methodology package is plain Python: it imports nothing from Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_engine_imports_and_runs_without_django():
    code = (
        "import sys\n"
        "from mapping.methodology import checks, engine, facts, rules, sensory, structure, texts\n"
        "engine.evaluate({'entrance1Accessibility': 'OneStepEntranceAccessibility'}).to_dict()\n"
        "structure.validate({}, 'building')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )

    assert done.stdout.strip() == "[]"
