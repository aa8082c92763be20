from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from mapping.demo.loader import load_demo


class Command(BaseCommand):
    help = _("Load the demo town (Písek). Dry run unless --commit is given; safe to run again.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--commit", action="store_true", help=_("Write to the database (default: dry run).")
        )

    def handle(self, *args, commit: bool, **options):
        report = load_demo(commit=commit)
        for line in report.lines():
            self.stdout.write(line)
        if commit:
            self.stdout.write(self.style.SUCCESS(_("Demo town loaded.")))
        else:
            self.stdout.write(
                self.style.WARNING(_("Dry run: nothing was written. Add --commit to write."))
            )
