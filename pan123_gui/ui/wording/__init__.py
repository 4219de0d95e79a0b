"""All user-facing text of the window, translatable (one module and translation context per part).

``errors`` (error kinds, row statuses, sizes), ``window`` (main window), ``dialogs`` (dialogs).
Import the functions from the submodules, e.g. ``from pan123_gui.ui.wording.errors import error_text``.
"""
