from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from mapping.api import views

app_name = "api"

router = SimpleRouter()
router.register("places", views.PlaceViewSet, basename="place")
router.register("assessments", views.AssessmentViewSet, basename="assessment")
router.register("providers", views.ProviderViewSet, basename="provider")
router.register("services", views.ServiceViewSet, basename="service")
router.register("reports", views.ReportViewSet, basename="report")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    *router.urls,
]
