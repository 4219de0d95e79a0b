"""Choosing and switching the interface language at run time.

Translations are compiled ``.qm`` files in ``pan123_gui/resources/i18n/`` (package data, see ``paths.py``) named
``<part>_<language>.qm`` (``errors_zh_CN.qm``, ``window_zh_CN.qm``, ``dialogs_zh_CN.qm``, ...); every file for the
chosen language is loaded, plus Qt's own ``qtbase_<language>.qm`` (standard buttons and dialogs) when Qt ships it.
English is the source language: its files (``window_en.qm``) hold only the singular and plural forms of the texts
that count things (Qt's plural handling, ``tr(text, "", n)``). Installing a translator makes Qt send
``QEvent.LanguageChange`` to every window, whose ``changeEvent`` re-reads its texts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pan123_gui.languages import LANGUAGES, SOURCE_LANGUAGE
from pan123_gui.paths import resource_path

log = logging.getLogger(__name__)


# Translators currently installed by install_translators(), kept referenced so Python does not free them.
_installed: list[QTranslator] = []


def system_language() -> str:
    """ "zh_CN" when the system's interface language is any Chinese, else "en"."""
    locale = QLocale.system()
    names = [locale.name(), *locale.uiLanguages()]
    if locale.language() == QLocale.Language.Chinese or any(name.lower().startswith("zh") for name in names[:2]):
        return "zh_CN"
    return SOURCE_LANGUAGE


def resolve_language(language: str | None) -> str:
    """A supported code for a setting value: "system"/None/unknown → :func:`system_language`."""
    for code in LANGUAGES:
        if language == code:
            return code
    return system_language()


def translation_files(language: str) -> list[Path]:
    """The app's ``.qm`` files for ``language`` (sorted by name), then Qt's own ``qtbase_<language>.qm`` if any.

    English is the source language: its files hold only the plural forms ("%n link" / "%n links"), and Qt's own
    texts are English already.
    """
    files = sorted(resource_path("i18n").glob(f"*_{language}.qm"))
    if language == SOURCE_LANGUAGE:
        return files
    qt_file = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm"
    if qt_file.is_file():
        files.append(qt_file)
    return files


def remove_translators(app: QCoreApplication) -> None:
    """Remove every translator installed by :func:`install_translators` (back to the English source texts)."""
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translators(app: QCoreApplication, language: str) -> list[Path]:
    """Switch the interface to ``language`` ("zh_CN", "en" or "system"); return the files that were loaded.

    Translators installed by an earlier call are removed first, so this can be called again to switch at run time.
    A file that fails to load is logged and skipped (the text stays English).
    """
    remove_translators(app)
    code = resolve_language(language)
    loaded: list[Path] = []
    for path in translation_files(code):
        translator = QTranslator(app)
        if not translator.load(str(path)):
            log.warning("could not load translation %s", path)
            translator.deleteLater()
            continue
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(path)
    return loaded


def apply_language(language: str) -> str:
    """Install the translators for a language setting ("system", "zh_CN", "en"); returns the code now in use.

    Installing translators makes Qt send ``LanguageChange`` to every window, so open windows retranslate.
    """
    app = QCoreApplication.instance()
    if app is not None:
        install_translators(app, language)
    return resolve_language(language)
