"""The user admin: administrators (superusers) change every account; a coordinator only volunteers'
and coordinators' accounts without admin access, and on them only what managing volunteers needs.

A coordinator holds `change_user` (mapping/permissions.py) to approve, deactivate and make a
volunteer a coordinator. Django's UserAdmin would let that permission tick "superuser", give
groups and permissions, and set any account's password. So, for anyone but a superuser:
- the form has no is_superuser, is_staff, groups, user_permissions nor password: a forged POST
  with them changes nothing (a ModelForm saves only its own fields); the e-mail is read-only,
  since whoever sets an account's e-mail can reset its password;
- the role offers volunteer and coordinator only;
- administrators' and staff accounts are not listed and cannot be opened or changed;
- the password form of another account answers 403;
- no account is created here (volunteers come by invitation or register themselves).
"""

from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from mapping.admin_base import BlankToFieldMeansPrimaryKey
from mapping.models import Role, User
from mapping.permissions import RESERVED_TO_ADMINISTRATORS, ROLES_A_COORDINATOR_GIVES

ROLE_FIELDSET = (_("Role in the map"), {"fields": ("role", "is_approved")})

COORDINATOR_FIELDSETS = (
    (None, {"fields": ("username",)}),
    (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
    (_("Account"), {"fields": ("is_active",)}),
    (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    ROLE_FIELDSET,
)


def is_reserved_to_administrators(user: User) -> bool:
    return User.objects.filter(RESERVED_TO_ADMINISTRATORS, pk=user.pk).exists()


class BarrierFreeUserAdmin(BlankToFieldMeansPrimaryKey, UserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "role", "is_approved")
    list_filter = ("role", "is_approved", "is_active", "is_staff")
    fieldsets = (*UserAdmin.fieldsets, ROLE_FIELDSET)

    def get_fieldsets(self, request, obj=None):
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return COORDINATOR_FIELDSETS

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ("email", "last_login", "date_joined")

    def get_queryset(self, request):
        users = super().get_queryset(request)
        if request.user.is_superuser:
            return users
        return users.exclude(RESERVED_TO_ADMINISTRATORS)

    def has_add_permission(self, request) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or request.user.is_superuser:
            return allowed
        return not is_reserved_to_administrators(obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        if not allowed or obj is None or request.user.is_superuser:
            return allowed
        return not is_reserved_to_administrators(obj)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role" and not request.user.is_superuser:
            given = ROLES_A_COORDINATOR_GIVES
            kwargs["choices"] = [(value, label) for value, label in Role.choices if value in given]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser and str(request.user.pk) != str(id):
            raise PermissionDenied(_("Only an administrator sets another account's password."))
        return super().user_change_password(request, id, form_url)
