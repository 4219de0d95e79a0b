"""``pan123-link`` against the fake API: in-process ``main([...])`` and real subprocesses, with faults switched on."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from pan123_gui import __version__
from pan123_gui.cli import main
from pan123_gui.core.export import COLUMNS, CSV_COLUMNS
from pan123_gui.core.retry import Sleep
from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    DEMO_IDS_TEXT,
    DEMO_TEXT_IDS,
    FOLDER_ID,
    NOT_DIRECT_LINK_ID,
    SAMPLE_FILES,
    TRASHED_ID,
    UNKNOWN_ID,
    VIDEO_ID,
)

REPO = Path(__file__).resolve().parents[1]
GOOD_IDS = [f.file_id for f in SAMPLE_FILES if f.direct_link and not f.folder and not f.trashed]
BAD_IDS = [NOT_DIRECT_LINK_ID, FOLDER_ID, UNKNOWN_ID]
SIGN_KEY = "test-sign-key-0123456789"
ENV_NAMES = ("PAN123_ACCESS_TOKEN", "PAN123_CLIENT_ID", "PAN123_CLIENT_SECRET", "PAN123_SIGN_KEY", "PAN123_API_BASE")


@pytest.fixture
def api(fake_api: FakeApiServer) -> FakeApiServer:
    fake_api.set_rate("direct-link/url", 200.0)  # the client below runs at --rate 200 too: quick tests
    return fake_api


@pytest.fixture
def env(api: FakeApiServer, monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> dict[str, str]:
    """Client credentials for the fake in the environment (a token is fetched on first use)."""
    values = {
        "PAN123_API_BASE": api.base_url,
        "PAN123_CLIENT_ID": api.client_id,
        "PAN123_CLIENT_SECRET": api.client_secret,
    }
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


@pytest.fixture
def token_env(api: FakeApiServer, env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> str:
    """Only a pasted access token (no client credentials): it cannot be refreshed."""
    token = api.issue_token().value
    monkeypatch.delenv("PAN123_CLIENT_ID")
    monkeypatch.delenv("PAN123_CLIENT_SECRET")
    monkeypatch.setenv("PAN123_ACCESS_TOKEN", token)
    return token


def run(capsys: pytest.CaptureFixture[str], *args: str, sleep: Sleep | None = None) -> tuple[int, str, str]:
    code = main(["--rate", "200", *args], sleep=sleep)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def stdin_of(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


# ---- formats -----------------------------------------------------------------------------------------------------


def test_text_prints_links_in_input_order(api: FakeApiServer, env: dict[str, str], capsys: Any) -> None:
    ids = list(reversed(GOOD_IDS))
    code, out, err = run(capsys, *map(str, ids))
    assert code == 0
    assert out.splitlines() == [api.expected_url(i) for i in ids]
    assert err == ""


def test_text_failures_go_to_stderr_and_exit_1(api: FakeApiServer, env: dict[str, str], capsys: Any) -> None:
    code, out, err = run(capsys, str(VIDEO_ID), str(UNKNOWN_ID), str(NOT_DIRECT_LINK_ID), str(FOLDER_ID))
    assert code == 1
    assert out.splitlines() == [api.expected_url(VIDEO_ID)]
    lines = err.splitlines()
    assert [line.split("\t")[0] for line in lines] == [str(UNKNOWN_ID), str(NOT_DIRECT_LINK_ID), str(FOLDER_ID)]
    assert all(len(line.split("\t")) == 2 and line.split("\t")[1] for line in lines)
    assert "5066" in lines[0]


def test_jsonl_one_object_per_unique_id(api: FakeApiServer, env: dict[str, str], capsys: Any) -> None:
    code, out, _ = run(capsys, "--format", "jsonl", "--names", DEMO_IDS_TEXT)
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["fileID"] for r in rows] == list(DEMO_TEXT_IDS)
    by_id = {r["fileID"]: r for r in rows}
    for file_id in DEMO_TEXT_IDS:
        row = by_id[file_id]
        assert isinstance(row["fileID"], int)
        if file_id in BAD_IDS:
            assert row["url"] is None and isinstance(row["error"], str) and row["error"]
        else:
            assert row["url"] == api.expected_url(file_id) and row["error"] is None
            sample = api.file(file_id)
            assert sample is not None
            assert (row["name"], row["size"]) == (sample.name, sample.size)
            assert row["expiresAt"] is None
    assert by_id[UNKNOWN_ID]["errorCode"] == 5066 and by_id[UNKNOWN_ID]["errorKind"] == "not_found"
    assert by_id[NOT_DIRECT_LINK_ID]["errorKind"] == "not_direct_link_space"
    # with --names the folder is known before any direct-link request: plain words, no "API error 400"
    assert by_id[FOLDER_ID]["errorKind"] == "is_folder" and by_id[FOLDER_ID]["errorCode"] is None
    # a folder stays one row, which says how to get the files inside
    assert by_id[FOLDER_ID]["error"] == "This ID is a folder; add --recursive (-r) to get the links of the files inside"
    assert by_id[FOLDER_ID]["name"] == "直链素材"


def test_folder_and_trashed_file_kinds(api: FakeApiServer, env: dict[str, str], capsys: Any) -> None:
    for names in ([], ["--names"]):
        code, out, _ = run(capsys, "--format", "jsonl", *names, str(FOLDER_ID), str(TRASHED_ID))
        assert code == 1
        rows = {r["fileID"]: r for r in map(json.loads, out.splitlines())}
        assert rows[FOLDER_ID]["errorKind"] == "is_folder"  # without names: from the API's own folder answer
        assert rows[TRASHED_ID]["errorKind"] == ("trashed" if names else "not_found")


def test_csv_with_header(api: FakeApiServer, env: dict[str, str], capsys: Any) -> None:
    code, out, _ = run(capsys, "--format", "csv", "--names", str(VIDEO_ID), str(UNKNOWN_ID), "10861140")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0] == ",".join(CSV_COLUMNS)  # the window's CSV layout
    header = "fileID,name,path,size,url,expiresAt,error,errorKind,errorCode,traceID,spaceFolderID,spaceFolderName"
    assert out.splitlines()[0] == header
    assert [int(r["fileID"]) for r in rows] == [VIDEO_ID, UNKNOWN_ID, 10861140]
    assert rows[0]["url"] == api.expected_url(VIDEO_ID) and rows[0]["name"] == "我从草原来.mp4"
    assert rows[0]["size"] == "187654321" and rows[0]["error"] == ""
    assert rows[1]["url"] == "" and "5066" in rows[1]["error"]
    assert rows[2]["name"] == "100% 纯音乐 #1.mp3"


def test_duplicates_and_text_are_understood(api: FakeApiServer, env: dict[str, str], capsys: Any) -> None:
    text = f"see https://open-api.123pan.com/api/v1/direct-link/url?fileID={VIDEO_ID} and {VIDEO_ID}, 10861133"
    code, out, _ = run(capsys, text, str(VIDEO_ID))
    assert code == 0
    assert out.splitlines() == [api.expected_url(VIDEO_ID), api.expected_url(10861133)]


def test_stdin_when_no_arguments(
    api: FakeApiServer, env: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin_of(monkeypatch, DEMO_IDS_TEXT)
    code, out, _ = run(capsys, "--format", "jsonl")
    assert code == 1
    assert [json.loads(line)["fileID"] for line in out.splitlines()] == list(DEMO_TEXT_IDS)


def test_signed_links(api: FakeApiServer, env: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAN123_SIGN_KEY", SIGN_KEY)
    code, out, err = run(capsys, "--format", "jsonl", "--sign", "--valid-for", "45", str(VIDEO_ID), "10861133")
    assert code == 0, err
    for line in out.splitlines():
        row = json.loads(line)
        parts = urlsplit(row["url"])
        plain = api.expected_url(row["fileID"])
        assert row["url"].startswith(plain + "?auth_key=")
        _timestamp, _rand, uid, digest = parse_qs(parts.query)["auth_key"][0].split("-")
        assert int(uid) == api.uid and len(digest) == 32
        assert row["expiresAt"] is not None
    assert SIGN_KEY not in out + err
    assert api.calls("user/info") == 1  # the uid is asked for once


def test_short_validity_is_allowed_with_a_note(
    api: FakeApiServer, env: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAN123_SIGN_KEY", SIGN_KEY)
    code, out, err = run(capsys, "--sign", "--valid-for", "2", str(VIDEO_ID))
    assert code == 0 and "auth_key=" in out
    assert "less than 5 minutes" in err


# ---- faults: every ID still comes back right ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "kinds",
    [
        ["code429", "http429", "code1"],
        ["http500_html", "not_json"],
        ["drop", "cut_json"],
    ],
)
def test_transient_faults_are_retried(api: FakeApiServer, env: dict[str, str], capsys: Any, kinds: list[str]) -> None:
    for kind in kinds:
        api.faults.add("direct-link/url", kind)
    code, out, err = run(capsys, *map(str, GOOD_IDS))
    assert code == 0, err
    assert out.splitlines() == [api.expected_url(i) for i in GOOD_IDS]
    assert api.faults.pending() == 0


def test_revoked_token_is_refreshed_with_client_credentials(
    api: FakeApiServer, env: dict[str, str], capsys: Any
) -> None:
    api.faults.add("direct-link/url", "revoked")
    code, out, err = run(capsys, *map(str, GOOD_IDS))
    assert code == 0, err
    assert out.splitlines() == [api.expected_url(i) for i in GOOD_IDS]
    assert api.tokens_issued == 2  # the first one, and one refresh after the revocation


def test_bad_link_is_a_failure_not_a_link(api: FakeApiServer, env: dict[str, str], capsys: Any) -> None:
    api.faults.add("direct-link/url", "bad_link")
    code, out, err = run(capsys, str(VIDEO_ID))
    assert code == 1
    assert out == ""
    assert err.startswith(f"{VIDEO_ID}\t")
    assert "javascript" not in out


def test_traffic_exhausted(api: FakeApiServer, env: dict[str, str], capsys: Any) -> None:
    api.set_traffic_exhausted(True)
    code, out, err = run(capsys, str(VIDEO_ID))
    assert code == 1 and out == "" and "5113" in err


def test_names_failure_keeps_the_links(api: FakeApiServer, env: dict[str, str], capsys: Any) -> None:
    api.faults.add("file/infos", "code5113", count=10)  # not retryable: the names lookup fails for good
    code, out, _ = run(capsys, "--names", "--format", "jsonl", str(VIDEO_ID), "10861133")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["url"] for r in rows] == [api.expected_url(VIDEO_ID), api.expected_url(10861133)]
    assert all(r["name"] is None for r in rows)


def test_api_base_flag_beats_the_environment(
    api: FakeApiServer, env: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAN123_API_BASE", "http://127.0.0.1:9")  # nothing listens there
    code, out, _ = run(capsys, "--api-base", api.base_url + "/", str(VIDEO_ID))
    assert code == 0 and out.splitlines() == [api.expected_url(VIDEO_ID)]


# ---- exit status 2 and messages ----------------------------------------------------------------------------------


def test_no_ids_found(env: dict[str, str], capsys: Any) -> None:
    code, out, err = run(capsys, "nothing here, v1 mp4 2024-03-17")
    assert code == 2 and out == ""
    assert "no file IDs" in err


def test_empty_stdin(env: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_of(monkeypatch, "")
    code, out, err = run(capsys)
    assert code == 2 and "no file IDs" in err and out == ""


def test_no_credentials(api: FakeApiServer, capsys: Any, monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PAN123_API_BASE", api.base_url)
    code, out, err = run(capsys, str(VIDEO_ID))
    assert code == 2 and out == ""
    assert "no credentials" in err and "PAN123_ACCESS_TOKEN" in err
    assert api.request_log == []


def test_sign_without_a_key(env: dict[str, str], capsys: Any) -> None:
    code, _, err = run(capsys, "--sign", str(VIDEO_ID))
    assert code == 2 and "PAN123_SIGN_KEY" in err


@pytest.mark.parametrize(
    "args",
    [
        ["--rate", "0", "1"],
        ["--rate", "fast", "1"],
        ["--format", "xml", "1"],
        ["--valid-for", "10", "1"],
        ["--sign", "--valid-for", "0", "1"],
        ["--encoded-path", "1"],
        ["--api-base", "ftp://x", "1"],
        ["--no-such-flag"],
    ],
)
def test_bad_flags(env: dict[str, str], capsys: Any, args: list[str]) -> None:
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 2
    assert out == "" and err.strip() and "Traceback" not in err


def test_rejected_token_without_client_credentials(api: FakeApiServer, token_env: str, capsys: Any) -> None:
    api.revoke_all_tokens()
    code, out, err = run(capsys, str(VIDEO_ID), "10861133")
    assert code == 2 and out == ""
    assert "refused the access token" in err
    assert token_env not in err


def test_fetched_token_is_kept_in_the_keyring_for_the_next_run(
    api: FakeApiServer, env: dict[str, str], capsys: Any, memory_keyring: Any
) -> None:
    for _ in range(3):
        code, out, _ = run(capsys, str(VIDEO_ID))
        assert code == 0 and out.splitlines() == [api.expected_url(VIDEO_ID)]
    assert api.tokens_issued == 1  # one login, not one per run (the 3-token cap would kick others offline)
    saved = [value for (_service, name), value in memory_keyring.items.items() if name.startswith("access_token")]
    assert len(saved) == 1


def test_pasted_token_works(api: FakeApiServer, token_env: str, capsys: Any) -> None:
    code, out, _ = run(capsys, str(VIDEO_ID))
    assert code == 0 and out.splitlines() == [api.expected_url(VIDEO_ID)]
    assert api.tokens_issued == 1  # the pasted one; nothing fetched


def test_unreachable_api(token_env: str, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeApiServer() as gone:
        base = gone.base_url
    monkeypatch.setenv("PAN123_API_BASE", base)
    waits: list[float] = []
    code, out, err = run(capsys, str(VIDEO_ID), sleep=lambda seconds, cancel: waits.append(seconds))
    assert code == 1 and out == ""  # a failed row, not a usage problem
    [line] = err.splitlines()  # the ID's row: the API could not be reached
    assert line.startswith(f"{VIDEO_ID}\t") and "123pan API" in line
    assert waits  # it backed off between attempts, without waiting here


def test_unreachable_api_fails_every_id_without_trying_each(
    api: FakeApiServer, token_env: str, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeApiServer() as gone:
        base = gone.base_url  # stopped: connections are refused
    monkeypatch.setenv("PAN123_API_BASE", base)
    ids = [70_000_000 + i for i in range(40)]
    code, out, err = run(capsys, "--format", "jsonl", *map(str, ids), sleep=lambda seconds, cancel: None)
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["fileID"] for r in rows] == ids  # a row for every ID
    assert all(r["errorKind"] == "network" and r["url"] is None for r in rows)
    assert sum(1 for r in rows if r["error"] == "Not tried: the 123pan API could not be reached") >= 20
    assert "Traceback" not in err


def test_secrets_never_in_output(
    api: FakeApiServer, env: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAN123_SIGN_KEY", SIGN_KEY)
    api.faults.add("direct-link/url", "revoked")
    api.faults.add("direct-link/url", "http500_html")
    code, out, err = run(capsys, "--verbose", "--sign", "--names", "--format", "jsonl", DEMO_IDS_TEXT)
    assert code == 1
    everything = out + err
    assert api.client_secret not in everything and SIGN_KEY not in everything
    assert api.tokens_issued >= 2
    assert "eyJ" not in everything  # no JWT-shaped token


def test_version(capsys: Any) -> None:
    code = main(["--version"])
    out, _ = capsys.readouterr()
    assert code == 0 and out.strip() == f"pan123-link {__version__}"


def test_help(capsys: Any) -> None:
    code = main(["--help"])
    out, _ = capsys.readouterr()
    assert code == 0 and "--format" in out and "standard input" in out


def test_memory_only_note(api: FakeApiServer, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import null

    old = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())  # type: ignore[no-untyped-call]
    try:
        for name in ENV_NAMES:
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("PAN123_API_BASE", api.base_url)
        monkeypatch.setenv("PAN123_CLIENT_ID", api.client_id)
        monkeypatch.setenv("PAN123_CLIENT_SECRET", api.client_secret)
        code, out, err = run(capsys, str(VIDEO_ID))
    finally:
        keyring.set_keyring(old)
    assert code == 0 and out.splitlines() == [api.expected_url(VIDEO_ID)]
    notes = [line for line in err.splitlines() if "in memory" in line]
    assert len(notes) == 1


# ---- real subprocesses --------------------------------------------------------------------------------------------


def _subprocess_env(api: FakeApiServer, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ENV_NAMES}
    env.update(
        PAN123_API_BASE=api.base_url,
        PAN123_CLIENT_ID=api.client_id,
        PAN123_CLIENT_SECRET=api.client_secret,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        PYTHONPATH=os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p),
    )
    env.update(extra)
    return env


@pytest.fixture
def console_script() -> Iterator[list[str]]:
    script = Path(sys.executable).parent / "pan123-link"
    yield [str(script)] if script.exists() else [sys.executable, "-m", "pan123_gui.cli"]


def test_subprocess_stdin_with_faults(api: FakeApiServer, console_script: list[str]) -> None:
    for kind in ("drop", "code429", "cut_json", "http500_html"):
        api.faults.add("direct-link/url", kind)
    proc = subprocess.run(
        [*console_script, "--rate", "200", "--format", "csv"],
        input=DEMO_IDS_TEXT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_subprocess_env(api),
        timeout=120,
        cwd=REPO,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [int(r["fileID"]) for r in rows] == list(DEMO_TEXT_IDS)
    for row in rows:
        file_id = int(row["fileID"])
        assert (row["url"] or None) == (None if file_id in BAD_IDS else api.expected_url(file_id))
    assert api.client_secret not in proc.stdout + proc.stderr
    assert proc.stderr.count("in memory") == 1


def test_subprocess_module_all_good(api: FakeApiServer) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pan123_gui.cli", "--rate", "200", *map(str, GOOD_IDS)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_subprocess_env(api),
        timeout=120,
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [api.expected_url(i) for i in GOOD_IDS]


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        ([], b"no ids at all"),
        ([], b"\xff\xfe\x00 not utf-8 \xc3"),
        (["--format", "yaml", "1"], b""),
        (["--sign", "1"], b""),
    ],
)
def test_subprocess_usage_errors_have_no_traceback(
    api: FakeApiServer, console_script: list[str], args: list[str], stdin: bytes
) -> None:
    proc = subprocess.run(
        [*console_script, *args],
        input=stdin,
        capture_output=True,
        env=_subprocess_env(api),
        timeout=60,
        cwd=REPO,
    )
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr and proc.stderr.strip()
    assert proc.stdout == b""


def test_subprocess_reader_going_away_is_quiet(api: FakeApiServer, console_script: list[str]) -> None:
    """Like ``pan123-link ... | head -1``: more output than a pipe buffer holds, and the reader leaves."""
    api.set_rate("direct-link/url", None)
    ids = [str(i) for i in range(1, 1201)]
    for i in range(1, 1201):
        api.add_file(i, f"{'长文件名' * 10}-{i}.bin", i)
    proc = subprocess.Popen(
        [*console_script, "--rate", "1000", *ids],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_subprocess_env(api),
        cwd=REPO,
    )
    try:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert first.decode().strip() == api.expected_url(1)
    assert api.calls("direct-link/url") < 1200 or proc.returncode == 1  # it stopped early, or noticed the pipe
    assert b"Traceback" not in err and b"Exception ignored" not in err
    assert proc.returncode in (0, 1)


def _default_sigint() -> None:
    """In the child before exec: Ctrl+C does what it does in a terminal, however the test run was started."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT delivery to a child is POSIX-only here")
