"""Benchmark: the assessment engine against json.load of the same objects.

    python bench/bench_engine.py [--objects 100000] [--repeat 3]

Generates varied Mapy bez bariér exchange objects into a temporary file, then times (best of
--repeat) `json.load` of that file and `evaluate()` of every object, in the same run, and prints
both with the ratio next to its floor: evaluation may take at most 3x the parse.
Rendering every result to JSON-ready dicts (`to_dict()`, with Czech and English reasons) is
printed as well, for information.
"""

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapping.methodology.engine import evaluate  # noqa: E402
from mapping.methodology.object_types import OBJECT_TYPES  # noqa: E402

FLOOR = 3.0
ENTRANCE_KINDS = (
    "NoelevationEntranceAccessibility",
    "OneStepEntranceAccessibility",
    "MoreStepsEntranceAccessibility",
    "PlatformEntranceAccessibility",
    "RampEntranceAccessibility",
)
INTERIOR = (
    "EntireObjectInteriorAccessibility",
    "PartObjectInteriorAccessibility",
    "InaccessibleObjectInteriorAccessibility",
)
CATEGORIES = ("AccessibleObjectMKPO", "PartlyAccessibleObjectMKPO", "InAccessibleObjectMKPO")
STREETS = ("Náměstí Sigmunda Freuda", "Dukelská", "Štramberská", "Lidická", "Masarykova")


def _door(rng: random.Random, pre: str, obj: dict) -> None:
    obj[pre + "MainpanelWidth"] = (
        rng.randint(60, 75) if rng.random() < 0.15 else rng.randint(75, 120)
    )
    if rng.random() < 0.3:
        obj[pre + "Type"] = "DoublepanelledDoorType"
        obj[pre + "SidepanelWidth"] = rng.randint(30, 60)
    else:
        obj[pre + "Type"] = "SinglepanelledDoorType"
    obj[pre + "Opening"] = rng.choice(("MechanicalDoorOpening", "AutomaticDoorOpening"))
    obj[pre + "OpeningDirection"] = rng.choice(
        ("OutwardsDoorOpeningDirection", "InwardsDoorOpeningDirection")
    )
    obj[pre + "StepHeight"] = rng.choice((0, 0, 0, 0, 1, 1, 2, 2, 3, 5, 8, 16))


def _entrance(rng: random.Random, n: int, obj: dict) -> None:
    pre = f"entrance{n}"
    kind = rng.choices(ENTRANCE_KINDS, weights=(35, 20, 20, 10, 15))[0]
    obj[pre + "Accessibility"] = kind
    obj[pre + "Guidingline"] = rng.choice(
        ("NaturalEntranceGuidingline", "MissingEntranceGuidingline")
    )
    obj[pre + "BellType"] = rng.choice(("RingonlyBellType", "IntercomBellType", "MissingBellType"))
    obj[pre + "IsAOB"] = rng.random() < 0.1
    obj[pre + "HasDescription"] = "Vstup z náměstí, dveře vlevo od výlohy."
    if kind == "MoreStepsEntranceAccessibility":
        obj[pre + "Steps1NumberOf"] = rng.randint(2, 6)
        obj[pre + "Steps1Height"] = rng.randint(12, 18)
    _door(rng, pre + "Door1", obj)
    if rng.random() < 0.4:
        _door(rng, pre + "Door2", obj)


