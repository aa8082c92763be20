"""A volunteer's phone for the survey's browser tests: a 360 px Czech context signed in as an
approved volunteer, only the live server reachable; helpers that count what a step asks and answer
like a volunteer does (tapping, typing, the keyboard)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from tests.browser.conftest import AXE_OPTIONS

PHONE = {"width": 360, "height": 740}

# The fields a step shows now: each visible control once (a yes/no question is one field).
VISIBLE_FIELDS = """() => {
  const step = document.querySelector('#survey-steps fieldset.survey-step:not([hidden])');
  const names = new Set();
  for (const control of step.querySelectorAll('input, select, textarea')) {
    if (control.closest('[hidden]') || !control.getClientRects().length) continue;
    names.add(control.type === 'radio' ? control.name : control.id);
  }
  return [...names];
}"""


def signed_in_phone(browser, live_server, username: str):
    """A phone context whose session is the user's (forced, as the tests' client does)."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, locale="cs-CZ", reduced_motion="reduce"
    )
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    page.set_default_timeout(10000)
    return context, page


def assert_accessible(axe, page) -> None:
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@dataclass
class Volunteer:
    """Answers the survey and counts every answer given."""

    page: object
    answered: list[str] = field(default_factory=list)

    def visible_fields(self) -> list[str]:
        return self.page.evaluate(VISIBLE_FIELDS)

    def choose(self, field_id: str, value: str) -> None:
        self.page.select_option(f"#{field_id}", value)
        self.answered.append(field_id)

    def type(self, field_id: str, value: str) -> None:
        self.page.fill(f"#{field_id}", value)
        self.page.locator(f"#{field_id}").blur()
        self.answered.append(field_id)

    def yes_no(self, field_id: str, yes: bool) -> None:
        self.page.check(f"#{field_id}-{'yes' if yes else 'no'}")
        self.answered.append(field_id)

    def next_step(self, step: str) -> None:
        self.page.click("#next-step")
        self.page.wait_for_selector(f"#step-{step}:not([hidden])")

    def add_item(self, step: str) -> None:
        self.page.click(f"#add-{step}")

    def wait_for_live_box(self) -> None:
        """The live evaluation of the answers so far (debounced, then a request)."""
        self.page.wait_for_selector("#live-category[data-state=done]")
