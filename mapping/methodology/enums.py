"""Code lists of the Mapy bez bariér exchange standard, and of our public-space survey.

Each list maps an exchange value to its (Czech, English) label. Values and Czech labels follow the
standard's code lists (init-data.sql of Mapybezbarier/mapybezbarier, GPL-3.0); English labels are
ours. Where the upstream Czech label contradicts the value's name (the handle types are swapped
there), the label follows the value's name, since the value is what gets exchanged.
"""

from mapping.methodology.object_types import OBJECT_TYPES

Labels = dict[str, tuple[str, str]]

OBJECT_CATEGORY: Labels = {
    "AccessibleObjectMKPO": ("přístupný", "accessible"),
    "PartlyAccessibleObjectMKPO": ("částečně přístupný", "partly accessible"),
    "InAccessibleObjectMKPO": ("nepřístupný", "inaccessible"),
}
WC_CATEGORY: Labels = {
    "AccessibleWCMKPO": ("WC I (přístupné)", "WC I (accessible)"),
    "PartlyAccessibleWCMKPO": ("WC II (částečně přístupné)", "WC II (partly accessible)"),
    "InAccessibleWCMKPO": ("běžné WC", "ordinary toilet"),
}
GUIDINGLINE: Labels = {
    "NaturalEntranceGuidingline": ("přirozená", "natural"),
    "ArtificialEntranceGuidingline": ("umělá", "artificial"),
    "MissingEntranceGuidingline": ("chybí", "missing"),
    "NaturalArtificialEntranceGuidingline": ("přirozená a umělá", "natural and artificial"),
}
ENTRANCE_ACCESSIBILITY: Labels = {
    "NoelevationEntranceAccessibility": ("bez převýšení", "level"),
    "OneStepEntranceAccessibility": ("jeden schod", "one step"),
    "MoreStepsEntranceAccessibility": ("více schodů", "more steps"),
    "PlatformEntranceAccessibility": ("plošina", "platform lift"),
    "RampEntranceAccessibility": ("rampa", "ramp"),
}
BELL_TYPE: Labels = {
    "RingonlyBellType": ("pouze zvonění", "bell only"),
    "IntercomBellType": ("interkom", "intercom"),
    "MissingBellType": ("chybí", "missing"),
}
CONTRAST_MARKING: Labels = {
    "BottomContrastMarkingLocalization": ("ve spodní výškové úrovni", "at the lower level"),
    "TopContrastMarkingLocalization": ("v horní výškové úrovni", "at the upper level"),
    "MissingContrastMarkingLocalization": ("chybí", "missing"),
    "BottomTopContrastMarkingLocalization": (
        "v horní i spodní výškové úrovni",
        "at the upper and the lower level",
    ),
}
DOOR_TYPE: Labels = {
    "SinglepanelledDoorType": ("jednokřídlé", "single-leaf"),
    "DoublepanelledDoorType": ("dvoukřídlé", "double-leaf"),
    "CarouselDoorType": ("karuselové", "revolving"),
}
DOOR_OPENING: Labels = {
    "MechanicalDoorOpening": ("mechanické", "manual"),
    "AutomaticDoorOpening": ("automatické", "automatic"),
    "SlidingDoorOpening": ("posuvné", "sliding"),
    "SwingingDoorOpening": ("kyvné", "swing"),
}
DOOR_OPENING_DIRECTION: Labels = {
    "OutwardsDoorOpeningDirection": ("ze zádveří", "outwards"),
    "InwardsDoorOpeningDirection": ("do zádveří", "inwards"),
    "SidesDoorOpeningDirection": ("do stran", "to both sides"),
    "OnesideDoorOpeningDirection": ("do strany", "to one side"),
}
WC_DOOR_OPENING_DIRECTION: Labels = {
    "OutwardsDoorOpeningDirection": ("z kabiny", "out of the cabin"),
    "InwardsDoorOpeningDirection": ("do kabiny", "into the cabin"),
    "SidesDoorOpeningDirection": ("posuvné", "sliding"),
}
ACCESS: Labels = {
    "FreelyaccessibleMappableEntityAccess": ("volně přístupná", "freely accessible"),
    "LockedMappableEntityAccess": ("uzamčená", "locked"),
}
WC_ACCESS: Labels = {
    **ACCESS,
    "LockedEuroKeyMappableEntityAccess": ("uzamčená (Euroklíč)", "locked (Eurokey)"),
}
STAIRS_TYPE: Labels = {
    "DirectObjectStairsType": ("přímé", "straight"),
    "SpiralObjectStairsType": ("točité", "spiral"),
    "DirectSpiralObjectStairsType": ("přímé a točité", "straight and spiral"),
}
INTERIOR_ACCESSIBILITY: Labels = {
    "EntireObjectInteriorAccessibility": (
        "celý interiér nebo jeho větší část",
        "the entire interior or most of it",
    ),
    "PartObjectInteriorAccessibility": ("pouze část interiéru", "only part of the interior"),
    "InaccessibleObjectInteriorAccessibility": ("nepřístupný interiér", "inaccessible interior"),
}
RELATION: Labels = {
    "mainEntrance": ("hlavní vstup", "main entrance"),
    "sideEntrance": ("vedlejší vstup", "side entrance"),
}
RAMP_LOCALIZATION: Labels = {
    "EntranceRampSkidsLocalization": ("před vstupními dveřmi", "in front of the entrance door"),
    "LobbyRampSkidsLocalization": ("v zádveří", "in the lobby"),
    "InteriorRampSkidsLocalization": ("v interiéru", "inside"),
}
RAMP_MOBILITY: Labels = {
    "FixedRampSkidsMobility": ("pevná", "fixed"),
    "MobileRampSkidsMobility": ("mobilní", "mobile"),
}
RAMP_TYPE: Labels = {
    "DirectRampType": ("přímá", "straight"),
    "BentRampType": ("zalomená", "angled"),
    "SpiralRampType": ("točitá", "spiral"),
}
RAMP_SURFACE: Labels = {
    "SlipperyRampSurface": ("kluzký", "slippery"),
    "NonslipperyRampSurface": ("nekluzký", "non-slip"),
}
RAMP_HANDLE: Labels = {
    "SidewallHandleLocalization": ("jednostranné", "on one side"),
    "SidewallsHandleLocalization": ("oboustranné", "on both sides"),
}
PLATFORM_TYPE: Labels = {
    "VerticalPlatformType": ("svislá", "vertical"),
    "InclinedPlatformType": ("šikmá", "inclined"),
}
ENTRYAREA_ENTRY: Labels = {
    "SideEntryareaEntry": ("z boku", "from the side"),
    "FrontEntryareaEntry": ("čelní nástup", "from the front"),
}
ELEVATOR_TYPE: Labels = {
    "PersonalElevatorType": ("osobní", "passenger"),
    "CargoElevatorType": ("nákladní", "goods"),
}
ELEVATOR_DRIVEOFF: Labels = {
    "LandingsElevatorDriveoff": ("na hlavních podestách", "at the main landings"),
    "MezzaninesElevatorDriveoff": ("v mezipatrech", "at the half-landings"),
}
RELIEF_MARKING: Labels = {
    "EngravedElevatorControlReliefMarking": ("ryté", "engraved"),
    "ProtrudingElevatorControlReliefMarking": ("vystouplé", "raised"),
}
FLAT_MARKING: Labels = {
    "GraphicElevatorControlFlatMarking": ("grafické", "graphic"),
    "DigitalElevatorControlFlatMarking": ("digitální", "digital"),
    "GraphicDigitalElevatorControlFlatMarking": ("grafické a digitální", "graphic and digital"),
}
AOB_ANNOUNCEMENT: Labels = {
    "PhraseAOBAnnouncement": ("fráze", "phrase"),
    "JingleAOBAnnouncement": ("trylek", "jingle"),
    "PhraseJingleAOBAnnouncement": ("fráze i trylek", "phrase and jingle"),
}
SECONDDOOR: Labels = {
    "FrontElevatorCageSeconddoorLocalization": ("čelní stěna", "front wall"),
    "SideElevatorCageSeconddoorLocalization": ("boční stěna", "side wall"),
}
ELEVATOR_HANDLE: Labels = {
    "FrontwallHandleLocalization": ("čelní stěna", "front wall"),
    "SidewallHandleLocalization": ("boční stěna", "side wall"),
    "SidewallsHandleLocalization": ("obě boční stěny", "both side walls"),
}
MIRROR: Labels = {
    "FrontwallElevatorCageMirrorLocalization": ("čelní stěna", "front wall"),
    "SidewallElevatorCageMirrorLocalization": ("boční stěna", "side wall"),
    "SidewallsElevatorCageMirrorLocalization": ("obě boční stěny", "both side walls"),
}
WC_CABIN_LOCALIZATION: Labels = {
    "SelfcontainedWCCabinLocalization": ("samostatně", "separate (unisex)"),
    "LadiesWCCabinLocalization": ("v oddělení WC ženy", "in the ladies' section"),
    "GentsWCCabinLocalization": ("v oddělení WC muži", "in the gents' section"),
    "GentsLadiesWCCabinLocalization": (
        "v oddělení WC muži i WC ženy",
        "in both the gents' and the ladies' sections",
    ),
}
WC_SWITCH: Labels = {
    "YesWCSwitch": ("ano", "yes"),
    "MissingWCSwitch": ("chybí", "missing"),
    "AutomaticWCSwitch": ("automat", "automatic"),
}
WC_FLUSHING: Labels = {
    "AutomaticWCFlushing": ("automatické", "automatic"),
    "MechanicalWCFlushing": ("mechanické", "manual"),
}
WC_FLUSHING_DIFFICULTY: Labels = {
    "OKWCFlushingDifficulty": ("snadné", "easy"),
    "DifficultWCFlushingDifficulty": ("obtížné", "difficult"),
    "BrokenWCFlushingDifficulty": ("rozbité", "broken"),
}
WC_BASIN_SPACE: Labels = {
    "FreeWCBasinSpace": ("volný", "free"),
    "BlockedbymobileWCBasinSpace": ("blokovaný mobilním prvkem", "blocked by a movable object"),
    "BlockedbyfixedWCBasinSpace": ("blokovaný pevným prvkem", "blocked by a fixed object"),
}
WC_CHANGINGDESK: Labels = {
    "FoldingWCChangingdesk": ("sklopný", "folding"),
    "MobileWCChangingdesk": ("mobilní", "mobile"),
}
WC_DISPOSITION: Labels = {
    "TopLeftWCCabinDisposition": ("nahoře vlevo", "top left"),
    "TopRightWCCabinDisposition": ("nahoře vpravo", "top right"),
    "LeftTopWCCabinDisposition": ("vlevo nahoře", "left top"),
    "LeftBottomWCCabinDisposition": ("vlevo dole", "left bottom"),
    "BottomLeftWCCabinDisposition": ("dole vlevo", "bottom left"),
    "BottomRightWCCabinDisposition": ("dole vpravo", "bottom right"),
    "RightTopWCCabinDisposition": ("vpravo nahoře", "right top"),
    "RightBottomWCCabinDisposition": ("vpravo dole", "right bottom"),
}
HALLWAY_DOOR_MARKING: Labels = {
    "DoorIsMarking": ("ano", "yes"),
    "DoorIsNotMarking": ("ne", "no"),
    "DoorIsBrailleMarking": ("ano i Braillovo písmo", "yes, also in Braille"),
}
HANDLE_TYPE: Labels = {
    "FoldingHandleType": ("sklopné", "folding"),
    "FixedHandleType": ("pevné", "fixed"),
}
WC_DOOR_HANDLE_POSITION: Labels = {
    "InsideHandlePosition": ("uvnitř", "inside"),
    "OutsideHandlePosition": ("vně", "outside"),
    "MissingHandlePosition": ("chybí", "missing"),
    "InsideOutsideHandlePosition": ("uvnitř i vně", "inside and outside"),
}
WASHBASIN_UNDERPASS: Labels = {
    "SufficientWashbasinUnderpass": ("dostatečný", "sufficient"),
    "InsufficientWashbasinUnderpass": ("nedostatečný", "insufficient"),
}
WASHBASIN_HANDLE: Labels = {
    "VerticalHandleOrientation": ("svislé", "vertical"),
    "HorizontalHandleOrientation": ("vodorovné", "horizontal"),
}
TAP_TYPE: Labels = {
    "LevelTap": ("páková", "lever"),
    "TouchfreeTap": ("bezdotyková", "touch-free"),
    "ValveTap": ("ventil (kohoutek)", "valve"),
}