def test_subprocess_ctrl_c_keeps_finished_rows(api: FakeApiServer, console_script: list[str]) -> None:
    ids = [str(i) for i in GOOD_IDS]
    proc = subprocess.Popen(
        [*console_script, "--rate", "0.2", "--format", "jsonl", *ids],  # one request every 5 s
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_subprocess_env(api),
        cwd=REPO,
        preexec_fn=_default_sigint,  # a shell starts background jobs with SIGINT ignored; the child inherits that
    )
    try:
        for _ in range(600):  # wait (at most a minute) until the first link was answered
            if ep.OK in api.codes("direct-link/url") or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert proc.poll() is None
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert b"Traceback" not in err and b"cancelled" in err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["fileID"] for r in rows] == [int(i) for i in ids], err
    done = [r for r in rows if r["url"] is not None]
    assert len(done) == api.codes("direct-link/url").count(ep.OK) >= 1
    assert all(r["url"] == api.expected_url(r["fileID"]) for r in done)
    assert all(r["errorKind"] == "cancelled" for r in rows if r["url"] is None)


# ---- input as people save it, output as the window writes it --------------------------------------------------------

EXCEL_CSV = f"文件ID,文件名,大小\r\n{VIDEO_ID},我从草原来.mp4,187654321\r\n10861132,第二个.zip,4096\r\n"


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_stdin_is_decoded_as_the_window_reads_a_dropped_file(
    api: FakeApiServer, env: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    # Excel on Chinese Windows saves GB18030; "Unicode text" is UTF-16 with a BOM. Only the 文件ID column counts.
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXCEL_CSV.encode(encoding)), encoding="utf-8"))
    code, out, err = run(capsys)
    assert (code, err) == (0, "")
    assert out.splitlines() == [api.expected_url(VIDEO_ID), api.expected_url(10861132)]


