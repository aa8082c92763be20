"""Field definitions of the repeated parts: ramps and skids, platform lifts, lifts, toilets.

In the exchange format each is a list of objects (`rampskids`, `platform`, `elevator`, `wc`).
"""

from mapping.methodology import enums
from mapping.methodology.fields import CM, KG, NUMBER, Field, _Builder


def rampskids() -> list[Field]:
    b = _Builder("rampskids")
    b.enum("rampRelation", enums.RELATION, "ke vstupu", "for the entrance")
    b.enum("rampLocalization", enums.RAMP_LOCALIZATION, "umístění rampy", "where the ramp is")
    b.text("rampInteriorLocalization", "umístění v interiéru", "where inside")
    b.enum("rampMobility", enums.RAMP_MOBILITY, "rampa pevná / mobilní", "fixed or mobile ramp")
    b.text("rampAccessProvidedBy", "kdo rampu přistaví", "who brings the ramp")
    b.enum("rampType", enums.RAMP_TYPE, "typ rampy", "ramp type")
    b.count("rampNumberOfLegs", "počet ramen", "number of legs", hi=4)
    for n in (1, 2, 3, 4):
        b.cm(f"rampleg{n}Width", f"rameno {n} – šířka", f"leg {n}: width", hi=2000)
        b.cm(f"rampleg{n}Length", f"rameno {n} – délka", f"leg {n}: length", hi=10000)
        b.pct(f"rampleg{n}Inclination", f"rameno {n} – sklon", f"leg {n}: slope")
    for pos, cs, en in (
        ("Bottom", "dolní nástupní plocha", "bottom landing"),
        ("Top", "horní nástupní plocha", "top landing"),
        ("Landings", "mezipodesty", "intermediate landings"),
    ):
        b.cm(f"ramp{pos}EntryareaWidth", f"{cs} – šířka", f"{en}: width")
        b.cm(f"ramp{pos}EntryareaDepth", f"{cs} – hloubka", f"{en}: depth")
    b.enum("rampSurface", enums.RAMP_SURFACE, "povrch rampy", "ramp surface")
    b.bool("rampIsHandle", "madlo u rampy", "ramp handrail")
    b.enum("rampHandleOrientation", enums.RAMP_HANDLE, "madla", "handrails")
    b.cm("rampHandle1Height", "výška madla 1", "handrail 1 height", hi=200)
    b.cm("rampHandle2Height", "výška madla 2", "handrail 2 height", hi=200)
    b.enum("skidsLocalization", enums.RAMP_LOCALIZATION, "umístění ližin", "where the skids are")
    b.text("skidsInteriorLocalization", "umístění ližin v interiéru", "where inside")
    b.enum("skidsMobility", enums.RAMP_MOBILITY, "ližiny pevné / mobilní", "fixed or mobile skids")
    b.pct("skidsInclination", "sklon ližin", "skids slope")
    b.cm("skidsLength", "délka ližin", "skids length", hi=10000)
    b.text("rampSkidsHasNotes", "poznámky", "notes")
    b.text("rampSkidsHasDescription", "popis", "description")
    return b.fields


def platform() -> list[Field]:
    b = _Builder("platform")
    b.enum("platformRelation", enums.RELATION, "ke vstupu", "for the entrance")
    b.text("platformLocalization", "umístění plošiny", "where the platform lift is")
    b.enum("platformAccess", enums.ACCESS, "přístup", "access")
    b.enum("platformType", enums.PLATFORM_TYPE, "typ plošiny", "platform type")
    b.int("platformMaxLoad", "nosnost", "maximum load", unit=KG, minimum=0, maximum=10000)
    b.cm("platformWidth", "šířka plošiny", "platform width", 40, 400)
    b.cm("platformDepth", "hloubka plošiny", "platform depth", 40, 600)
    b.bool("platformIsMinParameters", "splňuje minimální rozměry", "meets the minimum size")
    b.count("platformNumberOfSteps", "počet překonávaných schodů", "steps overcome", hi=500)
    b.count("platformNumberOfFloors", "počet podlaží", "floors served", hi=200)
    b.cm(
        "platformOutsideBottomControlHeight",
        "ovladač dole – výška",
        "bottom control height",
        0,
        300,
    )
    b.cm("platformOutsideTopControlHeight", "ovladač nahoře – výška", "top control height", 0, 300)
    b.cm(
        "platformInsideControlHeight",
        "ovladač na plošině – výška",
        "platform control height",
        0,
        300,
    )
    b.text("platformHasNotes", "poznámky", "notes")
    b.text("platformHasDescription", "popis", "description")
    for n in (1, 2):
        cs, en = f"nástupní plocha {n}", f"entry area {n}"
        b.enum(f"entryarea{n}Entry", enums.ENTRYAREA_ENTRY, f"{cs} – nástup", f"{en}: entry")
        b.bool(f"entryarea{n}IsEntryClosing", f"{cs} – zábrana", f"{en}: closing barrier")
        b.cm(f"entryarea{n}EntryWidth", f"{cs} – šířka vstupu", f"{en}: entry width", hi=1000)
        b.cm(f"entryarea{n}Width", f"{cs} – šířka", f"{en}: width")
        b.cm(f"entryarea{n}Depth", f"{cs} – hloubka", f"{en}: depth")
        b.cm(f"entryarea{n}HeightElevation", f"{cs} – převýšení", f"{en}: height step", hi=100)
        b.enum(f"entryarea{n}BellType", enums.BELL_TYPE, f"{cs} – zvonek", f"{en}: bell")
        b.cm(f"entryarea{n}BellHeight", f"{cs} – výška zvonku", f"{en}: bell height", hi=300)
        b.cm(f"entryarea{n}BellIndentation", f"{cs} – odsazení zvonku", f"{en}: bell set-back")
    return b.fields


