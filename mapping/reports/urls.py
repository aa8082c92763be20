from django.urls import path

from mapping.reports import views

app_name = "reports"

# A reference is four and four letters or digits (mapping.models.reports.new_reference).
REFERENCE = "<str:reference>"

urlpatterns = [
    path("", views.new_report, name="new"),
    path("mapa.geojson", views.layer, name="layer"),
    path(f"dekujeme/{REFERENCE}/", views.thanks, name="thanks"),
    path("stav/", views.track, name="track"),
    path(f"stav/{REFERENCE}/", views.status, name="status"),
]
