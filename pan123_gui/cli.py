"""``pan123-link``: turn 123pan file IDs (or any text containing them) into direct links on the command line.

    pan123-link 10861131 10861132            links, one per line, in input order
    pan123-link < ids.txt                    IDs from standard input when there are no arguments
    pan123-link export.csv                   IDs from a file (decoded as the window reads a dropped file)
    pan123-link --format jsonl --names ...   one JSON object per unique ID (csv, json and aria2 work too)
    pan123-link --output links.csv ...       write the file as the window's Export does (CSV with a BOM)
    pan123-link --sign --valid-for 60 ...    signed links (key from PAN123_SIGN_KEY or the keyring)
    pan123-link --demo                       the sample files of the built-in stand-in API; no account needed

Credentials come from the keyring (saved by the window) or the environment (PAN123_ACCESS_TOKEN, or
PAN123_CLIENT_ID + PAN123_CLIENT_SECRET; the environment wins). Exit status: 0 every ID resolved, 1 some failed,
2 usage or credential problems (including a token or client secret the API refused), 130 cancelled with Ctrl+C.
Messages go to stderr as one plain line each: never a traceback, never a secret.
"""

from __future__ import annotations

import argparse
import codecs
import io
import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pan123_gui import __version__
from pan123_gui.cli_folders import FOLDER_HINT, Collected, collect, write_list
from pan123_gui.cli_shares import SHARE_FORMATS, default_share_name, parse_password, run_share, space_change_line
from pan123_gui.core.client import Pan123Client, build_client
from pan123_gui.core.errors import AuthError, CredentialsError, ErrorKind, Pan123Error
from pan123_gui.core.expand import Target, located, target_error_row
from pan123_gui.core.export import (
    ALL_FORMATS,
    CSV_COLUMNS,
    ExportSummary,
    csv_cells,
    csv_line,
    english_error,
    jsonl_line,
    write_export,
)
from pan123_gui.core.ids import Ref, scan_ids
from pan123_gui.core.inert import escape_controls, json_inert
from pan123_gui.core.limiter import DIRECT_LINK_RATE
from pan123_gui.core.models import LinkResult
from pan123_gui.core.printable import encodable
from pan123_gui.core.resolver import Resolver, SignOptions
from pan123_gui.core.retry import Sleep
from pan123_gui.core.shares import ShareExpiry
from pan123_gui.core.signing import DEFAULT_VALIDITY, MAX_VALIDITY, MIN_RECOMMENDED_VALIDITY
from pan123_gui.core.spaces import TopFolderFinder, enable_and_retry, locate_space_folders
from pan123_gui.core.text_files import FileIssueError, FileProblem, NotTextError, decode_text, read_text_file
from pan123_gui.logs import redact, register_credentials

if TYPE_CHECKING:
    from pan123_gui.core.credentials import SecretStore
    from pan123_gui.demo.fake_api import FakeApiServer

PROG = "pan123-link"
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_CANCELLED = 130
#: --format name -> the export format (core.export) it writes
FORMATS = {"text": ".txt", "jsonl": ".jsonl", "csv": ".csv", "json": ".json", "aria2": ".aria2"}
_STREAMED = frozenset({"text", "jsonl", "csv"})  # written row by row, in input order, as the rows finish
_LINKS_ONLY = frozenset({"text", "aria2"})  # failures go to stderr as "ID<TAB>reason"
MIN_VALID_MINUTES = 1
SHARE_EXPIRES = [int(e) for e in (ShareExpiry.ONE_DAY, ShareExpiry.SEVEN_DAYS, ShareExpiry.THIRTY_DAYS)] + [0]
MAX_VALID_MINUTES = int(MAX_VALIDITY.total_seconds()) // 60  # as the window's Settings

log = logging.getLogger(__name__)


class UsageError(Exception):
    """A problem the user fixes by changing the command or the setup (exit 2)."""


def main(argv: Sequence[str] | None = None, *, sleep: Sleep | None = None) -> int:
    """Run ``pan123-link`` with ``argv``; ``sleep`` replaces the back-off wait between retries (tests)."""
    stdout, stderr = sys.stdout, sys.stderr
    _prefer_utf8(stdout)
    _prefer_utf8(stderr)
    try:
        args = build_parser().parse_args(argv)
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