def test_file_arguments_are_read_like_a_dropped_file(
    api: FakeApiServer, env: dict[str, str], capsys: Any, tmp_path: Path
) -> None:
    export = tmp_path / "导出.csv"
    export.write_bytes(EXCEL_CSV.encode("gb18030"))
    code, out, _ = run(capsys, str(export), "10861133")
    assert code == 0
    assert out.splitlines() == [api.expected_url(i) for i in (VIDEO_ID, 10861132, 10861133)]
    binary = tmp_path / "picture.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, out, err = run(capsys, str(binary))
    assert (code, out) == (2, "") and "picture.png is not a text file" in err


def test_a_file_argument_that_is_not_there_is_a_usage_error(
    api: FakeApiServer, env: dict[str, str], capsys: Any, tmp_path: Path
) -> None:
    """A mistyped list file is said (exit 2, nothing asked), not read as a text without IDs while the other IDs run:
    its IDs would be left out without a word."""
    missing = tmp_path / "ids.txt"
    code, out, err = run(capsys, str(missing), str(VIDEO_ID))
    assert (code, out) == (2, "") and f"{missing} does not exist" in err
    code, out, err = run(capsys, "https://example.com/list.json?fileID=10861131")  # an address, not a file name
    assert code == 0 and out.splitlines() == [api.expected_url(VIDEO_ID)]


