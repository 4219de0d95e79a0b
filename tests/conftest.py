"""Shared fixtures: Qt offscreen, the fake 123pan API on loopback, keyrings (in-memory and the real Secret Service)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never read the developer's own credentials or talk to the real API from a test.
for _name in ("PAN123_ACCESS_TOKEN", "PAN123_CLIENT_ID", "PAN123_CLIENT_SECRET", "PAN123_SIGN_KEY", "PAN123_API_BASE"):
    os.environ.pop(_name, None)


@pytest.fixture(scope="session", autouse=True)
def _settings_in_temp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Settings made the way the app makes them (``QSettings(organisation, application)``, native format) are written
    under a temporary folder, never into the home folder's configuration."""
    from PySide6.QtCore import QSettings

    base = tmp_path_factory.mktemp("qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(base / scope.name))
    yield


@pytest.fixture
def fake_api() -> Iterator[object]:
    """A started fake 123pan API with the sample files, on 127.0.0.1 (no latency, real rate limits)."""
    from pan123_gui.demo.fake_api import FakeApiServer

    server = FakeApiServer()
    server.add_sample_files()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def memory_keyring() -> Iterator[object]:
    """An in-memory keyring backend installed as keyring's backend for one test."""
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.items: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if self.items.pop((service, username), None) is None:
                raise PasswordDeleteError(username)

    old = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(old)


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The real Secret Service keyring: gnome-keyring on a private D-Bus session bus, in a throwaway home.

    Fails (not skips) in CI when the daemons are missing, so a broken install step cannot hide.
    """
    if not (shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon")):
        if os.environ.get("CI"):
            pytest.fail("dbus-daemon / gnome-keyring-daemon are not installed; .ci/run must install them")
        pytest.skip("dbus-daemon / gnome-keyring-daemon not installed")
    base: Path = tmp_path_factory.mktemp("secret-service")
    run = base / "run"
    run.mkdir(mode=0o700)
    env = dict(os.environ, HOME=str(base), XDG_DATA_HOME=str(base / "data"), XDG_RUNTIME_DIR=str(run))
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert bus.stdout is not None
    addr = bus.stdout.readline().strip()
    env["DBUS_SESSION_BUS_ADDRESS"] = addr
    subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
        input="test-pass",
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=20,
    )
    mp = pytest.MonkeyPatch()
    mp.setenv("DBUS_SESSION_BUS_ADDRESS", addr)
    mp.setenv("XDG_RUNTIME_DIR", str(run))
    import keyring
    from keyring.backends import SecretService

    old = keyring.get_keyring()
    keyring.set_keyring(SecretService.Keyring())
    try:
        yield keyring.get_keyring()
    finally:
        keyring.set_keyring(old)
        mp.undo()
        bus.terminate()
        bus.wait(timeout=10)
