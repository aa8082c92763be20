"""The map's files and settings in a page, the same way on every page (mapping/map_settings.py):
`{% map_styles %}` in the head, `{% map_scripts %}` before the page's own script; `cluster=True`
adds the drawing of the map tiles' clusters."""

from django import template

from mapping.map_settings import (
    CLUSTER_SCRIPTS,
    CLUSTER_STYLES,
    MAP_SCRIPTS,
    MAP_STYLES,
    map_settings,
)

register = template.Library()


@register.inclusion_tag("map/_styles.html")
def map_styles(cluster: bool = False) -> dict:
    return {"styles": MAP_STYLES + (CLUSTER_STYLES if cluster else [])}


@register.inclusion_tag("map/_scripts.html")
def map_scripts(cluster: bool = False) -> dict:
    return {
        "settings": map_settings(),
        "scripts": MAP_SCRIPTS + (CLUSTER_SCRIPTS if cluster else []),
    }
