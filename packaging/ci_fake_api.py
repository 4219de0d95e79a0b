"""Serve the fake 123pan API in its own process for packaging/ci_build.sh (the frozen app's env-var path).

    python packaging/ci_fake_api.py OUT_FILE

Starts :class:`pan123_gui.demo.fake_api.FakeApiServer` with the sample files on 127.0.0.1, issues a demo access
token, writes ``PAN123_API_BASE=...`` and ``PAN123_ACCESS_TOKEN=...`` lines to OUT_FILE (mode 600; a fake token for a
fake server) and serves until the process is terminated (SIGTERM or SIGINT).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from pan123_gui.demo.fake_api import FakeApiServer


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(args[0])
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    with FakeApiServer() as server:
        server.add_sample_files()
        token = server.issue_token()
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"PAN123_API_BASE={server.base_url}\nPAN123_ACCESS_TOKEN={token.value}\n")
        while not stop.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
