"""The national registry of social-service providers (RPSS, MPSV open data), its JSON shape.

`{"polozky": [service, ...]}`; each service names its provider (`poskytovatel`), its kind
(`druhSocialniSluzby: {"id": "DruhSocialniSluzby/13"}`), forms, target groups and facilities
(`zarizeni[].adresa` with `kodAdresnihoMista`, the RÚIAN address point code). Code-list items are
resolved by their Czech name when the document carries it (`nazev`) or when the code lists are
given next to it under `ciselniky` (`{"DruhSocialniSluzby": {"polozky": [{"id", "nazev"}]}}`);
codes are never guessed. Statutory bodies (personal data) are not read.
"""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mapping.catalogue.records import (
    CatalogueFileError,
    Location,
    ProviderData,
    Record,
    ServiceData,
)
from mapping.catalogue.vocab import form_from_text, service_type_from_text, target_group_from_text
from mapping.ico import is_valid_ico, normalise_ico
from mapping.ids import parse_id

CAPACITY_UNITS = {
    "klient": gettext_lazy("clients"),
    "kontakt": gettext_lazy("contacts"),
    "interv": gettext_lazy("interventions"),
    "luzka": gettext_lazy("beds"),
    "hovor": gettext_lazy("calls"),
}


def read(document: Any, codelists: dict[str, dict[str, str]] | None = None) -> list[Record]:
    if not isinstance(document, dict) or not isinstance(document.get("polozky"), list):
        raise CatalogueFileError(
            _("This is not an RPSS file: the top level must hold a list “polozky”.")
        )
    names = _codelist_names(document.get("ciselniky") or {})
    for key, items in (codelists or {}).items():
        names.setdefault(key, {}).update(items)
    return [_record(n, item, names) for n, item in enumerate(document["polozky"], start=1)]


def _codelist_names(lists: dict) -> dict[str, dict[str, str]]:
    names: dict[str, dict[str, str]] = {}
    for key, body in lists.items():
        for item in (body or {}).get("polozky", []):
            names.setdefault(key, {})[item.get("id", "")] = _name(item)
    return names


def _name(item: dict) -> str:
    name = item.get("nazev", "")
    return name.get("cs", "") if isinstance(name, dict) else str(name or "")


def _ref(value: Any) -> str:
    return value.get("id", "") if isinstance(value, dict) else str(value or "")


def _label(value: Any, codelist: str, names: dict[str, dict[str, str]]) -> str:
    if isinstance(value, dict) and value.get("nazev"):
        return _name(value)
    return names.get(codelist, {}).get(_ref(value), "")


def _first(items: Any, key: str) -> str:
    for item in items or []:
        if isinstance(item, dict) and item.get(key):
            return str(item[key]).strip()
    return ""


def _record(number: int, item: Any, names: dict[str, dict[str, str]]) -> Record:
    if not isinstance(item, dict):
        return Record(line=number, label="?", errors=[_("The item is not an object.")])
    provider = item.get("poskytovatel") or {}
    type_ref = item.get("druhSocialniSluzby")
    type_name = _label(type_ref, "DruhSocialniSluzby", names)
    service_name = str(item.get("nazev") or "").strip()
    facilities = [z for z in item.get("zarizeni") or [] if isinstance(z, dict)]
    if not service_name:
        facility_name = _first(facilities, "nazev")
        service_name = facility_name or type_name.capitalize()
    label = f"{provider.get('nazev', '?')}: {service_name or item.get('identifikator', '?')}"
    errors = []
    service_type = service_type_from_text(type_name) if type_name else None
    if not service_type:
        errors.append(
            _(
                "Unknown service type “%(code)s”: give the code list DruhSocialniSluzby "
                "with the file (key “ciselniky”)."
            )
            % {"code": _ref(type_ref) or "-"}
        )
    ico = normalise_ico(str(provider.get("ico") or ""))
    if ico and not is_valid_ico(ico):
        errors.append(
            _("IČO “%(ico)s” is not valid: its check digit does not match.") % {"ico": ico}
        )
    if not provider.get("nazev"):
        errors.append(_("The provider's name is missing."))
    source_id = str(item.get("id") or item.get("portalId") or item.get("identifikator") or "")
    if not source_id:
        errors.append(_("The service has no id (id, portalId or identifikator)."))
    if errors:
        return Record(line=number, label=label, errors=errors)

    forms, capacities = [], []
    for entry in item.get("formy") or []:
        code = _ref(entry.get("forma")).rsplit("/", 1)[-1]
        form = form_from_text(code) or form_from_text(_label(entry.get("forma"), "", names))
        if form and form not in forms:
            forms.append(form)
        for capacity in entry.get("kapacity") or []:
            unit = _ref(capacity.get("typ")).rsplit("/", 1)[-1]
            if capacity.get("pocet") is not None:
                capacities.append(f"{capacity['pocet']} {CAPACITY_UNITS.get(unit, unit)}".strip())
    groups = []
    for ref in item.get("ciloveSkupiny") or []:
        group = target_group_from_text(_label(ref, "CilovaSkupinaOsoby", names))
        if group and group not in groups:
            groups.append(group)

    return Record(
        line=number,
        label=label,
        provider=ProviderData(
            name=str(provider["nazev"]).strip(),
            ico=ico,
            email=_first(provider.get("emaily"), "email"),
            phone=_first(provider.get("telefony"), "telefon"),
            website=_first(provider.get("weby"), "web"),
            source_id="" if ico else f"rpss:{provider['nazev']}"[:100],
        ),
        service=ServiceData(
            name=service_name,
            service_type=service_type,
            source_id=source_id,
            forms=forms,
            target_groups=groups,
            capacity=", ".join(capacities),
            registry_id=str(item.get("identifikator") or ""),
            email=_first(item.get("emaily"), "email"),
            phone=_first(item.get("telefony"), "telefon"),
            website=_first(item.get("weby"), "web"),
            locations=[loc for z in facilities if (loc := _location(z))],
        ),
    )


def _location(facility: dict) -> Location | None:
    address = facility.get("adresa")
    if not isinstance(address, dict):
        return None  # utajenaAdresa: a shelter's address stays hidden
    street_ref = address.get("ulice")
    street = str(street_ref.get("nazev", "")) if isinstance(street_ref, dict) else ""
    number = str(address.get("cisloDomovni") or "")
    if address.get("cisloOrientacni"):
        number += f"/{address['cisloOrientacni']}"
    municipality = _ref(address.get("obec")).rsplit("/", 1)[-1]
    code = address.get("kodAdresnihoMista")
    text = " ".join(p for p in (street, number) if p)
    if address.get("psc"):
        text += f", {address['psc']}"
    return Location(
        text=f"{facility.get('nazev', '')}: {text}".strip(": "),
        street=street,
        house_number=number,
        municipality_code=municipality,
        ruian_address_code=parse_id(code),
        name=" ".join(str(facility.get("nazev") or "").split()),
    )
