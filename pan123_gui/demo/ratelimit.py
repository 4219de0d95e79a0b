"""Per-endpoint rolling windows (what the fake uses to answer code 429).

Strict on purpose, like a real gateway: a request is let through only when fewer than ``capacity`` requests were let
through in the rolling window before it, with no slack for a client that is early by a millisecond. A client
paced exactly at the rate therefore draws 429s whenever network or thread jitter bunches two requests up; only a
client that keeps a little under the rate (and learns from the 429s it gets) stays clear.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable


class RollingWindow:
    """At most ``capacity = max(1, floor(rate))`` requests in any window of ``capacity / rate`` seconds (one second
    for whole rates of 1/s and more). Refused requests do not count. Thread-safe."""

    def __init__(self, rate: float | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._rate = math.inf
        self._capacity = 1
        self._window = 0.0
        self._passed: deque[float] = deque()  # when the requests still inside the window were let through
        self.set_rate(rate)

    @property
    def rate(self) -> float | None:
        return None if math.isinf(self._rate) else self._rate

    @property
    def capacity(self) -> int:
        return self._capacity

    @property
    def window(self) -> float:
        """The window's length in seconds (0 when unlimited)."""
        return self._window

    def set_rate(self, rate: float | None) -> None:
        """``None`` (or infinity) means unlimited; otherwise ``rate`` must be positive. The window starts empty."""
        if rate is not None and not rate > 0:
            raise ValueError("rate must be positive (or None for no limit)")
        with self._lock:
            self._rate = math.inf if rate is None else float(rate)
            if math.isinf(self._rate):
                self._capacity, self._window = 1, 0.0
            else:
                self._capacity = max(1, math.floor(self._rate))
                self._window = self._capacity / self._rate
            self._passed.clear()

    def try_take(self) -> bool:
        """Let one request through if the window has room; False means it must be refused with 429."""
        with self._lock:
            if math.isinf(self._rate):
                return True
            now = self._clock()
            passed = self._passed
            while passed and passed[0] <= now - self._window:  # left the window
                passed.popleft()
            if len(passed) >= self._capacity:
                return False
            passed.append(now)
            return True


class EndpointWindows:
    """One rolling window per API path; unknown paths are unlimited."""

    def __init__(self, rates: dict[str, float | None], clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, RollingWindow] = {path: RollingWindow(rate, clock) for path, rate in rates.items()}

    def set_rate(self, path: str, rate: float | None) -> None:
        with self._lock:
            window = self._windows.get(path)
            if window is None:
                self._windows[path] = RollingWindow(rate, self._clock)
                return
        window.set_rate(rate)

    def rate(self, path: str) -> float | None:
        with self._lock:
            window = self._windows.get(path)
        return None if window is None else window.rate

    def try_take(self, path: str) -> bool:
        with self._lock:
            window = self._windows.get(path)
        return True if window is None else window.try_take()
