"""A forgotten password: a one-time link by e-mail (Django's password reset views).

The request answers the same whether or not an account has the address, so that nobody learns
who has one; it is rate-limited per client address (settings.PASSWORD_RESETS_PER_HOUR), as each
request may send an e-mail. Setting a new password through the link also lifts a login lockout
of that account (mapping/survey/lockout.py): its owner has just proved they read its mailbox.
"""

from axes.utils import reset as reset_login_failures
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from mapping.ratelimit import allow

TEMPLATES = "survey/accounts/password_reset"


class RequestNewPassword(auth_views.PasswordResetView):
    template_name = f"{TEMPLATES}/form.html"
    email_template_name = f"{TEMPLATES}/email.txt"
    subject_template_name = f"{TEMPLATES}/subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request, *args, **kwargs):
        if not allow(request, "password-reset", settings.PASSWORD_RESETS_PER_HOUR, 3600):
            message = _(
                "Too many requests for a new password came from your address. Wait an hour, "
                "then try again."
            )
            response = render(request, "429.html", {"message": message}, status=429)
            response["Retry-After"] = "3600"
            return response
        return super().post(request, *args, **kwargs)


class RequestSent(auth_views.PasswordResetDoneView):
    template_name = f"{TEMPLATES}/done.html"


class SetNewPassword(auth_views.PasswordResetConfirmView):
    template_name = f"{TEMPLATES}/confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        reset_login_failures(username=self.user.get_username())
        return super().form_valid(form)


class NewPasswordSet(auth_views.PasswordResetCompleteView):
    template_name = f"{TEMPLATES}/complete.html"
