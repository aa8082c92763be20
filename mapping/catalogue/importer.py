"""The one import core behind the command line and the admin upload.

Dry-run unless `commit`: everything runs in one transaction that is rolled back, so the report of
a dry run is exactly what a real run would do. Each record is applied in its own savepoint, so one
bad row never aborts the rest. Imports are idempotent: a service is found again by its
registration number, or by (source, id in the source); a provider by its IČO, or by (source, id).
Addresses are matched to existing places (RÚIAN address point code first, then the folded
street, house number and town). An address that no place has but an official RÚIAN address point
has (mapping/ruian) becomes a new place at that point, listed in the report for a coordinator to
check; the rest are listed for a coordinator to pin on the map.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mapping.addresses import address_keys, fold
from mapping.catalogue.records import Location, ProviderData, Record, ServiceData
from mapping.models import Municipality, Place, Provider, Purpose, Service
from mapping.progress import IMPORT, Progress
from mapping.ruian.lookup import matching_points, place_from_point

CREATED, UPDATED, UNCHANGED, REJECTED = "created", "updated", "unchanged", "rejected"
STATUS_LABELS = {
    CREATED: gettext_lazy("created"),
    UPDATED: gettext_lazy("updated"),
    UNCHANGED: gettext_lazy("unchanged"),
    REJECTED: gettext_lazy("rejected"),
}


@dataclass
class RowResult:
    line: int
    label: str
    status: str
    reasons: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    # Places made from RÚIAN address points for this row: "address (place id)".
    created_from_ruian: list[str] = field(default_factory=list)
    service_id: int | None = None

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


@dataclass
class ImportReport:
    source: str
    committed: bool
    rows: list[RowResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {s: self.count(s) for s in (CREATED, UPDATED, UNCHANGED, REJECTED)}

    @property
    def unmatched(self) -> list[RowResult]:
        return [row for row in self.rows if row.unmatched and row.status != REJECTED]

    @property
    def created_from_ruian(self) -> list[RowResult]:
        return [row for row in self.rows if row.created_from_ruian and row.status != REJECTED]


class PlaceIndex:
    """Existing places by RÚIAN address point code and by folded address keys."""

    def __init__(self) -> None:
        self.by_code: dict[int, set[int]] = {}
        self.by_key: dict[tuple[str, str, str], set[int]] = {}
        rows = Place.objects.listed().values_list(
            "id", "street", "house_number", "city", "municipality__name", "ruian_address_code"
        )
        for row in rows:
            self._add(*row)
        self.municipality_names = dict(Municipality.objects.values_list("code", "name"))

    def _add(self, pk, street, number, city, municipality, code) -> None:
        if code:
            self.by_code.setdefault(code, set()).add(pk)
        for town in {city, municipality} - {None, ""}:
            for key in address_keys(street, number, town):
                self.by_key.setdefault(key, set()).add(pk)

    def add(self, place: Place) -> None:
        """A place made during this import: the next rows with its address find it."""
        municipality = place.municipality.name if place.municipality else ""
        self._add(
            place.pk,
            place.street,
            place.house_number,
            place.city,
            municipality,
            place.ruian_address_code,
        )

    def match(self, location: Location) -> tuple[set[int], str]:
        """The matched place ids, or an empty set and the reason."""
        if location.ruian_address_code and location.ruian_address_code in self.by_code:
            return self.by_code[location.ruian_address_code], ""
        town = location.town or self.municipality_names.get(location.municipality_code, "")
        keys = address_keys(location.street, location.house_number, town)
        if not keys:
            return set(), _("the address has no house number or town")
        found: set[int] = set()
        for key in keys:
            found |= self.by_key.get(key, set())
        if len(found) > 1:
            return set(), _("several places share this address")
        if not found:
            return set(), _("no place on the map has this address")
        return found, ""

    def from_ruian(self, location: Location) -> tuple[set[int], Place | None, str]:
        """The place at the location's RÚIAN address point: an existing one with its code, else
        a new one made from the point (returned too). Empty, with the reason, when there is no
        such point or several match."""
        town = location.town or self.municipality_names.get(location.municipality_code, "")
        points = matching_points(
            code=location.ruian_address_code,
            street=location.street,
            house_number=location.house_number,
            town=town,
            municipality_code=location.municipality_code,
        )
        if len(points) > 1:
            return set(), None, _("several RÚIAN address points match this address")
        if not points:
            return set(), None, ""
        point = points[0]
        if point.code in self.by_code:
            return self.by_code[point.code], None, ""
        place, created = place_from_point(point, [Purpose.SOCIAL], name=location.name)
        self.add(place)
        return {place.pk}, place if created else None, ""


def import_records(
    records: list[Record], source: str, commit: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Import the records; `progress` (mapping.progress) hears of every row."""
    report = ImportReport(source=source, committed=commit)
    tell = progress or (lambda stage, done, total: None)
    with transaction.atomic():
        index = PlaceIndex()
        municipalities = {
            fold(name): pk for pk, name in Municipality.objects.values_list("id", "name")
        }
        seen: dict[str, int] = {}
        for done, record in enumerate(records, start=1):
            tell(IMPORT, done - 1, len(records))
            if record.errors or record.provider is None or record.service is None:
                report.rows.append(RowResult(record.line, record.label, REJECTED, record.errors))
                continue
            key = record.service.registry_id or record.service.source_id
            if key in seen:
                reason = _("Duplicate of row %(line)s (the same service).") % {"line": seen[key]}
                report.rows.append(RowResult(record.line, record.label, REJECTED, [reason]))
                continue
            seen[key] = record.line
            try:
                with transaction.atomic():
                    result = _apply(record, source, index, municipalities)
            except ValidationError as error:
                result = RowResult(record.line, record.label, REJECTED, _messages(error))
            except DatabaseError:
                result = RowResult(
                    record.line,
                    record.label,
                    REJECTED,
                    [_("The database refused the row; check that its values are complete.")],
                )
            report.rows.append(result)
        tell(IMPORT, len(records), len(records))
        if not commit:
            transaction.set_rollback(True)
    return report


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "message_dict"):
        return [f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items()]
    return list(error.messages)


