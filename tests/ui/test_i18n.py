"""Language choice and switching (pan123_gui.ui.i18n) and the translation tool (packaging/i18n.py)."""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QWidget

from pan123_gui.ui import i18n
from pan123_gui.ui.results.model import COL_NAME, ResultsModel

ROOT = Path(__file__).resolve().parents[2]
I18N_DIR = ROOT / "pan123_gui" / "resources" / "i18n"
QT_ZH = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_zh_CN.qm"


def load_i18n_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pan123_i18n_tool", ROOT / "packaging" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def app(qapp: Any) -> Iterator[Any]:
    yield qapp
    i18n.install_translators(qapp, "en")


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class LanguageWatcher(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.changes = 0

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.changes += 1
        super().changeEvent(event)


@pytest.mark.parametrize(
    ("system", "expected"),
    [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("zh_HK", "zh_CN"), ("en_US", "en"), ("de_DE", "en"), ("ja_JP", "en")],
)
def test_system_language(monkeypatch: pytest.MonkeyPatch, system: str, expected: str) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(system)))
    assert i18n.system_language() == expected
    assert i18n.resolve_language("system") == expected
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("zh_CN") == "zh_CN"


def test_install_chinese_loads_every_part_and_qt(app: Any) -> None:
    loaded = i18n.install_translators(app, "zh_CN")
    names = [path.name for path in loaded]
    assert "errors_zh_CN.qm" in names
    expected_parts = sorted(path.name for path in (I18N_DIR).glob("*_zh_CN.qm"))
    assert [name for name in names if name in expected_parts] == expected_parts
    assert ("qtbase_zh_CN.qm" in names) == QT_ZH.is_file()
    assert tr("errors", "Failed") == "失败"
    model = ResultsModel()
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "文件名"


def test_switching_removes_previous_translators(app: Any) -> None:
    i18n.install_translators(app, "zh_CN")
    i18n.install_translators(app, "zh_CN")  # twice: still one set, not stacked
    assert tr("errors", "Waiting") == "等待中"
    english = [path.name for path in i18n.install_translators(app, "en")]  # the plural forms only
    assert "window_en.qm" in english and all(name.endswith("_en.qm") for name in english)
    assert tr("errors", "Waiting") == "Waiting"
    if QT_ZH.is_file():
        assert tr("QPlatformTheme", "Cancel") == "Cancel"


def test_counted_texts_use_qts_plural_forms(app: Any) -> None:
    from pan123_gui.ui.wording import window as w

    i18n.install_translators(app, "en")  # what start-up does for English: the plural forms only
    assert (w.copied_links(1), w.copied_links(3)) == ("Copied 1 link", "Copied 3 links")
    assert (w.preview_ids(1), w.preview_ids(0)) == ("1 ID", "0 IDs")
    assert w.clear_confirm_text(1) == "Remove 1 row and empty the input box?"
    assert w.clear_confirm_text(4) == "Remove all 4 rows and empty the input box?"
    i18n.install_translators(app, "zh_CN")
    assert (w.copied_links(1), w.copied_links(3)) == ("已复制 1 个直链", "已复制 3 个直链")
    i18n.remove_translators(app)  # no file at all: the English plural source, with the number filled in
    assert w.copied_links(3) == "Copied 3 links"


def test_switching_sends_language_change_to_windows(app: Any, qtbot: Any) -> None:
    watcher = LanguageWatcher()
    qtbot.addWidget(watcher)
    i18n.install_translators(app, "zh_CN")
    app.processEvents()
    assert watcher.changes >= 1
    before = watcher.changes
    i18n.install_translators(app, "en")
    app.processEvents()
    assert watcher.changes > before


def test_unreadable_qm_is_skipped(app: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "broken_zh_CN.qm").write_bytes(b"not a qm file")
    shutil.copy(I18N_DIR / "errors_zh_CN.qm", tmp_path / "errors_zh_CN.qm")
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path)
    names = [path.name for path in i18n.install_translators(app, "zh_CN")]
    assert "errors_zh_CN.qm" in names and "broken_zh_CN.qm" not in names
    assert tr("errors", "Failed") == "失败"


# ---- packaging/i18n.py ----------------------------------------------------------------------------------------------


def test_tool_finds_lupdate_and_lrelease() -> None:
    tool = load_i18n_tool()
    assert Path(tool.qt_tool("lupdate")).is_file()
    assert Path(tool.qt_tool("lrelease")).is_file()


def test_compile_produces_loadable_qm(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    tool = load_i18n_tool()
    shutil.copy(I18N_DIR / "errors_zh_CN.ts", tmp_path / "errors_zh_CN.ts")
    monkeypatch.setattr(tool, "I18N_DIR", tmp_path)
    assert tool.main(["compile"]) == 0
    qm = tmp_path / "errors_zh_CN.qm"
    translator = QTranslator()
    assert translator.load(str(qm)) is True
    assert translator.translate("errors", "Failed: {reason}") == "失败：{reason}"


def test_compile_puts_a_new_file_in_place(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A running app has its .qm files memory-mapped: compiling writes a new file and renames it over the old one
    (a new inode; the old contents stay whole for whoever has them open), never rewriting the old file in place."""
    tool = load_i18n_tool()
    shutil.copy(I18N_DIR / "errors_zh_CN.ts", tmp_path / "errors_zh_CN.ts")
    monkeypatch.setattr(tool, "I18N_DIR", tmp_path)
    assert tool.main(["compile"]) == 0
    qm = tmp_path / "errors_zh_CN.qm"
    kept = tmp_path / "held-open.qm"
    os.link(qm, kept)  # what a running process still sees
    before = kept.read_bytes()
    assert tool.main(["compile"]) == 0
    assert qm.stat().st_ino != kept.stat().st_ino and kept.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors_zh_CN.qm", "errors_zh_CN.ts", "held-open.qm"]


def test_update_writes_a_ts_with_every_string(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    tool = load_i18n_tool()
    monkeypatch.setattr(tool, "I18N_DIR", tmp_path)
    assert tool.main(["update", "errors"]) == 0
    sources = {m.source for m in tool.read_ts(tmp_path / "errors_zh_CN.ts")}
    assert {"Failed: {reason}", "not in a direct-link folder", "Name", "Expires"} <= sources
    assert tool.ts_problems(tmp_path / "errors_zh_CN.ts")  # fresh: everything still untranslated


def test_check_flags_unfinished_and_broken_placeholders(tmp_path: Path) -> None:
    tool = load_i18n_tool()
    ts = tmp_path / "demo_zh_CN.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message><source>Done</source><translation>完成</translation></message>
    <message><source>Waiting</source><translation type="unfinished">等待</translation></message>
    <message><source>Empty</source><translation></translation></message>
    <message><source>Code {code}</source><translation>代码 {代码}</translation></message>
    <message><source>Gone</source><translation type="vanished">没了</translation></message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    problems = tool.ts_problems(ts)
    assert len(problems) == 3
    assert any("'Waiting'" in p for p in problems)
    assert any("'Empty'" in p for p in problems)
    assert any("placeholders" in p and "Code {code}" in p for p in problems)


def test_check_exits_1_when_something_is_wrong(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    tool = load_i18n_tool()
    monkeypatch.setattr(tool, "I18N_DIR", tmp_path)  # no .ts at all while the sources have strings
    assert tool.main(["check"]) == 1
