""" "The place's approved assessment" is said once (mapping/models/published.py): the ORM asks
`Assessment.objects.published()`, `Place.objects.published()`, `Photo.objects.published()`,
`published_q()` or `assessment.is_published`; raw SQL joins `PUBLISHED_PLACE_JOIN` or tests
`PUBLISHED_SQL`. Before, it was written out 21 times (8 in SQL, 13 in the ORM), and a part that
spelled it differently would show what the others hide.

Writing the status (approving, importing approved surveys, the demo town) is no reading of what
is published and stays free."""

import ast
import re
from pathlib import Path

from mapping.models import ReviewStatus
from mapping.models.published import PUBLISHED_PLACE_JOIN, PUBLISHED_SQL, PUBLISHED_STATUS

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / "mapping" / "models" / "published.py"
SQL_SPELLING = re.compile(r"'approved'", re.IGNORECASE)
# Calls that read by a condition; a keyword of theirs on the status names what is published.
READS = {"filter", "exclude", "get", "Q", "FilteredRelation", "get_object_or_404", "Exists"}


def _says_approved(node: ast.AST) -> bool:
    return any(
        (isinstance(n, ast.Constant) and n.value == PUBLISHED_STATUS)
        or (isinstance(n, ast.Attribute) and n.attr == "APPROVED")
        for n in ast.walk(node)
    )


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_status(keyword: str | None) -> bool:
    return keyword is not None and (
        keyword in ("status", "status__in") or keyword.endswith(("__status", "__status__in"))
    )


def stray_spellings(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL_SPELLING.search(node.value):
                lines.append(node.lineno)
        elif isinstance(node, ast.Call) and _name(node) in READS:
            lines += [
                k.value.lineno for k in node.keywords if _is_status(k.arg) and _says_approved(k)
            ]
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            reads_status = any(isinstance(s, ast.Attribute) and s.attr == "status" for s in sides)
            if reads_status and any(_says_approved(s) for s in sides):
                lines.append(node.lineno)
    return lines


def test_published_is_spelled_in_one_module_only():
    modules = [p for p in (ROOT / "mapping").rglob("*.py") if "migrations" not in p.parts]
    assert len(modules) > 100
    found = []
    for path in modules:
        if path == HOME:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(ROOT)}:{line}" for line in stray_spellings(tree)]
    assert found == []


def test_the_check_finds_each_way_of_spelling_it():
    """The search above is no test that finds nothing: each old spelling is caught."""
    old = """
SQL = "JOIN mapping_assessment a ON a.place_id = p.id AND a.status = 'approved'"
Place.objects.filter(pk=1, assessments__status=ReviewStatus.APPROVED)
Assessment.objects.filter(status__in=[ReviewStatus.APPROVED, ReviewStatus.SUPERSEDED])
Photo.objects.filter(is_hidden=False, assessment__status="approved")
Q(status="approved")
if assessment.status == ReviewStatus.APPROVED: pass
import_objects(status=ReviewStatus.APPROVED)
"""
    assert stray_spellings(ast.parse(old)) == [2, 3, 4, 5, 6, 7]


def test_the_one_spelling_is_the_review_status_and_the_sql_says_it():
    assert ReviewStatus.APPROVED == PUBLISHED_STATUS
    assert PUBLISHED_SQL == "a.status = 'approved'"
    assert PUBLISHED_PLACE_JOIN.endswith(PUBLISHED_SQL)
