"""The spy: which keys of request.GET / POST / FILES does a view read?"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

# ---------------------------------------------------------------------------------------------
# The spy: which keys does a view read?

_READERS = ("get", "__getitem__", "getlist", "__contains__", "pop")
# Methods that read every key at once (items(), dict(), copies): what they touch is not a key the
# view asked for, so reads made while they run are not recorded.
_BULK = ("items", "lists", "values", "dict", "copy", "__copy__", "__deepcopy__", "urlencode")


class KeySet(set):
    """The keys a view looked up. Keys in `sent` are not recorded: some pages copy whatever
    query they get (into links, hidden fields) key by key, which says nothing about what the
    view reads; a key the view asks for while it is absent does."""

    sent: frozenset = frozenset()


@contextmanager
def spy_on_keys() -> Iterator[KeySet]:
    """Record the keys looked up in any QueryDict (request.GET, request.POST, DRF's
    query_params) while the block runs. The URL resolver's own MultiValueDicts are left out."""
    seen = KeySet()
    bulk = [0]
    patched = {name: getattr(MultiValueDict, name) for name in _READERS}
    own = {name: QueryDict.__dict__.get(name) for name in _BULK}

    def reader(original: Callable) -> Callable:
        def read(self, key, *args, **kwargs):
            if (
                isinstance(self, QueryDict)
                and isinstance(key, str)
                and not bulk[0]
                and key not in seen.sent
            ):
                seen.add(key)
            return original(self, key, *args, **kwargs)

        return read

    def bulk_reader(original: Callable) -> Callable:
        def read_all(self, *args, **kwargs):
            bulk[0] += 1
            try:
                result = original(self, *args, **kwargs)
                # items(), lists() and values() are generators: exhaust them while muted.
                return list(result) if isinstance(result, Iterator) else result
            finally:
                bulk[0] -= 1

        return read_all

    for name, original in patched.items():
        setattr(MultiValueDict, name, reader(original))
    for name in _BULK:
        setattr(QueryDict, name, bulk_reader(getattr(QueryDict, name)))
    try:
        yield seen
    finally:
        for name, original in patched.items():
            setattr(MultiValueDict, name, original)
        for name, original in own.items():
            if original is None:
                delattr(QueryDict, name)  # inherited again from MultiValueDict
            else:
                setattr(QueryDict, name, original)
