from django.urls import path

from mapping.survey import api, views

app_name = "survey"

urlpatterns = [
    path("", views.app, name="app"),
    path("moje/", views.my_submissions, name="my_submissions"),
    path("moje/<int:pk>/", views.detail, name="detail"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("api/struktura/", api.form_structure, name="structure"),
    path("api/v-okoli/", api.near, name="near"),
    path("api/adresa/", api.address, name="address"),
    path("api/vyhodnotit/", api.evaluate, name="evaluate"),
    path("api/odeslat/", api.submit, name="submit"),
    path("api/moje/", api.mine, name="mine"),
    path("api/mista/<int:pk>/odpovedi/", api.place_answers, name="place_answers"),
    path("api/pruzkumy/<int:pk>/", api.detail_json, name="assessment"),
    path("api/pruzkumy/<int:pk>/odpovedi/", api.save_answers, name="save_answers"),
    path("api/pruzkumy/<int:pk>/odeslat/", api.submit_existing, name="submit_existing"),
    path("api/pruzkumy/<int:pk>/fotky/", api.add_photo, name="add_photo"),
    path("api/pruzkumy/<int:pk>/smazat/", api.delete_draft, name="delete_draft"),
    path("api/fotky/<int:pk>/smazat/", api.delete_photo, name="delete_photo"),
]
