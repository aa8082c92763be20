"""The catalogue record of the open data in DCAT-AP-CZ, for the national catalogue (NKOD).

One graph (rdflib) describes the catalogue, its two datasets (the places with their accessibility,
and the accessibility score of the municipalities) and every download as a distribution; the
views serialise it as JSON-LD and Turtle at stable addresses (/data/katalog.jsonld,
/data/katalog.ttl), which is what a town registers in NKOD as its local catalogue (LKOD).

Values come from the vocabularies the profile names: file types and frequencies of the EU
Publications Office's authority tables, IANA media types, the EU data themes, RÚIAN (linked data
of ČÚZK) for the municipalities, the register of rights and obligations (RPP) for the publisher,
and the Czech terms-of-use vocabulary ("podmínky užití") for the licence.
docs/open-data-catalogue.md says which fields NKOD requires and how the tests check them.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from mapping.models import Municipality
from mapping.opendata.views import DOWNLOADS, LICENCE_URL
from mapping.site import absolute_url

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
PU = Namespace("https://data.gov.cz/slovník/podmínky-užití/")
FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
FREQUENCY = Namespace("http://publications.europa.eu/resource/authority/frequency/")
DATA_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
MEDIA_TYPE = "http://www.iana.org/assignments/media-types/"
RUIAN_MUNICIPALITY = "https://linked.cuzk.cz/resource/ruian/obec/"
RPP_AUTHORITY = "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/"

NO_COPYRIGHT_WORK = URIRef("https://data.gov.cz/podmínky-užití/neobsahuje-autorská-díla/")
NO_PERSONAL_DATA = URIRef("https://data.gov.cz/podmínky-užití/neobsahuje-osobní-údaje/")

CONTEXT = {
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "pu": str(PU),
}


@dataclass(frozen=True)
class FileKind:
    file_type: str  # a code of the EU file-type table
    media_type: str  # an IANA media type


# Each download of the open-data page (mapping.opendata.views.DOWNLOADS) and of the score.
FILE_KINDS = {
    "geojson": FileKind("GEOJSON", "application/geo+json"),
    "csv": FileKind("CSV", "text/csv"),
    "gpkg": FileKind("GPKG", "application/geopackage+sqlite3"),
    "a11yjson": FileKind("JSON", "application/json"),
    "mbb-json": FileKind("JSON", "application/json"),
    "osm-tags": FileKind("JSON", "application/json"),
    "mbb-xml": FileKind("XML", "application/xml"),
    "score-csv": FileKind("CSV", "text/csv"),
    "score-json": FileKind("JSON", "application/json"),
}


def publisher_iri() -> URIRef | None:
    """The town as a public authority: OPEN_DATA_PUBLISHER, an IČO or a full RPP address."""
    value = settings.OPEN_DATA_PUBLISHER.strip()
    if not value:
        return None
    if value.isdigit():
        return URIRef(RPP_AUTHORITY + value.zfill(8))
    return URIRef(value)


def _texts(graph: Graph, subject, predicate, czech: str, english: str) -> None:
    graph.add((subject, predicate, Literal(czech, lang="cs")))
    graph.add((subject, predicate, Literal(english, lang="en")))


def _contact_point(graph: Graph) -> BNode:
    contact = BNode("kontakt")
    graph.add((contact, RDF.type, VCARD.Organization))
    name = settings.OPEN_DATA_CONTACT_NAME or "Bezbariérová mapa"
    graph.add((contact, VCARD.fn, Literal(name, lang="cs")))
    email = settings.OPEN_DATA_CONTACT_EMAIL or settings.DEFAULT_FROM_EMAIL
    graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{email}")))
    return contact


def _terms_of_use(graph: Graph) -> BNode:
    """ODbL for the database (both the creative and the sui generis right); no copyright work and
    no personal data in it (the downloads carry no surveyor's name)."""
    terms = BNode("podminky-uziti")
    graph.add((terms, RDF.type, PU["Specifikace"]))
    graph.add((terms, PU["autorské-dílo"], NO_COPYRIGHT_WORK))
    graph.add((terms, PU["databáze-jako-autorské-dílo"], URIRef(LICENCE_URL)))
    graph.add((terms, PU["databáze-chráněná-zvláštními-právy"], URIRef(LICENCE_URL)))
    graph.add((terms, PU["osobní-údaje"], NO_PERSONAL_DATA))
    return terms


@dataclass(frozen=True)
class DatasetText:
    key: str
    title: tuple[str, str]
    description: tuple[str, str]
    keywords: tuple[tuple[str, str], ...]
    themes: tuple[str, ...]
    page: str  # the URL name of its documentation
    downloads: tuple[tuple[str, str], ...]  # (file kind, URL name)


DATASETS = (
    DatasetText(
        "mista",
        (
            "Bezbariérová mapa: přístupnost míst",
            "Barrier-free map: accessibility of places",
        ),
        (
            "Budovy, veřejná prostranství, zastávky, parkoviště a toalety prozkoumané "
            "dobrovolníky a schválené koordinátorem, s přístupností pro vozíčkáře, seniory a "
            "kočárky podle metodiky MKPO, vstupy a jejich měřeními.",
            "Buildings, public spaces, stops, parking places and toilets surveyed by volunteers "
            "and approved by a coordinator, with their accessibility for wheelchair users, "
            "seniors and prams by the MKPO methodology, their entrances and measurements.",
        ),
        (
            ("bezbariérovost", "barrier-free access"),
            ("přístupnost", "accessibility"),
            ("osoby se zdravotním postižením", "people with disabilities"),
            ("vozíčkáři", "wheelchair users"),
            ("mapa", "map"),
        ),
        ("SOCI", "REGI", "TRAN"),
        "opendata:index",
        tuple((fmt, f"opendata:{fmt}") for fmt in DOWNLOADS),
    ),
    DatasetText(
        "skore",
        ("Skóre přístupnosti obcí", "Accessibility score of the municipalities"),
        (
            "Skóre přístupnosti obcí a městských obvodů od 0 do 100 podle profilu a druhu místa "
            "(úřady, zdravotní péče, sociální služby, školy, doprava, obchody), s faktorem "
            "kvality dat a vývojem po letech.",
            "The accessibility score of municipalities and city districts from 0 to 100 per "
            "profile and kind of place (offices, health care, social services, schools, "
            "transport, shops), with a data-quality factor and the trend per year.",
        ),
        (
            ("přístupnost", "accessibility"),
            ("skóre přístupnosti", "accessibility score"),
            ("komunitní plánování sociálních služeb", "community planning of social services"),
        ),
        ("SOCI", "REGI"),
        "opendata:score",
        (("score-csv", "opendata:score-csv"), ("score-json", "opendata:score-json")),
    ),
)


def catalogue_iri(request: HttpRequest | None = None) -> URIRef:
    return URIRef(absolute_url(reverse("opendata:dcat-jsonld"), request))


def catalogue_graph(request: HttpRequest | None = None) -> Graph:
    graph = Graph()
    for prefix, namespace in CONTEXT.items():
        graph.bind(prefix, namespace)
    catalogue = catalogue_iri(request)
    publisher = publisher_iri()
    contact = _contact_point(graph)
    terms = _terms_of_use(graph)
    codes = Municipality.objects.order_by("code").values_list("code", flat=True)
    spatial = [URIRef(RUIAN_MUNICIPALITY + code) for code in codes]

    graph.add((catalogue, RDF.type, DCAT.Catalog))
    _texts(
        graph,
        catalogue,
        DCTERMS.title,
        "Katalog otevřených dat Bezbariérové mapy",
        "Open data catalogue of the barrier-free map",
    )
    _texts(
        graph,
        catalogue,
        DCTERMS.description,
        "Otevřená data o přístupnosti míst obce pro osoby s omezenou schopností pohybu.",
        "Open data on the accessibility of the town's places for people with reduced mobility.",
    )
    graph.add((catalogue, FOAF.homepage, URIRef(absolute_url(reverse("opendata:index"), request))))
    graph.add((catalogue, DCAT.contactPoint, contact))
    if publisher is not None:
        graph.add((catalogue, DCTERMS.publisher, publisher))

    for text in DATASETS:
        dataset = URIRef(f"{catalogue}#{text.key}")
        graph.add((catalogue, DCAT.dataset, dataset))
        graph.add((dataset, RDF.type, DCAT.Dataset))
        _texts(graph, dataset, DCTERMS.title, *text.title)
        _texts(graph, dataset, DCTERMS.description, *text.description)
        for czech, english in text.keywords:
            _texts(graph, dataset, DCAT.keyword, czech, english)
        for theme in text.themes:
            graph.add((dataset, DCAT.theme, DATA_THEME[theme]))
        graph.add((dataset, DCTERMS.accrualPeriodicity, FREQUENCY[settings.OPEN_DATA_FREQUENCY]))
        for place in spatial:
            graph.add((dataset, DCTERMS.spatial, place))
        graph.add((dataset, DCAT.contactPoint, contact))
        graph.add((dataset, FOAF.page, URIRef(absolute_url(reverse(text.page), request))))
        if publisher is not None:
            graph.add((dataset, DCTERMS.publisher, publisher))
        for kind, url_name in text.downloads:
            url = URIRef(absolute_url(reverse(url_name), request))
            distribution = URIRef(f"{catalogue}#{text.key}-{kind}")
            graph.add((dataset, DCAT.distribution, distribution))
            graph.add((distribution, RDF.type, DCAT.Distribution))
            graph.add((distribution, DCTERMS.title, Literal(DISTRIBUTION_TITLES[kind], lang="cs")))
            graph.add((distribution, DCAT.accessURL, url))
            graph.add((distribution, DCAT.downloadURL, url))
            graph.add((distribution, DCTERMS.format, FILE_TYPE[FILE_KINDS[kind].file_type]))
            graph.add(
                (distribution, DCAT.mediaType, URIRef(MEDIA_TYPE + FILE_KINDS[kind].media_type))
            )
            graph.add((distribution, DCTERMS.license, URIRef(LICENCE_URL)))
            graph.add((distribution, PU.specifikace, terms))
    return graph


DISTRIBUTION_TITLES = {
    "geojson": "GeoJSON",
    "csv": "CSV",
    "gpkg": "GeoPackage",
    "a11yjson": "A11yJSON",
    "mbb-json": "Mapy bez bariér (JSON)",
    "osm-tags": "Značky OpenStreetMap (JSON)",
    "mbb-xml": "Mapy bez bariér (XML)",
    "score-csv": "CSV",
    "score-json": "JSON",
}


def as_jsonld(graph: Graph) -> str:
    """The record in JSON-LD, the same text in every process: rdflib writes nodes and values in
    the order of Python's sets, which differs from process to process (and so would the ETag
    between two web workers); objects' keys and unordered lists are sorted here."""
    record = json.loads(graph.serialize(format="json-ld", context=CONTEXT))
    return json.dumps(_sorted(record), ensure_ascii=False, indent=1, sort_keys=True)


def _sorted(value):
    if isinstance(value, dict):
        return {key: _sorted(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


def as_turtle(graph: Graph) -> str:
    return graph.serialize(format="turtle")