def _set_fields(obj, values: dict, keep_blank: bool = True) -> bool:
    """Assign changed values; with keep_blank=False an empty value never erases a stored one."""
    changed = False
    for name, value in values.items():
        if not keep_blank and value in ("", None):
            continue
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _provider(data: ProviderData, source: str) -> tuple[Provider, bool, bool]:
    if data.ico:
        provider = Provider.objects.filter(ico=data.ico).first()
    else:
        provider = Provider.objects.filter(source=source, source_id=data.source_id).first()
    values = {
        "name": data.name,
        "legal_form": data.legal_form,
        "email": data.email,
        "phone": data.phone,
        "website": data.website,
        "address": data.address,
        "description": data.description,
    }
    if provider is None:
        # (source, source_id) is unique per source: a provider known by its IČO is keyed by it.
        source_id = data.source_id or data.ico
        provider = Provider(ico=data.ico, source=source, source_id=source_id, **values)
        provider.full_clean()
        provider.save()
        return provider, True, True
    changed = _set_fields(provider, values, keep_blank=False)
    if changed:
        provider.full_clean()
        provider.save()
    return provider, False, changed


def _service(data: ServiceData, provider: Provider, source: str) -> tuple[Service, bool, bool]:
    service = None
    if data.registry_id:
        service = Service.objects.filter(registry_id=data.registry_id).first()
    if service is None:
        service = Service.objects.filter(source=source, source_id=data.source_id).first()
    location = data.locations[0] if data.locations else None
    values = {
        "provider": provider,
        "name": data.name,
        "service_type": data.service_type,
        "forms": data.forms,
        "target_groups": data.target_groups,
        "capacity": data.capacity,
        "opening_hours": data.opening_hours,
        "description": data.description,
        "registry_id": data.registry_id,
        "email": data.email,
        "phone": data.phone,
        "website": data.website,
        "address": "; ".join(loc.text for loc in data.locations)[:300],
        "ruian_address_code": location.ruian_address_code if location else None,
    }
    if service is None:
        service = Service(source=source, source_id=data.source_id, **values)
        service.full_clean()
        service.save()
        return service, True, True
    changed = _set_fields(service, values)
    if changed:
        service.full_clean()
        service.save()
    return service, False, changed


def _apply(record: Record, source: str, index: PlaceIndex, municipalities: dict) -> RowResult:
    provider, _created, provider_changed = _provider(record.provider, source)
    service, created, changed = _service(record.service, provider, source)
    result = RowResult(record.line, record.label, UNCHANGED, service_id=service.pk)

    # Places are only ever added: a coordinator's manual pin survives the next import.
    linked = set() if created else set(service.places.values_list("id", flat=True))
    matched: set[int] = set()
    for location in record.service.locations:
        found, reason = index.match(location)
        if not found:
            found, place, ruian_reason = index.from_ruian(location)
            reason = ruian_reason or reason
            if place is not None:
                result.created_from_ruian.append(
                    _("%(address)s (new place no. %(id)s)")
                    % {"address": place.name, "id": place.pk}
                )
        matched |= found
        if not found:
            result.unmatched.append(f"{location.text} ({reason})")
    if linked and not matched and len(record.service.locations) == 1:
        result.unmatched = []  # pinned by hand earlier
    if matched - linked:
        service.places.add(*(matched - linked))
        changed = True

    if record.service.area_served:
        wanted = set()
        for name in record.service.area_served:
            pk = municipalities.get(fold(name))
            if pk is None:
                result.reasons.append(
                    _("Municipality “%(name)s” of the area served is not known; skipped.")
                    % {"name": name}
                )
            else:
                wanted.add(pk)
        current = set() if created else set(service.area_served.values_list("id", flat=True))
        if wanted != current:
            service.area_served.set(wanted)
            changed = True

    if created:
        result.status = CREATED
    elif changed or provider_changed:
        result.status = UPDATED
    return result
