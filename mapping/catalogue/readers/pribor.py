"""The directory of social services of the town of Příbor (JanMikes/pribor-pruvodce, MIT).

`{"providers": [{id, name, description, services: [{name, description}], contact: {address,
phones, email, website}}], "lifeSituations": [{id, providerRefs}]}`. It has no service types: they
are recognised from the service's title, and what is not a registered social service is recorded
as a related service. Target groups come from the life situations that name the provider.
"""

from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from mapping.addresses import parse_address
from mapping.catalogue.records import (
    CatalogueFileError,
    Location,
    ProviderData,
    Record,
    ServiceData,
)
from mapping.catalogue.vocab import service_type_in_title

LIFE_SITUATION_GROUPS = {
    "dusevni-onemocneni": "mental",
    "kombinovane-a-mentalni-postizeni": "intellectual",
    "telesne-postizeni": "physical",
    "ztrata-sluchu": "hearing",
    "ztrata-zraku": "visual",
    "nahradni-rodinna-pece": "families",
    "vychova-deti": "families",
    "drogy-alkohol-hracstvi": "addiction",
    "domaci-nasili": "violence",
    "nahla-krize": "crisis",
    "krizove-bydleni": "crisis",
}


def read(document: Any) -> list[Record]:
    if not isinstance(document, dict) or not isinstance(document.get("providers"), list):
        raise CatalogueFileError(
            _("This is not a Příbor directory file: it must hold a list “providers”.")
        )
    groups: dict[str, list[str]] = {}
    for situation in document.get("lifeSituations") or []:
        group = LIFE_SITUATION_GROUPS.get(situation.get("id", ""))
        for ref in situation.get("providerRefs") or []:
            if group and group not in groups.setdefault(ref, []):
                groups[ref].append(group)
    records = []
    line = 0
    for provider in document["providers"]:
        for service in provider.get("services") or [{}]:
            line += 1
            records.append(_record(line, provider, service, groups.get(provider.get("id"), [])))
    return records


def _record(line: int, provider: dict, service: dict, groups: list[str]) -> Record:
    name = str(service.get("name") or "").strip()
    label = f"{provider.get('name', '?')}: {name or '?'}"
    if not provider.get("id") or not provider.get("name") or not name:
        return Record(line, label, errors=[_("The provider or its service has no name or id.")])
    contact = provider.get("contact") or {}
    address = str(contact.get("address") or "").strip()
    parsed = parse_address(address)
    locations = []
    if address:
        locations.append(
            Location(
                text=address,
                street=parsed.street if parsed else "",
                house_number=parsed.house_number if parsed else "",
                town=parsed.town if parsed else "",
            )
        )
    phones = ", ".join(str(p) for p in contact.get("phones") or [])
    return Record(
        line=line,
        label=label,
        provider=ProviderData(
            name=provider["name"].strip(),
            description=str(provider.get("description") or ""),
            email=str(contact.get("email") or ""),
            phone=phones[:100],
            website=str(contact.get("website") or ""),
            address=address,
            source_id=str(provider["id"]),
        ),
        service=ServiceData(
            name=name,
            service_type=service_type_in_title(name) or "related",
            source_id=f"{provider['id']}/{slugify(name)}"[:100],
            target_groups=list(groups),
            description=str(service.get("description") or ""),
            locations=locations,
        ),
    )
