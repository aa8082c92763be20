from django.urls import path

from mapping.opendata import dcat_views, score_views, views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("mista.geojson", views.download, {"fmt": "geojson"}, name="geojson"),
    path("mista.csv", views.download, {"fmt": "csv"}, name="csv"),
    path("mista.gpkg", views.download, {"fmt": "gpkg"}, name="gpkg"),
    path("mista.a11y.json", views.download, {"fmt": "a11yjson"}, name="a11yjson"),
    path("mista.mapybezbarier.json", views.download, {"fmt": "mbb-json"}, name="mbb-json"),
    path("mista.osm-tags.json", views.download, {"fmt": "osm-tags"}, name="osm-tags"),
    path("mista.mapybezbarier.xml", views.download, {"fmt": "mbb-xml"}, name="mbb-xml"),
    path("katalog.jsonld", dcat_views.catalogue_jsonld, name="dcat-jsonld"),
    path("katalog.ttl", dcat_views.catalogue_turtle, name="dcat-turtle"),
    path("skore/", score_views.score_page, name="score"),
    path("skore.csv", score_views.score_csv, name="score-csv"),
    path("skore.json", score_views.score_json, name="score-json"),
]
