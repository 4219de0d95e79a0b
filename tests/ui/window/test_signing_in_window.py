"""The "Sign links" toggle in the window, against the fake API over loopback: it signs (or un-signs) the links
already in the list at once, without a direct-link request; a run blocked by a missing sign key says why and
offers Credentials."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from window_driver import clipboard_text, demo_services, make_settings, resolve_text, show_window, wait_idle

from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.window.notices import Notice
from pan123_gui.ui.wording import window as w

DIRECT = "direct-link/url"
FILES = [10861131, 10861132]


def _direct_calls(api: FakeApiServer) -> list[int]:
    return [int(query["fileID"]) for _m, path, query, _s in api.request_log if path.endswith(DIRECT)]


def test_turning_signing_on_signs_the_links_already_listed(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    resolve_text(qtbot, window, " ".join(map(str, FILES)))
    plain = [r.url for r in window.model.results()]
    assert all(url and "auth_key=" not in url for url in plain)

    api.clear_log()
    window.resolve_bar.sign_check.setChecked(True)
    wait_idle(qtbot, window)
    signed = window.model.results()
    assert [r.file_id for r in signed] == FILES
    assert all(r.ok and r.expires_at is not None and "auth_key=" in (r.url or "") for r in signed)
    assert [r.unsigned_url for r in signed] == plain
    assert _direct_calls(api) == []  # signing is local
    assert window.statusBar().currentMessage() == w.signed_rows(2, 0)

    window.commands.act_copy_all.trigger()  # Ctrl+Shift+C hands out what a signed space accepts
    assert clipboard_text().split() == [r.url for r in signed]

    window.resolve_bar.sign_check.setChecked(False)
    assert not window.busy  # un-signing needs no run at all
    again = window.model.results()
    assert [r.url for r in again] == plain and all(r.expires_at is None for r in again)
    assert window.statusBar().currentMessage() == w.unsigned_rows(2)
    assert _direct_calls(api) == []


def test_turning_signing_off_makes_expired_links_usable_again(
    qtbot: Any, window: MainWindow, api: FakeApiServer
) -> None:
    from datetime import UTC, datetime, timedelta

    window.resolve_bar.sign_check.setChecked(True)
    resolve_text(qtbot, window, " ".join(map(str, FILES)))
    window.model.refresh_expiry(datetime.now(UTC) + timedelta(days=2))
    assert window.model.counts()[RowStatus.EXPIRED] == 2
    window.resolve_bar.sign_check.setChecked(False)
    assert window.model.counts()[RowStatus.OK] == 2
    assert window.model.successful_links() == [api.expected_url(i) for i in FILES]


def test_a_run_blocked_by_a_missing_sign_key_says_why_and_offers_credentials(
    qtbot: Any, api: FakeApiServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = demo_services(api, make_settings(tmp_path), sign_key=None)
    try:
        window = show_window(qtbot, services)
        window.resolve_bar.sign_check.setChecked(True)
        window.notice.dismiss()  # the user closed the first note without reading it
        api.clear_log()
        window.input.set_text("10861131")
        window.commands.act_resolve.trigger()

        assert not window.busy and api.request_log == []
        assert window.statusBar().currentMessage() == w.not_started_no_sign_key()
        assert window.notice.isVisible() and window.notice.current is Notice.SIGN_KEY
        assert window.notice.text.text() == w.sign_key_blocked()
        first = window.notice.buttons[0]
        assert first.text() == w.enter_sign_key() and window.focusWidget() is first
        qtbot.waitUntil(lambda: window.input.preview.text().startswith(w.preview_ids(1)))
        assert w.preview_ready() not in window.input.preview.text()  # no longer "press Ctrl+Enter"
        assert window.input.preview.text().endswith(w.preview_needs_sign_key())

        import pan123_gui.ui.dialogs.credentials as credentials_dialog

        opened: list[object] = []

        class FakeDialog:  # stands for the user typing the key into Credentials
            def __init__(self, svc: object, parent: object) -> None:
                opened.append(parent)

            def exec(self) -> int:
                return 0

            def deleteLater(self) -> None:
                pass

        monkeypatch.setattr(credentials_dialog, "CredentialsDialog", FakeDialog)
        first.click()
        assert opened == [window]
        window.notice.buttons[1].click()  # turn signing off: the usual hint is back
        assert window.input.preview.text().endswith(w.preview_ready())
        window.close()
    finally:
        services.close()


def test_links_fetched_before_the_key_was_entered_get_signed_once_it_is(
    qtbot: Any, api: FakeApiServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pan123_gui.core.credentials import Credentials

    services = demo_services(api, make_settings(tmp_path), sign_key=None)
    try:
        window = show_window(qtbot, services)
        resolve_text(qtbot, window, " ".join(map(str, FILES)))
        window.resolve_bar.sign_check.setChecked(True)
        assert window.notice.current is Notice.SIGN_KEY
        window.commands.act_copy_all.trigger()  # the links are not signed yet: said plainly
        assert window.statusBar().currentMessage() == w.copied_unsigned(2)

        import pan123_gui.ui.dialogs.credentials as credentials_dialog

        class KeyDialog:
            def __init__(self, svc: Any, parent: object) -> None:
                self.svc = svc

            def exec(self) -> int:
                old = self.svc.credentials()
                self.svc._demo_credentials = Credentials(
                    access_token=old.access_token, client_id=None, client_secret=None, sign_key="entered-key"
                )
                return 1

            def deleteLater(self) -> None:
                pass

        monkeypatch.setattr(credentials_dialog, "CredentialsDialog", KeyDialog)
        window.notice.buttons[0].click()
        wait_idle(qtbot, window)
        assert all("auth_key=" in (r.url or "") for r in window.model.results())
        assert window.notice.current is not Notice.SIGN_KEY
        window.close()
    finally:
        services.close()


def test_turning_signing_on_during_a_run_signs_every_row_when_it_ends(
    qtbot: Any, window: MainWindow, api: FakeApiServer, services: Any
) -> None:
    ids = [32_000_000 + i for i in range(12)]
    for file_id in ids:
        api.add_file(file_id, f"part-{file_id}.bin", 1000)
    services.client().set_rate(20.0)  # about half a second: time to flip the switch in the middle
    window.input.set_text(" ".join(map(str, ids)))
    window.commands.act_resolve.trigger()
    assert window.busy
    window.resolve_bar.sign_check.setChecked(True)
    assert window.statusBar().currentMessage() == w.signing_after_run()
    wait_idle(qtbot, window)  # the run, then the signing of what it fetched unsigned
    wait_idle(qtbot, window)
    results = window.model.results()
    assert [r.file_id for r in results] == ids
    assert all(r.ok and "auth_key=" in (r.url or "") for r in results)


def test_signing_switched_in_settings_applies_to_the_listed_links(
    qtbot: Any, window: MainWindow, api: FakeApiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pan123_gui.ui.dialogs.settings as settings_dialog

    resolve_text(qtbot, window, " ".join(map(str, FILES)))

    class SignOnDialog:  # stands for ticking "Sign links" in Settings and pressing OK
        def __init__(self, svc: Any, parent: object) -> None:
            self.svc = svc

        def exec(self) -> int:
            self.svc.settings.sign_links = True
            return 1

        def deleteLater(self) -> None:
            pass

    monkeypatch.setattr(settings_dialog, "SettingsDialog", SignOnDialog)
    window.open_settings()
    assert window.resolve_bar.sign_check.isChecked()
    wait_idle(qtbot, window)
    assert all("auth_key=" in (r.url or "") for r in window.model.results())
