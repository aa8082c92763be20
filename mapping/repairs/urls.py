from django.urls import path

from mapping.repairs import views

app_name = "repairs"

urlpatterns = [
    path("kontrola/opravy/", views.repair_list, name="list"),
    path("kontrola/opravy/<int:pk>/", views.detail, name="detail"),
    path("kontrola/opravy/<int:pk>/pridelit/", views.assign, name="assign"),
    path("kontrola/opravy/<int:pk>/uzavrit/", views.close, name="close"),
    path(
        "kontrola/opravy/z-hlaseni/<int:report_pk>/",
        views.start_from_report,
        name="start_from_report",
    ),
    path(
        "kontrola/opravy/z-pruzkumu/<int:assessment_pk>/",
        views.start_from_survey,
        name="start_from_survey",
    ),
    # The assignee's answer page: the item and the secret of its current link.
    path("oprava/<int:pk>/<str:token>/", views.answer, name="answer"),
    path("pruzkum/ukoly/", views.resurvey_tasks, name="tasks"),
]
