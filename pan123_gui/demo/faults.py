"""Faults switched on by tests: queued per API path and consumed in order, one per request."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass

from pan123_gui.demo.endpoints import api_path

FAULT_KINDS: frozenset[str] = frozenset(
    {
        "http500_html",  # HTTP 500 with an HTML error page (a gateway in front of the API failing)
        "drop",  # close the connection without any response
        "cut_json",  # HTTP 200, Content-Length of the whole body, only half of it sent, then close
        "http429",  # HTTP 429 status (JSON envelope code 429 in the body, Retry-After if configured)
        "code429",  # HTTP 200 with envelope code 429
        "code1",  # HTTP 200 with envelope code 1 (internal error)
        "code5113",  # HTTP 200 with envelope code 5113 (direct-link traffic used up)
        "revoked",  # the token presented is revoked before the request is answered (so: code 401)
        "not_json",  # HTTP 200, text/plain garbage
        "bad_link",  # direct-link/url answers with a javascript: or file: URL
        "stall",  # wait FaultQueue.stall_seconds before answering normally (client timeouts)
    }
)


@dataclass
class _Queued:
    kind: str
    count: int


class FaultQueue:
    """``add(path, kind, count)`` queues faults for one path (or ``"*"`` for any path). Thread-safe.

    The path may be given as ``"/api/v1/direct-link/url"`` or just ``"direct-link/url"``. A fault queued for a
    specific path is used before one queued for ``"*"``.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: dict[str, deque[_Queued]] = {}
        self.retry_after: float | None = None  # sent as Retry-After with "http429" when set
        self.stall_seconds: float = 5.0  # how long a "stall" fault waits
        self.fired: list[tuple[str, str]] = []  # (path, kind) of every fault used, in order

    def add(self, path: str, kind: str, count: int = 1) -> None:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(sorted(FAULT_KINDS))}")
        if count < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._queues.setdefault(api_path(path), deque()).append(_Queued(kind, count))

    def pop(self, path: str) -> str | None:
        """The next fault for a request to ``path`` (consumed), or None."""
        with self._lock:
            for key in (path, "*"):
                queue = self._queues.get(key)
                if not queue:
                    continue
                entry = queue[0]
                kind = entry.kind
                entry.count -= 1
                if entry.count <= 0:
                    queue.popleft()
                self.fired.append((path, kind))
                return kind
        return None

    def pending(self, path: str | None = None) -> int:
        """How many faults are still queued (for one path, or in total)."""
        with self._lock:
            keys = list(self._queues) if path is None else [api_path(path)]
            return sum(entry.count for key in keys for entry in self._queues.get(key, ()))

    def clear(self) -> None:
        with self._lock:
            self._queues.clear()
