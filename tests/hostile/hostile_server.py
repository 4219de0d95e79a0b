"""A loopback HTTP server that misbehaves on purpose (stdlib sockets only).

Each path gets a *behaviour*: a function ``(conn, request, server)`` that writes whatever it likes to the raw socket —
headers one byte at a time, a body that never ends, a gzip bomb, nothing at all. ``server.hits[path]`` counts the
requests each path saw, so tests can assert that a refused answer was not fetched again. ``stop()`` ends every
behaviour that is still trickling or waiting and closes the connections.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes = field(repr=False)

    def json(self) -> object:
        return json.loads(self.body) if self.body else None


Behaviour = Callable[[socket.socket, Request, "HostileServer"], None]


class HostileServer:
    """``with HostileServer() as server: server.on("/api/v1/direct-link/url", silent)``; ``server.base_url``."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.stopping = threading.Event()
        self.hits: Counter[str] = Counter()
        self.requests: list[Request] = []
        self._routes: dict[str, Behaviour] = {}
        self._lock = threading.Lock()
        self._conns: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, name="hostile-accept", daemon=True)
        self._thread.start()

    def on(self, path: str, behaviour: Behaviour) -> HostileServer:
        self._routes[path] = behaviour
        return self

    def __enter__(self) -> HostileServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self.stopping.set()
        self._thread.join(5)
        self._listener.close()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.close()

    # --- serving -------------------------------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self._conns.append(conn)
            threading.Thread(target=self._serve, args=(conn,), name="hostile-conn", daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(30)
        reader = conn.makefile("rb")
        try:
            while not self.stopping.is_set():
                request = _read_request(reader)
                if request is None:
                    return
                with self._lock:
                    self.hits[request.path] += 1
                    self.requests.append(request)
                behaviour = self._routes.get(request.path, not_found)
                behaviour(conn, request, self)
        except OSError:
            return
        finally:
            try:
                reader.close()
                conn.close()
            except OSError:
                pass


def _read_request(reader: object) -> Request | None:
    readline = reader.readline  # type: ignore[attr-defined]
    line = readline(65536)
    if not line:
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        raw = readline(65536)
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    body = reader.read(length) if length else b""  # type: ignore[attr-defined]
    parts = urlsplit(target)
    return Request(method, parts.path, parse_qs(parts.query), headers, body)


# --- helpers for behaviours ------------------------------------------------------------------------------------------


def send_json(conn: socket.socket, status: int, body: object, headers: dict[str, str] | None = None) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode()
    send_raw(conn, status, payload, headers)


def send_raw(conn: socket.socket, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
    head = [f"HTTP/1.1 {status} X", f"Content-Length: {len(payload)}", "Content-Type: application/json"]
    head += [f"{k}: {v}" for k, v in (headers or {}).items()]
    conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + payload)


def envelope(code: int = 0, data: object = None, message: str = "ok") -> dict[str, object]:
    return {"code": code, "message": message, "data": data, "x-traceID": "hostile-trace"}


# --- behaviours ------------------------------------------------------------------------------------------------------


def not_found(conn: socket.socket, request: Request, server: HostileServer) -> None:
    send_json(conn, 404, envelope(404, message="no such path"))


def ok(data: object) -> Behaviour:
    def behaviour(conn: socket.socket, request: Request, server: HostileServer) -> None:
        send_json(conn, 200, envelope(0, data))

    return behaviour


def answer(status: int, body: object, headers: dict[str, str] | None = None) -> Behaviour:
    def behaviour(conn: socket.socket, request: Request, server: HostileServer) -> None:
        send_json(conn, status, body, headers)

    return behaviour


def silent(conn: socket.socket, request: Request, server: HostileServer) -> None:
    """Accept, read the request, never answer."""
    server.stopping.wait()


def trickle_headers(conn: socket.socket, request: Request, server: HostileServer) -> None:
    """A status line and then header bytes, one every 50 ms, for ever."""
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    while not server.stopping.wait(0.05):
        conn.sendall(b"X")


def trickle_body(conn: socket.socket, request: Request, server: HostileServer) -> None:
    """Proper headers for a 1 MB body, then the body one byte every 50 ms."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
    while not server.stopping.wait(0.05):
        conn.sendall(b" ")


def endless_body(conn: socket.socket, request: Request, server: HostileServer) -> None:
    """A 200 MB answer without a length (ends with the connection), sent as fast as the reader takes it."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
    conn.sendall(b'{"code": 0, "data": "')
    block = b"x" * 65536
    for _ in range(200 * 16):
        if server.stopping.is_set():
            return
        conn.sendall(block)
    conn.sendall(b'"}')
    conn.close()


def declared_huge(conn: socket.socket, request: Request, server: HostileServer) -> None:
    """Headers announcing a 200 MB body; whatever arrives is junk."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 209715200\r\n\r\n")
    conn.sendall(b"{" * 65536)
    server.stopping.wait()


@cache
def gzip_bomb() -> bytes:
    """About 1 MB of gzip that inflates to 1 GB of zeros (one valid member, built in well under a second)."""
    zeros = bytes(1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    unit = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)  # the same bytes for every further megabyte
    last = (c.compress(zeros) + c.flush())[:-8]
    crc = 0
    for _ in range(1024):
        crc = zlib.crc32(zeros, crc)
    return first + unit * 1022 + last + struct.pack("<II", crc, (1024 << 20) & 0xFFFFFFFF)


def gzip_bombing(conn: socket.socket, request: Request, server: HostileServer) -> None:
    send_raw(conn, 200, gzip_bomb(), {"Content-Encoding": "gzip"})


def deep_json(depth: int = 200_000) -> Behaviour:
    payload = b'{"code": 0, "message": "ok", "data": ' + b"[" * depth + b"]" * depth + b"}"

    def behaviour(conn: socket.socket, request: Request, server: HostileServer) -> None:
        send_raw(conn, 200, payload)

    return behaviour


def refuse_every_token(conn: socket.socket, request: Request, server: HostileServer) -> None:
    send_json(conn, 200, envelope(401, message="token is invalid"))


def issue_token(expired_at: object, *, prefix: str = "tok") -> Behaviour:
    """``POST /api/v1/access_token``: a new token per call (``tok-1``, ``tok-2``, …) with the given ``expiredAt``."""

    def behaviour(conn: socket.socket, request: Request, server: HostileServer) -> None:
        number = server.hits[request.path]
        send_json(conn, 200, envelope(0, {"accessToken": f"{prefix}-{number}", "expiredAt": expired_at}))

    return behaviour


def link_unless_token(refused: set[str], url: str = "https://dl.example.com/f.bin") -> Behaviour:
    """The direct-link answer for accepted tokens, 401 for ``refused`` ones (``{"*"}``: every token)."""

    def behaviour(conn: socket.socket, request: Request, server: HostileServer) -> None:
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        if "*" in refused or token in refused:
            send_json(conn, 200, envelope(401, message="token is invalid"))
        else:
            send_json(conn, 200, envelope(0, {"url": url}))

    return behaviour
