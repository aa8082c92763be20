"""The page that writes the <iframe> snippet a town pastes into its website."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from mapping.public.filters import PlaceFilterForm, municipality_choices
from mapping.public.viewstate import services_layer_on
from mapping.site import absolute_url

FILTER_NAMES = (
    "profile",
    "category",
    "kind",
    "purpose",
    "municipality",
    "toilet",
    "parking",
    "service_type",
    "target_group",
    "services",  # the social services layer (mapping.public.viewstate.services_layer_on)
)


class EmbedForm(forms.Form):
    lat = forms.FloatField(label=_("Centre latitude"), min_value=-90, max_value=90)
    lon = forms.FloatField(label=_("Centre longitude"), min_value=-180, max_value=180)
    z = forms.IntegerField(label=_("Zoom"), min_value=3, max_value=19)
    lang = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    width = forms.IntegerField(label=_("Width (pixels)"), min_value=200, max_value=2000)
    height = forms.IntegerField(label=_("Height (pixels)"), min_value=200, max_value=2000)


@require_GET
def embed_snippet(request: HttpRequest) -> HttpResponse:
    initial = {
        "lat": settings.MAP_CENTER[0],
        "lon": settings.MAP_CENTER[1],
        "z": settings.MAP_ZOOM,
        "lang": settings.LANGUAGE_CODE,
        "width": 800,
        "height": 600,
    }
    bound = request.GET.get("lat") is not None
    form = EmbedForm(request.GET if bound else None, initial=initial)
    filters = PlaceFilterForm(request.GET if bound else None, municipalities=municipality_choices())
    snippet = ""
    if bound and form.is_valid() and filters.is_valid():
        data = form.cleaned_data
        params = [("embed", "1"), ("lang", data["lang"])]
        params += [(name, data[name]) for name in ("lat", "lon", "z")]
        for name in FILTER_NAMES:
            for value in request.GET.getlist(name):
                if value:
                    params.append((name, value))
        src = absolute_url(reverse("public:map") + "?" + urlencode(params), request)
        # Plain text shown in a <textarea> (autoescaped there); attribute values escaped here.
        snippet = (
            f'<iframe src="{escape(src)}" width="{data["width"]}" height="{data["height"]}" '
            f'title="{escape(_("Barrier-free map"))}" style="border:0" loading="lazy"></iframe>'
        )
    return render(
        request,
        "public/embed.html",
        {
            "form": form,
            "filter_form": filters,
            "snippet": snippet,
            "profile": "wheelchair",
            "services_on": services_layer_on(request.GET),
        },
    )