def elevator() -> list[Field]:
    b = _Builder("elevator")
    b.text("elevatorLocalization", "umístění výtahu", "where the lift is")
    b.enum("elevatorAccess", enums.ACCESS, "přístup", "access")
    b.enum("elevatorType", enums.ELEVATOR_TYPE, "typ výtahu", "lift type")
    b.text("elevatorAccessProvidedBy", "kdo zpřístupní", "who opens it")
    b.text("elevatorConnectsFloors", "spojuje podlaží", "floors served")
    b.enum("elevatorDriveoff", enums.ELEVATOR_DRIVEOFF, "zastavuje", "stops")
    b.cm("elevatorControl1MaxHeight", "přivolávací ovladač – výška", "call button height", hi=300)
    b.enum(
        "elevatorControl1ReliefMarking",
        enums.RELIEF_MARKING,
        "přivolávač – reliéf",
        "call button: relief",
    )
    b.enum(
        "elevatorControl1FlatMarking",
        enums.FLAT_MARKING,
        "přivolávač – značení",
        "call button: marking",
    )
    b.bool(
        "elevatorIsControl1BrailleMarking", "přivolávač – Braillovo písmo", "call button: Braille"
    )
    b.bool("elevatorIsAOB", "akustický orientační majáček", "acoustic orientation beacon")
    b.bool("elevatorAobIsAboveDoor", "majáček nad dveřmi", "beacon above the door")
    b.text("elevatorAobLocalization", "umístění majáčku", "where the beacon is")
    b.enum(
        "elevatorAOBAnnouncementsScheme",
        enums.AOB_ANNOUNCEMENT,
        "hlášení majáčku",
        "beacon announcement",
    )
    b.bool("elevatorIsCagePassthrough", "průchozí kabina", "walk-through cabin")
    b.cm("elevatorCageWidth", "šířka kabiny", "cabin width", 40, 400)
    b.cm("elevatorCageDepth", "hloubka kabiny", "cabin depth", 40, 600)
    b.enum("elevatorCageSeconddoorLocalization", enums.SECONDDOOR, "druhé dveře", "second door")
    b.cm(
        "elevatorCageControlDistance",
        "ovladač v kabině – vzdálenost od rohu",
        "cabin panel: distance from the corner",
        hi=500,
    )
    b.cm("elevatorCageControlHeight", "ovladač v kabině – výška", "cabin panel height", hi=300)
    b.enum(
        "elevatorControl2ReliefMarking",
        enums.RELIEF_MARKING,
        "ovladač v kabině – reliéf",
        "cabin panel: relief",
    )
    b.enum(
        "elevatorControl2FlatMarking",
        enums.FLAT_MARKING,
        "ovladač v kabině – značení",
        "cabin panel: marking",
    )
    b.bool(
        "elevatorIsControl2BrailleMarking",
        "ovladač v kabině – Braillovo písmo",
        "cabin panel: Braille",
    )
    b.bool(
        "elevatorIsCageControlAnnouncementAcoustic", "akustické hlášení", "acoustic announcement"
    )
    b.bool("elevatorIsCageControlAnnouncementPhonetic", "hlasové hlášení", "spoken announcement")
    b.bool("elevatorIsCageHandle", "madlo v kabině", "handrail in the cabin")
    b.enum(
        "elevatorHandleLocalization",
        enums.ELEVATOR_HANDLE,
        "umístění madla",
        "where the handrail is",
    )
    b.bool("elevatorIsCageMirror", "zrcadlo v kabině", "mirror in the cabin")
    b.enum(
        "elevatorCageMirrorLocalization", enums.MIRROR, "umístění zrcadla", "where the mirror is"
    )
    b.cm("elevatorCageMirrorHeight", "výška zrcadla", "mirror height", hi=300)
    b.bool("elevatorIsCageSeat", "sedátko v kabině", "seat in the cabin")
    b.bool(
        "elevatorIsCageSeatWithinreach",
        "sedátko v dosahu ovladačů",
        "seat within reach of the panel",
    )
    b.bool("elevatorIsCageSeatFunctional", "sedátko funkční", "seat works")
    b.text("elevatorHasNotes", "poznámky", "notes")
    b.text("elevatorHasDescription", "popis", "description")
    b.cm("entryareaWidth", "plocha před výtahem – šířka", "area before the lift: width")
    b.cm("entryareaDepth", "plocha před výtahem – hloubka", "area before the lift: depth")
    b.cm(
        "entryareaHeightElevation",
        "plocha před výtahem – převýšení",
        "area before the lift: step",
        hi=100,
    )
    b.cm("door1Width", "dveře 1 – šířka", "door 1: width", 40, 500)
    b.enum("door1Opening", enums.DOOR_OPENING, "dveře 1 – otevírání", "door 1: opening")
    b.cm("door2Width", "dveře 2 – šířka", "door 2: width", 40, 300)
    b.enum("door2Opening", enums.DOOR_OPENING, "dveře 2 – otevírání", "door 2: opening")
    return b.fields


