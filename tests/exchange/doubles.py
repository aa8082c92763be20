"""A test double of the engine's interface (mapping.categorisation.categorise).

It is NOT the methodology: it reads the categories an object declares and returns them in the
engine's result shape (`categories`, `wc`, `has_accessible_toilet`, `version`, `to_dict()`), so
that exchange tests exercise the import and export plumbing whatever the rules say. Production
uses mapping.categorisation.categorise (import_objects' default), and test_mbb_round_trip.py and
test_methodology_setting.py check it end to end.
"""

from mapping.exchange.mbb_schema import CATEGORY_FROM_EXCHANGE, PROFILE_KEYS


class DoubleResult:
    def __init__(self, categories: dict[str, str], wc: list[str]) -> None:
        self.categories = categories
        self.wc = wc
        self.version = "test-double"

    @property
    def has_accessible_toilet(self) -> bool:
        return any(c != "inaccessible" for c in self.wc)

    def to_dict(self) -> dict:
        return {"methodology_version": self.version, **self.categories, "wc": self.wc}


def declared_evaluate(answers: dict) -> DoubleResult:
    """Categories as declared; an undeclared profile counts as inaccessible."""
    categories = {
        profile: CATEGORY_FROM_EXCHANGE.get(answers.get(key, ""), "inaccessible")
        for profile, key in PROFILE_KEYS.items()
    }
    wc = [
        CATEGORY_FROM_EXCHANGE.get(t.get("wcAccessibility", ""), "inaccessible")
        for t in answers.get("wc", [])
    ]
    return DoubleResult(categories, wc)


def always(category: str):
    """An engine double that computes `category` for every profile and every toilet."""

    def evaluate(answers: dict) -> DoubleResult:
        profiles = dict.fromkeys(PROFILE_KEYS, category)
        return DoubleResult(profiles, [category] * len(answers.get("wc", [])))

    return evaluate
