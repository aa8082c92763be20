"""The coordinator's spreadsheet (CSV or XLSX): one row per service, Czech or English headers.

Columns: COLUMNS below (headers are matched without case or diacritics, in Czech or English;
the admin's import page shows the same list).

A row is keyed by its registration number, or else by the provider (IČO or name) and the
service's name, so that importing the same sheet again changes nothing.
"""

import csv
import hashlib
import io

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mapping.addresses import parse_address
from mapping.catalogue.records import (
    CatalogueFileError,
    Location,
    ProviderData,
    Record,
    ServiceData,
)
from mapping.catalogue.vocab import (
    fold,
    form_from_text,
    service_type_from_text,
    split_list,
    target_group_from_text,
)
from mapping.ico import is_valid_ico, normalise_ico
from mapping.ids import is_ascii_digits

HEADERS: dict[str, tuple[str, ...]] = {
    "provider": ("poskytovatel", "nazev poskytovatele", "provider"),
    "ico": ("ico", "ic", "company id"),
    "legal_form": ("pravni forma", "legal form"),
    "provider_address": ("sidlo", "sidlo poskytovatele", "registered address"),
    "service": ("sluzba", "nazev sluzby", "service"),
    "service_type": ("druh sluzby", "typ sluzby", "druh", "service type"),
    "forms": ("forma", "formy", "forma poskytovani", "form", "forms"),
    "target_groups": ("cilove skupiny", "cilova skupina", "target groups", "target group"),
    "capacity": ("kapacita", "capacity"),
    "opening_hours": ("provozni doba", "opening hours"),
    "address": ("adresa", "adresa poskytovani", "address"),
    "town": ("obec", "mesto", "town", "municipality"),
    "ruian": ("kod adresniho mista", "ruian", "kod adm", "address point code"),
    "email": ("e-mail", "email"),
    "phone": ("telefon", "phone"),
    "website": ("web", "www", "website"),
    "description": ("popis", "description"),
    "registry_id": ("registracni cislo", "identifikator", "identifikator sluzby", "registry id"),
    "area_served": ("pusobnost", "area served"),
}
REQUIRED = {"provider": "Poskytovatel", "service": "Služba", "service_type": "Druh služby"}
# (key of HEADERS, the header as the coordinators' template writes it, what it holds).
COLUMNS: tuple[tuple[str, str, Promise], ...] = (
    ("provider", "Poskytovatel", gettext_lazy("the provider's name")),
    (
        "ico",
        "IČO",
        gettext_lazy("the provider's identification number, checked by its check digit"),
    ),
    ("legal_form", "Právní forma", gettext_lazy("legal form (z. ú., o. p. s., ...)")),
    ("provider_address", "Sídlo", gettext_lazy("the provider's registered address")),
    ("service", "Služba", gettext_lazy("the service's name")),
    (
        "service_type",
        "Druh služby",
        gettext_lazy(
            "the kind under Act 108/2006 (Denní stacionáře), its paragraph (§ 46), or "
            "“návazná služba” for a related service that is not a registered social service"
        ),
    ),
    ("forms", "Forma", gettext_lazy("ambulantní, terénní, pobytová; several separated by “;”")),
    ("target_groups", "Cílové skupiny", gettext_lazy("target groups, separated by “;”")),
    ("capacity", "Kapacita", gettext_lazy("free text")),
    ("opening_hours", "Provozní doba", gettext_lazy("free text")),
    ("address", "Adresa", gettext_lazy("street and house number where the service is delivered")),
    ("town", "Obec", gettext_lazy("the town of that address")),
    ("ruian", "Kód adresního místa", gettext_lazy("the RÚIAN address point code of that address")),
    ("email", "E-mail", gettext_lazy("the service's e-mail")),
    ("phone", "Telefon", gettext_lazy("the service's telephone")),
    ("website", "Web", gettext_lazy("the service's website")),
    ("description", "Popis", gettext_lazy("description")),
    (
        "registry_id",
        "Registrační číslo",
        gettext_lazy("the registry's identifier of the service; keys the row on re-import"),
    ),
    ("area_served", "Působnost", gettext_lazy("municipalities served, separated by “;”")),
)
_HEADER_LOOKUP = {alias: key for key, aliases in HEADERS.items() for alias in aliases}


