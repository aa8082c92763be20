"""Route requests keep being answered while a new network is imported: the import fills and
indexes new tables that route requests do not see, and swaps them in by renaming in one short
step at its end. Here the import is held just before that step (by its own progress callback)
while route requests run: they are answered at once, on the old graph; once the import commits,
the new graph answers."""

import threading
import time

import psycopg
import pytest
from django.db import connection

from mapping.progress import SWAP
from mapping.routing.osm_import import SWAP_LOCK_TIMEOUT, import_network
from tests.routing.conftest import OSM

pytestmark = pytest.mark.slow

SWAP_LOCK_SECONDS = float(SWAP_LOCK_TIMEOUT.removesuffix("s"))
# Two points in Krems some 700 m apart.
KREMS = "/route.json?from=48.4105,15.6030&to=48.4113,15.6122&lang=en"


def _indexes() -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexname FROM pg_indexes WHERE tablename LIKE 'mapping_network%%' "
            "UNION ALL SELECT conrelid::regclass::text, conname FROM pg_constraint "
            "WHERE conrelid::regclass::text LIKE 'mapping_network%%' "
            "UNION ALL SELECT 'sequence', pg_get_serial_sequence('mapping_networkaddress', 'id')"
        )
        return set(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_route_requests_are_answered_on_the_old_graph_while_a_new_one_is_imported(client):
    import_network(OSM / "krems.osm.gz", commit=True)
    assert client.get(KREMS).json()["found"]
    indexes_before = _indexes()
    built, go_on = threading.Event(), threading.Event()
    failure: list[BaseException] = []

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage == SWAP and done == 1:  # new tables filled and indexed, not yet swapped in
            built.set()
            go_on.wait(timeout=60)

    def reimport() -> None:
        try:
            import_network(OSM / "monaco.osm.gz", commit=True, progress=progress)
        except BaseException as error:  # noqa: BLE001 - handed to the test's thread
            failure.append(error)
        finally:
            connection.close()

    importer = threading.Thread(target=reimport)
    importer.start()
    try:
        assert built.wait(timeout=120), failure
        waits = []
        for _ in range(5):
            started = time.perf_counter()
            response = client.get(KREMS)
            waits.append(time.perf_counter() - started)
            assert response.status_code == 200
            assert response.json()["found"]
        # Answered on the old graph at once, not after the import.
        assert max(waits) < 5
    finally:
        go_on.set()
        importer.join(timeout=120)
    assert not failure
    # The new graph answers (along one of its edges); the old one is gone.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ST_Y(ST_StartPoint(geom)), ST_X(ST_StartPoint(geom)), "
            "ST_Y(ST_EndPoint(geom)), ST_X(ST_EndPoint(geom)) FROM mapping_networkedge "
            "WHERE reverse_cost >= 0 AND length_m > 50 ORDER BY id LIMIT 1"
        )
        a_lat, a_lon, b_lat, b_lon = cursor.fetchone()
    assert 7.3 < a_lon < 7.5  # Monaco
    monaco = client.get(f"/route.json?from={a_lat},{a_lon}&to={b_lat},{b_lon}&lang=en").json()
    assert monaco["found"], monaco.get("reason")
    assert not client.get(KREMS).json()["found"]
    # The swapped-in tables carry the names the migrations know, and no table is left over.
    assert _indexes() == indexes_before
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_tables WHERE tablename ~ '^mapping_network.*_(new|old)$'"
        )
        assert cursor.fetchone()[0] == 0


@pytest.mark.django_db(transaction=True)
def test_the_swap_waits_for_a_long_reader_and_tries_again(client):
    """A transaction reading the old graph holds the swap up past its lock timeout: the swap
    gives up that try (its savepoint keeps the loaded tables), and the next try, once the reader
    is done, swaps the new graph in."""
    import_network(OSM / "krems.osm.gz", commit=True)
    params = connection.get_connection_params()
    swap_told: dict[int, float] = {}
    with psycopg.connect(**params) as reader:
        reader.execute("SELECT count(*) FROM mapping_networkedge").fetchone()
        # The reader's transaction stays open, holding the old table, until 1.5 lock timeouts
        # after the new tables are ready to be swapped in.
        timer = threading.Timer(SWAP_LOCK_SECONDS * 1.5, reader.rollback)

        def progress(stage: str, done: int, total: int | None) -> None:
            if stage == SWAP and done:
                swap_told[done] = time.perf_counter()
                if done == 1:
                    timer.start()

        import_network(OSM / "monaco.osm.gz", commit=True, progress=progress)
        timer.join()
    # The first try gave up after its lock timeout; a later one swapped.
    assert swap_told[2] - swap_told[1] > SWAP_LOCK_SECONDS
    with connection.cursor() as cursor:
        cursor.execute("SELECT avg(ST_X(ST_StartPoint(geom))) FROM mapping_networkedge")
        assert 7.3 < cursor.fetchone()[0] < 7.5  # Monaco
