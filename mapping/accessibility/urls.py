from django.urls import path

from mapping.accessibility import views

app_name = "accessibility"

urlpatterns = [
    path("", views.statement, name="statement"),
    path("napravit/", views.remedy_request, name="remedy"),
    path("napravit/dekujeme/<str:reference>/", views.remedy_thanks, name="remedy_thanks"),
]
