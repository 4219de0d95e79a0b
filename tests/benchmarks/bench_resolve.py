"""Benchmark: resolving N IDs against the fake API over loopback approaches the rate bound N / R, not N x latency.

Run:  python tests/benchmarks/bench_resolve.py [--rate 50] [--server-rate R] [--latency 0.2] [-n 300] [--workers 16]
      [--seq-sample 20]

The fake API is strict (a rolling one-second window without slack). ``--rate`` is what the client is configured
for, ``--server-rate`` what the server allows (default: the same). Prints the wall time of the concurrent resolver,
the bound N / (the lower of the two rates), their ratio, the share of requests that drew a 429, and a sequential
one-request-after-another baseline measured in the same run on a subset and extrapolated per request to N.
Goals: configured at the server's limit (or under it) ratio <= 1.1 and <= 1 % 429s; configured above it (e.g.
twice) ratio <= 1.3 and <= 10 % 429s. Not collected by pytest (the file name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, datetime

from pan123_gui.core._http import new_http_client
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import DIRECT_LINK_PATH
from pan123_gui.core.limiter import EndpointLimiters
from pan123_gui.core.resolver import Resolver
from pan123_gui.core.tokens import TokenManager
from pan123_gui.demo.fake_api import FakeApiServer

GOAL_AT_LIMIT = (1.1, 0.01)  # (ratio, share of 429s) when the client is configured at the server's limit
GOAL_ABOVE_LIMIT = (1.3, 0.10)  # ... when it is configured above it (twice, in the README figures)
FIRST_ID = 20_000_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=50.0, help="the client's configured requests/s")
    parser.add_argument("--server-rate", type=float, default=None, help="requests/s the fake API allows (= --rate)")
    parser.add_argument("--latency", type=float, default=0.2, help="fake API latency per request, seconds")
    parser.add_argument("-n", type=int, default=300, help="number of IDs to resolve")
    parser.add_argument("--workers", type=int, default=16, help="resolver threads")
    parser.add_argument("--seq-sample", type=int, default=20, help="IDs in the sequential baseline sample")
    args = parser.parse_args(argv)

    server_rate = args.rate if args.server_rate is None else args.server_rate
    with FakeApiServer(latency=args.latency, rates={"direct-link/url": server_rate}) as api:
        ids = [FIRST_ID + i for i in range(args.n)]
        for file_id in ids:
            api.add_file(file_id, f"bench-{file_id}.bin", 1024)
        token = api.issue_token()
        tokens = TokenManager(token=token, fetch=None)
        limiters = EndpointLimiters({DIRECT_LINK_PATH: args.rate})
        client = Pan123Client(new_http_client(api.base_url), tokens, limiters=limiters)
        try:
            # sequential baseline (same client, same server, one request after the other)
            sample = ids[: max(1, min(args.seq_sample, args.n))]
            started = time.perf_counter()
            for file_id in sample:
                client.direct_link_url(file_id)
            per_request = (time.perf_counter() - started) / len(sample)
            api.clear_log()
            time.sleep(1.0)  # let the fake's window empty so the timed run starts like a fresh one
            limiters.set_rate(DIRECT_LINK_PATH, args.rate)  # and the client forgets what the baseline taught it

            started = time.perf_counter()
            results = Resolver(client, workers=args.workers).resolve(ids)
            wall = time.perf_counter() - started
        finally:
            client.close()
        codes = api.codes("direct-link/url")

    ok = sum(1 for r in results if r.ok)
    limit = min(args.rate, server_rate)
    bound = args.n / limit
    sequential = per_request * args.n
    ratio = wall / bound
    limited = sum(1 for c in codes if c == 429)
    share = limited / len(codes) if codes else 0.0
    goal_ratio, goal_share = GOAL_AT_LIMIT if args.rate <= server_rate else GOAL_ABOVE_LIMIT
    met = ratio <= goal_ratio and share <= goal_share
    print(
        f"resolve {args.n} IDs: client rate {args.rate:g}/s, server limit {server_rate:g}/s (strict 1 s window),"
        f" latency {args.latency:g} s, workers {args.workers}"
    )
    print(f"  ok rows           {ok}/{args.n}")
    print(f"  wall time         {wall:.3f} s  ({args.n / wall:.1f} links/s)")
    print(f"  bound N/limit     {bound:.3f} s")
    print(f"  ratio wall/bound  {ratio:.3f}  (goal <= {goal_ratio})")
    print(f"  429 share         {share:.1%}  ({limited} of {len(codes)} requests; goal <= {goal_share:.0%})")
    print(f"  goals             {'OK' if met else 'MISSED'}")
    print(
        f"  sequential        {per_request * 1000:.1f} ms/request over {len(sample)} requests"
        f" -> {sequential:.3f} s for {args.n}, ratio {sequential / bound:.3f} to the bound,"
        f" {sequential / wall:.1f}x slower than the resolver"
    )
    print(f"  measured at       {datetime.now(UTC).isoformat(timespec='seconds')}")
    return 0 if ok == args.n else 1


if __name__ == "__main__":
    raise SystemExit(main())
