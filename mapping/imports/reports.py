"""Each core's report as one shape, kept with the run as JSON and shown by one template.

    {
      "counts": {"created": 3, "updated": 0, "unchanged": 1, "skipped": 2} or None,
      "figures": [[label, number], ...],        # what a count of rows does not say
      "notes": [text, ...],
      "sections": [{"title", "text", "items": [text, ...]}, ...],
      "rows": [{"ref", "label", "action", "reasons": [text, ...]}, ...],
    }

Texts are written in the language of the coordinator who started the import.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mapping.catalogue.importer import REJECTED
from mapping.catalogue.importer import ImportReport as CatalogueReport
from mapping.exchange.importer import ACTIONS
from mapping.exchange.importer import ImportReport as ExchangeReport
from mapping.routing.osm_import import ImportResult

ACTION_LABELS = {
    "created": gettext_lazy("created"),
    "updated": gettext_lazy("updated"),
    "unchanged": gettext_lazy("unchanged"),
    "skipped": gettext_lazy("skipped"),
}
NETWORK_FIGURES = {
    "ways_read": gettext_lazy("ways read"),
    "ways_walkable": gettext_lazy("ways a pedestrian may use"),
    "nodes": gettext_lazy("junctions and ends (nodes)"),
    "edges": gettext_lazy("sections between them (edges)"),
    "steps_edges": gettext_lazy("sections with steps"),
    "crossing_edges": gettext_lazy("crossings"),
    "addresses": gettext_lazy("addresses"),
    "kerb_edges": gettext_lazy("sections with a kerb"),
    "incline_edges": gettext_lazy("sections with a known slope"),
}


def _row(ref: object, label: str, action: str, reasons: list[str]) -> dict:
    return {"ref": str(ref), "label": label, "action": action, "reasons": reasons}


def exchange(report: ExchangeReport) -> dict:
    rows = []
    for o in report.outcomes:
        reasons = [o.reason] if o.reason else []
        if o.disagrees:
            reasons.append(
                _("declared category differs: %(what)s") % {"what": ", ".join(o.disagrees)}
            )
        rows.append(_row(o.index, o.title, o.action, reasons))
    return {
        "counts": {action: report.count(action) for action in ACTIONS},
        "figures": [[_("disagree with their declared category"), len(report.flagged)]],
        "notes": list(report.notes),
        "sections": [],
        "rows": rows,
    }


def catalogue(report: CatalogueReport) -> dict:
    counts = report.counts
    rows = [
        _row(
            row.line,
            row.label,
            "skipped" if row.status == REJECTED else row.status,
            list(row.reasons),
        )
        for row in report.rows
    ]
    return {
        "counts": {
            "created": counts["created"],
            "updated": counts["updated"],
            "unchanged": counts["unchanged"],
            "skipped": counts[REJECTED],
        },
        "figures": [],
        "notes": [],
        "sections": _catalogue_sections(report),
        "rows": rows,
    }


def _catalogue_sections(report: CatalogueReport) -> list[dict]:
    sections = []
    if report.created_from_ruian:
        sections.append(
            {
                "title": _("Places created from RÚIAN"),
                "text": _(
                    "No place on the map had these addresses; official RÚIAN address points "
                    "did, so a place was created at each. Check them on the map."
                ),
                "items": _items(report.created_from_ruian, "created_from_ruian"),
            }
        )
    if report.unmatched:
        sections.append(
            {
                "title": _("Addresses to pin on the map"),
                "text": _(
                    "No place on the map has these addresses. Add the place, then link it to "
                    "the service."
                ),
                "items": _items(report.unmatched, "unmatched"),
            }
        )
    return sections


def _items(rows, attribute: str) -> list[str]:
    return [
        _("Row %(line)s: %(label)s – %(text)s")
        % {"line": row.line, "label": row.label, "text": text}
        for row in rows
        for text in getattr(row, attribute)
    ]


def network(result: ImportResult) -> dict:
    return {
        "counts": None,
        "figures": [
            [str(NETWORK_FIGURES.get(name, name)), value] for name, value in result.counts.items()
        ],
        "notes": [
            _("The routing network was replaced.")
            if result.committed
            else _("A committed import replaces the whole routing network with this one.")
        ],
        "sections": [],
        "rows": [],
    }


def summary(report: dict) -> str:
    """One line for the list of runs: the counts, or a network's size."""
    counts = report.get("counts")
    if counts:
        return ", ".join(f"{ACTION_LABELS[action]} {count}" for action, count in counts.items())
    return ", ".join(f"{label} {value}" for label, value in report.get("figures", [])[:4])[:300]
