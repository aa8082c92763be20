from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework_gis.serializers import GeoFeatureModelSerializer

from mapping.exchange.osm_tags import place_tags
from mapping.models import (
    Assessment,
    Category,
    Entrance,
    Photo,
    PhotoSubject,
    Place,
    Provider,
    Report,
    ReportKind,
    Service,
)
from mapping.models.reports import PhotoProblem, validity_problem


def category_field() -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=Category.choices, read_only=True)


class PlaceFeatureSerializer(GeoFeatureModelSerializer):
    """A published place as a GeoJSON Feature: lean, for maps and lists."""

    wheelchair = category_field()
    seniors = category_field()
    pram = category_field()
    has_accessible_toilet = serializers.BooleanField(read_only=True)
    survey_date = serializers.DateField(read_only=True)
    address = serializers.CharField(read_only=True)
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Place
        geo_field = "location"
        id_field = "id"
        fields = (
            "id",
            "name",
            "kind",
            "purposes",
            "address",
            "municipality",
            "wheelchair",
            "seniors",
            "pram",
            "has_accessible_toilet",
            "survey_date",
            "url",
        )

    @extend_schema_field(serializers.URLField())
    def get_url(self, place: Place) -> str:
        return reverse("api:place-detail", args=[place.pk])


class EntranceSerializer(serializers.ModelSerializer):
    location = serializers.SerializerMethodField()

    class Meta:
        model = Entrance
        fields = ("number", "label", "is_main", "description", "location")

    @extend_schema_field(serializers.ListField(child=serializers.FloatField()))
    def get_location(self, entrance: Entrance) -> list[float]:
        return [entrance.location.x, entrance.location.y]


class PhotoSerializer(serializers.ModelSerializer):
    image = serializers.ImageField(read_only=True)
    thumbnail = serializers.ImageField(read_only=True)
    subject = serializers.ChoiceField(choices=PhotoSubject.choices, read_only=True)

    class Meta:
        model = Photo
        fields = ("id", "image", "thumbnail", "width", "height", "alt_text", "subject", "credit")


class AssessmentSerializer(serializers.ModelSerializer):
    wheelchair = category_field()
    seniors = category_field()
    pram = category_field()
    photos = serializers.SerializerMethodField()
    osm_tags = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = (
            "id",
            "place",
            "status",
            "survey_date",
            "survey_kind",
            "methodology_version",
            "wheelchair",
            "seniors",
            "pram",
            "has_accessible_toilet",
            "answers",
            "result",
            "photos",
            "osm_tags",
        )

    @extend_schema_field(
        {
            "type": "object",
            "description": "The OpenStreetMap tags the assessment gives the place and each of "
            "its entrances (wheelchair, toilets:wheelchair, step_count, door:width, ...).",
            "properties": {
                "tags": {"type": "object", "additionalProperties": {"type": "string"}},
                "entrances": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "number": {"type": "integer"},
                            "tags": {
                                "type": "object",
                                "additionalProperties": {"type": "string"},
                            },
                        },
                    },
                },
            },
        }
    )
    def get_osm_tags(self, assessment: Assessment) -> dict:
        return place_tags(assessment)

    @extend_schema_field(PhotoSerializer(many=True))
    def get_photos(self, assessment: Assessment) -> list[dict]:
        # The views prefetch the visible photos only (a filtered Prefetch); else ask for them.
        prefetched = getattr(assessment, "_prefetched_objects_cache", {})
        visible = prefetched["photos"] if "photos" in prefetched else assessment.photos.visible()
        return PhotoSerializer(visible, many=True, context=self.context).data


class PlaceDetailSerializer(PlaceFeatureSerializer):
    entrances = EntranceSerializer(many=True, read_only=True)
    assessment = serializers.SerializerMethodField()

    class Meta(PlaceFeatureSerializer.Meta):
        fields = (*PlaceFeatureSerializer.Meta.fields, "description", "entrances", "assessment")

    @extend_schema_field(AssessmentSerializer())
    def get_assessment(self, place: Place) -> dict:
        approved = next(iter(place.approved_assessments), None)
        return AssessmentSerializer(approved, context=self.context).data if approved else None


