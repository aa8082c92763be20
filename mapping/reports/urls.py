from django.urls import path

from mapping.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.new_report, name="new"),
    path("dekujeme/", views.thanks, name="thanks"),
]
