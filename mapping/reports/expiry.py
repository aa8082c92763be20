"""Temporary barriers end: a published report whose end of validity (`valid_until`, e.g. the
end of road works) has passed is resolved, so that it leaves the public reports and the API. The
route planner already ignores it from that day (mapping/routing/service.py); this makes the rest
of the site agree. Run by a periodic job (mapping/reports/tasks.py)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from mapping.models import Report, ReportStatus


def expired_reports(today: date | None = None):
    today = today or timezone.localdate()
    return Report.objects.filter(status=ReportStatus.PUBLISHED, valid_until__lt=today)


def resolve_expired_reports(today: date | None = None) -> list[int]:
    """Resolve the published reports valid until a day before `today` (the deployment's date);
    returns their ids. The moderator's note says why, for the coordinators."""
    today = today or timezone.localdate()
    with transaction.atomic():
        ids = list(expired_reports(today).select_for_update().values_list("pk", flat=True))
        for report in Report.objects.filter(pk__in=ids):
            note = gettext("Resolved: valid until %(date)s.") % {
                "date": report.valid_until.strftime("%d. %m. %Y")
            }
            report.status = ReportStatus.RESOLVED
            report.moderated_at = timezone.now()
            report.moderator_note = "\n".join(filter(None, [report.moderator_note, note]))
            report.save(update_fields=["status", "moderated_at", "moderator_note"])
    return ids
