"""Asking before a direct-link space is switched on: it changes the account, needs VIP and spends traffic."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from pan123_gui.core.models import SpaceFolder, UserInfo
from pan123_gui.ui.plain_text import plain_only
from pan123_gui.ui.wording import dialogs as dialog_words
from pan123_gui.ui.wording import spaces as words
from pan123_gui.ui.wording.errors import format_size


def enable_message_box(
    parent: QWidget | None, folders: Sequence[SpaceFolder], rows: int, account: UserInfo | None
) -> tuple[QMessageBox, QPushButton]:
    """The question with what it means, and its "Switch on" button; Cancel is the default (Enter or Esc change
    nothing)."""
    box = plain_only(QMessageBox(parent))  # folder names from the server, as written
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(words.enable_title())
    box.setText(words.enable_question([f.name for f in folders]))
    details = [words.enable_details(rows)]
    if account is not None and not account.vip:
        details.append(words.enable_not_vip())
    if account is not None and account.direct_traffic is not None:
        details.append(words.enable_traffic(format_size(account.direct_traffic) if account.direct_traffic else "0"))
    box.setInformativeText("\n\n".join(details))
    switch_on = box.addButton(words.enable_button(), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(dialog_words.cancel(), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, switch_on


def ask_to_enable(parent: QWidget | None, folders: Sequence[SpaceFolder], rows: int, account: UserInfo | None) -> bool:
    """True only when the person pressed "Switch on"."""
    if not folders:
        return False
    box, switch_on = enable_message_box(parent, folders, rows, account)
    box.exec()
    return box.clickedButton() is switch_on
