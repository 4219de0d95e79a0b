"""Benchmark: ID extraction speed on a few MB of mixed pasted text, as a ratio to a plain ``re.findall``.

Run: ``python tests/benchmarks/bench_ids.py [megabytes]``. Prints MB/s for ``scan_ids`` on free text, CSV and JSON,
and the ratio to ``re.findall(r"\\d+")`` over the same text (the floor: any real scanner does more work).
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections.abc import Callable

from pan123_gui.core.ids import scan_ids

_BASELINE = re.compile(r"\d+")


def _mixed_text(size: int, rng: random.Random) -> str:
    pieces: list[Callable[[], str]] = [
        lambda: str(rng.randrange(10**6, 10**10)),
        lambda: f"文件ID：{rng.randrange(10**6, 10**10)}，",
        lambda: f"https://open-api.123pan.com/api/v1/direct-link/url?fileID={rng.randrange(10**6, 10**10)}",
        lambda: f"https://vip.123pan.cn/1815309870/%E6%B5%8B/{rng.randrange(1000)}.mp4",
        lambda: "2025-03-17 12:30:45",
        lambda: "请帮我获取这些文件的直链，谢谢！",
        lambda: "the quick brown fox x264 1080p 12MB v1.2.3",
        lambda: f'"fileId": {rng.randrange(10**6, 10**10)}, "size": {rng.randrange(10**9)}',
        lambda: "\n",
        lambda: "\t",
    ]
    out: list[str] = []
    total = 0
    while total < size:
        s = rng.choice(pieces)()
        out.append(s)
        out.append(rng.choice((" ", ", ", "\n", "、")))
        total += len(s) + 1
    return "".join(out)


def _csv_text(size: int, rng: random.Random) -> str:
    rows = ["fileID,name,size,url"]
    total = 0
    while total < size:
        row = f'{rng.randrange(10**6, 10**10)},"视频 {rng.randrange(999)}.mp4",{rng.randrange(10**9)},https://x/a.mp4'
        rows.append(row)
        total += len(row) + 1
    return "\n".join(rows)


def _json_text(size: int, rng: random.Random) -> str:
    items = []
    total = 0
    while total < size:
        item = {"fileId": rng.randrange(10**6, 10**10), "filename": "测试.mp4", "size": rng.randrange(10**9)}
        items.append(item)
        total += 60
    return json.dumps({"code": 0, "data": {"list": items}}, ensure_ascii=False)


def _rate(fn: Callable[[str], object], text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return len(text.encode("utf-8")) / 1e6 / best


def main() -> int:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
    size = int(megabytes * 1_000_000)
    rng = random.Random(1234)
    inputs = {"mixed text": _mixed_text(size, rng), "CSV": _csv_text(size, rng), "JSON": _json_text(size, rng)}
    print(f"bench_ids: ~{megabytes:g} MB per input (best of 3)")
    for label, text in inputs.items():
        ours = _rate(scan_ids, text)
        base = _rate(_BASELINE.findall, text)
        n = len(scan_ids(text).ids)
        print(
            f"  {label:<10} scan_ids {ours:7.1f} MB/s | re.findall(r'\\d+') {base:7.1f} MB/s | "
            f"ratio {ours / base:.2f} | {n} IDs"
        )
    # Pathological input: long digit runs, long words, many separators; must stay linear.
    evil = ("9" * 40 + "a" * 50 + "-" * 30 + ":" * 30 + " " * 10) * (size // 160)
    print(
        f"  {'adversarial':<10} scan_ids {_rate(scan_ids, evil, 1):7.1f} MB/s "
        f"(digit/letter/dash runs; linear scan expected)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
