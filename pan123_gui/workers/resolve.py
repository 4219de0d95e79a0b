"""The jobs of a resolve run: functions that run on a pool thread, call the core, and report each result.

A :data:`Job` gets a callback for each finished result and the run's cancel event, and returns one result per ID
in input order. The window's run controller (``ui/window/resolve_run.py``) runs one on a
:class:`~pan123_gui.workers.base.Worker` and batches the callbacks for the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from pan123_gui.core.errors import ErrorKind, SigningError
from pan123_gui.core.models import LinkResult

if TYPE_CHECKING:
    from pan123_gui.core.client import Pan123Client
    from pan123_gui.core.credentials import Credentials
    from pan123_gui.core.resolver import Resolver

#: A job runs on a pool thread: it gets a callback for each finished result and the cancel event,
#: and returns one result per ID in input order.
Job = Callable[[Callable[[LinkResult], None], threading.Event], list[LinkResult]]


class ClientSource(Protocol):
    """What a job needs from :class:`pan123_gui.app.Services` (called on the pool thread)."""

    def client(self) -> Pan123Client: ...

    def credentials(self) -> Credentials: ...


def resolver_factory(
    services: ClientSource,
    *,
    sign: bool,
    valid_minutes: int,
    encoded_path: bool = False,
    names: bool = True,
) -> Callable[[], Resolver]:
    """A function that builds a Resolver on the pool thread (building the client may fetch a token).

    Settings are read by the caller in the GUI thread and passed in, so the job sees one consistent snapshot.
    Raises :class:`SigningError` when signing is wanted but no sign key is stored.
    """

    def make() -> Resolver:
        from pan123_gui.core.resolver import Resolver, SignOptions

        options = None
        if sign:
            key = services.credentials().sign_key
            if not key:
                raise SigningError("Signing is on but no sign key is stored")
            options = SignOptions(key=key, valid_for=timedelta(minutes=valid_minutes), encoded_path=encoded_path)
        return Resolver(services.client(), sign=options, names=names)

    return make


def resolve_job(make_resolver: Callable[[], Resolver], ids: Sequence[int]) -> Job:
    """Get a link for each ID (the Resolver retries, paces, and turns every per-ID problem into a row)."""
    wanted = list(ids)

    def run(emit: Callable[[LinkResult], None], cancel: threading.Event) -> list[LinkResult]:
        resolver = make_resolver()
        return resolver.resolve(wanted, on_result=emit, cancel=cancel)

    return run


def resign_job(make_resolver: Callable[[], Resolver], results: Sequence[LinkResult]) -> Job:
    """Give signed rows a fresh signature (no direct-link calls; the uid may need one user-info call)."""
    rows = list(results)

    def run(emit: Callable[[LinkResult], None], cancel: threading.Event) -> list[LinkResult]:
        resolver = make_resolver()
        if cancel.is_set():
            return [failed_row(r.file_id, ErrorKind.CANCELLED, "Cancelled", r) for r in rows]
        return resolver.resign(rows)

    return run


def failed_row(file_id: int, kind: ErrorKind, message: str, previous: LinkResult | None = None) -> LinkResult:
    """An error row for ``file_id`` that keeps the name and size an earlier result knew."""
    return LinkResult(
        file_id=file_id,
        error=message,
        error_kind=kind,
        name=previous.name if previous else None,
        size=previous.size if previous else None,
    )
