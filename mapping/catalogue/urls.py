from django.urls import path

from mapping.catalogue import print_views, views

app_name = "catalogue"

urlpatterns = [
    path("", views.catalogue_list, name="list"),
    path("poskytovatel/<int:pk>/", views.provider_detail, name="provider"),
    path("sluzba/<int:pk>/", views.service_detail, name="service"),
    path("sluzby.geojson", views.services_layer, name="layer"),
    path("katalog.pdf", print_views.catalogue_pdf, name="pdf"),
    path("poskytovatel/<int:pk>/tisk.pdf", print_views.provider_sheet, name="provider_sheet"),
    path("misto/<int:pk>/tisk.pdf", print_views.place_sheet, name="place_sheet"),
]