def make_object(rng: random.Random, i: int) -> dict:
    """One exchange object with a realistic mix of entrances, ramps, lifts and toilets."""
    obj = {
        "objectId": i,
        "title": f"Objekt {i}",
        "description": "Budova městského úřadu s bezbariérovým vstupem ze dvora.",
        "accessibility": rng.choice(CATEGORIES),
        "mappingDate": "2026-05-12T10:00:00",
        "objectType": rng.choice(tuple(OBJECT_TYPES)),
        "latitude": 49.64 + rng.random() / 100,
        "longitude": 18.14 + rng.random() / 100,
        "city": "Příbor",
        "street": rng.choice(STREETS),
        "streetDescNo": rng.randint(1, 1500),
        "zipcode": "742 58",
        "objectInteriorAccessibility": rng.choices(INTERIOR, weights=(50, 35, 15))[0],
        "objectIsNarrowedPassage": rng.random() < 0.1,
        "objectIsStairs": rng.random() < 0.5,
        "objectStairsIsBannister": rng.random() < 0.7,
    }
    if obj["objectIsNarrowedPassage"]:
        obj["objectNarrowedPassageWidth"] = rng.randint(55, 100)
    _entrance(rng, 1, obj)
    if rng.random() < 0.3:
        _entrance(rng, 2, obj)
    if rng.random() < 0.35:
        legs = rng.randint(1, 3)
        ramp = {"rampNumberOfLegs": legs, "rampIsHandle": rng.random() < 0.6}
        for n in range(1, legs + 1):
            ramp[f"rampleg{n}Width"] = rng.randint(100, 160)
            ramp[f"rampleg{n}Length"] = rng.randint(100, 1200)
            ramp[f"rampleg{n}Inclination"] = round(rng.uniform(3, 14), 1)
        obj["rampskids"] = [ramp]
    if rng.random() < 0.3:
        obj["elevator"] = [
            {
                "door1Width": rng.randint(70, 100),
                "elevatorCageWidth": rng.randint(90, 140),
                "elevatorCageDepth": rng.randint(100, 210),
                "elevatorIsCageSeat": rng.random() < 0.3,
                "elevatorIsCageHandle": rng.random() < 0.8,
                "elevatorIsControl1BrailleMarking": rng.random() < 0.5,
            }
        ]
    if rng.random() < 0.1:
        obj["platform"] = [
            {
                "platformWidth": rng.randint(60, 110),
                "platformDepth": rng.randint(80, 150),
                "entryarea1Width": rng.randint(60, 150),
                "entryarea2Width": rng.randint(60, 150),
            }
        ]
    if rng.random() < 0.4:
        obj["wc"] = [
            {
                "wcCabinLocalization": rng.choice(
                    (
                        "SelfcontainedWCCabinLocalization",
                        "SelfcontainedWCCabinLocalization",
                        "LadiesWCCabinLocalization",
                        "GentsWCCabinLocalization",
                    )
                ),  # fmt: skip
                "doorWidth": rng.randint(70, 100),
                "doorOpeningDirection": "OutwardsDoorOpeningDirection",
                "wcCabinWidth": rng.randint(140, 220),
                "wcCabinDepth": rng.randint(140, 220),
                "wcBasinLeftDistance": rng.randint(20, 40),
                "wcBasinRightDistance": rng.randint(60, 110),
                "handle1Type": "FoldingHandleType",
                "handle2Type": "FixedHandleType",
                "wcBasinIsPaperReach": rng.random() < 0.8,
                "washbasinUnderpass": "SufficientWashbasinUnderpass",
                "wcBasinSpace": "FreeWCBasinSpace",
                "wcIsAlarmbutton": rng.random() < 0.5,
                "wcBasinSeatHeight": rng.randint(40, 50),
                "wcIsChangingdesk": rng.random() < 0.4,
            }
            for _ in range(rng.choice((1, 1, 2)))
        ]
    return obj


def best_of(repeat: int, fn) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "objects.json"
        with path.open("w", encoding="utf-8") as fh:
            json.dump({"object": [make_object(rng, i) for i in range(args.objects)]}, fh)
        size_mb = path.stat().st_size / 1e6

        def parse():
            with path.open(encoding="utf-8") as fh:
                return json.load(fh)

        t_parse, document = best_of(args.repeat, parse)
    objects = document["object"]
    t_eval, results = best_of(args.repeat, lambda: [evaluate(o) for o in objects])
    t_dict, _ = best_of(1, lambda: [r.to_dict() for r in results])
    counts = {}
    for r in results:
        key = r.categories["wheelchair"]
        counts[key] = counts.get(key, 0) + 1
    ratio = t_eval / t_parse
    out = sys.stdout.write
    out(f"objects: {len(objects)} ({size_mb:.1f} MB), wheelchair categories: {counts}\n")
    out(f"json.load (baseline):      {t_parse:8.3f} s\n")
    out(
        f"evaluate all objects:      {t_eval:8.3f} s   ratio {ratio:.2f}"
        f"  (floor: ratio <= {FLOOR:g})\n"
    )
    out(f"to_dict of all results:    {t_dict:8.3f} s   (information: reasons rendered cs/en)\n")
    out("OK\n" if ratio <= FLOOR else "SLOWER THAN THE FLOOR\n")
    return 0 if ratio <= FLOOR else 1


if __name__ == "__main__":
    sys.exit(main())
