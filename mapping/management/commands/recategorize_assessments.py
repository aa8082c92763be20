"""Re-categorise stored assessments under the current methodology version.

    python manage.py recategorize_assessments [--all] [--methodology VERSION] [--commit]

Dry-run by default: reports what would change (place, profile, old -> new) and writes with
--commit only. Without --all, only assessments categorised by another version are taken.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from mapping.categorisation import COLUMNS, current_methodology_version, recategorize
from mapping.methodology.rules import RULESETS
from mapping.models import Assessment

BATCH = 500


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

    def handle(self, *args, **options):
        version = options["methodology"] or current_methodology_version()
        assessments = Assessment.objects.select_related("place").order_by("pk")
        if not options["all"]:
            assessments = assessments.exclude(methodology_version=version)
        seen = changed = 0
        batch = []
        fields = [*COLUMNS, "updated_at"]
        with transaction.atomic():
            for assessment in assessments.iterator(chunk_size=BATCH):
                seen += 1
                changes = recategorize(assessment, version)
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
                changed += bool(changes)
                if not options["commit"]:
                    continue
                batch.append(assessment)
                if len(batch) >= BATCH:
                    Assessment.objects.bulk_update(batch, fields)
                    batch = []
            if options["commit"] and batch:
                Assessment.objects.bulk_update(batch, fields)
        counts = {"seen": seen, "changed": changed, "version": version}
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
