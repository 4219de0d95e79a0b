"""A fake 123pan open-platform API (stdlib only) and demo data, for tests and ``pan123-gui --demo``."""

from __future__ import annotations

from pan123_gui.demo.fake_api import FakeApiServer

__all__ = ["FakeApiServer"]
