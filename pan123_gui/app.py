"""The services the window and the dialogs share: secrets, settings, the worker pool and one API client.

``Services.client()`` builds the one shared :class:`~pan123_gui.core.client.Pan123Client` (one ``httpx.Client``)
lazily with the core's ``build_client``. Building may fetch an access token over the network when only a client
ID and secret are stored, so call it from a worker, not the GUI thread. It is thread-safe.

Start-up stays quick: the secret store (``keyring``, a D-Bus round trip) is opened on first use, and in demo mode
it is never opened at all — the demo account lives in memory. The demo's stand-in API (stdlib ``http.server``) is
started by :meth:`Services.start_demo` on a background thread once the window has been painted; whatever needs it
earlier (``client()``, ``base_url``, ``demo``) waits for it, or starts it right there.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QThreadPool

from pan123_gui.core.endpoints import api_base_url
from pan123_gui.demo.samples import DEMO_LATENCY, DEMO_SIGN_KEY
from pan123_gui.settings import AppSettings

if TYPE_CHECKING:
    from pan123_gui.core.client import Pan123Client
    from pan123_gui.core.credentials import Credentials, SecretStore
    from pan123_gui.demo.fake_api import FakeApiServer

log = logging.getLogger(__name__)

#: Worker threads for the Workers of the window (resolving runs its own thread pool inside the core).
POOL_THREADS: Final = 4


class Services:
    """What every window part needs: ``store``, ``settings``, ``pool``, ``demo``, ``base_url``.

    Create it with :func:`build_services`; call :meth:`close` on quit. ``store`` may be given as a
    :class:`SecretStore` or as a factory that opens one on first use; ``demo`` as a started
    :class:`FakeApiServer` or as a factory that starts one (on :meth:`start_demo` or on first use).
    """

    def __init__(
        self,
        store: SecretStore | Callable[[], SecretStore],
        settings: AppSettings,
        pool: QThreadPool,
        demo: FakeApiServer | Callable[[], FakeApiServer] | None = None,
        base_url: str | None = None,
        demo_credentials: Credentials | Callable[[], Credentials] | None = None,
        session_file: Path | Callable[[], Path | None] | None = None,
    ) -> None:
        self.settings = settings
        self._session_file = session_file
        self.pool = pool
        self._demo = _DemoLauncher(demo) if demo is not None else None
        self._base_url = base_url
        self._store_or_factory = store
        self._store: SecretStore | None = None
        self._demo_credentials_or_factory = demo_credentials
        self._demo_credentials: Credentials | None = None
        self._client: Pan123Client | None = None
        self._retired: list[Pan123Client] = []
        self._lock = threading.RLock()
        self._closed = False

    def __repr__(self) -> str:
        store = repr(self._store) if self._store is not None else "<not opened>"
        return f"Services(store={store}, demo={self.is_demo}, base_url={self._base_url!r})"

    @property
    def is_demo(self) -> bool:
        """Demo mode (known at once: never waits for the stand-in API)."""
        return self._demo is not None

    @property
    def session_file(self) -> Path | None:
        """Where the window keeps its list between runs (None: not kept, e.g. in demo mode). ``session_file`` may be
        given as a factory, asked on first use (after the window is painted)."""
        source = self._session_file
        if callable(source):
            self._session_file = source = source()
        return source

    @property
    def demo(self) -> FakeApiServer | None:
        """The demo's stand-in API, started (waits for a start under way, or starts it now); None outside demo."""
        return self._demo.get() if self._demo is not None else None

    @property
    def base_url(self) -> str | None:
        """The API's address: the given one, else the demo server's (may wait for it to start)."""
        if self._base_url is None and self._demo is not None:
            return self._demo.get().base_url
        return self._base_url

    def start_demo(self) -> None:
        """Start the demo's stand-in API on a background thread (no-op outside demo mode or when started)."""
        if self._demo is not None:
            self._demo.start_in_background()

    @property
    def store(self) -> SecretStore:
        """The secret store (OS keyring, or memory with a warning), opened on first use."""
        with self._lock:
            if self._store is None:
                source = self._store_or_factory
                self._store = source() if callable(source) else source
            return self._store

    def credentials(self) -> Credentials:
        """The credentials in use: the demo account in demo mode (memory only), else the store (env overrides)."""
        if self._demo_credentials_or_factory is not None:
            with self._lock:
                if self._demo_credentials is None:
                    source = self._demo_credentials_or_factory
                    self._demo_credentials = source() if callable(source) else source
                return self._demo_credentials
        creds = self.store.load()
        from pan123_gui.logs import register_credentials

        register_credentials(creds)
        return creds

    def has_credentials(self) -> bool:
        if self.is_demo:
            return True
        try:
            return not self.credentials().is_empty
        except Exception:  # a locked keyring counts as "nothing usable yet"
            log.warning("could not read the stored credentials", exc_info=True)
            return False

    def client(self) -> Pan123Client:
        """The shared client, built on first use (may do network I/O; raises CredentialsError without creds)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("services are closed")
            if self._client is None:
                from pan123_gui.core.client import build_client

                self._client = build_client(
                    self.credentials(),
                    store=None if self.is_demo else self.store,
                    rate=self.settings.rate,
                    base_url=self.base_url,
                )
                log.info("API client built (base %s, %.1f req/s)", self.base_url or "default", self.settings.rate)
            return self._client

    def peek_client(self) -> Pan123Client | None:
        """The client if it has been built already (never builds one)."""
        with self._lock:
            return self._client

    def reset_client(self) -> None:
        """Forget the client (after credentials changed); the next :meth:`client` call builds a new one.

        The old one is closed right away when no worker is running, else on :meth:`close`, so a request
        still in flight is not cut off.
        """
        with self._lock:
            old, self._client = self._client, None
            if old is not None:
                self._retired.append(old)
            idle = self.pool.activeThreadCount() == 0
            retired = list(self._retired) if idle else []
            if idle:
                self._retired.clear()
        for client in retired:
            _close_quietly(client)

    def set_rate(self, rate: float) -> None:
        """Store a new request rate and apply it to the live client (no rebuild needed)."""
        self.settings.rate = rate
        client = self.peek_client()  # a client not built yet gets the new rate when it is
        if client is not None:
            client.set_rate(self.settings.rate)

    def close(self) -> None:
        """Wait briefly for running workers, close the HTTP client(s), stop the demo server, flush settings."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self.pool.waitForDone(3000)
        with self._lock:
            clients = [*self._retired, *([self._client] if self._client is not None else [])]
            self._retired.clear()
            self._client = None
        for client in clients:
            _close_quietly(client)
        server = self._demo.started() if self._demo is not None else None  # never starts one just to stop it
        if server is not None:
            try:
                server.stop()
            except Exception:
                log.warning("demo server did not stop cleanly", exc_info=True)
        self.settings.sync()


