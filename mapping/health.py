"""`/healthz`: whether this application server can do its work, for load balancers and monitoring.

Each check answers "ok" or says what is wrong; the answer is 200 when all are ok, else 503, so a
load balancer takes the server out of rotation while its database is unreachable or its schema is
behind the code (a deployment half done). It never caches and never needs a session.
"""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from mapping.json_errors import json_error

FAILING = _("This server cannot serve the map now; the checks say why.")


def database_check() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return f"unreachable: {type(error).__name__}"
    return "ok"


def migrations_check() -> str:
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return "ok" if not pending else f"{len(pending)} migrations not applied"


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": database_check()}
    if checks["database"] == "ok":
        checks["migrations"] = migrations_check()
    if all(value == "ok" for value in checks.values()):
        return JsonResponse({"status": "ok", "checks": checks})
    # The product's error shape (mapping.json_errors) around the monitors' status and checks.
    return json_error(503, "unhealthy", FAILING, status="failing", checks=checks)
