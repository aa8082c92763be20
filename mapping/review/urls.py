from django.urls import path

from mapping.review import compliance_views, photo_views, views

app_name = "review"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("pokryti/", views.coverage, name="coverage"),
    path("soulad/", compliance_views.compliance_list, name="compliance"),
    path("soulad/misto/<int:pk>/", compliance_views.compliance_place, name="compliance_place"),
    path("soulad/plan/<int:pk>.pdf", compliance_views.plan, {"extension": "pdf"}, name="plan_pdf"),
    path(
        "soulad/plan/<int:pk>.xlsx",
        compliance_views.plan,
        {"extension": "xlsx"},
        name="plan_xlsx",
    ),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/schvalit/", views.decide, {"action": "approve"}, name="approve"),
    path("<int:pk>/zamitnout/", views.decide, {"action": "reject"}, name="reject"),
    path("<int:pk>/vratit/", views.decide, {"action": "return"}, name="return"),
    path("fotky/<int:pk>/", photo_views.photo, name="photo"),
    path("fotky/<int:pk>/original/", photo_views.original, name="photo_original"),
    path("fotky/<int:pk>/rozmazat/", photo_views.blur, name="photo_blur"),
    path("fotky/<int:pk>/nahled-rozmazani/", photo_views.preview, name="photo_preview"),
    path("fotky/<int:pk>/cekajici/", photo_views.pending_copy, name="photo_pending"),
    path(
        "fotky/<int:pk>/cekajici/nahled/",
        photo_views.pending_copy,
        {"thumbnail": True},
        name="photo_pending_thumbnail",
    ),
    path("fotky/<int:pk>/skryt/", photo_views.visibility, {"hidden": True}, name="photo_hide"),
    path(
        "fotky/<int:pk>/schvalit/", photo_views.visibility, {"hidden": False}, name="photo_approve"
    ),
    path("fotky/<int:pk>/zkontrolovat/", photo_views.recheck, name="photo_recheck"),
]
