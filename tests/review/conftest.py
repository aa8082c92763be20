from tests.survey.conftest import _fast_passwords, alice, bob, charlie, dora  # noqa: F401
