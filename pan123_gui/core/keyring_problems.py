"""Why the secret store cannot use the keyring, as enums the window words (no ``keyring`` import here).

:class:`MemoryReason`: why a store keeps secrets in memory only. :class:`KeyringFailure`: why one keyring call
failed, carried by :class:`KeyringError`. Each has a plain English text for the CLI and the log; the window maps the
enum to translated words and never reads the English.
"""

from __future__ import annotations

from enum import StrEnum

from pan123_gui.core.errors import CredentialsError

__all__ = [
    "MEMORY_WARNINGS",
    "WARNING_BROKEN",
    "WARNING_NO_ANSWER",
    "WARNING_NO_KEYRING",
    "WARNING_NULL_KEYRING",
    "WARNING_PLAINTEXT",
    "WARNING_SAVE_REFUSED",
    "KeyringError",
    "KeyringFailure",
    "MemoryReason",
]


class MemoryReason(StrEnum):
    """Why a store keeps secrets in memory only (:attr:`SecretStore.memory_reason`); the window words each one."""

    NO_KEYRING = "no_keyring"  # no keyring backend at all
    NULL_KEYRING = "null_keyring"  # keyring turned off (null backend)
    PLAINTEXT = "plaintext"  # only a plain-file backend (keyrings.alt), never used
    BROKEN = "broken"  # a keyring that fails its first read
    NO_ANSWER = "no_answer"  # a keyring that did not answer its first read in time
    SAVE_REFUSED = "save_refused"  # the keyring refused a save: the secrets are kept in memory for this run


class KeyringFailure(StrEnum):
    """Why one keyring call failed (:attr:`KeyringError.failure`); the window words each one."""

    LOCKED = "locked"
    MISSING = "missing"  # no keyring available (any more)
    INIT_FAILED = "init_failed"  # could not be opened (unlock or start it)
    REFUSED_SAVE = "refused_save"
    REFUSED_DELETE = "refused_delete"
    NO_ANSWER = "no_answer"  # the call did not return in time (a prompt nobody answers, a hung service)
    OTHER = "other"  # anything else (KeyringError.detail names the exception type)


WARNING_NO_KEYRING = "No system keyring is available; secrets are kept in memory for this run only."
WARNING_NULL_KEYRING = "The keyring is turned off (null backend); secrets are kept in memory for this run only."
WARNING_PLAINTEXT = (
    "The only keyring available stores secrets in a plain file, which pan123-gui does not use; "
    "secrets are kept in memory for this run only."
)
WARNING_BROKEN = "The system keyring could not be opened; secrets are kept in memory for this run only."
WARNING_NO_ANSWER = "The system keyring did not answer; secrets are kept in memory for this run only."
WARNING_SAVE_REFUSED = "The system keyring refused to save the credentials; they are kept in memory for this run only."

#: English text for the CLI and the log (the window words the reason itself).
MEMORY_WARNINGS: dict[MemoryReason, str] = {
    MemoryReason.NO_KEYRING: WARNING_NO_KEYRING,
    MemoryReason.NULL_KEYRING: WARNING_NULL_KEYRING,
    MemoryReason.PLAINTEXT: WARNING_PLAINTEXT,
    MemoryReason.BROKEN: WARNING_BROKEN,
    MemoryReason.NO_ANSWER: WARNING_NO_ANSWER,
    MemoryReason.SAVE_REFUSED: WARNING_SAVE_REFUSED,
}

_FAILURE_TEXTS: dict[KeyringFailure, str] = {
    KeyringFailure.LOCKED: "The system keyring is locked. Unlock it and try again.",
    KeyringFailure.MISSING: "No system keyring is available.",
    KeyringFailure.INIT_FAILED: "The system keyring could not be opened. Unlock or start it and try again.",
    KeyringFailure.REFUSED_SAVE: "The system keyring refused to save the secret.",
    KeyringFailure.REFUSED_DELETE: "The system keyring refused to remove a saved secret.",
    KeyringFailure.NO_ANSWER: "The system keyring did not answer. Unlock or restart it and try again.",
}


class KeyringError(CredentialsError):
    """A keyring call failed: ``failure`` says why (``detail``: the exception type for OTHER); plain English text."""

    def __init__(self, failure: KeyringFailure, detail: str | None = None) -> None:
        text = _FAILURE_TEXTS.get(failure) or f"The system keyring reported an error ({detail or 'unknown'})."
        super().__init__(text)
        self.failure = failure
        self.detail = detail
