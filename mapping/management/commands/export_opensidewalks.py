"""Write the routing graph as an OpenSidewalks (OSW 0.2) dataset."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mapping.routing.opensidewalks_export import osw_collections, osw_zip, write_collection


class Command(BaseCommand):
    help = (
        "Export the routing network as an OpenSidewalks (OSW 0.2) dataset: a .zip as OSW ships "
        "it, or, given a folder, its edges and nodes GeoJSON files."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="a .zip file, or a folder for the two GeoJSON files")
        parser.add_argument("--name", default="bezbarierova-mapa", help="the dataset's file name")

    def handle(self, *args, output: str, name: str, **options):
        target = Path(output)
        if target.suffix.lower() == ".zip":
            if not target.parent.is_dir():
                raise CommandError(
                    _("The folder %(path)s does not exist.") % {"path": target.parent}
                )
            target.write_bytes(osw_zip(name))
            written = [target]
        else:
            target.mkdir(parents=True, exist_ok=True)
            written = []
            for layer, collection in zip(("edges", "nodes"), osw_collections(), strict=True):
                path = target / f"{name}.{layer}.OSW.geojson"
                path.write_bytes(write_collection(collection))
                written.append(path)
        for path in written:
            self.stdout.write(str(path))
