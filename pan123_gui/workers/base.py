"""A small QRunnable worker in superqt's shape: signals on a composed QObject, one place that catches.

Create the worker (and so its signals) in the GUI thread and connect bound methods of QObjects before
``start()``; emits from the pool thread then arrive in the GUI thread as queued calls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    started = Signal()
    result = Signal(object)
    error = Signal(object)  # the exception
    progress = Signal(object)  # worker-specific payload
    finished = Signal()  # always emitted last


class Worker(QRunnable):
    """Runs ``fn(*args, **kwargs)`` on a pool thread.

    If ``fn`` accepts keyword arguments ``cancel`` or ``progress`` (declared in ``pass_cancel`` /
    ``pass_progress``), the worker passes its cancel event and a progress callback that emits
    ``signals.progress``.
    """

    _running: ClassVar[set[Worker]] = set()
    _running_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        fn: Callable[..., Any],
        /,
        *args: Any,
        pass_cancel: bool = False,
        pass_progress: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = WorkerSignals()
        self.cancel_event = threading.Event()
        self._fn = fn
        self._args = args
        self._kwargs = dict(kwargs)
        if pass_cancel:
            self._kwargs["cancel"] = self.cancel_event
        if pass_progress:
            self._kwargs["progress"] = self.signals.progress.emit

    def cancel(self) -> None:
        """Cooperative: the function sees ``cancel.is_set()``; a running call is not killed."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def start(self, pool: QThreadPool | None = None) -> None:
        with Worker._running_lock:
            Worker._running.add(self)
        (pool or QThreadPool.globalInstance()).start(self)

    def run(self) -> None:
        self.signals.started.emit()
        try:
            value = self._fn(*self._args, **self._kwargs)
        except Exception as exc:
            self.signals.error.emit(exc)
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()
            with Worker._running_lock:
                Worker._running.discard(self)
