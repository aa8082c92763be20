from django.urls import path

from mapping.public import detail, embed, list_views, print_views, views

app_name = "public"

urlpatterns = [
    path("", views.map_page, name="map"),
    path("places.geojson", views.places_layer, name="places_layer"),
    # z, x and y are read by the view, so that a bad one gets a 400 that says why.
    path("places/<str:z>/<str:x>/<str:y>.geojson", views.places_tile, name="places_tile"),
    path("hledat/", views.search, name="search"),
    path("seznam/", list_views.place_list, name="list"),
    path("misto/<int:pk>/", detail.place_detail, name="detail"),
    path("vlozit/", embed.embed_snippet, name="embed"),
    path("tisk/mapa/", print_views.print_map, name="print_map"),
]
