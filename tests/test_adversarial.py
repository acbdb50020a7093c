"""Regular-expression safety: hostile inputs parse, and their cost grows linearly.

The absolute comparison (each ~1M-character worst case against an ordinary report of the same
size, at most 3x) is a speed target, so it lives in ``benchmarks/adversarial.py``. Here:

* every worst case parses (or is refused with speechparse's own error) and the result keeps
  the grounding and coverage invariants;
* quadrupling a worst case at most ~quadruples its parse time. Catastrophic backtracking or a
  quadratic scan gives 16x; the limit is 8x. Times are CPU times; small and large runs are
  interleaved (a noisy neighbour slows both), each is the best of several, and a case over the
  limit is measured again before it fails: a real quadratic fails every time, a scheduling
  hiccup does not.
"""

from __future__ import annotations

import contextlib
import time

import pytest

import speechparse
from invariants import assert_covered, assert_grounded
from worst_cases import WORST_CASES

SMALL = 25_000
GROWTH = 4
MAX_GROWTH = 8.0  # linear gives ~4x, quadratic 16x
RUNS = 3
ATTEMPTS = 3
FLOOR = 0.005  # seconds: below this, timer and scheduler noise dominate a ratio


def _parse(text: str) -> None:
    # Refusing hostile input is fine; only the time matters here.
    with contextlib.suppress(speechparse.SpeechParseError):
        speechparse.parse(text, keywords=False, max_chars=len(text) + 1)


def _seconds(text: str) -> float:
    """CPU time of this process, not wall time: on a shared machine a run longer than the
    scheduler's time slice is preempted far more often than a short one."""
    start = time.process_time()
    _parse(text)
    return time.process_time() - start


def growth(small: str, large: str) -> tuple[float, float, float]:
    """(growth, best small time, best large time), runs interleaved."""
    t_small = t_large = float("inf")
    for _ in range(RUNS):
        t_small = min(t_small, _seconds(small))
        t_large = min(t_large, _seconds(large))
    return t_large / max(t_small, FLOOR), t_small, t_large


@pytest.mark.parametrize("name", list(WORST_CASES))
def test_worst_case_keeps_the_invariants(name: str) -> None:
    text = WORST_CASES[name](2_000)
    try:
        report = speechparse.parse(text, keywords=False)
    except speechparse.SpeechParseError:
        return
    assert_grounded(report, text)
    assert_covered(report, text)


@pytest.mark.parametrize("name", list(WORST_CASES))
def test_worst_case_scales_linearly(name: str) -> None:
    small = WORST_CASES[name](SMALL)
    large = WORST_CASES[name](SMALL * GROWTH)
    _parse(small)  # warm caches and lexicons before timing
    best = (float("inf"), 0.0, 0.0)
    for _ in range(ATTEMPTS):
        best = min(best, growth(small, large))
        if best[0] <= MAX_GROWTH:
            break
    ratio, t_small, t_large = best
    assert ratio <= MAX_GROWTH, (
        f"{name}: {len(small):,} chars took {t_small * 1000:.1f} ms but {len(large):,} chars "
        f"{t_large * 1000:.1f} ms ({ratio:.1f}x for {GROWTH}x the input: superlinear)"
    )