class _DemoLauncher:
    """Starts the demo server once: on a background thread, or in whichever thread needs it first."""

    def __init__(self, source: FakeApiServer | Callable[[], FakeApiServer]) -> None:
        self._factory = source if callable(source) else None
        self._server: FakeApiServer | None = None if callable(source) else source
        self._error: BaseException | None = None
        self._begun = self._server is not None
        self._lock = threading.Lock()

    def start_in_background(self) -> None:
        with self._lock:
            if self._begun:
                return
            self._begun = True
        threading.Thread(target=self._start_quietly, name="demo-api-start", daemon=True).start()

    def _start_quietly(self) -> None:
        try:
            self.get()
        except Exception:  # kept in _error; whoever needs the server gets the exception
            log.warning("the demo's stand-in API did not start", exc_info=True)

    def get(self) -> FakeApiServer:
        """The started server: waits while another thread starts it, else starts it here. Re-raises a failure."""
        with self._lock:  # held while starting, so other callers wait here
            self._begun = True
            if self._server is None and self._error is None and self._factory is not None:
                try:
                    self._server = self._factory()
                except Exception as exc:
                    self._error = exc
            if self._error is not None:
                raise RuntimeError("the demo's stand-in API did not start") from self._error
            assert self._server is not None
            return self._server

    def started(self) -> FakeApiServer | None:
        """The server if a start has begun (waiting for it to finish), else None. Never starts one."""
        with self._lock:
            begun = self._begun
        if not begun:
            return None
        try:
            return self.get()
        except Exception:
            return None


def _close_quietly(client: Pan123Client) -> None:
    try:
        client.close()
    except Exception:
        log.warning("closing the API client failed", exc_info=True)


SESSION_FILE_NAME: Final = "session.json"


def default_session_file() -> Path | None:
    """``<app data folder>/session.json`` (QStandardPaths.AppDataLocation), or None without a writable folder."""
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / SESSION_FILE_NAME if folder else None


def _open_store() -> SecretStore:
    from pan123_gui.core.credentials import SecretStore

    return SecretStore.open()


def _memory_store() -> SecretStore:
    from pan123_gui.core.credentials import SecretStore

    return SecretStore.memory()  # demo: the OS keyring is never touched


def build_services(*, demo: bool = False, settings: AppSettings | None = None) -> Services:
    """Services for the window. The secret store is opened on first use.

    Demo mode never touches the keyring and keeps no list between runs: the local stand-in API with the sample
    files starts on :meth:`Services.start_demo` (or on first use) and issues the demo token, held in memory only.
    Otherwise the base URL comes from ``PAN123_API_BASE`` or the real service's address, and the window keeps its
    list in :func:`default_session_file`.
    """
    if settings is None:
        settings = AppSettings.demo() if demo else AppSettings()
    pool = QThreadPool()
    pool.setMaxThreadCount(POOL_THREADS)
    if not demo:
        return Services(
            store=_open_store,
            settings=settings,
            pool=pool,
            base_url=api_base_url(),
            session_file=default_session_file,
        )

    services: Services

    def demo_credentials() -> Credentials:
        from pan123_gui.core.credentials import Credentials

        server = services.demo
        assert server is not None
        return Credentials(
            access_token=server.issue_token(), client_id=None, client_secret=None, sign_key=DEMO_SIGN_KEY
        )

    services = Services(
        store=_memory_store, settings=settings, pool=pool, demo=_start_demo_server, demo_credentials=demo_credentials
    )
    return services


def _start_demo_server() -> FakeApiServer:
    from pan123_gui.demo.fake_api import FakeApiServer

    server = FakeApiServer(latency=DEMO_LATENCY)
    server.add_sample_files()
    base_url = server.start()
    log.info("demo mode: stand-in API at %s", base_url)
    return server
