"""The engine's verdict on answers: categories per profile, reasons and what is missing."""

from mapping.methodology.engine import evaluate


def evaluate_answers(answers: dict) -> dict:
    """The engine's result as JSON (what Assessment.result stores)."""
    return evaluate(answers).to_dict()


def category_columns(result: dict) -> dict:
    """The plain columns of an Assessment filled from a result."""
    return {
        "wheelchair": result.get("wheelchair", ""),
        "seniors": result.get("seniors", ""),
        "pram": result.get("pram", ""),
        "has_accessible_toilet": bool(result.get("has_accessible_toilet")),
        "methodology_version": result.get("methodology_version", ""),
    }
