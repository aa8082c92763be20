"""Runs one of the survey app's scripts in node, as the phone would, on JSON input: the tests
that hold the phone and the server to the same rules."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "static" / "js" / "survey"
# The script publishes its object on `window`; `body` maps `input` to the output, with `window`.
RUNNER = """
const fs = require("fs"), vm = require("vm");
const window = {};
vm.runInNewContext(fs.readFileSync(process.argv[1], "utf8"), { window });
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const output = (function (window, input) { %s })(window, input);
process.stdout.write(JSON.stringify(output));
"""


def run_survey_script(name: str, body: str, data):
    node = shutil.which("node")
    if not node:
        pytest.fail("node is needed to run the survey's scripts (apt-get install nodejs)")
    done = subprocess.run(
        [node, "-e", RUNNER % body, str(SCRIPTS / name)],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)
