from django.urls import path

from mapping.routing import views

app_name = "routing"

urlpatterns = [
    path("route.json", views.route, name="route"),
    path("trasa/", views.planner, name="planner"),
    path("trasa/hledat.json", views.search, name="search"),
    path("data/sit-chodniku.osw.zip", views.opensidewalks_download, name="opensidewalks"),
]
