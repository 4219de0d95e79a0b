"""Where the bundled resources (icons, translations) live: ``pan123_gui/resources/``, shipped as package data.

They are found through :mod:`importlib.resources` in every kind of install: a source checkout (editable install),
an installed wheel, and a PyInstaller build (whose resource reader answers with the package's folder inside the
bundle). Qt opens icons and translations by file name, so the answer must be a real folder on disk.

Runtime files: ``icons/*.svg``, ``icons/app.png`` and ``i18n/*.qm`` (pyproject's package-data and the PyInstaller
spec ship exactly these). ``app.ico``/``app.icns`` (executable icons) and the ``.ts`` translation sources sit beside
them in the checkout but are build inputs, not shipped.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Final

PACKAGE: Final = "pan123_gui"
RESOURCES: Final = "resources"


def resources_dir() -> Path:
    """The package's ``resources/`` folder, as :func:`importlib.resources.files` finds it."""
    folder = files(PACKAGE) / RESOURCES
    if not isinstance(folder, Path):  # e.g. a zipped install: Qt could not open files inside it
        raise RuntimeError(f"{PACKAGE} resources are not in a folder on disk ({folder!r}); install it unzipped")
    return folder


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
