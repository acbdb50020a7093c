"""Regular-expression safety: hostile inputs must not be slower than ordinary ones.

Three checks:

* ``test_worst_case_ratio`` (~20 s): each ~1M-character worst case parses in at most 3x the
  time of a ~1M-character ordinary report (the seed repeated). Best of 3 runs each,
  ``keywords=False``, ``max_chars`` raised.
* ``test_dense_designations_cost_per_speech``: a megabyte of nothing but designations is not a
  pattern-matching worst case but the densest possible report (100,000 speeches, forty times
  an ordinary megabyte's); it is held to 3x the ordinary cost per speech produced.
* ``test_worst_case_scales_linearly`` (default run, a few seconds): quadrupling a worst case
  at most ~quadruples its parse time; catastrophic backtracking or a quadratic scan would give
  16x. This keeps the default run guarded against regressions of the ReDoS kind.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import speechparse

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = (ROOT / "seeds" / "000_ba715635817add7f.txt").read_bytes().decode("utf-8")

SIZE = 1_000_000  # characters
MAX_RATIO = 3.0
RUNS = 3


def repeat(unit: str, size: int) -> str:
    """``unit`` repeated and cut to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


# name -> builder(size). Every builder returns a string of about ``size`` characters, except
# the "100k lines of one char" case, which is fixed at 100,000 lines (200,000 characters).
WORST_CASES: dict[str, Callable[[int], str]] = {
    "giant_line_cjk_colon_every_60": lambda n: repeat("汉" * 59 + "：", n),
    "dunhao_only": lambda n: repeat("、", n),
    "open_paren_only": lambda n: repeat("（", n),
    "designation_prefix_repeated": lambda n: repeat("市委常委、", n),
    "square_markers_inline": lambda n: repeat("■ ", n),
    "square_markers_alternating_text": lambda n: repeat("■ 汉", n),
    "square_marker_lines": lambda n: repeat("■ \n", n),
    "lines_of_one_char_100k": lambda n: "字\n" * (100_000 * n // SIZE),
    "spaces_only": lambda n: repeat(" ", n),
    "ideographic_spaces_only": lambda n: repeat("\u3000", n),
    "space_runs_between_chars": lambda n: repeat("字" + " " * 999 + "\n", n),
    "ideographic_space_runs_colon": lambda n: repeat("\u3000" * 500 + "局长王明：", n),
    "titles_repeated": lambda n: repeat("局长", n),
    "point_markers_only": lambda n: repeat("一是二是第一第二首先其次", n),
    "byline_roles_only": lambda n: repeat("全媒体记者 ", n),
    "open_quotes_only": lambda n: repeat("“", n),
    "enumerated_headlines_only": lambda n: repeat("（一）", n),
    "crlf_blank_lines": lambda n: repeat("\r\n", n),
}


def _parse(text: str) -> None:
    # Refusing hostile input is fine; only the time matters here.
    with contextlib.suppress(speechparse.SpeechParseError):
        speechparse.parse(text, keywords=False, max_chars=len(text) + 1)


def best_time(text: str, runs: int = RUNS, stop_below: float | None = None) -> float:
    """Best CPU time of ``runs`` parses; stops early once a run is under ``stop_below``.

    CPU time of this process, not wall time: on a shared machine a run longer than the
    scheduler's time slice is preempted far more often than a 2 ms one, which made linear
    code look superlinear (4x the CPU time measured as 9-13x the wall time).
    """
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        _parse(text)
        best = min(best, time.process_time() - start)
        if stop_below is not None and best <= stop_below:
            break
    return best


@pytest.fixture(scope="module")
def ordinary_time() -> float:
    text = repeat(SEED_TEXT, SIZE)
    report = speechparse.parse(text, keywords=False, max_chars=len(text) + 1)
    assert len(report.speeches) > 1000, "the ordinary baseline must be a real (repeated) report"
    return best_time(text)


@pytest.mark.parametrize("name", list(WORST_CASES), ids=list(WORST_CASES))
def test_worst_case_ratio(
    name: str, ordinary_time: float, record_property: Callable[[str, object], None]
) -> None:
    text = WORST_CASES[name](SIZE)
    limit = MAX_RATIO * ordinary_time
    worst = best_time(text, stop_below=limit)
    ratio = worst / ordinary_time
    record_property("ratio", round(ratio, 3))
    print(f"{name}: {worst:.3f}s vs ordinary {ordinary_time:.3f}s -> ratio {ratio:.2f}")
    assert worst <= limit, (
        f"{name} ({len(text):,} chars) took {worst:.2f}s, {ratio:.1f}x the ordinary report's "
        f"{ordinary_time:.2f}s (limit {MAX_RATIO}x)"
    )


SMALL = 25_000
GROWTH = 4
MAX_GROWTH = 8.0  # linear gives ~4x, quadratic 16x


@pytest.mark.parametrize("name", list(WORST_CASES), ids=list(WORST_CASES))
def test_worst_case_scales_linearly(name: str) -> None:
    small = WORST_CASES[name](SMALL)
    large = WORST_CASES[name](SMALL * GROWTH)
    t_small = max(best_time(small), 0.002)  # below 2 ms, timer noise dominates
    t_large = best_time(large, runs=2)
    growth = t_large / t_small
    assert growth <= MAX_GROWTH, (
        f"{name}: {len(small):,} chars took {t_small * 1000:.1f} ms but {len(large):,} chars "
        f"{t_large * 1000:.1f} ms ({growth:.1f}x for {GROWTH}x the input: superlinear)"
    )


def test_dense_designations_cost_per_speech(ordinary_time: float) -> None:
    ordinary = repeat(SEED_TEXT, SIZE)
    ordinary_speeches = len(
        speechparse.parse(ordinary, keywords=False, max_chars=SIZE + 1).speeches
    )
    dense = repeat("市财政局局长王明：\n", SIZE)
    report = speechparse.parse(dense, keywords=False, max_chars=SIZE + 1)
    assert len(report.speeches) == SIZE // len("市财政局局长王明：\n")
    per_speech = best_time(dense, runs=1) / len(report.speeches)
    ordinary_per_speech = ordinary_time / ordinary_speeches
    assert per_speech <= MAX_RATIO * ordinary_per_speech, (
        f"{per_speech * 1e6:.0f} µs per speech vs {ordinary_per_speech * 1e6:.0f} µs ordinary"
    )
