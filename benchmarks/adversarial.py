"""Hostile inputs against an ordinary report of the same size (regular-expression safety).

Run from the repository root with the project's interpreter:

    .venv/bin/python benchmarks/adversarial.py           # ~1M characters per case
    .venv/bin/python benchmarks/adversarial.py --size 200000

Each worst case (tests/worst_cases.py) must parse in at most 3x the time of the seed report
repeated to the same size; a megabyte of nothing but designations (the densest possible
report, forty times an ordinary megabyte's speeches) is held to 3x the ordinary cost per
speech. Times are the best of three, ``keywords=False``. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import speechparse  # noqa: E402
from worst_cases import WORST_CASES, repeat  # noqa: E402

SEED_TEXT = (ROOT / "seeds" / "000_ba715635817add7f.txt").read_bytes().decode("utf-8")
MAX_RATIO = 3.0


def best_time(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        with contextlib.suppress(speechparse.SpeechParseError):
            speechparse.parse(text, keywords=False, max_chars=len(text) + 1)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per case")
    size = parser.parse_args().size
    ordinary = repeat(SEED_TEXT, size)
    speeches = len(speechparse.parse(ordinary, keywords=False, max_chars=size + 1).speeches)
    base = best_time(ordinary)
    print(f"ordinary report, {size:,} chars, {speeches} speeches: {base:.3f}s")
    missed = 0
    for name, build in WORST_CASES.items():
        text = build(size)
        seconds = best_time(text)
        ratio = seconds / base
        ok = ratio <= MAX_RATIO
        missed += not ok
        print(f"{name:<34} {seconds:7.3f}s  {ratio:5.2f}x  {'ok' if ok else 'MISSED'}")
    dense = repeat("市财政局局长王明：\n", size)
    count = len(speechparse.parse(dense, keywords=False, max_chars=size + 1).speeches)
    per_speech = best_time(dense, runs=1) / count
    ordinary_per_speech = base / speeches
    ok = per_speech <= MAX_RATIO * ordinary_per_speech
    missed += not ok
    print(
        f"dense designations: {per_speech * 1e6:.0f} µs per speech vs "
        f"{ordinary_per_speech * 1e6:.0f} µs ordinary  {'ok' if ok else 'MISSED'}"
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
