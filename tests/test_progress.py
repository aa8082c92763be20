"""The progress of a long import: told at the start and end of each stage and then every N
items or every T seconds, whichever comes first (mapping/progress.py)."""

from mapping.progress import Throttled, percent


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def told_of(calls: list[tuple[str, int, int | None]]) -> list[int]:
    return [done for _stage, done, _total in calls]


def test_it_tells_the_first_item_every_n_items_and_the_last():
    calls: list = []
    progress = Throttled(lambda *call: calls.append(call), every_items=500, every_seconds=60)
    for done in range(1, 1201):
        progress("import", done, 1200)
    assert told_of(calls) == [1, 501, 1001, 1200]


def test_it_tells_every_t_seconds_when_items_are_slow():
    calls: list = []
    clock = Clock()
    progress = Throttled(
        lambda *call: calls.append(call), every_items=500, every_seconds=5, clock=clock
    )
    for done in range(1, 31):
        clock.now += 1.0  # one item a second
        progress("import", done, None)
    assert told_of(calls) == [1, 6, 11, 16, 21, 26]


def test_a_new_stage_is_told_at_once():
    calls: list = []
    progress = Throttled(lambda *call: calls.append(call), every_items=500, every_seconds=60)
    progress("read", 1, 3)
    progress("read", 2, 3)
    progress("import", 1, 3)
    assert [call[:2] for call in calls] == [("read", 1), ("import", 1)]


def test_percent_is_whole_and_never_above_100():
    assert (percent(1, 3), percent(3, 3), percent(4, 3), percent(5, None)) == (33, 100, 100, None)


def test_it_estimates_the_time_left_in_a_stage_from_its_pace():
    clock = Clock()
    progress = Throttled(lambda *call: None, every_items=10, every_seconds=60, clock=clock)
    progress("write", 1, 1000)
    assert progress.seconds_left(1, None) is None
    clock.now += 50.0  # 250 items in 50 s: the other 750 take 150 s more
    progress("write", 250, 1000)
    assert progress.seconds_left(250, 1000) == 150.0
    clock.now += 10.0
    progress("swap", 0, 2)  # a new stage starts its own clock
    assert progress.seconds_left(0, 2) is None
    clock.now += 1.0  # too soon to know the pace
    assert progress.seconds_left(1, 2) is None
    clock.now += 5.0
    assert progress.seconds_left(1, 2) == 6.0


def test_the_printed_progress_says_the_time_left(english):
    from mapping.imports.texts import describe

    assert describe("write", 250, 1000, 150.0) == (
        "Writing the network: 250 of 1,000 (25 %), about 3 min left"
    )
    assert describe("write", 990, 1000, 2.4).endswith("(99 %), about 3 s left")
    assert describe("write", 1000, 1000, 0.0) == "Writing the network: 1,000 of 1,000 (100 %)"
