"""User preferences kept in QSettings (never secrets: those live in the keyring via core.credentials).

Outside ``ui/`` so that ``app.py`` (the services) does not import up into the window floor; it needs QtCore only.
"""

from __future__ import annotations

from typing import Final, Protocol

from PySide6.QtCore import QByteArray, QSettings

from pan123_gui import APP_NAME
from pan123_gui.core.limiter import DIRECT_LINK_RATE
from pan123_gui.core.signing import DEFAULT_VALIDITY, MAX_VALIDITY
from pan123_gui.languages import LANGUAGE_SETTINGS, SYSTEM_LANGUAGE

ORGANIZATION: Final = APP_NAME
APPLICATION: Final = APP_NAME
#: The demo keeps its own preferences (what is tried in the demo never changes real use).
DEMO_APPLICATION: Final = f"{APP_NAME}-demo"

RATE_MIN: Final = 1.0
RATE_MAX: Final = 10.0
RATE_DEFAULT: Final = DIRECT_LINK_RATE
VALID_MINUTES_MIN: Final = 1
VALID_MINUTES_MAX: Final = int(MAX_VALIDITY.total_seconds()) // 60  # one week, as pan123-link --valid-for
VALID_MINUTES_DEFAULT: Final = int(DEFAULT_VALIDITY.total_seconds()) // 60
#: The validity choices the window's combo and the Settings dialog both offer (minutes, within the range above; a
#: stored value between them is offered too, never clipped).
VALID_MINUTES_CHOICES: Final = (15, 30, 60, 6 * 60, 24 * 60, 3 * 24 * 60, VALID_MINUTES_MAX)


def _as_bool(value: object, default: bool) -> bool:
    # An ini file hands values back as strings ("true"/"false"); the native backends keep the type.
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"true", "1", "yes", "on"}:
            return True
        if lowered in {"false", "0", "no", "off"}:
            return False
    if isinstance(value, int):
        return bool(value)
    return default


def _as_float(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _as_int(value: object, default: int) -> int:
    try:
        return int(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


class _HasGeometry(Protocol):
    """What :meth:`AppSettings.save_geometry` needs of a window (any ``QWidget``)."""

    def saveGeometry(self, /) -> QByteArray: ...

    def restoreGeometry(self, geometry: QByteArray | bytes | bytearray | memoryview, /) -> bool: ...


class AppSettings:
    """Typed access to the app's preferences. Pass a QSettings (e.g. on a temp ini file) in tests."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else QSettings(ORGANIZATION, APPLICATION)

    @classmethod
    def demo(cls) -> AppSettings:
        """The demo's preferences, apart from real use's (their own QSettings scope). The language starts as the one
        chosen for real use; changed in the demo, it stays in the demo."""
        settings = cls(QSettings(ORGANIZATION, DEMO_APPLICATION))
        if settings.qsettings.value("ui/language") is None:
            real = cls()
            if real.language != SYSTEM_LANGUAGE:
                settings.language = real.language
        return settings

    # -- requests ---------------------------------------------------------------------------------------
    @property
    def rate(self) -> float:
        """Direct-link requests per second (1–10, default 5)."""
        value = _as_float(self.qsettings.value("network/rate"), RATE_DEFAULT)
        return min(RATE_MAX, max(RATE_MIN, value))

    @rate.setter
    def rate(self, value: float) -> None:
        self.qsettings.setValue("network/rate", float(min(RATE_MAX, max(RATE_MIN, value))))

    # -- signing ----------------------------------------------------------------------------------------
    @property
    def sign_links(self) -> bool:
        return _as_bool(self.qsettings.value("links/sign"), False)

    @sign_links.setter
    def sign_links(self, value: bool) -> None:
        self.qsettings.setValue("links/sign", bool(value))

    @property
    def valid_minutes(self) -> int:
        """How long a signed link stays valid, in minutes (default 30)."""
        value = _as_int(self.qsettings.value("links/valid_minutes"), VALID_MINUTES_DEFAULT)
        return min(VALID_MINUTES_MAX, max(VALID_MINUTES_MIN, value))

    @valid_minutes.setter
    def valid_minutes(self, value: int) -> None:
        self.qsettings.setValue("links/valid_minutes", int(min(VALID_MINUTES_MAX, max(VALID_MINUTES_MIN, value))))

    @property
    def encoded_path(self) -> bool:
        """Sign the percent-encoded path instead of the decoded one (advanced)."""
        return _as_bool(self.qsettings.value("links/encoded_path"), False)

    @encoded_path.setter
    def encoded_path(self, value: bool) -> None:
        self.qsettings.setValue("links/encoded_path", bool(value))

    # -- language ---------------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        """``"system"``, ``"zh_CN"`` or ``"en"``."""
        value = self.qsettings.value("ui/language")
        return value if isinstance(value, str) and value in LANGUAGE_SETTINGS else SYSTEM_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGE_SETTINGS:
            raise ValueError(f"unknown language {value!r}; expected one of {', '.join(LANGUAGE_SETTINGS)}")
        self.qsettings.setValue("ui/language", value)

    # -- window geometry --------------------------------------------------------------------------------
    def save_geometry(self, widget: _HasGeometry, key: str = "main") -> None:
        self.qsettings.setValue(f"geometry/{key}", widget.saveGeometry())

    def restore_geometry(self, widget: _HasGeometry, key: str = "main") -> bool:
        """Restore a saved geometry; False (widget untouched) when there is none or it is unusable."""
        value = self.qsettings.value(f"geometry/{key}")
        if isinstance(value, QByteArray) and not value.isEmpty():
            return widget.restoreGeometry(value)
        if isinstance(value, bytes | bytearray) and value:
            return widget.restoreGeometry(QByteArray(bytes(value)))
        return False

    def sync(self) -> None:
        self.qsettings.sync()
