"""Re-categorise stored assessments under the current methodology version.

    python manage.py recategorize_assessments [--all] [--methodology VERSION] [--commit]
        [--background]

Dry-run by default: reports what would change (place, profile, old -> new) and writes with
--commit only. Without --all, only assessments categorised by another version are taken.
With --background (and --commit) the run is queued for the worker, which logs the counts.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mapping.categorisation import recategorize_stored
from mapping.methodology.rules import RULESETS
from mapping.tasks import recategorize_assessments


class Command(BaseCommand):
    help = _(
        "Re-evaluate stored assessments whose methodology version differs from the current one, "
        "reporting what changes; writes only with --commit."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help=_("re-evaluate every assessment, whatever its version"),
        )
        parser.add_argument(
            "--methodology",
            choices=sorted(RULESETS),
            default=None,
            help=_("methodology version to apply (default: the deployment's current one)"),
        )
        parser.add_argument("--commit", action="store_true", help=_("write the changes"))
        parser.add_argument(
            "--background",
            action="store_true",
            help=_("queue the run as a background job for the worker instead of running it here"),
        )

    def handle(self, *args, **options):
        if options["background"]:
            self._defer(options)
            return
        counts = recategorize_stored(
            options["methodology"],
            everything=options["all"],
            commit=options["commit"],
            on_change=self._print_changes,
        )
        if options["commit"]:
            message = _(
                "%(seen)s assessments re-evaluated under %(version)s, %(changed)s changed category."
            )
        else:
            message = _(
                "Dry run: %(seen)s assessments would be re-evaluated under %(version)s, "
                "%(changed)s would change category. Nothing written; use --commit to write."
            )
        self.stdout.write(message % counts)

    def _print_changes(self, assessment, changes) -> None:
        for field, old, new in changes:
            self.stdout.write(
                _("%(place)s (assessment %(id)s): %(field)s %(old)s -> %(new)s")
                % {
                    "place": assessment.place.name,
                    "id": assessment.pk,
                    "field": field,
                    "old": "-" if old in (None, "") else old,
                    "new": new,
                }
            )

    def _defer(self, options) -> None:
        if not options["commit"]:
            raise CommandError(_("--background writes: give --commit too."))
        job_id = recategorize_assessments.defer(
            version=options["methodology"], everything=options["all"]
        )
        self.stdout.write(
            _("Queued as background job %(id)s: a worker re-evaluates the assessments.")
            % {"id": job_id}
        )
