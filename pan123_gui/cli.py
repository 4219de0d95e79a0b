"""``pan123-link``: turn 123pan file IDs (or any text containing them) into direct links on the command line.

    pan123-link 10861131 10861132            links, one per line, in input order
    pan123-link < ids.txt                    IDs from standard input when there are no arguments
    pan123-link --format jsonl --names ...   one JSON object per unique ID (csv works too)
    pan123-link --sign --valid-for 60 ...    signed links (key from PAN123_SIGN_KEY or the keyring)

Credentials come from the keyring (saved by the window) or the environment (PAN123_ACCESS_TOKEN, or
PAN123_CLIENT_ID + PAN123_CLIENT_SECRET; the environment wins). Exit status: 0 every ID resolved, 1 some failed,
2 usage or credential problems (including a token the API refused), 130 cancelled with Ctrl+C.
Messages go to stderr as one plain line each: never a traceback, never a secret.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import json
import logging
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TextIO

from pan123_gui import __version__
from pan123_gui.core.client import Pan123Client, build_client
from pan123_gui.core.errors import CredentialsError, ErrorKind, Pan123Error
from pan123_gui.core.export import result_record
from pan123_gui.core.ids import scan_ids
from pan123_gui.core.limiter import DIRECT_LINK_RATE
from pan123_gui.core.models import LinkResult
from pan123_gui.core.resolver import Resolver, SignOptions
from pan123_gui.core.retry import Sleep
from pan123_gui.core.signing import DEFAULT_VALIDITY
from pan123_gui.logs import redact, register_credentials

PROG = "pan123-link"
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_CANCELLED = 130
CSV_COLUMNS = ("fileID", "url", "error", "name", "size", "expiresAt")
_DEFAULT_VALID_MINUTES = int(DEFAULT_VALIDITY.total_seconds()) // 60
MIN_SAFE_VALID_MINUTES = 5  # shorter signed links are reported to fail (reference §2.1)

log = logging.getLogger(__name__)


class UsageError(Exception):
    """A problem the user fixes by changing the command or the setup (exit 2)."""


def main(argv: Sequence[str] | None = None, *, sleep: Sleep | None = None) -> int:
    """Run ``pan123-link`` with ``argv``; ``sleep`` replaces the back-off wait between retries (tests)."""
    stdout, stderr = sys.stdout, sys.stderr
    _prefer_utf8(stdout)
    _prefer_utf8(stderr)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or argparse's own usage error (already printed)
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    root = logging.getLogger()
    old_level = root.level
    handler = _install_logging(stderr, verbose=args.verbose)
    try:
        return _run(args, stdout, stderr, sleep)
    except UsageError as err:
        _say(stderr, f"error: {err}")
        return EXIT_USAGE
    except KeyboardInterrupt:  # before the resolve started (reading stdin, opening the keyring)
        _say(stderr, "cancelled")
        return EXIT_CANCELLED
    except Pan123Error as err:
        _say(stderr, f"error: {err}")
        return EXIT_USAGE if err.kind in (ErrorKind.CREDENTIALS, ErrorKind.AUTH) else EXIT_SOME_FAILED
    except Exception as exc:  # a bug: one line, no traceback (details with --verbose)
        log.debug("Unexpected error", exc_info=True)
        _say(stderr, f"error: unexpected {type(exc).__name__}; run with --verbose for details")
        return EXIT_SOME_FAILED
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


# ---- arguments -----------------------------------------------------------------------------------------------------


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError("must be a positive number")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn 123pan (123云盘) file IDs into direct links. Reads standard input when no ID is given.",
        epilog=(
            "Credentials: the keyring entries saved by pan123-gui, or PAN123_ACCESS_TOKEN, or PAN123_CLIENT_ID and "
            "PAN123_CLIENT_SECRET (environment variables win). Exit status: 0 all resolved, 1 some failed, "
            "2 usage or credential problem, 130 cancelled."
        ),
    )
    parser.add_argument("inputs", nargs="*", metavar="ID_OR_TEXT", help="file IDs, or text/URLs containing them")
    parser.add_argument(
        "--format",
        choices=("text", "jsonl", "csv"),
        default="text",
        help="text: one link per line, failures on stderr (default); jsonl: one JSON object per ID; csv: a table",
    )
    parser.add_argument(
        "--rate",
        type=_positive_float,
        default=DIRECT_LINK_RATE,
        metavar="N",
        help=f"direct-link requests per second (default {DIRECT_LINK_RATE:g})",
    )
    parser.add_argument("--sign", action="store_true", help="sign the links (auth_key) with the URL-signing key")
    parser.add_argument(
        "--valid-for",
        type=_positive_int,
        metavar="MINUTES",
        help=f"how long signed links stay valid (default {_DEFAULT_VALID_MINUTES}; needs --sign)",
    )
    parser.add_argument(
        "--encoded-path", action="store_true", help="sign the percent-encoded path instead of the decoded one"
    )
    parser.add_argument("--names", action="store_true", help="also look up file names and sizes")
    parser.add_argument("--api-base", metavar="URL", help="API base URL (default: PAN123_API_BASE or the real API)")
    parser.add_argument("--verbose", action="store_true", help="log requests and details to stderr")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


# ---- the run -------------------------------------------------------------------------------------------------------


def _run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO, sleep: Sleep | None) -> int:
    if args.valid_for is not None and not args.sign:
        raise UsageError("--valid-for needs --sign")
    if args.encoded_path and not args.sign:
        raise UsageError("--encoded-path needs --sign")
    if args.api_base is not None and not args.api_base.lower().startswith(("http://", "https://")):
        raise UsageError("--api-base must be an http(s) URL")
    text = _input_text(args.inputs, stderr)
    ids = scan_ids(text).ids
    if not ids:
        raise UsageError("no file IDs found in the input")

    client, sign_key = _open_client(args, stderr, sleep)
    try:
        sign = None
        if args.sign:
            minutes = args.valid_for if args.valid_for is not None else _DEFAULT_VALID_MINUTES
            if minutes < MIN_SAFE_VALID_MINUTES:
                _say(stderr, f"note: links valid for less than {MIN_SAFE_VALID_MINUTES} minutes may fail to open")
            assert sign_key is not None
            sign = SignOptions(key=sign_key, valid_for=timedelta(minutes=minutes), encoded_path=args.encoded_path)
        writer = _Writer(args.format, ids, stdout, stderr)
        results, interrupted = _resolve(client, ids, sign, args.names, writer, stderr)
    finally:
        client.close()

    if writer.broken_pipe:
        return EXIT_SOME_FAILED
    if interrupted:
        done = sum(1 for r in results if r.error_kind is not ErrorKind.CANCELLED)
        _say(stderr, f"cancelled: {done} of {len(ids)} IDs finished")
        return EXIT_CANCELLED
    if any(r.error_kind is ErrorKind.AUTH for r in results):
        _say(stderr, "error: the API refused the access token; enter new credentials (pan123-gui) or set them anew")
        return EXIT_USAGE
    return EXIT_OK if all(r.ok for r in results) else EXIT_SOME_FAILED


def _input_text(inputs: Sequence[str], stderr: TextIO) -> str:
    if inputs:
        return "\n".join(inputs)
    stdin = sys.stdin
    if stdin is None:
        raise UsageError("no IDs given and no standard input")
    if stdin.isatty():
        _say(stderr, "reading IDs from standard input (end with Ctrl+D, or Ctrl+Z then Enter on Windows)")
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        return bytes(buffer.read()).decode("utf-8", errors="replace")
    return str(stdin.read())


def _open_client(args: argparse.Namespace, stderr: TextIO, sleep: Sleep | None) -> tuple[Pan123Client, str | None]:
    """The client and the sign key (when --sign). Credential problems raise UsageError."""
    from pan123_gui.core.credentials import SecretStore  # keyring is slow to import: only when needed

    try:
        store = SecretStore.open()
        if not store.persistent:
            reason = store.warning or "No usable keyring was found; secrets are kept in memory for this run only."
            _say(stderr, f"note: {reason} A newly fetched access token is not saved for the next run.")
        creds = store.load()
    except CredentialsError as err:
        raise UsageError(str(err)) from None
    register_credentials(creds)
    if creds.access_token is None and not creds.can_fetch_token:
        raise UsageError(
            "no credentials: set PAN123_ACCESS_TOKEN, or PAN123_CLIENT_ID and PAN123_CLIENT_SECRET, "
            "or sign in once with pan123-gui"
        )
    if args.sign and not creds.sign_key:
        raise UsageError("--sign needs the URL-signing key: set PAN123_SIGN_KEY or save it in pan123-gui")
    try:
        client = build_client(
            creds, store=store if store.persistent else None, rate=args.rate, base_url=args.api_base, sleep=sleep
        )
    except CredentialsError as err:
        raise UsageError(str(err)) from None
    return client, creds.sign_key if args.sign else None


def _resolve(
    client: Pan123Client,
    ids: list[int],
    sign: SignOptions | None,
    names: bool,
    writer: _Writer,
    stderr: TextIO,
) -> tuple[list[LinkResult], bool]:
    """Resolve on a background thread so Ctrl+C can cancel: finished rows are kept, the rest become CANCELLED."""
    resolver = Resolver(client, sign=sign, names=names)
    cancel = threading.Event()
    writer.on_broken_pipe = cancel.set
    box: dict[str, list[LinkResult]] = {}
    failure: list[BaseException] = []
    finished = threading.Event()

    def work() -> None:
        try:
            box["results"] = resolver.resolve(ids, writer.add, cancel)
        except BaseException as exc:  # reported by the main thread
            failure.append(exc)
        finally:
            finished.set()

    # Wait on an Event, not Thread.join: on Python 3.11 a Ctrl+C during join() marks a running thread as stopped.
    threading.Thread(target=work, name="pan123-link-resolve", daemon=True).start()
    interrupted = False
    try:
        while not finished.wait(0.1):
            pass
    except KeyboardInterrupt:
        interrupted = True
        cancel.set()
        _say(stderr, "cancelling… (press Ctrl+C again to stop at once)")
        try:
            while not finished.wait(0.1):
                pass
        except KeyboardInterrupt:
            writer.close()
            return writer.snapshot(), True
    if failure:
        raise failure[0]
    results = box.get("results", [])
    writer.finish(results)
    return results, interrupted


# ---- output --------------------------------------------------------------------------------------------------------


class _Writer:
    """Writes rows in input order as soon as the rows before them are done (so partial output survives Ctrl+C)."""

    def __init__(self, fmt: str, ids: list[int], stdout: TextIO, stderr: TextIO) -> None:
        self._fmt = fmt
        self._ids = ids
        self._out = stdout
        self._err = stderr
        self._lock = threading.Lock()
        self._rows: dict[int, LinkResult] = {}
        self._next = 0
        self._closed = False
        self.broken_pipe = False
        self.on_broken_pipe: Callable[[], None] | None = None
        if fmt == "csv":
            self._write(_csv_line(CSV_COLUMNS))

    def add(self, row: LinkResult) -> None:
        """Called from worker threads as each ID finishes."""
        with self._lock:
            if self._closed:
                return
            self._rows.setdefault(row.file_id, row)
            while self._next < len(self._ids) and self._ids[self._next] in self._rows:
                self._emit(self._rows[self._ids[self._next]])
                self._next += 1

    def finish(self, results: list[LinkResult]) -> None:
        """Make sure every returned row is written (rows the resolver filled in at the end included)."""
        for row in results:
            self.add(row)
        self.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._guard(self._out.flush)

    def snapshot(self) -> list[LinkResult]:
        with self._lock:
            return [self._rows[i] for i in self._ids if i in self._rows]

    def _emit(self, row: LinkResult) -> None:
        if self._fmt == "text":
            if row.url is not None:
                self._write(row.url + "\n")
            else:
                _say(self._err, f"{row.file_id}\t{_one_line(row.error or 'failed')}", prefix=False)
        elif self._fmt == "jsonl":
            self._write(json.dumps(_as_record(row), ensure_ascii=False) + "\n")
        else:
            record = _as_record(row)
            self._write(_csv_line(["" if record[c] is None else record[c] for c in CSV_COLUMNS]))

    def _write(self, text: str) -> None:
        def write() -> None:
            self._out.write(text)
            self._out.flush()

        self._guard(write)

    def _guard(self, write: Callable[[], object]) -> None:
        if self.broken_pipe:
            return
        try:
            write()
        except BrokenPipeError:  # the reader went away (| head): stop quietly
            self.broken_pipe = True
            self._closed = True
            _silence_stdout()
            if self.on_broken_pipe is not None:
                self.on_broken_pipe()


def _csv_line(cells: Sequence[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


def _as_record(row: LinkResult) -> dict[str, object]:
    """The export's record shape (core.export.result_record), with the error text redacted for the terminal."""
    record = result_record(row)
    if isinstance(record["error"], str):
        record["error"] = redact(record["error"])
    return record


