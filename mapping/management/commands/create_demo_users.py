from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mapping.models import Role, User
from mapping.permissions import coordinators_group

DEMO_USERS = [
    # username, role, password, name
    ("koordinator", Role.COORDINATOR, "demo-koordinator", "Demo Koordinátorka"),
    ("dobrovolnik", Role.VOLUNTEER, "demo-dobrovolnik", "Demo Dobrovolník"),
]


class Command(BaseCommand):
    help = _("Create a demo coordinator and a demo volunteer with known passwords (local use).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--not-production",
            action="store_true",
            help=_("Allow it with DEBUG off (e.g. on a staging server)."),
        )

    def handle(self, *args, not_production: bool, **options):
        if not settings.DEBUG and not not_production:
            raise CommandError(
                _(
                    "Demo users have published passwords: refusing with DEBUG off. "
                    "Pass --not-production if this server is not public."
                )
            )
        group = coordinators_group()
        for username, role, password, full_name in DEMO_USERS:
            first, last = full_name.split(" ", 1)
            user, _created = User.objects.update_or_create(
                username=username,
                defaults={
                    "role": role,
                    "is_approved": True,
                    "is_staff": role == Role.COORDINATOR,
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.invalid",
                },
            )
            user.set_password(password)
            user.save()
            if role == Role.COORDINATOR:
                user.groups.add(group)
            self.stdout.write(
                _("%(role)s: user %(username)s, password %(password)s")
                % {"role": user.get_role_display(), "username": username, "password": password}
            )
