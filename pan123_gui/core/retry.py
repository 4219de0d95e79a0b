"""Retry policy as pure functions: which errors are worth another attempt, and how long to wait first.

Bounded exponential back-off with jitter (0.5 s doubling to 8 s, at most 5 attempts by default); a small
``Retry-After`` from the server wins over the computed delay. 429 answers (too many requests) are not counted as
attempts: they are retried for up to ``rate_limit_budget`` seconds from a call's first 429, because they say the
client went too fast (its pacing learns from them), not that the request cannot succeed. Nothing here sleeps or
retries by itself.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from pan123_gui.core.errors import (
    InternalServerError,
    MalformedResponseError,
    NetworkError,
    Pan123Error,
    RateLimitedError,
    RefusedAnswerError,
)

__all__ = ["RetryPolicy", "Sleep", "backoff_delay", "interruptible_sleep", "is_retryable"]

Sleep = Callable[[float, threading.Event | None], None]
"""``sleep(seconds, cancel)``: waits, returning early when ``cancel`` is set (the caller checks it afterwards)."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_attempts: int = 5  # total attempts, the first one included (429s do not count, see rate_limit_budget)
    base_delay: float = 0.5  # seconds before the first retry
    max_delay: float = 8.0  # cap of the exponential part
    jitter: float = 0.25  # each delay is shortened by up to this fraction, at random
    max_retry_after: float = 30.0  # a larger Retry-After is ignored (we would rather give up than stall)
    rate_limit_budget: float = 60.0  # seconds from a call's first 429 during which 429s are retried

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.base_delay < 0 or self.max_delay < 0:
            raise ValueError("delays must not be negative")
        if not self.rate_limit_budget >= 0:
            raise ValueError("the rate-limit budget must not be negative")
        if not 0 <= self.jitter <= 1:
            raise ValueError("jitter must be between 0 and 1")


def backoff_delay(
    attempt: int,
    policy: RetryPolicy,
    retry_after: float | None = None,
    *,
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1 = the first attempt failed).

    A server ``Retry-After`` of at most ``policy.max_retry_after`` seconds is honoured as is; otherwise
    ``min(max_delay, base_delay * 2**(attempt-1))`` shortened by a random part of at most ``jitter``.
    """
    if retry_after is not None and 0 <= retry_after <= policy.max_retry_after:
        return float(retry_after)
    exponent = max(0, attempt - 1)
    raw = policy.max_delay if exponent >= 64 else min(policy.max_delay, policy.base_delay * 2.0**exponent)
    return raw * (1.0 - policy.jitter * rand())


def is_retryable(err: Pan123Error) -> bool:
    """Transient failures: rate limiting, server trouble (code 1 / 5xx), the network, cut-off or garbled answers.
    Not an answer refused by the client's own limits (too large, too deep): it would only be fetched again."""
    if isinstance(err, RefusedAnswerError):
        return False
    return isinstance(err, RateLimitedError | InternalServerError | NetworkError | MalformedResponseError)


def interruptible_sleep(seconds: float, cancel: threading.Event | None = None) -> None:
    """The default :data:`Sleep`: ``time.sleep``, or ``cancel.wait`` so that cancelling wakes the sleeper at once."""
    if seconds <= 0:
        return
    if cancel is None:
        time.sleep(seconds)
    else:
        cancel.wait(seconds)
