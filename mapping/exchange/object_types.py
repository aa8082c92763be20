"""The standard's `objectType` codes <-> our place kind and purposes.

The codes are the enum of schema.jsonschema (110 `...ObjectCategory` values). Each maps to one
place kind and our purposes; a code we have not listed falls back by keyword, then to "other".
For export, a place without an `objectType` in its answers gets one from its kind and purposes.
"""

from mapping.models import PlaceKind, Purpose

_P = Purpose
# objectType without the "ObjectCategory" suffix -> purposes. Kind is "building" unless below.
_PURPOSES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        [
            "Basilica",
            "Temple",
            "Chapel",
            "Cathedral",
            "Monastery",
            "Church",
            "Loretta",
            "Synagogue",
            "Mosque",
        ],
        (_P.RELIGION, _P.CULTURE),
    ),
    **dict.fromkeys(
        [
            "Theatre",
            "Gallery",
            "Defensivecastle",
            "DefensivecastleStatelyhome",
            "Museum",
            "MuseumGallery",
            "Palace",
            "Monument",
            "Fortress",
            "Tower",
            "Statelyhome",
            "Observatory",
            "Cinema",
            "ConcertHall",
            "FolkArchitecture",
            "CultureHouse",
            "CulturalFacility",
            "ExhibitionCentre",
            "FuneralHall",
            "WeddingHall",
        ],
        (_P.CULTURE,),
    ),
    **dict.fromkeys(("Library", "MuseumLibrary"), (_P.CULTURE, _P.EDUCATION)),
    **dict.fromkeys(
        [
            "Townhall",
            "CityHall",
            "Municipality",
            "MunicipalOffice",
            "RegionalOffice",
            "AdministrativeOffice",
            "TaxOffice",
            "Court",
            "PublicProsecutor",
            "Police",
            "MetropolitanPolice",
            "Embassy",
            "Institution",
            "InformationCenter",
        ],
        (_P.OFFICE,),
    ),
    **dict.fromkeys(("SocialOffice", "EmploymentOffice"), (_P.OFFICE, _P.SOCIAL)),
    **dict.fromkeys(("ContactSocialService", "ResidentialSocialService"), (_P.SOCIAL,)),
    **dict.fromkeys(
        [
            "Pharmacy",
            "Doctor",
            "MedicalEmergency",
            "DentalEmergency",
            "Hospital",
            "Polyclinic",
            "MedicalFacility",
            "MedicalSupply",
            "SpaHouse",
            "HealthInsuranceCompany",
        ],
        (_P.HEALTH,),
    ),
    "VeterinarySurgery": (_P.OTHER,),
    **dict.fromkeys(
        [
            "Kindergarten",
            "HighSchool",
            "School",
            "BasicSchool",
            "College",
            "ElementaryArtSchool",
            "Education",
        ],
        (_P.EDUCATION,),
    ),
    **dict.fromkeys(
        [
            "WaterPark",
            "Stadium",
            "Swimming",
            "IndoorSwimmingPool",
            "SportsFacility",
            "WinterStadium",
            "Wellness",
        ],
        (_P.SPORT,),
    ),
    **dict.fromkeys(
        [
            "Hypermarket",
            "DepartmentStore",
            "Store",
            "OpticianShop",
            "CarDealer",
            "Supermarket",
            "Viticulture",
            "Farm",
        ],
        (_P.SHOP,),
    ),
    **dict.fromkeys(["Bar", "Pastry", "Pub", "Restaurant", "FastFood", "Brewery"], (_P.FOOD,)),
    **dict.fromkeys(["GuestHouse", "Hotel", "Camp", "RecreationalFacility"], (_P.ACCOMMODATION,)),
    **dict.fromkeys(
        [
            "BusStation",
            "Airport",
            "Harbor",
            "MetroStation",
            "TrainStation",
            "Transport",
            "GasStation",
        ],
        (_P.TRANSPORT,),
    ),
    **dict.fromkeys(("Bank", "Atm", "PostOffice", "InsuranceOffice"), (_P.FINANCE,)),
    **dict.fromkeys(("BotanicGarden", "Zoo", "LeisureTime"), (_P.LEISURE,)),
    "PublicToilet": (),
    "Service": (_P.OTHER,),
    "Other": (_P.OTHER,),
}
_KINDS = {
    "PublicToilet": PlaceKind.TOILET,
    "BusStation": PlaceKind.TRANSPORT_STOP,
    "MetroStation": PlaceKind.TRANSPORT_STOP,
    "TrainStation": PlaceKind.TRANSPORT_STOP,
}
# For export: the first purpose of a place -> the most general matching objectType.
_FROM_PURPOSE: dict[str, str] = {
    _P.OFFICE: "AdministrativeOffice",
    _P.HEALTH: "MedicalFacility",
    _P.SOCIAL: "ContactSocialService",
    _P.CULTURE: "CulturalFacility",
    _P.EDUCATION: "Education",
    _P.SPORT: "SportsFacility",
    _P.SHOP: "Store",
    _P.FOOD: "Restaurant",
    _P.ACCOMMODATION: "Hotel",
    _P.TRANSPORT: "Transport",
    _P.FINANCE: "Bank",
    _P.RELIGION: "Church",
    _P.LEISURE: "LeisureTime",
    _P.OTHER: "Other",
}
SUFFIX = "ObjectCategory"


def kind_and_purposes(object_type: str) -> tuple[str, list[str]]:
    code = object_type.removesuffix(SUFFIX)
    purposes = _PURPOSES.get(code, (_P.OTHER,))
    return _KINDS.get(code, PlaceKind.BUILDING), [str(p) for p in purposes]


def object_type_for(kind: str, purposes: list[str]) -> str:
    if kind == PlaceKind.TOILET:
        return "PublicToilet" + SUFFIX
    if kind == PlaceKind.TRANSPORT_STOP:
        return "Transport" + SUFFIX
    for purpose in purposes:
        if purpose in _FROM_PURPOSE:
            return _FROM_PURPOSE[purpose] + SUFFIX
    return "Other" + SUFFIX
