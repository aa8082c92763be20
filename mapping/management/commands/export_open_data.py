"""Export published places as open data: a thin wrapper over mapping.exchange.export."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mapping.exchange.export import FORMATS, export


class Command(BaseCommand):
    help = _(
        "Export the published places (approved assessments) as Mapy bez bariér JSON or XML, "
        "A11yJSON, OpenStreetMap tags or GeoJSON."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument(
            "--categories",
            choices=("computed", "declared"),
            default="computed",
            help=_(
                "Mapy bez bariér only: write our computed categories (default) or, for imported "
                "objects, the categories their source declared."
            ),
        )
        parser.add_argument("out", help=_("Output file; - for standard output."))

    def handle(self, *args, **options) -> None:
        result = export(options["format"], categories=options["categories"])
        if options["out"] == "-":
            self.stdout.write(result.content.decode())
        else:
            try:
                Path(options["out"]).write_bytes(result.content)
            except OSError as e:
                raise CommandError(
                    _("Cannot write %(path)s: %(error)s") % {"path": options["out"], "error": e}
                ) from e
        for place_id, name, why in result.left_out:
            self.stderr.write(
                _("Left out place %(id)s %(name)s: %(why)s")
                % {"id": place_id, "name": name, "why": why}
            )
        self.stderr.write(
            _("%(count)s places exported, %(left)s left out.")
            % {"count": result.count, "left": len(result.left_out)}
        )
