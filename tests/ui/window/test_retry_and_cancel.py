"""Retry failed and Cancel in the window, against the fake API over loopback: a retry asks again only for failures
that can change and says what it left out; the progress line after Cancel says how many rows were cancelled."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from window_driver import UNKNOWN_ID, resolve_text, rows_by_id, wait_idle

from pan123_gui.app import Services
from pan123_gui.core.errors import ErrorKind
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import FOLDER_ID
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.wording import window as w

DIRECT = "direct-link/url"


def _direct_calls(api: FakeApiServer) -> list[int]:
    return [int(query["fileID"]) for _m, path, query, _s in api.request_log if path.endswith(DIRECT)]


def test_retry_failed_skips_what_cannot_change_and_says_so(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    good = [10861131, 10861132, 10861133]
    resolve_text(qtbot, window, f"{UNKNOWN_ID} {FOLDER_ID}\n")
    api.faults.add(DIRECT, "drop", count=60)  # the files' requests fail as network trouble (after their retries)
    resolve_text(qtbot, window, " ".join(map(str, good)))
    rows = rows_by_id(window)
    kinds = {i: window.model.result_at(rows[i]).error_kind for i in window.model.ids()}  # type: ignore[union-attr]
    assert kinds[UNKNOWN_ID] is ErrorKind.NOT_FOUND and kinds[FOLDER_ID] is ErrorKind.IS_FOLDER
    failed_files = [i for i in good if kinds[i] is not None]
    assert failed_files, "the faults should have made some files fail"

    api.faults.clear()
    api.clear_log()
    window.commands.act_retry.trigger()
    assert window.busy
    assert window.statusBar().currentMessage() == w.retrying(len(failed_files)) + " · " + w.retry_skipped(2)
    wait_idle(qtbot, window)

    calls = _direct_calls(api)
    assert sorted(set(calls)) == sorted(failed_files)  # neither the unknown ID nor the folder was asked again
    counts = window.model.counts()
    assert counts[RowStatus.OK] == len(good) and counts[RowStatus.FAILED] == 2
    assert window.statusBar().currentMessage() == w.retry_summary(len(failed_files), 0, 2)

    # Only failures that cannot change are left: nothing is sent, and the status bar says why.
    api.clear_log()
    window.commands.act_retry.trigger()
    assert not window.busy
    assert api.request_log == []
    assert window.statusBar().currentMessage() == w.retry_nothing_can_change(2)


def test_progress_after_cancel_counts_the_cancelled(
    qtbot: Any, window: MainWindow, api: FakeApiServer, services: Services
) -> None:
    ids = [31_000_000 + i for i in range(40)]
    for file_id in ids:
        api.add_file(file_id, f"part-{file_id}.bin", 1000)
    api.set_latency(0.05)
    services.client().set_rate(8.0)  # about 5 s for all 40: time to cancel in the middle
    window.input.set_text(" ".join(map(str, ids)))
    window.commands.act_resolve.trigger()
    qtbot.waitUntil(lambda: window.model.counts()[RowStatus.OK] >= 3, timeout=20_000)
    qtbot.mouseClick(window.resolve_bar.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window, timeout=10_000)

    counts = window.model.counts()
    cancelled = counts[RowStatus.CANCELLED]
    assert cancelled > 0
    finished = counts[RowStatus.OK] + counts[RowStatus.FAILED]
    assert window.resolve_bar.counts.text() == w.progress_text(finished, len(ids), counts[RowStatus.FAILED], cancelled)
    assert w.progress_text(finished, len(ids), 0, cancelled).startswith(f"{finished} / {len(ids)}")
    assert window.resolve_bar.progress.value() == finished
