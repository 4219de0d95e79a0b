"""The "Your files" panel's jobs on the worker pool: a folder's items, a search, the files under what was ticked.

:class:`Drive` holds what those jobs share: the current client (from the services, built on the pool thread) and
one :class:`~pan123_gui.core.folder_paths.FolderPaths` for it, so each folder's path is looked up once for the
panel's whole life (a new client, after signing in again, starts a new cache). Each method runs on a pool thread
through :class:`~pan123_gui.workers.base.Worker`; nothing here touches a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pan123_gui.core.client import Pan123Client
    from pan123_gui.core.expand import Target
    from pan123_gui.core.folder_paths import FolderPaths
    from pan123_gui.core.ids import Ref
    from pan123_gui.core.listing import ListedFile, WalkProgress
    from pan123_gui.core.models import FileInfo

__all__ = ["ClientSource", "Drive"]


class ClientSource(Protocol):
    def client(self) -> Pan123Client: ...


class Drive:
    """The drive as the panel's jobs see it. Thread-safe; every method may block on the network."""

    def __init__(self, services: ClientSource) -> None:
        self._services = services
        self._lock = threading.Lock()
        self._client: Pan123Client | None = None
        self._paths: FolderPaths | None = None

    def session(self) -> tuple[Pan123Client, FolderPaths]:
        """The current client and its path cache (a new cache when the client changed)."""
        from pan123_gui.core.folder_paths import FolderPaths

        client = self._services.client()
        with self._lock:
            if client is not self._client or self._paths is None:
                self._client, self._paths = client, FolderPaths(client)
            return client, self._paths

    def children(self, folder_id: int, *, cancel: threading.Event) -> list[FileInfo]:
        """The items of one folder (not in the recycle bin): folders first, then files, each by name."""
        from pan123_gui.core.listing import list_folder

        client, paths = self.session()
        items = list_folder(client, folder_id, cancel=cancel)
        paths.learn(items)
        return sorted(items, key=lambda i: (not i.is_folder, i.name.casefold(), i.file_id))

    def search(self, text: str, *, exact: bool = False, cancel: threading.Event) -> list[ListedFile]:
        """Files and folders of the whole drive whose names match, with their folder paths."""
        from pan123_gui.core.search import search_drive

        client, paths = self.session()
        return search_drive(client, text, exact=exact, paths=paths, cancel=cancel)

    def expand(
        self,
        refs: Sequence[Ref],
        *,
        cancel: threading.Event,
        progress: Callable[[WalkProgress], None] | None = None,
    ) -> list[Target]:
        """The files under the chosen files and folders, each once, with their paths (folders all levels deep)."""
        from pan123_gui.core.expand import expand

        client, paths = self.session()
        return expand(client, refs, paths=paths, cancel=cancel, on_progress=progress)

    def link_rate(self) -> float:
        """Direct-link requests per second of the current client (for "about how long")."""
        client, _ = self.session()
        return client.rate
