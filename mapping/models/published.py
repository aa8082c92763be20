"""What "published" means, named once: a place is published when it has its one approved
assessment (the review's decision, mapping.review.workflow), and the public sees that assessment,
its categories and its visible photos. Every part that shows, exports or routes by published data
says so through this module:

- the ORM: `Assessment.objects.published()`, `Place.objects.published()`,
  `Photo.objects.published()`, `assessment.is_published`, and `published_q(through)` for a
  condition across a relation (a FilteredRelation, a subquery);
- raw SQL: `PUBLISHED_SQL`, the condition on the assessment `a`, and `PUBLISHED_PLACE_JOIN`, which
  joins the published assessment `a` to the place `p`.

The database holds the same rule as a constraint (one approved assessment per place, a partial
unique index that also serves these queries). tests/test_published_named_once.py keeps every
other spelling out of mapping/.
"""

from django.db.models import Q

# ReviewStatus.APPROVED takes its value from here (mapping.models.assessments).
PUBLISHED_STATUS = "approved"

# The constant is the only text put into the SQL: no value from outside ever is.
PUBLISHED_SQL = f"a.status = '{PUBLISHED_STATUS}'"
PUBLISHED_PLACE_JOIN = f"JOIN mapping_assessment a ON a.place_id = p.id AND {PUBLISHED_SQL}"


def published_q(through: str = "") -> Q:
    """The assessment reached through `through` ("assessments" from a place, "assessment" from a
    photo; nothing from an assessment itself) is its place's published one."""
    return Q(**{f"{through}__status" if through else "status": PUBLISHED_STATUS})