def wc() -> list[Field]:
    b = _Builder("wc")
    b.enum("wcAccessibility", enums.WC_CATEGORY, "kategorie WC", "toilet category")
    b.text("wcLocalization", "umístění WC", "where the toilet is")
    b.text("wcAccessProvidedBy", "kdo zpřístupní", "who opens it")
    b.enum("wcCabinAccess", enums.WC_ACCESS, "přístup do kabiny", "cabin access")
    b.enum("wcCabinLocalization", enums.WC_CABIN_LOCALIZATION, "kabina", "cabin")
    b.enum("wcSwitch", enums.WC_SWITCH, "vypínač", "light switch")
    b.cm("wcSwitchHeight", "výška vypínače", "switch height", hi=300)
    b.cm("wcCabinWidth", "šířka kabiny", "cabin width", 90, 400)
    b.cm("wcCabinDepth", "hloubka kabiny", "cabin depth", 60, 600)
    b.cm("wcFlushingBackHeight", "splachování vzadu – výška", "rear flush height", hi=300)
    b.cm("wcFlushingSideHeight", "splachování na boku – výška", "side flush height", hi=300)
    b.cm("wcFlushingSideDistanc", "splachování na boku – vzdálenost", "side flush distance", hi=300)
    b.enum("wcFlushing", enums.WC_FLUSHING, "splachování", "flush")
    b.enum(
        "wcFlushingDifficulty", enums.WC_FLUSHING_DIFFICULTY, "ovládání splachování", "flush use"
    )
    b.cm("wcHandlesDistance", "vzdálenost madel", "distance between grab bars", hi=300)
    b.cm(
        "wcBasinLeftDistance", "volný prostor vlevo od mísy", "free space left of the bowl", hi=500
    )
    b.cm(
        "wcBasinRightDistance",
        "volný prostor vpravo od mísy",
        "free space right of the bowl",
        hi=500,
    )
    b.cm("wcBasinBackIndentation", "odsazení mísy od zdi", "bowl's distance from the wall", hi=200)
    b.cm("wcBasinSeatHeight", "výška sedátka", "seat height", 20, 100)
    b.bool("wcBasinIsPaperReach", "papír v dosahu", "paper within reach")
    b.enum("wcBasinSpace", enums.WC_BASIN_SPACE, "prostor u mísy", "space by the bowl")
    b.bool("wcIsChangingdesk", "přebalovací pult", "changing table")
    b.bool("wcIsChangingdeskObstructs", "pult překáží", "changing table in the way")
    b.enum("wcChangingdesk", enums.WC_CHANGINGDESK, "typ pultu", "changing table type")
    b.bool("wcIsAlarmbutton", "nouzové tlačítko", "alarm button")
    b.cm(
        "wcAlarmbuttonTopHeigh",
        "nouzové tlačítko – horní výška",
        "alarm button: upper height",
        hi=300,
    )
    b.cm(
        "wcAlarmbuttonBottomHeight",
        "nouzové tlačítko – dolní výška",
        "alarm button: lower height",
        hi=300,
    )
    b.bool("wcIsRegularWC", "běžné WC", "ordinary toilet too")
    b.bool("wcIsRegularWCBrailleMarking", "běžné WC – Braillovo písmo", "ordinary toilet: Braille")
    for name, cs, en in (
        ("wcCabinDoorDisposition", "poloha dveří v kabině", "door position in the cabin"),
        ("wcCabinWCBasinDisposition", "poloha mísy v kabině", "bowl position in the cabin"),
        ("wcCabinWashBasinDisposition", "poloha umyvadla v kabině", "washbasin position"),
    ):
        b.enum(name, enums.WC_DISPOSITION, cs, en)
    b.text("wcHasNotes", "poznámky", "notes")
    b.text("wcHasDescription", "popis", "description")
    for n in (1, 2):
        cs, en = f"předsíň {n}", f"hallway {n}"
        b.cm(f"hallway{n}Width", f"{cs} – šířka", f"{en}: width")
        b.cm(f"hallway{n}Depth", f"{cs} – hloubka", f"{en}: depth")
        b.cm(f"hallway{n}DoorWidth", f"{cs} – šířka dveří", f"{en}: door width", 40, 500)
        b.enum(
            f"hallway{n}DoorMarking",
            enums.HALLWAY_DOOR_MARKING,
            f"{cs} – značení dveří",
            f"{en}: door sign",
        )
    for n in (1, 2):
        cs, en = f"madlo {n}", f"grab bar {n}"
        b.enum(f"handle{n}Type", enums.HANDLE_TYPE, f"{cs} – typ", f"{en}: type")
        b.cm(f"handle{n}Height", f"{cs} – výška", f"{en}: height", hi=200)
        b.cm(f"handle{n}Length", f"{cs} – délka", f"{en}: length", hi=300)
    b.cm("doorWidth", "šířka dveří kabiny", "cabin door width", 40, 500)
    b.enum(
        "doorOpeningDirection",
        enums.WC_DOOR_OPENING_DIRECTION,
        "otevírání dveří kabiny",
        "cabin door opens",
    )
    b.bool("doorIsMarking", "dveře označeny", "door signposted")
    b.enum(
        "doorHandlePosition", enums.WC_DOOR_HANDLE_POSITION, "madlo na dveřích", "door pull handle"
    )
    b.cm("washbasinHeight", "výška umyvadla", "washbasin height", hi=200)
    b.enum(
        "washbasinUnderpass", enums.WASHBASIN_UNDERPASS, "podjezd umyvadla", "washbasin knee space"
    )
    b.bool("washbasinIsHandle", "madlo u umyvadla", "washbasin grab bar")
    b.enum(
        "washbasinHandleType",
        enums.WASHBASIN_HANDLE,
        "madlo u umyvadla – typ",
        "washbasin grab bar type",
    )
    b.cm("washbasinHandleHeight", "madlo u umyvadla – výška", "washbasin grab bar height", hi=200)
    b.cm("washbasinHandleLength", "madlo u umyvadla – délka", "washbasin grab bar length", hi=300)
    b.cm("tapHeight", "výška baterie", "tap height", hi=300)
    b.enum("tapType", enums.TAP_TYPE, "baterie", "tap")
    return b.fields


