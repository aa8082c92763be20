"""Who may do what: the role checks of the views, and who may see and change an assessment.

- `coordinator_required` (a page for coordinators), `api_login_required` (a JSON endpoint for
  signed-in users) and `can_submit`: shared by the survey, the accounts and the review. Pages
  redirect an anonymous visitor to the login page; JSON endpoints answer 401/403 with a message
  in the visitor's language, never a redirect that a script would follow into an HTML page.
- `get_assessment_or_404`: the public sees approved assessments only; a volunteer also sees their
  own; a coordinator sees everything but the drafts of a volunteer awaiting approval, which are
  the volunteer's alone until then (mapping/survey/submission.py says why). Anything else is a
  404, so that a draft's existence leaks not.
- `get_assessment_writable_or_403`: a volunteer edits only their own drafts and returned
  submissions; a coordinator may edit anything not yet approved.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _  # lazy: errors.py renders cs and en

from mapping.json_errors import json_error
from mapping.models import Assessment, ReviewStatus

EDITABLE_BY_SURVEYOR = (ReviewStatus.DRAFT, ReviewStatus.RETURNED)


def _of_a_volunteer_awaiting_approval(assessment: Assessment) -> bool:
    surveyor = assessment.surveyor
    return surveyor is not None and surveyor.is_awaiting_approval


def can_view(user, assessment: Assessment) -> bool:
    if assessment.is_published:
        return True
    if not user.is_authenticated:
        return False
    if assessment.surveyor_id == user.pk:
        return True
    return user.is_coordinator and not _of_a_volunteer_awaiting_approval(assessment)


def can_edit(user, assessment: Assessment) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_coordinator and not _of_a_volunteer_awaiting_approval(assessment):
        return not (assessment.is_published or assessment.status == ReviewStatus.SUPERSEDED)
    return assessment.surveyor_id == user.pk and assessment.status in EDITABLE_BY_SURVEYOR


def get_assessment_or_404(user, pk: int) -> Assessment:
    assessment = Assessment.objects.select_related("place", "surveyor").filter(pk=pk).first()
    if assessment is None or not can_view(user, assessment):
        raise Http404(_("No such assessment."))
    return assessment


def get_assessment_writable_or_403(user, pk: int) -> Assessment:
    assessment = get_assessment_or_404(user, pk)
    if not can_edit(user, assessment):
        raise PermissionDenied(
            _("You cannot change this assessment: it is not your draft or it is already reviewed.")
        )
    return assessment


def coordinator_required(view):
    """A page only coordinators (and administrators) may open."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_coordinator:
            raise PermissionDenied(_("Only a coordinator can do this."))
        return view(request, *args, **kwargs)

    return wrapper


def api_login_required(view):
    """A JSON endpoint for signed-in, active users."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated or not request.user.is_active:
            return json_error(401, "login_required", _("Sign in first; your work stays saved."))
        return view(request, *args, **kwargs)

    return wrapper


def can_submit(user) -> bool:
    """Volunteers submit once a coordinator approved them; coordinators always may."""
    return user.is_authenticated and user.is_active and (user.is_coordinator or user.is_approved)
