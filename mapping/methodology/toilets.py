"""The toilet table of METHODOLOGY.md: each recorded toilet's WC category, and the facts that the
profiles' toilet rules read (grab bar, alarm button, washbasin, seat, changing table).

A measurement that is absent does not count against the toilet; it is listed as missing.
"""

from typing import Any

from mapping.methodology.answers import Answers
from mapping.methodology.reasons import Reason
from mapping.methodology.rules import WcLevelRules

OUTWARDS = "OutwardsDoorOpeningDirection"
SUFFICIENT = "SufficientWashbasinUnderpass"
FREE_SPACE = "FreeWCBasinSpace"

_HALLWAYS = tuple(
    (
        f"hallway{n}DoorWidth",
        (f"hallway{n}Width", f"hallway{n}Depth", f"hallway{n}DoorWidth", f"hallway{n}DoorMarking"),
    )
    for n in (1, 2)
)
_HANDLE1 = ("handle1Type", "handle1Height", "handle1Length")
_HANDLE2 = ("handle2Type", "handle2Height", "handle2Length")


class ToiletFacts:
    """What the rules read from one toilet; None where the measurement is absent."""

    alarm: bool | None
    bars: int | None  # grab bars recorded: 1 or 2
    cabin_depth: float | None
    cabin_width: float | None
    changing: bool | None
    direction: str | None
    doors: list[tuple[float, str]]  # (width, field) of every door on the way
    localization: str | None
    paper: bool | None
    prefix: str
    seat: float | None
    # The wider space beside the bowl and its field, `(80, "wcBasinRightDistance")`.
    side: tuple[float, str] | None
    space: str | None
    underpass: str | None

    __slots__ = (
        "alarm",
        "bars",
        "cabin_depth",
        "cabin_width",
        "changing",
        "direction",
        "doors",
        "localization",
        "paper",
        "prefix",
        "seat",
        "side",
        "space",
        "underpass",
    )

    def __init__(self, w: Answers, index: int, missing: list[str]) -> None:
        g = w.get
        pre = self.prefix = f"wc[{index}]."

        def need(key: str) -> Any:
            """The answer `key`; noted as missing when there is none."""
            value = g(key)
            if value is None:
                missing.append(pre + key)
            return value

        self.localization = need("wcCabinLocalization")
        doors = []
        for key, indicators in _HALLWAYS:
            width = g(key)
            if width is not None:
                doors.append((width, key))
            elif any(k in w for k in indicators):
                missing.append(pre + key)
        width = need("doorWidth")
        if width is not None:
            doors.append((width, "doorWidth"))
        self.doors = doors
        self.direction = need("doorOpeningDirection")
        self.cabin_width = need("wcCabinWidth")
        self.cabin_depth = need("wcCabinDepth")
        left: float | None = g("wcBasinLeftDistance")
        right: float | None = g("wcBasinRightDistance")
        if left is not None and (right is None or left >= right):
            self.side = (left, "wcBasinLeftDistance")
        elif right is not None:
            self.side = (right, "wcBasinRightDistance")
        else:
            missing.append(pre + "wcBasinLeftDistance")
            missing.append(pre + "wcBasinRightDistance")
            self.side = None
        # A grab bar is recorded by its type, height or length; none at all is not a measurement.
        bars = (any(k in w for k in _HANDLE1)) + (any(k in w for k in _HANDLE2))
        if bars == 0:
            missing.append(pre + "handle1Type")
            missing.append(pre + "handle2Type")
            self.bars = None
        else:
            self.bars = bars
        self.paper = need("wcBasinIsPaperReach")
        self.underpass = need("washbasinUnderpass")
        self.space = need("wcBasinSpace")
        self.alarm = need("wcIsAlarmbutton")
        self.seat = need("wcBasinSeatHeight")
        self.changing = need("wcIsChangingdesk")


def wc_failures(t: ToiletFacts, r: WcLevelRules, level: str, out: list[Reason]) -> None:
    """Append a reason for every rule of one WC level that this toilet breaks."""
    pre = t.prefix
    if (
        r.localizations is not None
        and t.localization is not None
        and t.localization not in r.localizations
    ):
        out.append(
                ("wc", level, "wc_localization", pre + "wcCabinLocalization", t.localization,
                 tuple(sorted(r.localizations)))
            )  # fmt: skip
    for width, key in t.doors:
        if width < r.door_min:
            out.append(("wc", level, "wc_door_width", pre + key, width, r.door_min))
    if r.door_outwards and t.direction is not None and t.direction != OUTWARDS:
        out.append(
            ("wc", level, "wc_door_direction", pre + "doorOpeningDirection", t.direction, OUTWARDS)
        )
    if t.cabin_width is not None and t.cabin_width < r.cabin_min[0]:
        out.append(("wc", level, "wc_cabin_width", pre + "wcCabinWidth", t.cabin_width,
                    r.cabin_min[0]))  # fmt: skip
    if t.cabin_depth is not None and t.cabin_depth < r.cabin_min[1]:
        out.append(("wc", level, "wc_cabin_depth", pre + "wcCabinDepth", t.cabin_depth,
                    r.cabin_min[1]))  # fmt: skip
    if t.side is not None and t.side[0] < r.side_space_min:
        space, key = t.side
        out.append(("wc", level, "wc_side_space", pre + key, space, r.side_space_min))
    if r.grab_bars_both_sides and t.bars is not None and t.bars < 2:
        out.append(("wc", level, "wc_grab_bars", pre + "handle2Type", t.bars, 2))
    if r.paper_within_reach and t.paper is False:
        out.append(("wc", level, "wc_paper", pre + "wcBasinIsPaperReach", False, True))
    if r.washbasin_underpass and t.underpass is not None and t.underpass != SUFFICIENT:
        out.append(
            ("wc", level, "wc_washbasin", pre + "washbasinUnderpass", t.underpass, SUFFICIENT)
        )
    if r.basin_space_free and t.space is not None and t.space != FREE_SPACE:
        out.append(("wc", level, "wc_basin_space", pre + "wcBasinSpace", t.space, FREE_SPACE))


def wc_category(
    t: ToiletFacts, accessible: WcLevelRules, partly: WcLevelRules
) -> tuple[str, list[Reason]]:
    """The toilet's category and the reasons it is not better."""
    reasons: list[Reason] = []
    wc_failures(t, accessible, "accessible", reasons)
    if not reasons:
        return "accessible", reasons
    n = len(reasons)
    wc_failures(t, partly, "partly", reasons)
    return ("partly" if len(reasons) == n else "inaccessible"), reasons


def seniors_toilet_failures(t: ToiletFacts, seat_min: int, level: str) -> list[Reason]:
    """Why this toilet lacks what seniors need (grab bar, alarm, washbasin, seat); [] if nothing."""
    pre = t.prefix
    out: list[Reason] = []
    # No grab bar can be recorded as absent in the exchange format (only by leaving the handle
    # fields out), so a missing grab bar is a missing measurement, never a failure here.
    if t.alarm is False:
        out.append(("seniors", level, "toilet_alarm", pre + "wcIsAlarmbutton", False, True))
    if t.underpass is not None and t.underpass != SUFFICIENT:
        out.append(
            ("seniors", level, "toilet_washbasin", pre + "washbasinUnderpass", t.underpass,
             SUFFICIENT)
        )  # fmt: skip
    if t.seat is not None and t.seat < seat_min:
        out.append(("seniors", level, "toilet_seat", pre + "wcBasinSeatHeight", t.seat, seat_min))
    return out
