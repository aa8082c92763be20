"""Categorise the objects of a Mapy bez bariér exchange JSON file, one JSON line per object.

    python manage.py evaluate_accessibility FILE [--methodology VERSION]

Prints {"index", "title", "wheelchair", "seniors", "pram", "wc", "missing", "reasons"} per object.
A malformed file prints nothing on stdout and exits non-zero, naming the object index and field.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mapping.categorisation import categorise, current_methodology_version
from mapping.methodology.rules import RULESETS
from mapping.methodology.structure import validate_exchange
from mapping.methodology.texts import reason_dict

MAX_ERRORS_SHOWN = 20


def load_exchange_file(path: Path) -> dict:
    """The parsed file, or CommandError with a message a volunteer understands."""
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        raise CommandError(_("File not found: %(path)s") % {"path": path}) from None
    except UnicodeDecodeError:
        raise CommandError(_("The file %(path)s is not UTF-8 text.") % {"path": path}) from None
    except json.JSONDecodeError as e:
        raise CommandError(
            _("The file %(path)s is not valid JSON: %(error)s (line %(line)s, column %(col)s).")
            % {"path": path, "error": e.msg, "line": e.lineno, "col": e.colno}
        ) from None


def summary_line(index: int, obj: dict, result) -> dict:
    return {
        "index": index,
        "title": obj.get("title", ""),
        "wheelchair": result.categories["wheelchair"],
        "seniors": result.categories["seniors"],
        "pram": result.categories["pram"],
        "wc": result.wc,
        "missing": result.missing,
        "reasons": [reason_dict(r) for r in result.all_reasons()],
    }


class Command(BaseCommand):
    help = _(
        "Categorise the objects of a Mapy bez bariér exchange JSON file by the MKPO methodology, "
        "printing one JSON line per object."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=_("exchange JSON file ({'object': [...]})"))
        parser.add_argument(
            "--methodology",
            choices=sorted(RULESETS),
            default=None,
            help=_("methodology version to apply (default: the deployment's current one)"),
        )

    def handle(self, *args, **options):
        document = load_exchange_file(options["file"])
        errors = validate_exchange(document)
        if errors:
            czech = (get_language() or "").startswith("cs")
            lines = [e.cs if czech else e.en for e in errors[:MAX_ERRORS_SHOWN]]
            if len(errors) > MAX_ERRORS_SHOWN:
                lines.append(
                    _("… and %(count)s more errors.") % {"count": len(errors) - MAX_ERRORS_SHOWN}
                )
            raise CommandError(
                _("The file %(path)s is not a valid exchange file:") % {"path": options["file"]}
                + "\n"
                + "\n".join(lines)
            )
        version = options["methodology"] or current_methodology_version()
        out = self.stdout
        for index, obj in enumerate(document["object"]):
            line = summary_line(index, obj, categorise(obj, version))
            out.write(json.dumps(line, ensure_ascii=False))
