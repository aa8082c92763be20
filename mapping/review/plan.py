"""The barrier-removal plan of one municipality: its non-compliant places, ranked by what removing
their barriers would open up, with the suggested fixes and their cost classes (PDF and XLSX).

The ranking rule (README "Barrier-removal plan", shown in the plan itself):
1. destinations opened, most first: each service of the social-services catalogue provided at the
   place counts one, an office (purpose "office") one, a health-care place (purpose "health")
   one, and a place with the purpose "social" but no catalogue service recorded there one;
2. then the cheaper plan first (the costliest measure's class: I before II before III);
3. then fewer non-compliant items first;
4. then by name.
Route-planner trips are not counted: the planner keeps no record of the trips people plan.
"""

from dataclasses import dataclass
from io import BytesIO

from django.utils.translation import gettext as _

from mapping.compliance import PlaceCompliance, compliance_rows, service_counts
from mapping.methodology.compliance import NON_COMPLIANT
from mapping.methodology.decrees import COST_CLASSES, COST_ORDER
from mapping.models import Municipality, Purpose
from mapping.spreadsheets import spreadsheet_cell


@dataclass
class PlanRow:
    rank: int
    item: PlaceCompliance
    services: int
    office: bool
    health: bool
    social: bool

    @property
    def destinations(self) -> int:
        return self.services + self.office + self.health + (self.social and not self.services)

    @property
    def cost_class(self) -> str:
        return self.item.compliance.cost_class or ""


def _key(row: PlanRow) -> tuple:
    c = row.item.compliance
    cost = COST_ORDER.index(c.cost_class) if c.cost_class else len(COST_ORDER)
    return (-row.destinations, cost, len(c.findings), row.item.place.name, row.item.place.pk)


def plan_rows(municipality: Municipality, version: str | None = None) -> list[PlanRow]:
    """The municipality's non-compliant places in the plan's order."""
    items = compliance_rows(municipality=municipality.pk, status=NON_COMPLIANT, version=version)
    counts = service_counts([i.place.pk for i in items])
    rows = [
        PlanRow(
            0,
            i,
            counts.get(i.place.pk, 0),
            Purpose.OFFICE in i.place.purposes,
            Purpose.HEALTH in i.place.purposes,
            Purpose.SOCIAL in i.place.purposes,
        )
        for i in items
    ]
    rows.sort(key=_key)
    for n, row in enumerate(rows, 1):
        row.rank = n
    return rows


WIDTHS = (8, 36, 30, 14, 10, 8, 12, 10, 14, 70, 60, 24)
XLSX_HEADERS = (
    "Pořadí",
    "Místo",
    "Adresa",
    "Druh",
    "Sociální služby",
    "Úřad",
    "Zdravotnictví",
    "Zpřístupní cílů",
    "Vyhláška",
    "Nesoulad",
    "Navržená opatření",
    "Cenová třída",
)


def plan_xlsx(municipality: Municipality, rows: list[PlanRow]) -> bytes:
    """The plan as a workbook: one sheet of places in the plan's order, one of cost classes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Plán"
    sheet.append([spreadsheet_cell(f"Plán odstraňování bariér – {municipality.name}")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(list(XLSX_HEADERS))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in rows:
        c = row.item.compliance
        place = row.item.place
        fixes = "\n".join(
            m.cs + (f" ({'; '.join(cs)})" if cs else "") + f" [{m.cost_class}]"
            for m, cs, _ in c.fixes()
        )
        sheet.append(
            [
                spreadsheet_cell(v)
                for v in (
                    row.rank,
                    place.name,
                    place.address,
                    str(place.get_kind_display()),
                    row.services,
                    "ano" if row.office else "ne",
                    "ano" if row.health else "ne",
                    row.destinations,
                    c.decree,
                    "\n".join(f.text() for f in c.findings),
                    fixes,
                    c.cost_text(),
                )
            ]
        )
    for column, width in zip("ABCDEFGHIJKL", WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    for line in sheet.iter_rows(min_row=4):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A4"
    classes = book.create_sheet("Cenové třídy")
    classes.append(["Třída", "Řád ceny"])
    for key, (cs, _en) in COST_CLASSES.items():
        classes.append([key, cs])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def plan_filename(municipality: Municipality, extension: str) -> str:
    return f"plan-odstranovani-barier-{municipality.code}.{extension}"


def ranking_rule() -> list[str]:
    """The ranking rule, as the plan prints it."""
    return [
        _(
            "Most destinations opened first: each service of the social-services catalogue "
            "provided at the place, an office, a health-care place, and a social-service place "
            "with no catalogue service recorded count one each."
        ),
        _("Then the cheaper plan first (cost class I before II before III)."),
        _("Then fewer non-compliant items first; then by name."),
        _("Route-planner trips are not counted: the planner keeps no record of planned trips."),
    ]
