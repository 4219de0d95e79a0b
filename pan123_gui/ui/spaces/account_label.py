"""The account at a glance for the status bar: VIP state and the direct-link traffic left (``user/info``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from pan123_gui.ui.wording import spaces as words

if TYPE_CHECKING:
    from pan123_gui.core.models import UserInfo


class AccountLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the VIP label comes from the server
        self.account: UserInfo | None = None
        self.setToolTip(words.account_tip())
        self.show_account(None)

    def show_account(self, account: UserInfo | None) -> None:
        self.account = account
        if account is None:
            self.setText(words.account_unknown())
        elif account.vip:
            self.setText(words.account_vip(account.vip_label, account.direct_traffic))
        else:
            self.setText(words.account_not_vip())
        self.setAccessibleName(self.text())

    def retranslate(self) -> None:
        self.setToolTip(words.account_tip())
        self.show_account(self.account)
