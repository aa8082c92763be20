"""The API's throttle of public reports: the same limit as the web form (mapping.reports.limits).

DRF's own throttles are not used: their history list is read and written with cache get/set,
which loses counts under parallel requests, and their client address comes from
X-Forwarded-For whatever the deployment's proxies are.
"""

from rest_framework.exceptions import Throttled
from rest_framework.throttling import BaseThrottle

from mapping.clients import client_address
from mapping.ratelimit import Decision
from mapping.reports.limits import count_report, limited_message


class ReportThrottle(BaseThrottle):
    decision: Decision | None = None

    def allow_request(self, request, view) -> bool:
        self.decision = count_report(request)
        return self.decision.allowed

    def wait(self) -> int | None:
        return self.decision.retry_after if self.decision else None

    def get_ident(self, request) -> str:
        return client_address(request)


class ReportsThrottled(Throttled):
    """429 with Retry-After and our own message (DRF's would append its English wait text), kept
    lazy in `message` for the error's Czech and English (mapping.api.errors)."""

    def __init__(self, wait: int):
        self.message = limited_message(wait)
        super().__init__(detail=self.message)
        self.wait = wait