def public_space() -> list[Field]:
    """Our own public-space survey (METHODOLOGY.md, "Public spaces and the way there")."""
    b = _Builder("public_space", "publicSpace")
    b.enum("Surface", enums.PUBLIC_SPACE_SURFACE, "povrch", "surface")
    b.enum("Smoothness", enums.PUBLIC_SPACE_SMOOTHNESS, "rovinatost povrchu", "smoothness")
    b.pct("LongitudinalSlope", "podélný sklon", "longitudinal slope")
    b.pct("CrossSlope", "příčný sklon", "cross slope")
    b._add(
        "KerbHeight",
        NUMBER,
        "výška obrubníku na přechodu",
        "kerb height at the crossing",
        unit=CM,
        minimum=0,
        maximum=50,
    )
    b.cm("ClearWidth", "volná šířka", "clear width", hi=5000)
    b.count("StepsNumberOf", "počet schodů", "number of steps", hi=500)
    b.bool("IsTactilePaving", "hmatová dlažba", "tactile paving")
    b.bool(
        "IsAcousticSignal", "akustická signalizace na přechodu", "acoustic signal at the crossing"
    )
    b.bool("IsBench", "lavičky", "benches")
    b.bool("IsLighting", "osvětlení", "lighting")
    b.text("Localization", "umístění", "where it is")
    b.text("HasNotes", "poznámky", "notes")
    return b.fields


def sensory() -> list[Field]:
    """Our own additions for the sensory profiles that the exchange standard does not record."""
    b = _Builder("sensory", "sensory")
    b.bool("IsInductionLoop", "indukční smyčka", "induction loop")
    b.bool(
        "IsIntercomVisualSignal",
        "interkom se světelnou signalizací",
        "intercom with a visual signal",
    )
    return b.fields