def _one_line(text: str) -> str:
    return redact(" ".join(text.split()))


def _say(stderr: TextIO, message: str, *, prefix: bool = True) -> None:
    line = redact(message)
    try:
        stderr.write(f"{PROG}: {line}\n" if prefix else f"{line}\n")
        stderr.flush()
    except (OSError, ValueError):
        pass


# ---- process setup -------------------------------------------------------------------------------------------------


def _prefer_utf8(stream: TextIO) -> None:
    """Pipes and files get UTF-8 (names are Chinese); a console keeps its encoding but never fails on a character."""
    if not isinstance(stream, io.TextIOWrapper):
        return
    try:
        if codecs.lookup(stream.encoding).name == "utf-8":
            return
        if stream.isatty():
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8")
    except (LookupError, OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at devnull so the interpreter's final flush cannot complain."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


class _OneLine(logging.Formatter):
    """Log records as one redacted line, without tracebacks (unless verbose)."""

    def __init__(self, verbose: bool) -> None:
        super().__init__(f"{PROG}: %(levelname)s: %(message)s")
        self._verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        if self._verbose:
            return redact(super().format(record))
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            return redact(" ".join(super().format(record).split()))
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def _install_logging(stderr: TextIO, *, verbose: bool) -> logging.Handler:
    """Errors from the core as single redacted lines on stderr (everything, with tracebacks, with --verbose).

    The handler sits on the root logger only while ``main`` runs; the root level is left alone unless verbose.
    """
    handler = logging.StreamHandler(stderr)
    handler.setFormatter(_OneLine(verbose))
    handler.setLevel(logging.DEBUG if verbose else logging.ERROR)
    handler.addFilter(lambda record: record.levelno >= logging.INFO or not record.name.startswith("httpcore"))
    root = logging.getLogger()
    root.addHandler(handler)
    if verbose:
        root.setLevel(logging.DEBUG)
    return handler


if __name__ == "__main__":
    sys.exit(main())
