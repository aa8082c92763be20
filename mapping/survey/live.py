"""What the phone shows beside the survey while the volunteer answers: the categories so far,
which of them are not settled yet and the measurements that would settle them, and the answers
that contradict each other. Labels come in words (Czech and English), each with the field's path
so that the phone can take the volunteer there."""

from mapping.categorisation import categorise
from mapping.methodology.consistency import contradictions
from mapping.methodology.deciding import still_to_measure, undecided
from mapping.methodology.structure import GROUPS, field_label


def _label(path: str) -> tuple[str, str]:
    if path in GROUPS:  # a ramp or platform lift that the way in names and nobody recorded
        cs, en = GROUPS[path]
        return cs.format(n="").strip(), en.format(n="").strip()
    return field_label(path)


def live_evaluation(answers: dict) -> dict:
    result = categorise(answers)
    open_by_profile = undecided(result)
    to_measure = []
    for path in still_to_measure(open_by_profile):
        cs, en = _label(path)
        to_measure.append({"field": path, "cs": cs, "en": en})
    return {
        "result": result.to_dict(),
        "undecided": open_by_profile,
        "still_to_measure": to_measure,
        "warnings": [c.to_dict() for c in contradictions(result.answers, result)],
    }
