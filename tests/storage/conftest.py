import pytest

from tests.s3 import use_object_storage


@pytest.fixture
def buckets(settings, s3_server):
    """Photos of the test in two new buckets of the S3 server, the public one readable by anyone
    through its bucket policy (the documented default), the private one by no one."""
    media = s3_server.make_buckets()
    use_object_storage(settings, media)
    return media
