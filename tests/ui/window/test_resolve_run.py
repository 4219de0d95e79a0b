"""ResolveRun (with the run's jobs): batching, input order, cancel, whole-run failures, re-signing, against the real
fake API."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import clients
import pytest
from PySide6.QtCore import QThreadPool

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.errors import CredentialsError, ErrorKind
from pan123_gui.core.models import LinkResult
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.ui.window.resolve_run import ResolveRun, RunSummary
from pan123_gui.workers.resolve import Job, resign_job, resolve_job, resolver_factory

DIRECT = "direct-link/url"


@dataclass
class _Creds:
    """Stand-in for core Credentials: the job only reads ``sign_key``."""

    sign_key: str | None = None


@dataclass
class _Source:
    api_client: Pan123Client
    creds: _Creds

    def client(self) -> Pan123Client:
        return self.api_client

    def credentials(self) -> _Creds:
        return self.creds


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    yield pool
    pool.waitForDone(10_000)


@pytest.fixture
def api(fake_api: FakeApiServer) -> FakeApiServer:
    fake_api.set_rate(DIRECT, None)  # the client's own pace is what we test, not the fake's 429s
    return fake_api


@pytest.fixture
def source(api: FakeApiServer) -> Iterator[_Source]:
    client = clients.make_client(api, token=api.issue_token(), rate=200.0)
    yield _Source(client, _Creds(sign_key="test-sign-key"))
    client.close()


def _run(qtbot: object, run: ResolveRun, pool: QThreadPool) -> tuple[list[list[LinkResult]], list[LinkResult]]:
    batches: list[list[LinkResult]] = []
    run.results.connect(batches.append)
    with qtbot.waitSignal(run.finished, timeout=30_000) as blocker:  # type: ignore[attr-defined]
        run.start(pool)
    summary = blocker.args[0]
    assert isinstance(summary, RunSummary)
    return batches, summary.results


def test_every_id_ends_as_link_or_error_in_input_order(
    qtbot: object, api: FakeApiServer, source: _Source, pool: QThreadPool
) -> None:
    ids = [*api.add_sample_files(), 424242]  # plus an ID the account does not have
    ids.reverse()
    api.faults.add("/api/v1/direct-link/url", "http500_html", count=2)
    api.faults.add("/api/v1/direct-link/url", "code429", count=1)
    run = ResolveRun(resolve_job(resolver_factory(source, sign=False, valid_minutes=30), ids), ids)
    progress: list[tuple[int, int, int, int]] = []
    run.progress.connect(lambda done, total, failed, cancelled: progress.append((done, total, failed, cancelled)))
    batches, final = _run(qtbot, run, pool)

    assert [r.file_id for r in final] == list(dict.fromkeys(ids))
    assert all((r.url is None) != (r.error_kind is None) for r in final)
    by_id = {r.file_id: r for r in final}
    assert by_id[424242].error_kind is ErrorKind.NOT_FOUND
    assert by_id[10861131].ok and by_id[10861131].name == "我从草原来.mp4"
    failed = sum(1 for r in final if not r.ok)
    assert progress[0] == (0, len(final), 0, 0) and progress[-1] == (len(final), len(final), failed, 0)
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(progress))  # the ledger only grows
    # every ID was delivered through the batches exactly once (the last batch may only repeat changed ones)
    delivered = [r.file_id for batch in batches for r in batch]
    assert sorted(set(delivered)) == sorted(by_id)
    assert len(delivered) == len(by_id)


def _fake_job(count: int, gate: threading.Event | None = None) -> Job:
    def run(emit: Callable[[LinkResult], None], cancel: threading.Event) -> list[LinkResult]:
        rows = [LinkResult(file_id=i, url=f"https://example.com/{i}") for i in range(1, count + 1)]
        for row in rows:
            emit(row)
            emit(row)  # a duplicate callback must not make a duplicate delivery
        if gate is not None:
            gate.wait(10)
        return rows

    return run


def test_thousand_results_arrive_as_few_batches(qtbot: object, pool: QThreadPool) -> None:
    ids = list(range(1, 1001))
    # A long flush interval: nothing is flushed by the timer, so everything comes in the final batch.
    run = ResolveRun(_fake_job(1000), ids, flush_ms=60_000)
    batches, final = _run(qtbot, run, pool)
    assert len(batches) == 1
    assert [r.file_id for r in batches[0]] == ids
    assert [r.file_id for r in final] == ids


def test_flush_emits_what_is_queued_so_far(qtbot: object, pool: QThreadPool) -> None:
    gate = threading.Event()
    run = ResolveRun(_fake_job(3, gate), [1, 2, 3], flush_ms=60_000)
    batches: list[list[LinkResult]] = []
    run.results.connect(batches.append)
    run.start(pool)
    qtbot.waitUntil(lambda: len(run._queue) == 6, timeout=10_000)  # type: ignore[attr-defined]
    run.flush()
    assert [[r.file_id for r in b] for b in batches] == [[1, 2, 3]]
    with qtbot.waitSignal(run.finished, timeout=10_000):  # type: ignore[attr-defined]
        gate.set()
    assert len(batches) == 1  # nothing new at the end: no empty or repeated batch


def test_cancel_keeps_finished_rows_and_cancels_the_rest(
    qtbot: object, api: FakeApiServer, source: _Source, pool: QThreadPool
) -> None:
    ids = [30_000_000 + i for i in range(40)]
    for file_id in ids:
        api.add_file(file_id, f"f{file_id}.bin", 10)
    api.set_latency(0.05)
    source.api_client.set_rate(10.0)  # ~4 s for all: plenty of time to cancel midway
    run = ResolveRun(resolve_job(resolver_factory(source, sign=False, valid_minutes=30), ids), ids)
    batches: list[list[LinkResult]] = []
    run.results.connect(batches.append)
    run.start(pool)
    qtbot.waitUntil(lambda: sum(len(b) for b in batches) >= 3, timeout=15_000)  # type: ignore[attr-defined]
    with qtbot.waitSignal(run.finished, timeout=15_000) as blocker:  # type: ignore[attr-defined]
        run.cancel()
    final: list[LinkResult] = blocker.args[0].results
    assert [r.file_id for r in final] == ids
    ok = [r for r in final if r.ok]
    cancelled = [r for r in final if r.error_kind is ErrorKind.CANCELLED]
    assert len(ok) >= 3
    assert cancelled, "cancel came early enough that some IDs were not done"
    assert len(ok) + len(cancelled) == len(ids)
    assert run.cancelled and not run.running


def test_whole_job_failure_fails_every_row_and_reports_once(qtbot: object, pool: QThreadPool) -> None:
    def no_client() -> object:
        raise CredentialsError("No access token or client ID and secret are configured")

    failures: list[object] = []
    run = ResolveRun(resolve_job(no_client, [5, 6, 7]), [5, 6, 7])  # type: ignore[arg-type]
    run.problem.connect(failures.append)
    batches, final = _run(qtbot, run, pool)
    assert len(failures) == 1 and isinstance(failures[0], CredentialsError)
    assert [r.file_id for r in final] == [5, 6, 7]
    assert {r.error_kind for r in final} == {ErrorKind.CREDENTIALS}
    assert [r.file_id for b in batches for r in b] == [5, 6, 7]


def test_signing_without_key_is_a_signing_failure(qtbot: object, source: _Source, pool: QThreadPool) -> None:
    source.creds.sign_key = None
    failures: list[object] = []
    run = ResolveRun(resolve_job(resolver_factory(source, sign=True, valid_minutes=30), [10861131]), [10861131])
    run.problem.connect(failures.append)
    _batches, final = _run(qtbot, run, pool)
    assert final[0].error_kind is ErrorKind.SIGNING
    assert len(failures) == 1


def test_unexpected_bug_still_finishes_with_rows(qtbot: object, pool: QThreadPool) -> None:
    def broken(emit: Callable[[LinkResult], None], cancel: threading.Event) -> list[LinkResult]:
        emit(LinkResult(file_id=1, url="https://example.com/1"))
        raise RuntimeError("bug")

    failures: list[object] = []
    run = ResolveRun(broken, [1, 2])
    run.problem.connect(failures.append)
    _batches, final = _run(qtbot, run, pool)
    assert isinstance(failures[0], RuntimeError)
    assert final[0].ok
    assert final[1].error_kind is ErrorKind.API


def test_resign_gives_fresh_expiry(qtbot: object, api: FakeApiServer, source: _Source, pool: QThreadPool) -> None:
    ids = [10861131, 10861132]
    first = ResolveRun(resolve_job(resolver_factory(source, sign=True, valid_minutes=1), ids), ids)
    _b, signed = _run(qtbot, first, pool)
    assert all(r.ok and r.expires_at is not None and r.unsigned_url for r in signed)
    api.clear_log()
    again = ResolveRun(resign_job(resolver_factory(source, sign=True, valid_minutes=600), signed), ids)
    _b, resigned = _run(qtbot, again, pool)
    assert [r.file_id for r in resigned] == ids
    for old, new in zip(signed, resigned, strict=True):
        assert new.ok and new.url != old.url
        assert new.expires_at is not None and old.expires_at is not None
        assert new.expires_at > old.expires_at > datetime(2000, 1, 1, tzinfo=UTC)
        assert new.unsigned_url == old.unsigned_url
    assert api.calls(DIRECT) == 0  # re-signing asks for no new links


def test_a_worker_runs_once(qtbot: object, pool: QThreadPool) -> None:
    run = ResolveRun(_fake_job(1), [1])
    _run(qtbot, run, pool)
    with pytest.raises(RuntimeError):
        run.start(pool)
