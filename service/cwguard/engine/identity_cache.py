"""A small cache of per-text results keyed by the text object itself.

A message's detectors ask about the same text object many times. `functools.lru_cache` keyed by
the text would answer them, but a new text equal to a cached one (the same message scored again)
is compared with it character by character on every lookup: re-scoring a 1 MB message cost time
quadratic in its length (bench: line_mixed, 14 s then 63 s). Here a lookup compares identities only,
and a new object is computed once and cached in place of the old one.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from typing import NamedTuple, TypeVar

T = TypeVar("T")


class CacheInfo(NamedTuple):
    """What `functools.lru_cache`'s cache_info says, for the same questions."""
    hits: int
    misses: int
    maxsize: int
    currsize: int


def identity_cached(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Cache `function(text)` for the last `maxsize` text objects, found by identity."""
    def decorate(function: Callable[[str], T]) -> Callable[[str], T]:
        entries: list[tuple[str, T]] = []
        counts = {"hits": 0, "misses": 0}
        lock = threading.Lock()

        @wraps(function)
        def cached(text: str) -> T:
            for key, value in entries:  # a few entries: a scan by identity is cheaper than a hash
                if key is text:
                    counts["hits"] += 1
                    return value
            value = function(text)
            with lock:
                counts["misses"] += 1
                entries.insert(0, (text, value))
                del entries[maxsize:]
            return value

        def cache_clear() -> None:
            with lock:
                entries.clear()
                counts.update(hits=0, misses=0)

        def cache_info() -> CacheInfo:
            return CacheInfo(counts["hits"], counts["misses"], maxsize, len(entries))

        cached.cache_clear = cache_clear  # type: ignore[attr-defined]
        cached.cache_info = cache_info  # type: ignore[attr-defined]
        return cached
    return decorate
