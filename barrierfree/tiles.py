"""The origin of the base-map tiles, for the Content-Security-Policy's img-src (used by settings).

A Leaflet tile URL is a template: "https://{s}.tile.example.org/{z}/{x}/{y}.png". Its host may hold
placeholders, which a CSP source cannot; a source may only widen its leftmost labels with "*.".
"""

from urllib.parse import urlsplit


def tile_source(url: str) -> str:
    """The CSP source that allows every tile of the template `url`: its scheme and host (with
    port), placeholders in the host replaced by a wildcard; "'self'" for tiles of this site."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return "'self'"
    host, colon, port = parts.netloc.rpartition(":")
    if not colon or not port.isdigit():
        host, port = parts.netloc, ""
    labels = host.split(".")
    templated = [i for i, label in enumerate(labels) if "{" in label]
    if templated:
        labels = ["*", *labels[templated[-1] + 1 :]]
    return f"{parts.scheme}://{'.'.join(labels)}{':' + port if port else ''}"
