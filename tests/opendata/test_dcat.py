"""The open-data catalogue record in DCAT-AP-CZ (/data/katalog.jsonld and .ttl): it parses as
JSON-LD and Turtle, holds the same graph in both, describes every download, and validates
against the shapes of the fields NKOD requires (tests/fixtures/dcat/)."""

import warnings
from pathlib import Path

import pytest
from django.urls import reverse
from pyshacl import validate
from rdflib import Graph, URIRef, namespace
from rdflib.compare import isomorphic

from mapping.opendata.dcat import (
    FILE_TYPE,
    RUIAN_MUNICIPALITY,
    as_jsonld,
    as_turtle,
    catalogue_graph,
)
from mapping.opendata.views import DOWNLOADS
from tests.factories import make_municipality

pytestmark = pytest.mark.django_db

SHAPES = Graph().parse(
    Path(__file__).resolve().parents[1] / "fixtures" / "dcat" / "dcat-ap-cz-required.shapes.ttl"
)
SITE = "https://mapa.mesto-pisek.example"
# rdflib's closed namespaces are used through their module: pytest's collection looks attributes
# up on every name of a test module, which a closed namespace answers with a warning.


@pytest.fixture
def town(settings):
    settings.SITE_URL = SITE
    settings.OPEN_DATA_PUBLISHER = "249998"  # an IČO written without its leading zeros
    settings.OPEN_DATA_CONTACT_EMAIL = "opendata@mesto-pisek.example"
    settings.OPEN_DATA_CONTACT_NAME = "Odbor sociálních věcí"
    make_municipality("Písek", code="549240")
    make_municipality("Putim", code="549801")


def _record(client, name: str, fmt: str, content_type: str) -> Graph:
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    with warnings.catch_warnings():
        # rdflib 7.6's own JSON-LD parser parses through the ConjunctiveGraph it deprecates.
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return Graph().parse(data=response.content.decode(), format=fmt)


def _conforms(graph: Graph) -> tuple[bool, str]:
    conforms, _report, text = validate(graph, shacl_graph=SHAPES, inference="none")
    return conforms, text


def test_the_record_parses_as_json_ld_and_turtle_to_the_same_graph(client, town):
    jsonld = _record(client, "opendata:dcat-jsonld", "json-ld", "application/ld+json")
    turtle = _record(client, "opendata:dcat-turtle", "turtle", "text/turtle")
    assert len(jsonld) > 100
    assert isomorphic(jsonld, turtle)


def test_the_record_validates_against_the_fields_nkod_requires(client, town):
    graph = _record(client, "opendata:dcat-jsonld", "json-ld", "application/ld+json")
    conforms, text = _conforms(graph)
    assert conforms, text


def test_without_a_publisher_the_record_does_not_validate(client, town, settings):
    settings.OPEN_DATA_PUBLISHER = ""
    graph = _record(client, "opendata:dcat-turtle", "turtle", "text/turtle")
    conforms, text = _conforms(graph)
    assert not conforms
    assert "publisher" in text


def test_a_distribution_without_its_format_does_not_validate(client, town):
    graph = _record(client, "opendata:dcat-turtle", "turtle", "text/turtle")
    distribution = next(graph.subjects(namespace.RDF.type, namespace.DCAT.Distribution))
    graph.remove((distribution, namespace.DCTERMS.format, None))
    assert not _conforms(graph)[0]


def test_the_record_describes_every_download_at_its_absolute_address(client, town):
    graph = _record(client, "opendata:dcat-turtle", "turtle", "text/turtle")
    catalogue = URIRef(SITE + reverse("opendata:dcat-jsonld"))
    assert (catalogue, namespace.RDF.type, namespace.DCAT.Catalog) in graph
    downloads = set(graph.objects(None, namespace.DCAT.downloadURL))
    expected = [f"opendata:{fmt}" for fmt in DOWNLOADS]
    expected += ["opendata:score-csv", "opendata:score-json"]
    assert downloads == {URIRef(SITE + reverse(name)) for name in expected}
    csv = next(graph.subjects(namespace.DCAT.downloadURL, URIRef(SITE + reverse("opendata:csv"))))
    assert (csv, namespace.DCTERMS.format, FILE_TYPE.CSV) in graph
    datasets = set(graph.subjects(namespace.RDF.type, namespace.DCAT.Dataset))
    assert len(datasets) == 2
    for dataset in datasets:
        assert set(graph.objects(dataset, namespace.DCTERMS.spatial)) == {
            URIRef(RUIAN_MUNICIPALITY + "549240"),
            URIRef(RUIAN_MUNICIPALITY + "549801"),
        }
        assert set(graph.objects(dataset, namespace.DCTERMS.publisher)) == {
            URIRef("https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00249998")
        }


def test_the_open_data_page_links_the_record(client, town):
    page = client.get(reverse("opendata:index")).content.decode()
    assert f'href="{reverse("opendata:dcat-jsonld")}"' in page
    assert f'href="{reverse("opendata:dcat-turtle")}"' in page


def test_the_record_is_the_same_text_whatever_order_rdflib_holds_it_in(town):
    """rdflib writes in the order of Python's sets, which differs between processes: two web
    workers would give two texts of one record (and two ETags)."""
    graph = catalogue_graph()
    reordered = Graph()
    for prefix, name in graph.namespaces():
        reordered.bind(prefix, name)
    for triple in sorted(graph, reverse=True):
        reordered.add(triple)
    assert list(reordered) != list(graph)
    assert as_jsonld(reordered) == as_jsonld(graph)
    assert as_turtle(reordered) == as_turtle(graph)
