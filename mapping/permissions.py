"""What a coordinator may do in the admin: the one definition of the coordinators' group.

Roles (mapping.models.Role) and what each may do:
- a volunteer surveys; a self-registered one submits only once a coordinator approved them;
- a coordinator reviews surveys and, in the admin, manages the map's data and the volunteers'
  accounts (approve, deactivate, make one a coordinator) through this group;
- an administrator is a superuser: only they grant admin access, groups and permissions, set
  passwords of other accounts or touch another administrator's account.

The group's permissions are an explicit list, never "everything in the app": the app also holds
the user model, and `change_user` on every account is what let a coordinator tick "superuser".
The user admin (mapping/admin_users.py) narrows `change_user` further to volunteers' and
coordinators' accounts without admin access, and to the fields a coordinator may set.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from mapping.models import Role

COORDINATORS_GROUP = "coordinators"


def _every_action_on(*models: str) -> tuple[str, ...]:
    return tuple(f"{action}_{m}" for m in models for action in ("add", "change", "delete", "view"))


COORDINATOR_PERMISSIONS: tuple[str, ...] = (
    # The places and their surveys: the coordinators own the map's content.
    *_every_action_on("place", "entrance", "assessment", "photo"),
    # A survey's history is written by the workflow; it is read, never edited by hand.
    "view_assessmentevent",
    # Public reports: moderation (publish, reject, hide a reported photo).
    "view_report",
    "change_report",
    "delete_report",
    # The catalogue of social services, its import and the municipalities it is filed under.
    *_every_action_on("provider", "service", "municipality"),
    # The repair loop: the list of responsible departments and owners; the repairs and their
    # history are read here and worked in the repair pages; re-survey tasks; the site's
    # accessibility statement (Act 99/2019 Sb.), which a coordinator fills in.
    *_every_action_on("repaircontact"),
    "view_repairitem",
    "view_repairevent",
    "view_resurveytask",
    "change_resurveytask",
    "add_accessibilitystatement",
    "change_accessibilitystatement",
    "view_accessibilitystatement",
    # Barriers the router avoids, surveyed by hand.
    *_every_action_on("barrier"),
    # Official addresses and the pedestrian network: imported by commands, only read here.
    "view_addresspoint",
    "view_networkaddress",
    # Volunteers' accounts: approve, deactivate, role volunteer or coordinator. Never add_user
    # (volunteers come by invitation or register themselves) nor delete_user (deactivate).
    "view_user",
    "change_user",
    # Imports from the admin: places (Mapy bez bariér, VozejkMap), the catalogue and the
    # pedestrian network, each a dry run first; the past runs are read, never edited.
    "import_places",
    "import_catalogue",
    "import_network",
    "view_importrun",
    # Background jobs that failed for good (the e-mails to volunteers among them): see them and
    # queue them again; "change" is the retry, the jobs themselves are never edited.
    "view_failedjob",
    "change_failedjob",
)


def coordinator_permissions():
    """The Permission rows of COORDINATOR_PERMISSIONS (all of the app `mapping`)."""
    return Permission.objects.filter(
        content_type__app_label="mapping", codename__in=COORDINATOR_PERMISSIONS
    )


def coordinators_group() -> Group:
    """The coordinators' group, created or brought back to exactly COORDINATOR_PERMISSIONS."""
    group, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    group.permissions.set(coordinator_permissions())
    return group


def sync_coordinators_group(sender=None, **kwargs) -> None:
    """post_migrate: every deployment's group holds the list above, whatever it held before."""
    if Permission.objects.filter(content_type__app_label="mapping").exists():
        coordinators_group()


# Accounts only an administrator may change: administrators themselves and anyone with admin
# access (staff, coordinators included), whose e-mail and password open the admin.
RESERVED_TO_ADMINISTRATORS = Q(is_superuser=True) | Q(role=Role.ADMINISTRATOR) | Q(is_staff=True)

# The roles a coordinator may give an account.
ROLES_A_COORDINATOR_GIVES = (Role.VOLUNTEER, Role.COORDINATOR)
