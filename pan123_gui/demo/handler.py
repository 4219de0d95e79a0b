"""HTTP glue: a stdlib ThreadingHTTPServer on 127.0.0.1 that hands each request to :class:`FakeApi`."""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from pan123_gui.demo.routes import FakeApi, Reply, Request


class LoopbackServer(ThreadingHTTPServer):
    """Daemon handler threads; remembers open connections so ``close_all`` can cut idle keep-alive ones."""

    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, api: FakeApi) -> None:
        self.api = api
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._closing = False
        super().__init__(("127.0.0.1", 0), _Handler)

    def track(self, connection: socket.socket, *, add: bool) -> None:
        with self._connections_lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up mid-answer is normal (timeouts, stop()); anything else is kept for the tests."""
        exc = sys.exc_info()[1]
        if exc is None or isinstance(exc, ConnectionError | TimeoutError):
            return
        if isinstance(exc, OSError) and self._closing:
            return  # stop() hung up while this request was being answered
        self.api.errors.append(exc)

    def close_all(self) -> None:
        with self._connections_lock:
            self._closing = True
            connections = list(self._connections)
            self._connections.clear()
        for connection in connections:
            _hang_up(connection)


def _hang_up(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real API behind its gateway
    timeout = 60  # an idle keep-alive connection is closed after this many seconds
    disable_nagle_algorithm = True
    wbufsize = 64 * 1024  # headers and body leave in one write (flushed after each request by the base class)
    server: LoopbackServer

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, add=False)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def version_string(self) -> str:
        return "kong/3.4"

    def log_message(self, format: str, *args: object) -> None:
        return  # keep the test output quiet

    def _serve(self) -> None:
        split = urlsplit(self.path)
        query: dict[str, str] = {}
        for key, value in parse_qsl(split.query, keep_blank_values=True):
            query.setdefault(key, value)
        try:
            body = self._read_body()
        except ValueError:
            self.send_error(400, "Bad request body")
            self.close_connection = True
            return
        headers = {key: value for key, value in self.headers.items()}
        request = Request(self.command, split.path, query, _Caseless(headers), body)
        self._write(self.server.api.handle(request))

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            parts: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(parts)
                parts.append(self.rfile.read(size))
                self.rfile.readline()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        return self.rfile.read(length) if length > 0 else b""

    def _write(self, reply: Reply) -> None:
        if reply.action == "drop":
            self.close_connection = True
            _hang_up(self.connection)
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for key, value in reply.headers.items():
            self.send_header(key, value)
        if reply.action == "cut":
            self.send_header("Connection", "close")
        self.end_headers()
        if reply.action == "cut":
            self.wfile.write(reply.body[: len(reply.body) // 2])
            self.wfile.flush()
            self.close_connection = True
            _hang_up(self.connection)
            return
        self.wfile.write(reply.body)
        self.wfile.flush()


class _Caseless(dict[str, str]):
    """HTTP header names are case-insensitive."""

    def __init__(self, items: dict[str, str]) -> None:
        super().__init__((key.lower(), value) for key, value in items.items())

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return super().get(key.lower(), default)
