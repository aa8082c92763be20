"""Benchmark: reading and checking Mapy bez bariér exchange files, next to the bare parsers.

    python bench/bench_exchange.py [N]

Builds N objects from the test fixtures (every field of the standard appears), then times
- read_json (parse + JSON Schema + XML Schema per object) against json.loads of the same bytes,
- read_xml (parse + XML Schema + JSON Schema per object) against ElementTree.fromstring,
- write_xml against ElementTree.tostring of the same tree.
Prints each figure with its floor and the ratio. No database needed.
"""

import json
import os
import sys
import time
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "barrierfree.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")

import django  # noqa: E402

django.setup()

from mapping.exchange import mbb_format  # noqa: E402


def _timed(fn, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def _line(label: str, seconds: float, floor_label: str, floor: float, n: int) -> None:
    print(  # noqa: T201 - a benchmark prints its figures
        f"{label:<28} {seconds:8.3f} s ({n / seconds:8.0f} objects/s)   "
        f"{floor_label:<24} {floor:8.3f} s   ratio {seconds / floor:6.1f}"
    )


def main(n: int) -> None:
    fixtures = json.loads((ROOT / "tests/fixtures/mapybezbarier/objects.json").read_text())
    base = fixtures["object"]
    objects = []
    for i in range(n):
        obj = json.loads(json.dumps(base[i % len(base)]))
        obj["objectId"] = 100000 + i
        objects.append(obj)
    json_bytes = mbb_format.write_json(objects).encode()
    xml_bytes = mbb_format.write_xml(objects)
    print(f"{n} objects: JSON {len(json_bytes) / 1e6:.1f} MB, XML {len(xml_bytes) / 1e6:.1f} MB")  # noqa: T201

    floor, _ = _timed(json.loads, json_bytes)
    seconds, parsed = _timed(mbb_format.read_json, json_bytes)
    assert all(p.is_valid for p in parsed)
    _line("read_json + both schemas", seconds, "json.loads", floor, n)

    floor, tree = _timed(ET.fromstring, xml_bytes)
    seconds, parsed = _timed(mbb_format.read_xml, xml_bytes)
    assert all(p.is_valid for p in parsed)
    _line("read_xml + both schemas", seconds, "ElementTree.fromstring", floor, n)

    floor, _ = _timed(ET.tostring, tree)
    seconds, _ = _timed(mbb_format.write_xml, objects)
    _line("write_xml", seconds, "ElementTree.tostring", floor, n)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