def test_json_and_aria2_formats_use_the_windows_export(api: FakeApiServer, env: dict[str, str], capsys: Any) -> None:
    code, out, _ = run(capsys, "--format", "json", "--names", str(VIDEO_ID), str(UNKNOWN_ID))
    assert code == 1
    data = json.loads(out)
    assert [list(d) for d in data] == [list(COLUMNS)] * 2
    assert data[0]["url"] == api.expected_url(VIDEO_ID) and data[0]["name"] == "我从草原来.mp4"
    assert data[1]["errorCode"] == 5066 and data[1]["traceID"]  # the trace ID in its own field
    code, out, err = run(capsys, "--format", "aria2", str(VIDEO_ID), "10861132", str(UNKNOWN_ID))
    assert code == 1
    lines = out.splitlines()
    assert lines[0::2] == [api.expected_url(VIDEO_ID), api.expected_url(10861132)]
    assert all(line.startswith("  out=") for line in lines[1::2]) and len(set(lines[1::2])) == 2
    assert err.startswith(f"{UNKNOWN_ID}\t")


def test_output_file_is_written_as_the_window_exports(
    api: FakeApiServer, env: dict[str, str], capsys: Any, tmp_path: Path
) -> None:
    ids = [str(VIDEO_ID), str(UNKNOWN_ID), str(FOLDER_ID)]
    table = tmp_path / "links.csv"
    code, out, err = run(capsys, "--output", str(table), "--names", *ids)
    assert (code, out) == (1, "")
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # for Excel
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["fileID"] for r in rows] == ids and list(rows[0]) == list(CSV_COLUMNS)
    assert err.strip() == f"3 rows exported to {table}"
    links = tmp_path / "links.txt"
    code, out, err = run(capsys, "-o", str(links), *ids)
    assert links.read_text(encoding="utf-8").splitlines() == [api.expected_url(VIDEO_ID)]
    assert err.splitlines()[-1] == f"1 link exported to {links}, 2 rows without a link left out"
    code, _, err = run(capsys, "-o", str(tmp_path / "no-such-folder" / "x.csv"), *ids)
    assert code == 2 and "does not exist" in err


