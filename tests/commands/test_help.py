"""`manage.py COMMAND --help` works for every command of the app, in Czech and in English.

A lazy translation as a command's `help` (or an argument's) makes argparse fail with
"TypeError: expected string or bytes-like object, got '__proxy__'" before it prints anything.
"""

from pathlib import Path

import pytest
from django.core.management import ManagementUtility, find_commands, load_command_class
from django.utils import translation

import mapping.management

COMMANDS = find_commands(str(Path(mapping.management.__file__).parent))


def test_the_commands_are_found():
    assert {"import_mapybezbarier", "recategorize_assessments", "load_demo"} <= set(COMMANDS)


@pytest.mark.parametrize("language", ["cs", "en"])
@pytest.mark.parametrize("name", COMMANDS)
def test_help_prints_the_usage_and_exits_0(name, language, capsys):
    with translation.override(language), pytest.raises(SystemExit) as exit:
        ManagementUtility(["manage.py", name, "--help"]).execute()
    assert exit.value.code == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"usage: manage.py {name} ")
    description = " ".join(load_command_class("mapping", name).help.split())
    assert description and description in " ".join(printed.split())
