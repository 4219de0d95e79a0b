"""Benchmark: the GUI thread's longest stall while 1,000 IDs resolve against the fake API (goal: under 50 ms).

    python tests/benchmarks/bench_stall.py [-n 1000] [--rate 1000] [--latency 0.005] [--tick-ms 5] [--repeat 3]

Runs offscreen with the real MainWindow (1280×800, shown, painting). The fake API runs in a child process (as the
real API would be elsewhere), with a high rate limit and a small latency so a run takes a few seconds. A 5 ms
QTimer on the GUI thread records the gap between its ticks; a gap far above 5 ms means the GUI thread was busy
(no input, no repaint) for that long. Printed per case: wall time, longest gap, 99th percentile, gaps over the goal,
and the longest gap's ratio to the 50 ms goal (< 1 is within the goal). After one unmeasured warm-up run, the
cases run interleaved ``--repeat`` times (the slow reset baseline once) and the median run is reported, so a burst
of load from other processes on the machine does not decide the result.

Cases, in the same run and against the same window, model and view:
- window: the window's own path (ResolveWorker: results queued, flushed every 50 ms as one batch);
- naive, one signal per result: a queued signal per result and one model update + progress update per result;
- naive, model reset per result: as above, plus a model reset per result (a view that rebuilds itself each time).

Not a test: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QObject, QSettings, Qt, QThreadPool, QTimer, Slot
from PySide6.QtWidgets import QApplication

GOAL_MS = 50.0
FIRST_ID = 50_000_000


# -------------------------------------------------------------------------------------------- fake API process


def _serve(conn: Connection, n_ids: int, first_id: int, latency: float) -> None:
    from pan123_gui.demo.fake_api import FakeApiServer

    rates = {"direct-link/url": 100_000.0, "file/infos": 100_000.0, "user/info": 100_000.0}
    with FakeApiServer(latency=latency, rates=rates) as server:
        for file_id in range(first_id, first_id + n_ids):
            server.add_file(file_id, f"bench-{file_id}.bin", 1024 * (file_id % 997 + 1))
        token = server.issue_token()
        conn.send((server.base_url, token.value, token.expires_at.isoformat()))
        conn.recv()  # wait for "stop"


# -------------------------------------------------------------------------------------------- measuring


class StallMeter(QObject):
    """Records the gaps between ticks of a precise QTimer on the GUI thread."""

    def __init__(self, tick_ms: int) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.gaps_ms: list[float] = []

    def start(self) -> None:
        self.gaps_ms = []
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tick()

    @Slot()
    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps_ms.append((now - self._last) * 1000)
        self._last = now


@dataclass
class CaseResult:
    name: str
    wall_s: float
    gaps_ms: list[float]
    finished_rows: int

    @property
    def max_gap(self) -> float:
        return max(self.gaps_ms) if self.gaps_ms else 0.0

    @property
    def p99(self) -> float:
        if len(self.gaps_ms) < 2:
            return self.max_gap
        return statistics.quantiles(self.gaps_ms, n=100, method="inclusive")[98]

    def over_goal(self) -> int:
        return sum(1 for g in self.gaps_ms if g > GOAL_MS)


def _wait_until(done: Callable[[], bool], timeout_s: float) -> None:
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(10)
    deadline = time.monotonic() + timeout_s

    def check() -> None:
        if done() or time.monotonic() > deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()


# -------------------------------------------------------------------------------------------- naive baseline


class NaiveReceiver(QObject):
    """What a first attempt would do: a queued signal per result, one model update (and maybe a reset) each."""

    def __init__(self, window: object, total: int, reset: bool) -> None:
        super().__init__()
        self._window = window
        self._total = total
        self._reset = reset
        self.done = 0

    @Slot(object)
    def on_result(self, result: object) -> None:
        from pan123_gui.core.models import LinkResult

        assert isinstance(result, LinkResult)
        window = self._window
        model = window.model  # type: ignore[attr-defined]
        model.apply_results((result,))
        if self._reset:
            model.beginResetModel()
            model.endResetModel()
        self.done += 1
        window.resolve_bar.set_progress(self.done, self._total, 0)  # type: ignore[attr-defined]


def _naive_case(window: object, services: object, ids: Sequence[int], reset: bool, timeout_s: float) -> int:
    from pan123_gui.core.resolver import Resolver
    from pan123_gui.workers.base import Worker

    client = services.client()  # type: ignore[attr-defined]
    window.model.add_pending(ids)  # type: ignore[attr-defined]
    receiver = NaiveReceiver(window, len(ids), reset)
    resolver = Resolver(client, names=True)

    def run(progress: Callable[[object], None], cancel: object) -> object:
        return resolver.resolve(list(ids), on_result=progress, cancel=cancel)  # type: ignore[arg-type]

    # pass_progress hands ``run`` the worker's progress signal's emit: one queued signal per result.
    worker = Worker(run, pass_cancel=True, pass_progress=True)
    worker.signals.progress.connect(receiver.on_result)
    finished: list[bool] = []
    worker.signals.finished.connect(receiver.deleteLater)
    worker.signals.finished.connect(lambda: finished.append(True))
    worker.start(services.pool)  # type: ignore[attr-defined]
    _wait_until(lambda: bool(finished) and receiver.done >= len(ids), timeout_s)
    return receiver.done


# -------------------------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="IDs to resolve per case")
    parser.add_argument("--rate", type=float, default=1000.0, help="client direct-link requests per second")
    parser.add_argument("--latency", type=float, default=0.005, help="fake API latency per request, seconds")
    parser.add_argument("--tick-ms", type=int, default=5, help="stall meter tick")
    parser.add_argument("--timeout", type=float, default=120.0, help="give up on a case after this many seconds")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (interleaved); the median is shown")
    parser.add_argument("--no-reset-baseline", action="store_true", help="skip the (slow) model-reset baseline")
    args = parser.parse_args(argv)

    cases = ["window", "naive-signal"]
    schedule = ["warm-up"] + [case for _ in range(args.repeat) for case in cases]
    if not args.no_reset_baseline:
        schedule.append("naive-reset")
    parent, child = mp.get_context("spawn").Pipe()
    server = mp.get_context("spawn").Process(
        target=_serve, args=(child, args.n * len(schedule), FIRST_ID, args.latency), daemon=True
    )
    server.start()
    base_url, token_value, expires = parent.recv()

    from pan123_gui.app import Services
    from pan123_gui.core.credentials import Credentials, SecretStore
    from pan123_gui.core.models import AccessToken
    from pan123_gui.settings import AppSettings
    from pan123_gui.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    runs: dict[str, list[CaseResult]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings(QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat))
        token = AccessToken(token_value, datetime.fromisoformat(expires))
        creds = Credentials(access_token=token, client_id=None, client_secret=None, sign_key=None)
        pool = QThreadPool()
        pool.setMaxThreadCount(4)
        services = Services(
            store=SecretStore.memory(), settings=settings, pool=pool, base_url=base_url, demo_credentials=creds
        )
        services.client().set_rate(args.rate)
        window = MainWindow(services)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        meter = StallMeter(args.tick_ms)

        for number, case in enumerate(schedule):
            ids = list(range(FIRST_ID + number * args.n, FIRST_ID + (number + 1) * args.n))
            window.model.clear()
            window.input.clear_text()
            app.processEvents()
            meter.start()
            started = time.perf_counter()
            if case in ("window", "warm-up"):
                window.input.set_text("\n".join(map(str, ids)))
                window.resolve()
                _wait_until(lambda: not window.busy, args.timeout)
                done = sum(1 for r in window.model.results())
            else:
                done = _naive_case(window, services, ids, case == "naive-reset", args.timeout)
            wall = time.perf_counter() - started
            meter.stop()
            runs.setdefault(case, []).append(CaseResult(case, wall, list(meter.gaps_ms), done))
            app.processEvents()

        window.close()
        services.close()
    parent.send("stop")
    server.join(10)

    labels = {
        "window": "window (batched, 50 ms flush)",
        "naive-signal": "naive: one signal + update per result",
        "naive-reset": "naive: model reset per result",
    }
    print(
        f"{args.n} IDs per run, client {args.rate:g} req/s, fake API latency {args.latency * 1000:g} ms, "
        f"tick {args.tick_ms} ms, goal: longest stall < {GOAL_MS:g} ms"
    )
    print(
        f"{'case (median run)':40} {'runs':>4} {'rows':>6} {'wall s':>7} {'max gap ms':>11} {'all runs':>22} "
        f"{'p99 ms':>7} {'>goal':>6} {'ratio':>6}"
    )
    medians: dict[str, CaseResult] = {}
    for case in ("window", "naive-signal", "naive-reset"):
        if case not in runs:
            continue
        ordered = sorted(runs[case], key=lambda r: r.max_gap)
        median = ordered[len(ordered) // 2]
        medians[case] = median
        spread = "/".join(f"{r.max_gap:.0f}" for r in runs[case])
        print(
            f"{labels[case]:40} {len(ordered):>4} {median.finished_rows:>6} {median.wall_s:>7.2f} "
            f"{median.max_gap:>11.1f} {spread:>22} {median.p99:>7.1f} {median.over_goal():>6} "
            f"{median.max_gap / GOAL_MS:>6.2f}"
        )
    window_case = medians["window"]
    for case, r in medians.items():
        if case != "window" and window_case.max_gap > 0:
            print(f"{labels[case]}: longest stall {r.max_gap / window_case.max_gap:.1f}× the window's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
