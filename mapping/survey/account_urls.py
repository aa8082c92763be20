from django.contrib.auth import views as auth_views
from django.urls import path

from mapping.survey import accounts, password_reset

app_name = "accounts"

urlpatterns = [
    path(
        "prihlaseni/",
        auth_views.LoginView.as_view(template_name="survey/accounts/login.html"),
        name="login",
    ),
    path("odhlaseni/", auth_views.LogoutView.as_view(), name="logout"),
    path("registrace/", accounts.register, name="register"),
    path("dobrovolnici/", accounts.invite, name="volunteers"),
    path("dobrovolnici/<int:pk>/schvalit/", accounts.approve_volunteer, name="approve_volunteer"),
    path("pozvanka/<str:token>/", accounts.accept_invitation, name="accept_invitation"),
    path(
        "zapomenute-heslo/",
        password_reset.RequestNewPassword.as_view(),
        name="password_reset",
    ),
    path(
        "zapomenute-heslo/odeslano/",
        password_reset.RequestSent.as_view(),
        name="password_reset_done",
    ),
    path(
        "nove-heslo/<uidb64>/<token>/",
        password_reset.SetNewPassword.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "nove-heslo/hotovo/",
        password_reset.NewPasswordSet.as_view(),
        name="password_reset_complete",
    ),
]
