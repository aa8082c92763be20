"""What every source reader hands the import core: one record per service, with its errors."""

from dataclasses import dataclass, field


class CatalogueFileError(Exception):
    """The whole file cannot be read (wrong format, missing columns); the message says why."""


@dataclass
class ProviderData:
    name: str
    ico: str = ""
    legal_form: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    address: str = ""
    description: str = ""
    source_id: str = ""


@dataclass
class Location:
    """Where a service is delivered, as the source writes it. No coordinates: matched to places."""

    text: str
    street: str = ""
    house_number: str = ""
    town: str = ""
    municipality_code: str = ""
    ruian_address_code: int | None = None
    # The facility's own name, when the source gives one ("Denní stacionář Kopretina"): a place
    # made for this location from RÚIAN is called so, not by its bare address.
    name: str = ""


@dataclass
class ServiceData:
    name: str
    service_type: str
    source_id: str
    forms: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    capacity: str = ""
    opening_hours: str = ""
    description: str = ""
    registry_id: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    locations: list[Location] = field(default_factory=list)
    area_served: list[str] = field(default_factory=list)


@dataclass
class Record:
    line: int
    label: str
    provider: ProviderData | None = None
    service: ServiceData | None = None
    errors: list[str] = field(default_factory=list)
