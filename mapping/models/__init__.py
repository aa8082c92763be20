"""The data model of the whole product. One module per subject; import models from here."""

from mapping.models.accounts import Role, User
from mapping.models.assessments import Assessment, AssessmentEvent, Category, ReviewStatus
from mapping.models.catalogue import Provider, Service, ServiceForm, ServiceType, TargetGroup
from mapping.models.geo import Entrance, Municipality, Place, PlaceKind, Purpose
from mapping.models.imports import ImportKind, ImportRun, ImportStatus
from mapping.models.jobs import FailedJob, JobError, ResurveyReminder
from mapping.models.mapgrid import MapGridBuild, MapGridCell
from mapping.models.network import (
    Barrier,
    BarrierKind,
    NetworkAddress,
    NetworkEdge,
    NetworkNode,
)
from mapping.models.photos import Photo, PhotoSubject, PrivacyStatus
from mapping.models.ratelimit import RateLimitCounter
from mapping.models.repairs import (
    AccessibilityStatement,
    Compliance,
    RepairContact,
    RepairEvent,
    RepairItem,
    RepairSource,
    RepairStatus,
    ResurveyTask,
    ResurveyTaskStatus,
)
from mapping.models.reports import Report, ReportKind, ReportStatus
from mapping.models.ruian import AddressPoint, BuildingNumberType

__all__ = [
    "AccessibilityStatement",
    "Compliance",
    "RepairContact",
    "RepairEvent",
    "RepairItem",
    "RepairSource",
    "RepairStatus",
    "ResurveyTask",
    "ResurveyTaskStatus",
    "AddressPoint",
    "Assessment",
    "Barrier",
    "BarrierKind",
    "BuildingNumberType",
    "AssessmentEvent",
    "Category",
    "Entrance",
    "FailedJob",
    "ImportKind",
    "ImportRun",
    "ImportStatus",
    "JobError",
    "MapGridBuild",
    "MapGridCell",
    "Municipality",
    "NetworkAddress",
    "NetworkEdge",
    "NetworkNode",
    "Photo",
    "PhotoSubject",
    "Place",
    "PlaceKind",
    "PrivacyStatus",
    "Provider",
    "Purpose",
    "RateLimitCounter",
    "Report",
    "ReportKind",
    "ReportStatus",
    "ResurveyReminder",
    "ReviewStatus",
    "Role",
    "Service",
    "ServiceForm",
    "ServiceType",
    "TargetGroup",
    "User",
]
