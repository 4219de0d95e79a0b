"""Guards the PySide6 pin in pyproject: 6.12.0 drops a reference to True/None per emit()/void call on Python 3.11,
which aborts the app after a few thousand links ("Fatal Python error: bool_dealloc")."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_emit_and_void_calls_keep_true_and_none_references() -> None:
    emitter = _Emitter()
    seen: list[object] = []
    emitter.fired.connect(seen.append)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(3000):
        emitter.fired.emit(i)
        emitter.setObjectName("emitter")  # a void method: returns None
    # A correct binding leaves both counts where they were (give or take a few held by the interpreter);
    # the broken one loses 3000 each.
    assert sys.getrefcount(True) - true_before > -100
    assert sys.getrefcount(None) - none_before > -100
    assert len(seen) == 3000
