"""The interface languages: codes and each language's own name (Qt-free, so the command line reads it early)."""

from __future__ import annotations

from typing import Final

__all__ = ["LANGUAGES", "LANGUAGE_SETTINGS", "SOURCE_LANGUAGE", "SYSTEM_LANGUAGE"]

#: The language of the source texts (no translation file needed).
SOURCE_LANGUAGE: Final = "en"
#: Every interface language: code -> its name in itself, so it can be found in any interface language (menus).
LANGUAGES: Final = {"zh_CN": "简体中文", SOURCE_LANGUAGE: "English"}
#: The setting value meaning "follow the system's language".
SYSTEM_LANGUAGE: Final = "system"
#: Every value the language setting may hold.
LANGUAGE_SETTINGS: Final = (SYSTEM_LANGUAGE, *LANGUAGES)
