"""pan123-gui: turn 123pan (123云盘) file IDs into direct links."""

__version__ = "0.1.0"
APP_NAME = "pan123-gui"
