"""One window per kept list: a second start hands its arguments to the first window and brings it forward.

Two windows on one kept list lose links (the last one to close wins). The first start takes a lock file beside the
list (Qt's ``QLockFile``, in QtCore: nothing extra to import on the way to the first paint; a lock left by a crashed
run is taken over) and, once its window is painted, listens on a local socket named after the list. A second start
finds the lock taken, connects, sends its command-line arguments, and quits without a window; the first window
comes forward. When the first one does not answer (it hangs), the second says so instead of opening a second
window on the same list.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

__all__ = ["HAND_OVER_TIMEOUT_MS", "FirstInstance", "hand_over", "instance_key"]

log = logging.getLogger(__name__)

HAND_OVER_TIMEOUT_MS = 10_000  # how long a second start tries to reach the first one (it listens once painted:
# on a busy machine a first start that was just launched can take seconds to get there)
_MAX_MESSAGE = 16 * 1024 * 1024  # the items of one start: above any command line (Linux allows 2 MB), so none is cut


def instance_key(session_file: Path) -> str:
    """A short name for the kept list at ``session_file`` and this user (the lock and the socket are named so)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name (a container without passwd entries): the path alone
        user = ""
    digest = hashlib.sha256(f"{user}\0{session_file.resolve()}".encode()).hexdigest()
    return f"pan123-gui-{digest[:16]}"


class FirstInstance(QObject):
    """The lock of the first start, and later its local server. Keep the object alive as long as the window."""

    def __init__(self, session_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = instance_key(session_file)
        session_file.parent.mkdir(parents=True, exist_ok=True)
        self.lock_path = session_file.parent / f"{session_file.name}.lock"
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone (checked by Qt), never by age
        self._server: QLocalServer | None = None
        self._on_message: Callable[[list[str]], None] | None = None

    def acquire(self) -> bool:
        """True when this start is the first (the lock is ours now)."""
        return bool(self._lock.tryLock(100))

    def listen(self, on_message: Callable[[list[str]], None]) -> bool:
        """Accept second starts: ``on_message(arguments)`` on the GUI thread for each. True when listening."""
        from PySide6.QtNetwork import QLocalServer

        self._on_message = on_message
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.key)  # a socket file left by a crashed run (we hold the lock)
        if not server.listen(self.key):
            log.warning("second starts cannot reach this window: %s", server.errorString())
            return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket is not None:
                buffer = bytearray()
                socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
                socket.disconnected.connect(lambda s=socket, b=buffer: self._finish(s, b))

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if len(buffer) > _MAX_MESSAGE:
            socket.abort()

    def _finish(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        socket.deleteLater()
        try:
            args = json.loads(bytes(buffer[:_MAX_MESSAGE]).decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            args = None
        if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
            log.warning("a second start sent something unreadable; bringing the window forward anyway")
            args = []
        log.info("a second start handed over %d argument(s)", len(args))
        if self._on_message is not None:
            self._on_message(list(args))


def hand_over(key: str, args: Sequence[str], timeout_ms: int = HAND_OVER_TIMEOUT_MS) -> bool:
    """Send ``args`` to the first start's window (which then comes forward). False when it does not answer."""
    from PySide6.QtCore import QDeadlineTimer, QThread
    from PySide6.QtNetwork import QLocalSocket

    deadline = QDeadlineTimer(timeout_ms)
    payload = json.dumps(list(args), ensure_ascii=False).encode("utf-8")
    while not deadline.hasExpired():
        socket = QLocalSocket()
        socket.connectToServer(key)
        if socket.waitForConnected(max(1, min(500, int(deadline.remainingTime())))):
            socket.write(payload)
            while socket.bytesToWrite() > 0 and not deadline.hasExpired():  # a long command line: every byte
                if not socket.waitForBytesWritten(max(1, int(deadline.remainingTime()))):
                    break
            sent = socket.bytesToWrite() == 0
            socket.disconnectFromServer()
            if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                socket.waitForDisconnected(max(1, int(deadline.remainingTime())))
            return sent
        QThread.msleep(100)  # the first window may not be listening yet (it listens after its first paint)
    return False