def _valid_minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not MIN_VALID_MINUTES <= value <= MAX_VALID_MINUTES:
        raise argparse.ArgumentTypeError(
            f"must be between {MIN_VALID_MINUTES} and {MAX_VALID_MINUTES} minutes ({MAX_VALIDITY.days} days)"
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    """Every option of ``pan123-link``, in one place (add new ones here)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn 123pan (123云盘) file IDs into direct links. Reads standard input when no ID is given.",
        epilog=(
            "Credentials: the keyring entries saved by pan123-gui, or PAN123_ACCESS_TOKEN, or PAN123_CLIENT_ID and "
            "PAN123_CLIENT_SECRET (environment variables win). Exit status: 0 all resolved, 1 some failed, "
            "2 usage or credential problem, 130 cancelled."
        ),
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="ID_OR_FILE",
        help="file IDs, text/URLs containing them, or files to read them from (.txt, .csv, .json; any encoding "
        "the window reads: UTF-8, UTF-16, GB18030)",
    )
    parser.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default=None,
        help="text: one link per line, failures on stderr (default); jsonl: one JSON object per ID; csv: a table; "
        "json: a list of objects; aria2: an input file for aria2c -i (default with --output: from its suffix)",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        type=Path,
        help="write to FILE as the window's Export does (CSV with a BOM for Excel) and say what was written",
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
        type=_valid_minutes,
        metavar="MINUTES",
        help=f"how long signed links stay valid, {MIN_VALID_MINUTES} to {MAX_VALID_MINUTES} "
        f"(default {int(DEFAULT_VALIDITY.total_seconds() // 60)}; needs --sign)",
    )
    parser.add_argument(
        "--encoded-path", action="store_true", help="sign the percent-encoded path instead of the decoded one"
    )
    parser.add_argument("--names", action="store_true", help="also look up file names, sizes and paths")
    parser.add_argument(
        "--recursive",
        "-r",
        action="store_true",
        help="replace each folder (a folder ID, or a 123pan web address with homeFilePath=) by the files under it, "
        "all levels deep",
    )
    parser.add_argument(
        "--search",
        metavar="TEXT",
        help="also take the files of your drive whose names match TEXT (fuzzy, as 123pan searches)",
    )
    parser.add_argument(
        "--list", action="store_true", help="print the files (fileID, path, size) without asking for links"
    )
    parser.add_argument(
        "--enable-space",
        action="store_true",
        help="switch on the direct-link space of each top-level folder the files outside one need (each once; this "
        "changes your account, needs VIP and uses direct-link traffic), then get their links; without it nothing "
        "in the account changes",
    )
    parser.add_argument(
        "--share",
        action="store_true",
        help="make share links (分享链接) instead of direct links: no VIP or direct-link space needed; one share per "
        "100 files or folders",
    )
    parser.add_argument("--share-name", metavar="NAME", help="the share's name (default: the first file and the date)")
    parser.add_argument(
        "--share-expire",
        type=int,
        choices=[
            int(e)
            for e in (ShareExpiry.ONE_DAY, ShareExpiry.SEVEN_DAYS, ShareExpiry.THIRTY_DAYS, ShareExpiry.PERMANENT)
        ],
        default=int(ShareExpiry.SEVEN_DAYS),
        metavar="{1,7,30,0}",
        help="days the share works: 1, 7 (default) or 30; 0 = permanent",
    )
    parser.add_argument(
        "--share-password",
        metavar="CODE",
        help="the extraction code (提取码): 1 to 16 letters or digits, or auto for a generated one (default: none)",
    )
    parser.add_argument("--api-base", metavar="URL", help="API base URL (default: PAN123_API_BASE or the real API)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the built-in stand-in API with its sample files (no account, no keyring); "
        "without IDs it resolves the sample IDs",
    )
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
    if args.demo and args.api_base is not None:
        raise UsageError("--demo uses its own stand-in API; leave out --api-base")
    _check_share_options(args)
    fmt = _output_format(args)
    search = args.search.strip() if args.search is not None else None
    if args.search is not None and not search:
        raise UsageError("--search needs some text")
    if args.list and fmt == "aria2":
        raise UsageError("--list writes text, jsonl, csv or json")
    # with --search alone the input is the search: standard input is not read
    text = "" if search and not args.inputs else _input_text(args.inputs, stderr, demo=args.demo)
    scan = scan_ids(text)
    ids = scan.ids
    if not scan.refs and not search:
        raise UsageError("no file IDs or folder addresses found in the input")
    with_targets = bool(args.recursive or search or args.list or args.names or scan.folders)

    demo = _start_demo() if args.demo else None
    try:
        store: SecretStore | None = None
        if demo is not None:
            client, sign_key = _demo_client(demo, args, sleep)
        else:
            client, sign_key, store = _open_client(args, stderr, sleep)
        noted = len(store.notes) if store is not None else 0  # _open_client printed those
        try:
            sign = None
            if args.sign:
                minutes = args.valid_for if args.valid_for is not None else int(DEFAULT_VALIDITY.total_seconds() // 60)
                if timedelta(minutes=minutes) < MIN_RECOMMENDED_VALIDITY:
                    limit = int(MIN_RECOMMENDED_VALIDITY.total_seconds() // 60)
                    _say(stderr, f"note: links valid for less than {limit} minutes may fail to open")
                assert sign_key is not None
                sign = SignOptions(key=sign_key, valid_for=timedelta(minutes=minutes), encoded_path=args.encoded_path)
            targets: dict[int, Target] = {}
            if with_targets:
                collected = _collect(client, scan.refs, args, search, stderr)
                if collected is None:
                    return EXIT_CANCELLED
                if search and not collected.hits and not collected.targets:
                    _say(stderr, f"no file on the drive has a name matching {search!r}")
                    return EXIT_SOME_FAILED
                if search and not collected.hits:
                    _say(stderr, f"note: no file on the drive has a name matching {search!r}")
                if args.list:
                    return _print_list(collected.targets, fmt, stdout, stderr, output=args.output)
                if args.share:
                    return _share(client, [t.file_id for t in collected.targets], args, fmt, stdout, stderr)
                targets = {t.file_id: t for t in collected.targets}
                ids = list(targets)
                if not ids:
                    _say(stderr, "no files in the folders given")
                    return EXIT_SOME_FAILED
            if args.share:
                return _share(client, ids, args, fmt, stdout, stderr)
            writer = _Writer(fmt, ids, stdout, stderr, output=args.output, targets=targets)
            results, interrupted = _resolve(
                client, ids, sign, args.names and not targets, writer, stderr, enable_space=args.enable_space
            )
        finally:
            client.close()
            if store is not None:
                _say_notes(stderr, store.notes, noted)  # e.g. a new token the keyring refused to save
    finally:
        if demo is not None:
            demo.stop()

    if writer.broken_pipe or writer.output_failed:
        return EXIT_SOME_FAILED
    if interrupted:
        done = sum(1 for r in results if r.error_kind is not ErrorKind.CANCELLED)
        _say(stderr, f"cancelled: {done} of {len(ids)} IDs finished")
        return EXIT_CANCELLED
    if any(r.error_kind is ErrorKind.AUTH for r in results):
        _say(stderr, "error: the API refused the access token; enter new credentials (pan123-gui) or set them anew")
        return EXIT_USAGE
    return EXIT_OK if all(r.ok for r in results) else EXIT_SOME_FAILED


def _check_share_options(args: argparse.Namespace) -> None:
    if not args.share:
        for option, given in (
            ("--share-name", args.share_name is not None),
            ("--share-password", args.share_password is not None),
            ("--share-expire", args.share_expire != int(ShareExpiry.SEVEN_DAYS)),
        ):
            if given:
                raise UsageError(f"{option} needs --share")
        return
    for option, given in (
        ("--sign", args.sign),
        ("--enable-space", args.enable_space),
        ("--list", args.list),
        ("--output", args.output is not None),
    ):
        if given:
            raise UsageError(f"--share makes share links: leave out {option}")
    if (args.format or "text") not in SHARE_FORMATS:
        raise UsageError("--share writes text, jsonl or json")
    if args.share_name is not None and not args.share_name.strip():
        raise UsageError("--share-name needs a name")
    try:
        args.share_code = parse_password(args.share_password)
    except ValueError as err:
        raise UsageError(str(err)) from None


def _share(
    client: Pan123Client, ids: Sequence[int], args: argparse.Namespace, fmt: str, stdout: TextIO, stderr: TextIO
) -> int:
    """--share: share links for the files and folders given (folders as they are), one per 100."""
    if not ids:
        _say(stderr, "nothing to share")
        return EXIT_SOME_FAILED
    name = args.share_name
    if name is None:
        first = client.file_infos(ids[:1]).get(ids[0])
        name = default_share_name(first.name if first is not None else None, len(ids), date.today())
    results, interrupted = run_share(
        client,
        ids,
        name=name,
        expire=ShareExpiry(args.share_expire),
        password=args.share_code,
        fmt=fmt,
        stdout=stdout,
        say=lambda line: _say(stderr, line, prefix=False),
    )
    if interrupted:
        _say(stderr, f"cancelled: {sum(1 for r in results if r.ok)} of {len(results)} shares made")
        return EXIT_CANCELLED
    if any(r.error_kind is ErrorKind.AUTH for r in results):
        _say(stderr, "error: the API refused the access token; enter new credentials (pan123-gui) or set them anew")
        return EXIT_USAGE
    return EXIT_OK if results and all(r.ok for r in results) else EXIT_SOME_FAILED


def _output_format(args: argparse.Namespace) -> str:
    """The --format, else the --output file's suffix when it names one, else text. Checks --output's folder."""
    output: Path | None = args.output
    if output is None:
        return str(args.format or "text")
    if output.is_dir():
        raise UsageError(f"--output {output} is a folder; give a file name")
    if not output.parent.is_dir():
        raise UsageError(f"--output {output}: the folder {output.parent} does not exist")
    if args.format is not None:
        return str(args.format)
    by_suffix = {suffix: name for name, suffix in FORMATS.items()}
    return by_suffix.get(output.suffix.lower(), "text")


_FILE_PROBLEMS = {
    FileProblem.FOLDER: "is a folder",
    FileProblem.MISSING: "does not exist",
    FileProblem.UNREADABLE: "cannot be read",
    FileProblem.TOO_BIG: "is too big for a list of IDs",
    FileProblem.BINARY: "is not a text file",
    FileProblem.ENCODING: "is not in an encoding pan123-link knows (UTF-8, UTF-16 with BOM, GB18030)",
    FileProblem.NO_IDS: "holds no file IDs",
}


def _read_file_argument(path: Path) -> str:
    """A file named on the command line, decoded exactly as the window reads a dropped file."""
    try:
        return read_text_file(path)
    except FileIssueError as err:
        issue = err.issue
        detail = f" ({issue.detail})" if issue.problem is FileProblem.UNREADABLE and issue.detail else ""
        raise UsageError(f"{issue.name} {_FILE_PROBLEMS[issue.problem]}{detail}") from None


def _is_file_argument(text: str) -> bool:
    if text.strip().isdigit():  # an ID, even if a file of that name happens to exist
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # too long for a path, a NUL byte: text
        return False


#: what a file argument is named like (the files the window reads); such a name that is not a file is a mistake
_FILE_SUFFIXES = (".txt", ".csv", ".tsv", ".json", ".jsonl")


def _names_a_missing_file(text: str) -> bool:
    """``ids.txt`` given but not there (a typo, another folder): say so instead of reading the name as text, which
    holds no IDs, so the file's IDs would be left out without a word."""
    return (
        "://" not in text
        and not any(c.isspace() for c in text)
        and text.lower().endswith(_FILE_SUFFIXES)
        and not _is_file_argument(text)
    )


def _input_text(inputs: Sequence[str], stderr: TextIO, *, demo: bool = False) -> str:
    if inputs:
        for arg in inputs:
            if _names_a_missing_file(arg):
                raise UsageError(f"{arg} {_FILE_PROBLEMS[FileProblem.MISSING]}")
        return "\n".join(_read_file_argument(Path(arg)) if _is_file_argument(arg) else arg for arg in inputs)
    stdin = sys.stdin
    if demo and (stdin is None or stdin.isatty()):
        from pan123_gui.demo.samples import DEMO_IDS_TEXT

        return DEMO_IDS_TEXT
    if stdin is None:
        raise UsageError("no IDs given and no standard input")
    if stdin.isatty():
        _say(stderr, "reading IDs from standard input (end with Ctrl+D, or Ctrl+Z then Enter on Windows)")
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:
        return str(stdin.read())
    try:  # the window's own decoding: BOMs, UTF-16, UTF-8, GB18030 (a CSV saved by Excel on Chinese Windows)
        return decode_text(bytes(buffer.read()))
    except NotTextError as err:
        problem = _FILE_PROBLEMS[err.problem]
        raise UsageError(f"standard input {problem}") from None


def _start_demo() -> FakeApiServer:
    from pan123_gui.demo.fake_api import FakeApiServer

    server = FakeApiServer()
    server.add_sample_files()
    server.start()
    return server


def _demo_client(
    server: FakeApiServer, args: argparse.Namespace, sleep: Sleep | None
) -> tuple[Pan123Client, str | None]:
    """A client on the stand-in API with its own token and signing key: no keyring, no environment."""
    from pan123_gui.core.credentials import Credentials
    from pan123_gui.demo.samples import DEMO_SIGN_KEY

    creds = Credentials(access_token=server.issue_token(), sign_key=DEMO_SIGN_KEY)
    client = build_client(creds, rate=args.rate, base_url=server.base_url, sleep=sleep)
    return client, DEMO_SIGN_KEY if args.sign else None


def _keyring_needed(args: argparse.Namespace) -> bool:
    """Whether this run reads a secret from the keyring or would save a token there (not with an env token)."""
    from pan123_gui.core.credentials import ENV_ACCESS_TOKEN, ENV_SIGN_KEY

    has_env = {name: bool(os.environ.get(name, "").strip()) for name in (ENV_ACCESS_TOKEN, ENV_SIGN_KEY)}
    return not has_env[ENV_ACCESS_TOKEN] or (args.sign and not has_env[ENV_SIGN_KEY])


def _open_client(
    args: argparse.Namespace, stderr: TextIO, sleep: Sleep | None
) -> tuple[Pan123Client, str | None, SecretStore]:
    """The client, the sign key (when --sign) and the store. Credential problems raise UsageError.

    A run that needs no keyring (a token in the environment) does not open it at all, so a locked, broken or stuck
    keyring cannot stop it. The store's notes so far are printed."""
    from pan123_gui.core.credentials import SecretStore  # keyring is slow to import: only when needed

    try:
        if _keyring_needed(args):
            store = SecretStore.open()
            if not store.persistent:
                reason = store.warning or "No usable keyring was found; secrets are kept in memory for this run only."
                _say(stderr, f"note: {reason} A newly fetched access token is not saved for the next run.")
        else:
            store = SecretStore.memory()
        creds = store.load(sign_key=args.sign)
    except CredentialsError as err:
        raise UsageError(str(err)) from None
    noted = _say_notes(stderr, store.notes, 0)  # a value rejected, a saved token discarded, …
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
    try:
        _first_token(client)
    except BaseException:
        client.close()
        raise
    finally:
        _say_notes(stderr, store.notes, noted)  # e.g. the first token, which the keyring refused to save
    return client, creds.sign_key if args.sign else None, store


def _say_notes(stderr: TextIO, notes: Sequence[str], since: int) -> int:
    """Print ``notes[since:]`` as ``note:`` lines; how many notes there are now."""
    for note in notes[since:]:
        _say(stderr, f"note: {note}")
    return len(notes)


def _first_token(client: Pan123Client) -> None:
    """Without a token, fetch one with the client ID and secret now, so a refused secret is named as such
    (not as a refused token on every row). Any other failure is left to the run, which reports it per ID."""
    tokens = client.tokens
    if tokens.token is not None or not tokens.can_refresh:
        return
    try:
        tokens.current()
    except AuthError:
        raise UsageError(
            "the API refused the client ID and client secret: check them (PAN123_CLIENT_ID and "
            "PAN123_CLIENT_SECRET, or Credentials in pan123-gui)"
        ) from None
    except Pan123Error as err:
        log.debug("fetching the first token failed (%s); the run reports it per ID", err.kind)


def _collect(
    client: Pan123Client, refs: Sequence[Ref], args: argparse.Namespace, search: str | None, stderr: TextIO
) -> Collected | None:
    """The files to resolve, folders expanded (with --recursive) and search hits added; None after Ctrl+C."""
    collected = collect(
        client,
        refs,
        recursive=args.recursive,
        search=search,
        on_interrupt=lambda: _say(stderr, "cancelled while reading the folders"),
    )
    return collected


def _print_list(targets: Sequence[Target], fmt: str, stdout: TextIO, stderr: TextIO, *, output: Path | None) -> int:
    """--list: the files without links; folders that could not be listed go to stderr as ``ID<TAB>reason``."""
    for target in targets:
        if target.error is not None:
            row = target_error_row(target)
            words = _error_words(row) if row is not None else str(target.error)
            _say(stderr, f"{target.file_id}\t{_one_line(words)}", prefix=False)
    files = [t for t in targets if t.error is None]
    if output is not None:
        from pan123_gui.cli_folders import list_text
        from pan123_gui.core.atomic_write import write_atomically

        try:
            write_atomically(output, list_text(files, fmt).encode("utf-8"), mode=0o644)
        except OSError as err:
            _say(stderr, f"error: could not write {output}: {err.strerror or type(err).__name__}")
            return EXIT_SOME_FAILED
        _say(stderr, f"{_count(len(files), 'file')} listed in {output}", prefix=False)
    else:
        try:
            write_list(files, fmt, stdout)
        except BrokenPipeError:
            _silence_stdout()
    return EXIT_OK if len(files) == len(targets) else EXIT_SOME_FAILED


def _resolve(
    client: Pan123Client,
    ids: list[int],
    sign: SignOptions | None,
    names: bool,
    writer: _Writer,
    stderr: TextIO,
    *,
    enable_space: bool = False,
) -> tuple[list[LinkResult], bool]:
    """Resolve on a background thread so Ctrl+C can cancel: finished rows are kept, the rest become CANCELLED.

    Rows outside a direct-link space are held back until the end, then all looked up at once (their top-level
    folder, 100 files a call) and, with ``enable_space``, those folders switched on (each once) and their links
    asked for again."""
    resolver = Resolver(client, sign=sign, names=names)
    cancel = threading.Event()
    writer.on_broken_pipe = cancel.set
    writer.hold_outside = True
    premade = writer.premade()  # folders and files in the recycle bin known from the listing: no link request
    for row in premade.values():
        writer.add(row)
    ids = [i for i in ids if i not in premade]
    box: dict[str, list[LinkResult]] = {}
    failure: list[BaseException] = []
    finished = threading.Event()

    def work() -> None:
        try:
            box["results"] = resolver.resolve(ids, writer.add, cancel)
            held = writer.held_rows()
            if held and not cancel.is_set():
                finder = TopFolderFinder(client)
                if enable_space:
                    rows, changes = enable_and_retry(client, resolver, held, finder, cancel)
                    for change in changes:
                        _say(stderr, space_change_line(change))
                else:
                    rows = locate_space_folders(finder, held, cancel)
                writer.release(rows)
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
            writer.release(writer.held_rows())
            writer.close()
            return writer.snapshot(), True
    if failure:
        raise failure[0]
    results = box.get("results", [])
    writer.finish(results)
    return writer.snapshot(), interrupted


# ---- output --------------------------------------------------------------------------------------------------------


class _Writer:
    """Writes rows in input order as soon as the rows before them are done (so partial output survives Ctrl+C).

    text, jsonl and csv on stdout are written row by row; json, aria2 and every ``--output`` file are written
    once at the end, from the same export code as the window. Failures of the link-only formats (text, aria2) go
    to stderr as ``ID<TAB>reason``, row by row.
    """

    def __init__(
        self,
        fmt: str,
        ids: list[int],
        stdout: TextIO,
        stderr: TextIO,
        *,
        output: Path | None,
        targets: Mapping[int, Target] | None = None,
    ) -> None:
        self._fmt = fmt
        self._ids = ids
        self._targets = dict(targets or {})  # where each file is (with --recursive, --search, --names)
        self._out = stdout
        self._err = stderr
        self._output = output
        self._streamed = output is None and fmt in _STREAMED
        self._lock = threading.Lock()
        self._rows: dict[int, LinkResult] = {}
        self._next = 0
        self._closed = False
        self.broken_pipe = False
        self.output_failed = False
        self.on_broken_pipe: Callable[[], None] | None = None
        self.hold_outside = False  # rows outside a direct-link space wait for release() (their folder is looked up)
        self._held: dict[int, LinkResult] = {}
        if self._streamed and fmt == "csv":
            self._write(csv_line(CSV_COLUMNS))

    def premade(self) -> dict[int, LinkResult]:
        """Rows known without a link request: folders (and those that could not be listed), trashed files."""
        rows = {}
        for file_id, target in self._targets.items():
            row = target_error_row(target)
            if row is not None:
                rows[file_id] = row
        return rows

    def add(self, row: LinkResult, *, held: bool = True) -> None:
        """Called from worker threads as each ID finishes (a row outside a direct-link space is held back while
        ``hold_outside``, unless ``held`` is False)."""
        row = located(row, self._targets.get(row.file_id))
        with self._lock:
            if self._closed:
                return
            if held and self.hold_outside and row.error_kind is ErrorKind.NOT_DIRECT_LINK_SPACE:
                if row.file_id not in self._rows:
                    self._held.setdefault(row.file_id, row)
                return
            self._held.pop(row.file_id, None)
            self._rows.setdefault(row.file_id, row)
            while self._next < len(self._ids) and self._ids[self._next] in self._rows:
                self._emit(self._rows[self._ids[self._next]])
                self._next += 1

    def held_rows(self) -> list[LinkResult]:
        """The rows held back so far, in input order."""
        with self._lock:
            return [self._held[i] for i in self._ids if i in self._held]

    def release(self, rows: Sequence[LinkResult]) -> None:
        """Write held rows (now naming their folder, or fetched again) in their places."""
        for row in rows:
            self.add(row, held=False)

    def finish(self, results: list[LinkResult]) -> None:
        """Make sure every returned row is written (rows the resolver filled in at the end included), then write
        the formats that are written whole."""
        self.release(self.held_rows())  # whatever was not looked up (a cancel, a failed lookup) as it is
        for row in results:
            self.add(row)
        self.close()
        if self._streamed or self.broken_pipe:
            return
        rows = self.snapshot()
        suffix = FORMATS[self._fmt]
        if self._output is None:
            self._write(ALL_FORMATS[suffix](rows, _error_words))
            return
        try:
            summary = write_export(self._output, rows, suffix, error_text=_error_words)
        except OSError as err:
            self.output_failed = True
            _say(self._err, f"error: could not write {self._output}: {err.strerror or type(err).__name__}")
            return
        _say(self._err, _exported_words(summary, str(self._output)), prefix=False)

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._guard(self._out.flush)

    def snapshot(self) -> list[LinkResult]:
        with self._lock:
            return [self._rows[i] for i in self._ids if i in self._rows]

    def _emit(self, row: LinkResult) -> None:
        if self._fmt in _LINKS_ONLY and row.url is None:
            _say(self._err, f"{row.file_id}\t{_one_line(_error_words(row))}", prefix=False)
        if not self._streamed:
            return
        if self._fmt == "text":
            if row.url is not None:
                self._write(row.url + "\n")
        elif self._fmt == "jsonl":
            self._write(json_inert(jsonl_line(row, _error_words)))
        else:  # server text (names, messages) inert: control characters as visible escapes
            cells = csv_cells(row, _error_words)
            self._write(csv_line([escape_controls(c) if isinstance(c, str) else c for c in cells]))

    def _write(self, text: str) -> None:
        def write() -> None:
            self._out.write(encodable(text))
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


def _error_words(row: LinkResult) -> str:
    """A row's error in the CLI's words (English, redacted) for every format; a folder row says how to get the
    files inside."""
    if row.error_kind is ErrorKind.IS_FOLDER:
        return FOLDER_HINT
    words = redact(english_error(row))
    if row.error_kind is ErrorKind.NOT_DIRECT_LINK_SPACE:
        folder = row.space_folder
        if folder is not None:
            return (
                f"{words} — its top-level folder “{_one_line(folder.name)}” (ID {folder.file_id}) is not a "
                "direct-link space; --enable-space switches it on"
            )
        if row.at_drive_top:
            return f"{words} — the file is at the top of the drive: move it into a folder first"
    return words


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _exported_words(summary: ExportSummary, name: str) -> str:
    """What an export wrote, as the window says it: "2 links exported to x.txt, 3 rows without a link left out"."""
    if summary.fmt in (".txt", ".aria2"):
        words = f"{_count(summary.written, 'link')} exported to {name}"
        if summary.left_out:
            words += f", {_count(summary.left_out, 'row')} without a link left out"
        return words
    return f"{_count(summary.written, 'row')} exported to {name}"


def _one_line(text: str) -> str:
    return escape_controls(" ".join(redact(text).split()))


def _say(stderr: TextIO, message: str, *, prefix: bool = True) -> None:
    line = escape_controls(redact(message), keep="\t")  # server text must not drive the terminal
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
