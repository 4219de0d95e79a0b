"""Benchmark: walking a big folder tree against the fake API goes at file/list's rate, not at one round trip a page.

Run:  python tests/benchmarks/bench_walk.py [--files 10000] [--folders 50] [--rate 10] [--latency 0.2]

Builds a folder of ``--files`` files spread over ``--folders`` sub-folders on the fake API, whose file/list limit
is ``--rate`` requests per second (the client's file/list pace is the same), walks it with :class:`FolderWalk`,
and prints the wall time, the bound (list calls / rate) and their ratio (goal <= 1.1). It also prints a
one-folder-after-another baseline (one listing thread) measured in the same run. The fake must answer no 429.
Not collected by pytest (the file name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import time

from pan123_gui.core.client import build_client
from pan123_gui.core.credentials import Credentials
from pan123_gui.core.endpoints import FILE_INFOS_PATH, FILE_LIST_PATH
from pan123_gui.core.listing import FolderWalk
from pan123_gui.demo.fake_api import FakeApiServer

GOAL = 1.1
TOP_ID = 50_000_000
FIRST_FOLDER_ID = 50_000_001
FIRST_FILE_ID = 51_000_000


def build_tree(api: FakeApiServer, files: int, folders: int) -> None:
    api.add_folder(TOP_ID, "bench", space=True)
    for f in range(folders):
        api.add_folder(FIRST_FOLDER_ID + f, f"part {f:03d}", TOP_ID)
    for i in range(files):
        api.add_file(FIRST_FILE_ID + i, f"file-{i:05d}.bin", 1024 + i, parent_id=FIRST_FOLDER_ID + i % folders)


def timed_walk(api: FakeApiServer, rate: float, workers: int) -> tuple[float, int, int]:
    """(wall seconds, list calls, files found) of one walk with a fresh client."""
    client = build_client(Credentials(access_token=api.issue_token()), base_url=api.base_url)
    client.limiters.set_rate(FILE_LIST_PATH, rate)
    client.limiters.set_rate(FILE_INFOS_PATH, rate)
    try:
        walk = FolderWalk(client, TOP_ID, workers=workers)
        started = time.perf_counter()
        result = walk.run()
        wall = time.perf_counter() - started
    finally:
        client.close()
    return wall, walk.list_calls, len(result.files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--folders", type=int, default=50)
    parser.add_argument("--rate", type=float, default=10.0, help="file/list requests/s, the fake's and the client's")
    parser.add_argument("--latency", type=float, default=0.2, help="fake API latency per request, seconds")
    parser.add_argument("--baseline", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args(argv)

    with FakeApiServer(latency=args.latency, rates={FILE_LIST_PATH: args.rate, FILE_INFOS_PATH: args.rate}) as api:
        build_tree(api, args.files, args.folders)
        time.sleep(1.0)  # a full bucket, like a fresh start
        wall, calls, found = timed_walk(api, args.rate, workers=4)
        refused = api.codes(FILE_LIST_PATH).count(429)
        if found != args.files:
            print(f"FAIL: found {found} files, expected {args.files}")
            return 1
        bound = calls / args.rate
        ratio = wall / bound
        print(f"walk: {found} files in {args.folders} folders, {calls} list calls at {args.rate:g}/s")
        print(f"  wall {wall:.2f} s, bound {bound:.2f} s -> ratio {ratio:.3f} (goal <= {GOAL}), 429 answers: {refused}")
        if args.baseline:
            time.sleep(1.0)
            base_wall, base_calls, _ = timed_walk(api, args.rate, workers=1)
            base_ratio = base_wall / (base_calls / args.rate)
            print(f"  one listing at a time: wall {base_wall:.2f} s -> ratio {base_ratio:.3f}")
    return 0 if ratio <= GOAL and refused == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