def read_csv(data: bytes) -> list[Record]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Czech Windows saves CSV in windows-1250.
        text = data.decode("cp1250", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return _records(rows)


def read_xlsx(data: bytes) -> list[Record]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise CatalogueFileError(
            _("The file is not a readable XLSX workbook (%(detail)s).")
            % {"detail": type(error).__name__}
        ) from error
    sheet = workbook.worksheets[0]
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return _records(rows)


def _records(rows: list[list[str]]) -> list[Record]:
    if not rows:
        raise CatalogueFileError(_("The file is empty."))
    columns = [_HEADER_LOOKUP.get(fold(h).strip(" :*")) for h in rows[0]]
    missing = [key for key in REQUIRED if key not in columns]
    if missing:
        names = ", ".join(REQUIRED[key] for key in missing)
        raise CatalogueFileError(
            _("The first row must name the columns; missing: %(columns)s.") % {"columns": names}
        )
    records = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {
            key: str(value).strip()
            for key, value in zip(columns, row, strict=False)
            if key and value is not None
        }
        if not any(cells.values()):
            continue
        records.append(_record(number, cells))
    return records


def _record(line: int, cells: dict[str, str]) -> Record:
    errors: list[str] = []
    provider_name = cells.get("provider", "")
    service_name = cells.get("service", "")
    label = f"{provider_name}: {service_name}"
    if not provider_name:
        errors.append(_("The provider's name is missing."))
    if not service_name:
        errors.append(_("The service's name is missing."))

    ico = normalise_ico(cells.get("ico", ""))
    if ico and not is_valid_ico(ico):
        errors.append(
            _("IČO “%(ico)s” is not valid: its check digit does not match.") % {"ico": ico}
        )

    raw_type = cells.get("service_type", "")
    service_type = service_type_from_text(raw_type)
    if not service_type:
        errors.append(
            _(
                "Unknown service type “%(type)s”: write the name from Act 108/2006 "
                "(e.g. Denní stacionáře), its paragraph (e.g. § 46) or “návazná služba”."
            )
            % {"type": raw_type}
        )

    forms = []
    for word in split_list(cells.get("forms", "")):
        form = form_from_text(word)
        if form is None:
            errors.append(
                _("Unknown form “%(form)s”: use ambulantní, terénní or pobytová.") % {"form": word}
            )
        elif form not in forms:
            forms.append(form)

    groups = []
    for word in split_list(cells.get("target_groups", "").replace(",", ";")):
        group = target_group_from_text(word)
        if group is None:
            errors.append(_("Unknown target group “%(group)s”.") % {"group": word})
        elif group not in groups:
            groups.append(group)

    ruian = None
    raw_ruian = cells.get("ruian", "").replace(" ", "")
    if raw_ruian.endswith(".0"):  # a number cell in a spreadsheet
        raw_ruian = raw_ruian[:-2]
    if raw_ruian:
        if is_ascii_digits(raw_ruian) and len(raw_ruian) <= 10:
            ruian = int(raw_ruian)
        else:
            errors.append(
                _("The address point code “%(code)s” must be a number of up to 10 digits.")
                % {"code": raw_ruian}
            )

    email = cells.get("email", "")
    if email:
        try:
            EmailValidator()(email)
        except ValidationError:
            errors.append(_("“%(email)s” is not an e-mail address.") % {"email": email})
    website = cells.get("website", "")
    if website and "://" not in website:
        website = "https://" + website
    if website:
        try:
            URLValidator()(website)
        except ValidationError:
            errors.append(_("“%(web)s” is not a web address.") % {"web": website})

    locations = []
    address, town = cells.get("address", ""), cells.get("town", "")
    if address or ruian:
        parsed = parse_address(address, town)
        text = ", ".join(p for p in (address, town) if p)
        locations.append(
            Location(
                text=text,
                street=parsed.street if parsed else "",
                house_number=parsed.house_number if parsed else "",
                town=parsed.town if parsed else town,
                ruian_address_code=ruian,
            )
        )

    registry_id = cells.get("registry_id", "").removesuffix(".0")
    provider_key = ico or fold(provider_name)
    service_key = registry_id or f"{provider_key}:{fold(service_name)}"
    record = Record(line=line, label=label, errors=errors)
    if errors:
        return record
    record.provider = ProviderData(
        name=provider_name,
        ico=ico,
        legal_form=cells.get("legal_form", ""),
        address=cells.get("provider_address", ""),
        source_id="" if ico else _short_key(fold(provider_name)),
    )
    record.service = ServiceData(
        name=service_name,
        service_type=service_type,
        source_id=_short_key(service_key),
        forms=forms,
        target_groups=groups,
        capacity=cells.get("capacity", ""),
        opening_hours=cells.get("opening_hours", ""),
        description=cells.get("description", ""),
        registry_id=registry_id,
        email=email,
        phone=cells.get("phone", ""),
        website=website,
        locations=locations,
        area_served=split_list(cells.get("area_served", "").replace(",", ";")),
    )
    return record


def _short_key(key: str) -> str:
    """Keys fit the 100-character source_id column; long ones end in a stable hash."""
    if len(key) <= 100:
        return key
    return key[:83] + ":" + hashlib.sha1(key.encode()).hexdigest()[:16]
