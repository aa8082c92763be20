from django.urls import path

from mapping.public import views

app_name = "public"

urlpatterns = [
    path("", views.map_page, name="map"),
    path("places.geojson", views.places_layer, name="places_layer"),
]
