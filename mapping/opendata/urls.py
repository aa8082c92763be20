from django.urls import path

from mapping.opendata import views

app_name = "opendata"

urlpatterns = [
    path("mista.geojson", views.download, {"fmt": "geojson"}, name="geojson"),
    path("mista.csv", views.download, {"fmt": "csv"}, name="csv"),
    path("mista.gpkg", views.download, {"fmt": "gpkg"}, name="gpkg"),
]
