"""Retry policy: bounded exponential back-off with jitter, Retry-After, and which errors are retried."""

from __future__ import annotations

import threading

import pytest

from pan123_gui.core.errors import (
    ApiError,
    AuthError,
    BadLinkError,
    CancelledError,
    CredentialsError,
    InternalServerError,
    MalformedResponseError,
    NetworkError,
    NotDirectLinkSpaceError,
    NotFoundError,
    Pan123Error,
    RateLimitedError,
    RequestTimeoutError,
    SigningError,
    TrafficExhaustedError,
)
from pan123_gui.core.retry import RetryPolicy, backoff_delay, interruptible_sleep, is_retryable

POLICY = RetryPolicy(max_attempts=5, base_delay=0.5, max_delay=8.0, jitter=0.25)


@pytest.mark.parametrize(
    ("attempt", "expected"), [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 8.0), (6, 8.0), (99, 8.0)]
)
def test_delay_doubles_up_to_the_cap_without_jitter(attempt: int, expected: float) -> None:
    assert backoff_delay(attempt, POLICY, rand=lambda: 0.0) == expected


def test_jitter_shortens_by_at_most_the_jitter_fraction() -> None:
    assert backoff_delay(3, POLICY, rand=lambda: 1.0) == pytest.approx(2.0 * 0.75)
    assert backoff_delay(3, POLICY, rand=lambda: 0.5) == pytest.approx(2.0 * 0.875)
    delays = {backoff_delay(3, POLICY) for _ in range(200)}
    assert all(1.5 <= d <= 2.0 for d in delays)
    assert len(delays) > 1  # really random


def test_small_retry_after_is_honoured_exactly() -> None:
    assert backoff_delay(1, POLICY, retry_after=3.0, rand=lambda: 0.9) == 3.0
    assert backoff_delay(4, POLICY, retry_after=0.0) == 0.0


def test_large_retry_after_is_ignored_in_favour_of_backoff() -> None:
    assert backoff_delay(1, POLICY, retry_after=3600.0, rand=lambda: 0.0) == 0.5


def test_policy_validation() -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError):
        RetryPolicy(jitter=1.5)
    with pytest.raises(ValueError):
        RetryPolicy(base_delay=-1)


@pytest.mark.parametrize(
    "err",
    [
        RateLimitedError("429"),
        InternalServerError("code 1", code=1),
        NetworkError("dropped"),
        RequestTimeoutError("slow"),
        MalformedResponseError("cut off"),
    ],
)
def test_transient_errors_are_retryable(err: Pan123Error) -> None:
    assert is_retryable(err)


@pytest.mark.parametrize(
    "err",
    [
        AuthError("401"),
        NotFoundError("5066"),
        TrafficExhaustedError("5113"),
        NotDirectLinkSpaceError("not in space"),
        ApiError("other", code=20103),
        BadLinkError("file:"),
        CredentialsError("none"),
        CancelledError("cancelled"),
        SigningError("no key"),
    ],
)
def test_permanent_errors_are_not_retryable(err: Pan123Error) -> None:
    assert not is_retryable(err)


def test_interruptible_sleep_wakes_when_cancelled() -> None:
    cancel = threading.Event()
    done = threading.Event()

    def sleeper() -> None:
        interruptible_sleep(3600, cancel)
        done.set()

    thread = threading.Thread(target=sleeper, daemon=True)
    thread.start()
    cancel.set()
    thread.join(timeout=30)
    assert done.is_set()
