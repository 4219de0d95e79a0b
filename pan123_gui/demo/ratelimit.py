"""Per-endpoint token buckets (what the fake uses to answer code 429)."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

# A request is let through when the bucket holds at least 1 - JITTER_SLACK tokens; the bucket may then go slightly
# negative, so the long-run rate still never exceeds ``rate`` but a client paced exactly at the rate is never
# refused because one request arrived a little early (up to an eighth of the interval either way, which matters
# when the capacity is 1, i.e. for rates up to 1/s).
JITTER_SLACK = 0.25


class TokenBucket:
    """Capacity ``max(1, rate)``, refilled continuously at ``rate`` per second. Thread-safe."""

    def __init__(self, rate: float | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._rate = math.inf
        self._capacity = 1.0
        self._tokens = 1.0
        self._stamp = clock()
        self.set_rate(rate)

    @property
    def rate(self) -> float | None:
        return None if math.isinf(self._rate) else self._rate

    def set_rate(self, rate: float | None) -> None:
        """``None`` (or infinity) means unlimited; otherwise ``rate`` must be positive. The bucket starts full."""
        if rate is not None and not rate > 0:
            raise ValueError("rate must be positive (or None for no limit)")
        with self._lock:
            self._rate = math.inf if rate is None else float(rate)
            self._capacity = 1.0 if math.isinf(self._rate) else max(1.0, self._rate)
            self._tokens = self._capacity
            self._stamp = self._clock()

    def try_take(self) -> bool:
        """Take one token if available; False means the request must be refused with 429."""
        with self._lock:
            if math.isinf(self._rate):
                return True
            now = self._clock()
            elapsed = max(0.0, now - self._stamp)
            self._stamp = now
            self._tokens = min(self._capacity, self._tokens + elapsed * self._rate)
            if self._tokens >= 1.0 - JITTER_SLACK:
                self._tokens -= 1.0
                return True
            return False


class EndpointBuckets:
    """One bucket per API path; unknown paths are unlimited."""

    def __init__(self, rates: dict[str, float | None], clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, TokenBucket] = {path: TokenBucket(rate, clock) for path, rate in rates.items()}

    def set_rate(self, path: str, rate: float | None) -> None:
        with self._lock:
            bucket = self._buckets.get(path)
            if bucket is None:
                self._buckets[path] = TokenBucket(rate, self._clock)
                return
        bucket.set_rate(rate)

    def rate(self, path: str) -> float | None:
        with self._lock:
            bucket = self._buckets.get(path)
        return None if bucket is None else bucket.rate

    def try_take(self, path: str) -> bool:
        with self._lock:
            bucket = self._buckets.get(path)
        return True if bucket is None else bucket.try_take()