# Our own public-space survey: values as in OpenStreetMap's surface=* and smoothness=*, so that
# they map one to one onto the routing network's tags.
PUBLIC_SPACE_SURFACE: Labels = {
    "asphalt": ("asfalt", "asphalt"),
    "concrete": ("beton", "concrete"),
    "paving_stones": ("zámková dlažba, desky", "paving stones"),
    "sett": ("kamenná dlažba (kostky)", "sett"),
    "unhewn_cobblestone": ("neopracované kočičí hlavy", "unhewn cobblestone"),
    "compacted": ("zhutněný povrch", "compacted"),
    "fine_gravel": ("jemný štěrk, mlat", "fine gravel"),
    "gravel": ("štěrk", "gravel"),
    "ground": ("hlína", "ground"),
    "grass": ("tráva", "grass"),
    "wood": ("dřevo", "wood"),
    "metal": ("kov", "metal"),
    "other": ("jiný", "other"),
}
PUBLIC_SPACE_SMOOTHNESS: Labels = {
    "excellent": ("výborná (kolečkové brusle)", "excellent (roller blades)"),
    "good": ("dobrá (kolečkové křeslo)", "good (wheelchair)"),
    "intermediate": ("střední (jízdní kolo)", "intermediate (city bike)"),
    "bad": ("špatná", "bad"),
    "very_bad": ("velmi špatná", "very bad"),
    "horrible": ("hrozná", "horrible"),
    "very_horrible": ("velmi hrozná", "very horrible"),
    "impassable": ("neprůjezdná", "impassable"),
}

OBJECT_TYPE: Labels = OBJECT_TYPES