def test_demo_needs_no_account(capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # never touched
    code, out, err = run(capsys, "--demo", "--sign", "--format", "jsonl", str(VIDEO_ID), str(UNKNOWN_ID))
    assert code == 1 and "keyring" not in err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["fileID"] for r in rows] == [VIDEO_ID, UNKNOWN_ID]
    assert "auth_key=" in rows[0]["url"] and rows[1]["errorCode"] == 5066


def test_demo_without_ids_resolves_the_sample_ids(capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    code, out, _ = run(capsys, "--demo", "--format", "jsonl")
    assert code == 1  # the samples include a folder and an unknown ID
    assert [json.loads(line)["fileID"] for line in out.splitlines()] == list(DEMO_TEXT_IDS)


def test_no_keyring_note_when_the_keyring_is_not_needed(
    api: FakeApiServer, token_env: str, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends import null

    old = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())  # type: ignore[no-untyped-call]
    try:
        code, out, err = run(capsys, str(VIDEO_ID))
    finally:
        keyring.set_keyring(old)
    # the token came from the environment: nothing to keep, so no note about the keyring
    assert (code, out.strip(), err) == (0, api.expected_url(VIDEO_ID), "")


def test_refused_client_secret_is_named_as_such(
    api: FakeApiServer, env: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAN123_CLIENT_SECRET", "not-the-secret")
    code, out, err = run(capsys, str(VIDEO_ID), str(UNKNOWN_ID))
    assert (code, out) == (2, "")
    assert "refused the client ID and client secret" in err and "access token" not in err
    assert "not-the-secret" not in err
    assert api.calls("direct-link/url") == 0


@pytest.mark.parametrize("minutes", ["0", "10081", "99999999999999"])
def test_validity_out_of_range_is_a_usage_error(env: dict[str, str], capsys: Any, minutes: str) -> None:
    code, out, err = run(capsys, "--sign", "--valid-for", minutes, str(VIDEO_ID))
    assert (code, out) == (2, "")
    assert "--valid-for" in err and "between 1 and 10080" in err and "Overflow" not in err


def test_names_no_encoding_can_write_never_crash(
    api: FakeApiServer, env: dict[str, str], capsys: Any, tmp_path: Path
) -> None:
    api.add_file(50_000_001, json.loads('"clip\\udc80\\u0007.mp4"'), 10)  # valid JSON: a lone surrogate, a bell
    for fmt in ("jsonl", "csv", "json", "aria2"):
        code, out, _ = run(capsys, "--names", "--format", fmt, "50000001")
        assert code == 0 and "clip\ufffd" in out, fmt
    code, _, _ = run(capsys, "--names", "-o", str(tmp_path / "x.json"), "50000001")
    assert code == 0 and "clip\ufffd" in (tmp_path / "x.json").read_text(encoding="utf-8")
