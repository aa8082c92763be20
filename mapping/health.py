"""`/healthz`: whether this application server can do its work, for load balancers and monitoring.

Each check answers "ok" or says what is wrong. The web checks (the database reachable, its
schema not behind the code) decide the status code: 503 when one fails, so a load balancer takes
the server out of rotation while its database is unreachable or a deployment is half done.

The background worker is reported too ("worker": "ok" when one beat within
WORKER_STALLED_SECONDS) but, by default, a missing worker makes the answer "degraded" with a 200:
the web servers serve pages without it (e-mails and nightly jobs wait in the queue, nothing is
lost), and a 503 would take every web server out of rotation for something none of them can mend.
A monitor that watches the worker asks `/healthz?worker=1`, where a missing worker is a 503.
It never caches and never needs a session.
"""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from mapping.json_errors import json_error
from mapping.worker.heartbeat import worker_check

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
        checks["worker"] = worker_check()
    web_ok = all(checks[name] == "ok" for name in ("database", "migrations") if name in checks)
    if not web_ok:
        # The product's error shape (mapping.json_errors) around the monitors' status and checks.
        return json_error(503, "unhealthy", FAILING, status="failing", checks=checks)
    if checks["worker"] != "ok" and request.GET.get("worker") == "1":
        return json_error(503, "unhealthy", FAILING, status="degraded", checks=checks)
    status = "ok" if checks["worker"] == "ok" else "degraded"
    return JsonResponse({"status": status, "checks": checks})
