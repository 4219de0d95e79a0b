"""The app shell: Services (shared client, demo mode), and ``main()`` — arguments, start-up, failures."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

import pan123_gui
from pan123_gui import __main__ as entry
from pan123_gui.app import DEMO_SIGN_KEY, Services, build_services
from pan123_gui.core.credentials import Credentials
from pan123_gui.core.errors import CredentialsError
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def demo(settings: AppSettings, memory_keyring: Any) -> Iterator[Services]:
    built = build_services(demo=True, settings=settings)
    try:
        yield built
    finally:
        built.close()


# --- Services -------------------------------------------------------------------------------------------------


def test_demo_services_talk_to_the_local_fake(demo: Services, memory_keyring: Any) -> None:
    assert demo.demo is not None and demo.is_demo
    assert demo.base_url is not None and demo.base_url.startswith("http://127.0.0.1:")
    info = demo.client().user_info()
    assert info.nickname == "演示用户"
    assert info.uid == demo.demo.uid
    link = demo.client().direct_link_url(10861131)
    assert link.startswith("http")
    creds = demo.credentials()
    assert creds.sign_key == DEMO_SIGN_KEY
    assert creds.access_token is not None
    assert demo.has_credentials()
    assert not demo.store.persistent
    assert memory_keyring.items == {}  # the demo token is never written to the keyring


def test_one_shared_client_until_reset(demo: Services) -> None:
    first = demo.client()
    assert demo.client() is first
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(demo.client())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(client is first for client in seen)
    demo.reset_client()
    second = demo.client()
    assert second is not first
    assert second.user_info().nickname == "演示用户"


def test_set_rate_reaches_the_live_client(demo: Services) -> None:
    client = demo.client()
    demo.set_rate(3)
    assert client.rate == 3.0
    assert demo.settings.rate == 3.0


def test_close_stops_the_demo_server(demo: Services) -> None:
    server = demo.demo
    assert server is not None and server.running
    demo.client().user_info()
    demo.close()
    assert not server.running
    with pytest.raises(RuntimeError):
        demo.client()
    demo.close()  # twice is fine


def test_real_mode_reads_the_store_and_env_base(
    settings: AppSettings, memory_keyring: Any, fake_api: FakeApiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAN123_API_BASE", fake_api.base_url + "/")
    built = build_services(settings=settings)
    try:
        assert built.demo is None
        assert built.base_url == fake_api.base_url
        assert not built.has_credentials()
        with pytest.raises(CredentialsError):
            built.client()
        built.store.save(
            Credentials(access_token=None, client_id=fake_api.client_id, client_secret=fake_api.client_secret)
        )
        assert built.client().user_info().uid == fake_api.uid
        # the token fetched with client ID + secret was saved for the next start
        assert built.store.load().access_token is not None
    finally:
        built.close()


# --- main() ---------------------------------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert entry.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"pan123-gui {pan123_gui.__version__}"


def test_bad_argument_returns_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert entry.main(["--lang", "fr"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_self_test_is_dispatched_with_all_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    import pan123_gui.selftest

    calls: list[list[str]] = []

    def fake_selftest(argv: list[str] | None = None) -> int:
        calls.append(list(argv or []))
        return 7

    monkeypatch.setattr(pan123_gui.selftest, "main", fake_selftest)
    assert entry.main(["--self-test", "--require-keyring"]) == 7
    assert calls == [["--self-test", "--require-keyring"]]


@pytest.fixture
def app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[Path]:
    """In-process start-up with settings and logs in a temp folder; hooks and log handlers undone after."""
    import logging

    monkeypatch.setenv("PAN123_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("PAN123_API_BASE", "http://127.0.0.1:9")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the kept list (real mode) stays in here
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):  # AppSettings() uses the native one
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    hooks = sys.excepthook, threading.excepthook
    try:
        yield tmp_path
    finally:
        from pan123_gui.ui.dialogs.error import uninstall_excepthook
        from pan123_gui.ui.i18n import apply_language

        uninstall_excepthook()
        sys.excepthook, threading.excepthook = hooks
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
        apply_language("en")


def test_start_in_demo_mode_shows_the_window(qtbot: QtBot, app_env: Path, memory_keyring: Any) -> None:
    app = entry.create_application()
    services, window = entry.start(app, demo=True, lang="en")
    qtbot.addWidget(window)
    try:
        assert window.isVisible()
        assert "Demo" in window.windowTitle()
        assert not app.windowIcon().isNull()
        assert services.demo is not None
        assert memory_keyring.items == {}
    finally:
        window.close()
        services.close()


def test_first_start_without_credentials_asks_for_them(
    qtbot: QtBot, app_env: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pan123_gui.ui.dialogs.credentials import CredentialsDialog

    opened: list[QWidget | None] = []

    def fake_exec(self: CredentialsDialog) -> int:
        opened.append(self.parentWidget())
        return 0

    monkeypatch.setattr(CredentialsDialog, "exec", fake_exec)
    app = entry.create_application()
    services, window = entry.start(app, demo=False, lang="en")
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: len(opened) == 1)
        assert opened[0] is window
    finally:
        window.close()
        services.close()


def test_start_failure_shows_a_message_and_returns_non_zero(
    app_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[tuple[str, str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text(), box.detailedText()))
        return 0

    def broken_services(**kwargs: object) -> Services:
        raise OSError("disk on fire; clientSecret=leaky-secret-1")

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr("pan123_gui.app.build_services", broken_services)
    assert entry.run(demo=False, lang="en") == 1
    assert gc.isenabled()  # collection is back on after a failed start too
    assert len(shown) == 1
    title, text, details = shown[0]
    assert title == "The app could not start"
    assert "disk on fire" in text
    assert "leaky-secret-1" not in text + details
    assert "Traceback" in details
    assert "could not start" in capsys.readouterr().err
    log_text = (app_env / "log" / "pan123-gui.log").read_text(encoding="utf-8")
    assert "start-up failed" in log_text
    assert "leaky-secret-1" not in log_text


def test_python_m_pan123_gui_demo_runs_and_quits(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PAN123_QUIT_AFTER_MS="50",
        PAN123_REPORT_SHOWN="1",
        PAN123_LOG_DIR=str(tmp_path / "log"),
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "pan123_gui", "--demo", "--lang", "zh_CN"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "PAN123_SHOWN" in result.stdout
    log_text = (tmp_path / "log" / "pan123-gui.log").read_text(encoding="utf-8")
    assert "demo mode" in log_text
    assert "starting (demo=True)" in log_text  # logged before the log file was opened, kept until then
    assert "quitting" in log_text


def test_first_uncaught_exception_in_a_thread_opens_the_error_dialog(
    qtbot: QtBot, app_env: Path, memory_keyring: Any
) -> None:
    from pan123_gui.ui.dialogs import error as error_dialog

    app = entry.create_application()
    services, window = entry.start(app, demo=True, lang="en")
    qtbot.addWidget(window)
    try:
        assert error_dialog.current_error_dialog() is None

        def boom() -> None:
            raise ZeroDivisionError("Authorization: Bearer thread-secret-token")

        thread = threading.Thread(target=boom)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: error_dialog.current_error_dialog() is not None)
        dialog = error_dialog.current_error_dialog()
        assert dialog is not None
        assert dialog.thread() is app.thread()
        assert "ZeroDivisionError" in dialog.report
        assert "thread-secret-token" not in dialog.report
    finally:
        window.close()
        services.close()


@pytest.mark.parametrize("value", [None, "", "  ", "http://127.0.0.1:8080/", "https://example.test/api//"])
def test_the_window_uses_the_cores_base_url_rule(
    monkeypatch: pytest.MonkeyPatch, settings: AppSettings, value: str | None
) -> None:
    from pan123_gui import app
    from pan123_gui.core import endpoints

    if value is None:
        monkeypatch.delenv("PAN123_API_BASE", raising=False)
    else:
        monkeypatch.setenv("PAN123_API_BASE", value)
    services = app.build_services(settings=settings)
    try:
        assert services.base_url == endpoints.api_base_url()
        assert services.base_url == (value or "").strip().rstrip("/") or endpoints.DEFAULT_BASE_URL
    finally:
        services.close()


def test_the_endpoint_facts_load_without_httpx() -> None:
    code = "import sys, pan123_gui.core.endpoints, pan123_gui.app; print('httpx' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "False"


# --- start-up stays quick -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [[], ["--demo"], ["--lang", "zh_CN"], ["--lang=en", "--demo"], ["--demo", "--lang", "en", "--lang", "zh_CN"]],
)
def test_usual_command_lines_read_like_argparse(args: list[str]) -> None:
    parsed = entry.build_parser().parse_args(args)
    assert entry.usual_start_args(args) == (parsed.demo, parsed.lang)


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], ["--lang", "fr"], ["--lang"], ["--de"], ["--demo=1"], ["x"], ["--lang=fr"]],
)
def test_anything_else_is_left_to_argparse(args: list[str]) -> None:
    assert entry.usual_start_args(args) is None


def test_the_demo_server_starts_on_a_thread_when_asked_or_when_needed(settings: AppSettings) -> None:
    from PySide6.QtCore import QThreadPool

    started: list[str] = []

    def start_server() -> FakeApiServer:
        started.append(threading.current_thread().name)
        server = FakeApiServer()
        server.add_sample_files()
        server.start()
        return server

    def services() -> Services:
        return Services(store=lambda: None, settings=settings, pool=QThreadPool(), demo=start_server)  # type: ignore[arg-type,return-value]

    idle = services()
    assert idle.is_demo and started == []  # building Services starts nothing
    idle.close()
    assert started == []  # closing never starts a server just to stop it

    background = services()
    background.start_demo()
    background.start_demo()  # once
    server = background.demo  # waits for the thread
    assert server is not None and server.running and background.base_url == server.base_url
    assert started == ["demo-api-start"]
    background.close()
    assert not server.running

    started.clear()
    on_demand = services()
    assert on_demand.base_url is not None  # needed before the thread was asked: started right here
    assert started == [threading.current_thread().name]
    on_demand.close()


def test_a_demo_server_that_cannot_start_is_reported_where_it_is_needed(settings: AppSettings) -> None:
    from PySide6.QtCore import QThreadPool

    def broken() -> FakeApiServer:
        raise OSError("no loopback")

    services = Services(store=lambda: None, settings=settings, pool=QThreadPool(), demo=broken)  # type: ignore[arg-type,return-value]
    with pytest.raises(RuntimeError) as caught:
        services.demo  # noqa: B018
    assert isinstance(caught.value.__cause__, OSError)
    services.close()


def test_real_mode_reads_the_keyring_only_after_the_first_paint(
    qtbot: QtBot, app_env: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pan123_gui import app as app_module
    from pan123_gui.ui.dialogs.credentials import CredentialsDialog

    opened: list[str] = []
    real_open = app_module._open_store

    def counting_open() -> Any:
        opened.append("store")
        return real_open()

    monkeypatch.setattr(app_module, "_open_store", counting_open)
    monkeypatch.setattr(CredentialsDialog, "exec", lambda self: 0)
    app = entry.create_application()
    services, window = entry.start(app, demo=False, lang="en")
    qtbot.addWidget(window)
    try:
        assert opened == []  # the window was built and shown without touching the keyring
        qtbot.waitUntil(lambda: bool(opened))
        qtbot.waitUntil(lambda: getattr(window, "first_paint_done", True))  # the kept list is read on the pool
    finally:
        window.close()
        services.close()


def test_settings_changed_in_the_demo_stay_in_the_demo(qtbot: QtBot, app_env: Path, memory_keyring: Any) -> None:
    from pan123_gui.settings import RATE_DEFAULT, RATE_MAX, VALID_MINUTES_DEFAULT, AppSettings

    AppSettings().language = "en"  # chosen for real use: the demo starts in it
    app = entry.create_application()
    services, window = entry.start(app, demo=True, lang="en")
    qtbot.addWidget(window)
    try:
        assert services.settings.language == "en"
        window.resolve_bar.sign_check.setChecked(True)
        window.resolve_bar.valid_combo.setCurrentIndex(window.resolve_bar.valid_combo.findData(60))
        services.settings.rate = RATE_MAX
        services.settings.language = "zh_CN"
    finally:
        window.close()
        services.close()
    real = AppSettings()
    assert RATE_DEFAULT != RATE_MAX
    assert (real.sign_links, real.valid_minutes, real.rate, real.language) == (
        False,
        VALID_MINUTES_DEFAULT,
        RATE_DEFAULT,
        "en",
    )
    demo = AppSettings.demo()
    assert (demo.sign_links, demo.valid_minutes, demo.rate, demo.language) == (
        True,
        60,
        RATE_MAX,
        "zh_CN",
    )
