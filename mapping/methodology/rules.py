"""Every threshold of the methodology, in one versioned table.

METHODOLOGY.md is the source: the Mapy bez bariér reading of MKPO. Published MKPO texts differ
in two places (the longest ramp leg allowed at 8 %: 9 m or 12 m; the minimum ramp width: 110 or
100 cm), so a town may switch to the other variant by naming its version; each assessment stores
the version that categorised it, and `recategorize_assessments` re-runs the engine when the
version changes.

Lengths in centimetres, slopes in per cent. `None` means "this level has no such rule".
"""

from dataclasses import dataclass, field, replace

LEVEL = "NoelevationEntranceAccessibility"
RAMP = "RampEntranceAccessibility"
ONE_STEP = "OneStepEntranceAccessibility"
MORE_STEPS = "MoreStepsEntranceAccessibility"
PLATFORM = "PlatformEntranceAccessibility"
ENTIRE = "EntireObjectInteriorAccessibility"
PART = "PartObjectInteriorAccessibility"


@dataclass(frozen=True)
class PublicSpaceLimits:
    """Our rule for public spaces: the building decree's reference values (398/2009 Coll.) for
    "accessible"; for "partly" the MKPO partly-accessible values of the nearest building element
    (ramp slope up to 9 m, threshold, door width, one step)."""

    longitudinal_slope_max: float
    cross_slope_max: float
    kerb_max: float
    width_min: int
    steps_max: int


@dataclass(frozen=True)
class LevelRules:
    entrance_kinds: frozenset[str]
    interior: frozenset[str]
    # A "more steps" entrance still passes when its steps number at most this (seniors, partly).
    entrance_max_steps: int | None = None
    # (longest leg up to, steepest leg at most); the last band has no length limit.
    ramp_bands: tuple[tuple[float | None, float], ...] | None = None
    ramp_min_width: int | None = None
    ramp_handrail: bool = False
    door_min: int | None = None
    door_adds_side_panel: bool = True
    narrowed_forbidden: bool = False
    narrowed_min: int | None = None
    threshold_max: int | None = None
    stairs_banister: bool = False
    lift_door_min: int | None = None
    lift_cabin_min: tuple[int, int] | None = None
    lift_seat: bool = False
    lift_handrail: bool = False
    platform_entry_min: int | None = None
    platform_min: tuple[int, int] | None = None
    # "wc_category": one toilet accessible or partly; "seniors": grab bar, alarm, washbasin, seat;
    # "changing_table": one toilet with a changing table.
    toilet: str | None = None
    toilet_seat_min: int | None = None
    public_space: PublicSpaceLimits | None = None


@dataclass(frozen=True)
class WcLevelRules:
    localizations: frozenset[str] | None
    door_min: int
    door_outwards: bool
    cabin_min: tuple[int, int]
    side_space_min: int
    grab_bars_both_sides: bool = False
    paper_within_reach: bool = False
    washbasin_underpass: bool = False
    basin_space_free: bool = False


@dataclass(frozen=True)
class Ruleset:
    version: str
    title: tuple[str, str]
    profiles: dict[str, dict[str, LevelRules]]
    wc: dict[str, WcLevelRules] = field(default_factory=dict)


_LEVEL_OR_RAMP = frozenset({LEVEL, RAMP})
_RAMP_ACCESSIBLE = ((300, 12.5), (900, 8.0), (None, 8.0))
_RAMP_PARTLY = ((300, 16.5), (900, 12.5), (None, 12.5))
_INTERIOR_ANY = frozenset({ENTIRE, PART})

_PS_ACCESSIBLE = PublicSpaceLimits(8.33, 2.0, 2.0, 90, 0)
_PS_PARTLY = PublicSpaceLimits(12.5, 5.0, 7.0, 70, 1)

_WHEELCHAIR_ACCESSIBLE = LevelRules(
    entrance_kinds=_LEVEL_OR_RAMP,
    interior=frozenset({ENTIRE}),
    ramp_bands=_RAMP_ACCESSIBLE,
    ramp_min_width=110,
    door_min=80,
    door_adds_side_panel=False,
    narrowed_forbidden=True,
    threshold_max=2,
    lift_door_min=80,
    lift_cabin_min=(100, 125),
    toilet="wc_category",
    public_space=_PS_ACCESSIBLE,
)
_WHEELCHAIR_PARTLY = LevelRules(
    entrance_kinds=frozenset({LEVEL, RAMP, ONE_STEP, PLATFORM}),
    interior=_INTERIOR_ANY,
    ramp_bands=_RAMP_PARTLY,
    ramp_min_width=110,
    door_min=70,
    narrowed_min=70,
    threshold_max=7,
    lift_door_min=70,
    lift_cabin_min=(100, 110),
    platform_entry_min=70,
    platform_min=(70, 90),
    public_space=_PS_PARTLY,
)