class ServiceSerializer(serializers.ModelSerializer):
    places = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    area_served = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Service
        fields = (
            "id",
            "provider",
            "registry_id",
            "name",
            "service_type",
            "is_registered",
            "forms",
            "target_groups",
            "capacity",
            "opening_hours",
            "description",
            "area_served",
            "places",
        )


class ProviderSerializer(serializers.ModelSerializer):
    services = ServiceSerializer(many=True, read_only=True)

    class Meta:
        model = Provider
        fields = (
            "id",
            "name",
            "ico",
            "legal_form",
            "email",
            "phone",
            "website",
            "address",
            "description",
            "services",
        )


class ReportCoordinate(serializers.FloatField):
    """A coordinate of the report's spot: written as a number; read from the report's own point,
    else its place's (a report about a place is where the place is)."""

    def __init__(self, axis: str, **kwargs) -> None:
        self.axis = axis
        super().__init__(required=False, allow_null=True, **kwargs)

    def get_attribute(self, instance: Report) -> float | None:
        point = instance.location or (instance.place.location if instance.place_id else None)
        return None if point is None else getattr(point, self.axis)


class ReportSerializer(serializers.ModelSerializer):
    """A report from the public. `website` is a honeypot: people leave it empty, bots do not.
    `reference` (which opens the report's follow-up page) is answered only to its sender."""

    kind = serializers.ChoiceField(choices=ReportKind.choices)
    photo_problem = serializers.ChoiceField(
        choices=PhotoProblem.choices, required=False, allow_blank=True
    )
    longitude = ReportCoordinate("x", min_value=-180, max_value=180)
    latitude = ReportCoordinate("y", min_value=-90, max_value=90)
    website = serializers.CharField(
        required=False, allow_blank=True, write_only=True, max_length=200
    )
    text = serializers.CharField(max_length=5000)
    contact = serializers.CharField(
        required=False, allow_blank=True, write_only=True, max_length=200
    )
    status_url = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = (
            "id",
            "reference",
            "status_url",
            "kind",
            "place",
            "reported_photo",
            "photo_problem",
            "longitude",
            "latitude",
            "valid_from",
            "valid_until",
            "text",
            "contact",
            "website",
            "status",
            "created_at",
        )
        read_only_fields = ("reference", "status", "created_at")

    @extend_schema_field(serializers.URLField())
    def get_status_url(self, report: Report) -> str:
        """The follow-up page of the report, where its sender sees what happened to it."""
        path = reverse("reports:status", args=[report.reference])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def to_representation(self, instance: Report) -> dict:
        data = super().to_representation(instance)
        if not self.context.get("to_sender"):
            data.pop("reference")
            data.pop("status_url")
        return data

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what the public can see can be reported.
        self.fields["place"].queryset = Place.objects.published()
        self.fields["reported_photo"].queryset = Photo.objects.published()

    def validate(self, attrs: dict) -> dict:
        return validate_report(self, attrs)


def validate_report(serializer: ReportSerializer, attrs: dict) -> dict:
    """Rules of a public report beyond single fields; messages in the visitor's language."""
    from django.contrib.gis.geos import Point
    from django.utils.translation import gettext as _

    if attrs.pop("website", ""):
        raise serializers.ValidationError({"website": _("Leave this field empty.")})
    longitude, latitude = attrs.pop("longitude", None), attrs.pop("latitude", None)
    if (longitude is None) != (latitude is None):
        raise serializers.ValidationError(
            {"latitude": _("Give both the latitude and the longitude, or neither.")}
        )
    if longitude is not None:
        attrs["location"] = Point(longitude, latitude, srid=4326)
    problem = validity_problem(attrs.get("valid_from"), attrs.get("valid_until"))
    if problem:
        raise serializers.ValidationError({"valid_until": str(problem)})
    if attrs["kind"] == ReportKind.PHOTO:
        if not attrs.get("reported_photo"):
            raise serializers.ValidationError(
                {"reported_photo": _("Say which photo the report is about.")}
            )
        if not attrs.get("photo_problem"):
            raise serializers.ValidationError(
                {"photo_problem": _("Say what is wrong with the photo.")}
            )
    elif not attrs.get("place") and "location" not in attrs:
        raise serializers.ValidationError(
            {"place": _("Choose a place or give the position of the barrier.")}
        )
    return attrs
