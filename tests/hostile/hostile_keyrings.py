"""Keyring backends that misbehave on purpose: locked, failing after the first read, blocking, refusing to save,
returning garbage. Install one with ``keyring.set_keyring`` (the ``installed`` fixture puts the old one back)."""

from __future__ import annotations

import threading
from typing import Any

import keyring.errors
from keyring.backend import KeyringBackend


class HostileKeyring(KeyringBackend):
    """Counts calls; subclasses decide how to misbehave. ``items`` holds what a read returns (any type)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, items: dict[str, Any] | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.items: dict[str, Any] = dict(items or {})
        self.calls = 0
        self.deleted: list[str] = []

    def get_password(self, service: str, username: str) -> Any:
        self.calls += 1
        return self.items.get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        self.items[username] = password

    def delete_password(self, service: str, username: str) -> None:
        self.calls += 1
        if self.items.pop(username, None) is None:
            raise keyring.errors.PasswordDeleteError("No such password!")
        self.deleted.append(username)


class LockedKeyring(HostileKeyring):
    """Every call: KeyringLocked (the user did not unlock it)."""

    def get_password(self, service: str, username: str) -> Any:
        self.calls += 1
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


class FailsAfterOpen(HostileKeyring):
    """The probe read at open works; every later call raises (a D-Bus service that went away)."""

    def get_password(self, service: str, username: str) -> Any:
        self.calls += 1
        if self.calls > 1:
            raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")
        return None


class BlockingKeyring(HostileKeyring):
    """Reads (after ``free_reads`` of them) block until ``release`` is set (an unlock prompt nobody answers)."""

    def __init__(self, items: dict[str, Any] | None = None, *, free_reads: int = 0) -> None:
        super().__init__(items)
        self.release = threading.Event()
        self.free_reads = free_reads

    def get_password(self, service: str, username: str) -> Any:
        self.calls += 1
        if self.calls > self.free_reads:
            self.release.wait(60)
        return self.items.get(username)


class RefusesSaving(HostileKeyring):
    """Reads work; every save raises ``error`` (PasswordSetError by default, or anything else)."""

    def __init__(self, items: dict[str, Any] | None = None, *, error: Exception | None = None) -> None:
        super().__init__(items)
        self.error = error if error is not None else keyring.errors.PasswordSetError("Failed to save")

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        raise self.error
