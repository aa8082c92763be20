import os

import pytest

# Redis for the rate limits' second store: a database index of its own, emptied around each test.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_url():
    import redis

    client = redis.Redis.from_url(TEST_REDIS_URL)
    try:
        client.ping()
    except redis.RedisError:
        pytest.fail(f"Redis is not running at {TEST_REDIS_URL} (scripts/test starts it)")
    client.flushdb()
    yield TEST_REDIS_URL
    client.flushdb()
    client.close()