MKPO_MBB_2026_1 = Ruleset(
    version="mkpo-mbb-2026.1",
    title=(
        "MKPO podle pravidel Mapy bez bariér (rampa 9 m, šířka 110 cm)",
        "MKPO as Mapy bez bariér applies it (ramp 9 m, width 110 cm)",
    ),
    profiles={
        "wheelchair": {"accessible": _WHEELCHAIR_ACCESSIBLE, "partly": _WHEELCHAIR_PARTLY},
        "seniors": {
            "accessible": replace(
                _WHEELCHAIR_ACCESSIBLE,
                ramp_handrail=True,
                door_min=70,
                door_adds_side_panel=True,
                narrowed_forbidden=False,
                narrowed_min=70,
                threshold_max=7,
                stairs_banister=True,
                lift_door_min=70,
                lift_cabin_min=(100, 110),
                lift_seat=True,
                lift_handrail=True,
                toilet="seniors",
                toilet_seat_min=45,
            ),
            "partly": LevelRules(
                entrance_kinds=frozenset({LEVEL, RAMP, ONE_STEP}),
                interior=_INTERIOR_ANY,
                entrance_max_steps=2,
                ramp_bands=_RAMP_PARTLY,
                ramp_min_width=110,
                door_min=60,
                narrowed_min=60,
                threshold_max=15,
                lift_door_min=60,
                lift_cabin_min=(80, 100),
                lift_handrail=True,
                public_space=replace(_PS_PARTLY, steps_max=2),
            ),
        },
        "pram": {
            "accessible": replace(
                _WHEELCHAIR_ACCESSIBLE,
                door_min=70,
                door_adds_side_panel=True,
                narrowed_forbidden=False,
                narrowed_min=70,
                threshold_max=7,
                lift_door_min=70,
                lift_cabin_min=(100, 110),
                platform_entry_min=70,
                platform_min=(70, 90),
                toilet="changing_table",
            ),
            "partly": replace(
                _WHEELCHAIR_PARTLY,
                door_min=70,
                narrowed_min=70,
                threshold_max=15,
                lift_door_min=70,
                lift_cabin_min=(80, 100),
            ),
        },
    },
    wc={
        "accessible": WcLevelRules(
            localizations=frozenset(
                {"SelfcontainedWCCabinLocalization", "LadiesWCCabinLocalization"}
            ),
            door_min=80,
            door_outwards=True,
            cabin_min=(160, 160),
            side_space_min=80,
            grab_bars_both_sides=True,
            paper_within_reach=True,
            washbasin_underpass=True,
            basin_space_free=True,
        ),
        "partly": WcLevelRules(
            localizations=None,
            door_min=70,
            door_outwards=True,
            cabin_min=(140, 140),
            side_space_min=70,
        ),
    },
)


def _ramp_variant(rules: Ruleset, version: str, title: tuple[str, str]) -> Ruleset:
    """The other published MKPO reading: 8 % ramps up to 12 m, ramps at least 100 cm wide."""
    profiles: dict[str, dict[str, LevelRules]] = {}
    for profile, levels in rules.profiles.items():
        profiles[profile] = {}
        for level, lr in levels.items():
            bands = lr.ramp_bands
            if bands is not None:
                bands = ((300, bands[0][1]), (1200, bands[1][1]), (None, bands[2][1]))
            profiles[profile][level] = replace(lr, ramp_bands=bands, ramp_min_width=100)
    return replace(rules, version=version, title=title, profiles=profiles)


MKPO_12M_2026_1 = _ramp_variant(
    MKPO_MBB_2026_1,
    "mkpo-12m-2026.1",
    (
        "MKPO, varianta: rampa se sklonem 8 % do 12 m, šířka 100 cm",
        "MKPO variant: 8 % ramps up to 12 m, width 100 cm",
    ),
)

RULESETS: dict[str, Ruleset] = {r.version: r for r in (MKPO_MBB_2026_1, MKPO_12M_2026_1)}
METHODOLOGY_VERSION = MKPO_MBB_2026_1.version
PROFILES = ("wheelchair", "seniors", "pram")
LEVELS = ("accessible", "partly")


def get_ruleset(version: str | None = None) -> Ruleset:
    """The ruleset of `version` (the current one by default); KeyError names the known ones."""
    try:
        return RULESETS[version or METHODOLOGY_VERSION]
    except KeyError:
        raise KeyError(
            f"Unknown methodology version {version!r}; known: {', '.join(RULESETS)}"
        ) from None
