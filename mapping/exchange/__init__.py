"""Converters between our survey structure and the formats the rest of the world uses.

- `mbb_schema`, `mbb_format`: the Mapy bez bariér exchange standard (JSON and XML), validated
  against the standard's own schemas in `schemas/mapybezbarier/`.
- `places`: an exchange object <-> our Place and Assessment columns.
- `importer`: the import core (dry run, idempotent, savepoints, report) shared by the command
  line and any admin upload; `vozejkmap`: VozejkMap GeoJSON into the same core.
- `export`: published places as Mapy bez bariér JSON/XML, GeoJSON, A11yJSON and OSM tags.

Converters may read models but hold no views.
"""
