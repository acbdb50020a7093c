"""Parsing cost grows linearly with the input, whatever its line structure.

These are not speed targets (those live in benchmarks/run.py): they compare the parser with
itself on inputs that differ only in size or in line breaks, with ratios far from what a
linear parser gives, so machine speed and load cannot make them fail. A quadratic step shows
as a ratio near 16 when the input grows fourfold; a linear one stays near 4. CPU time of this
process (not wall time) is measured, the best of a few runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

import speechparse

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ba715635817add7f.txt"
# Fourfold growth: a linear parser stays near 4×, a quadratic step approaches 16×.
GROWTH_LIMIT = 8.0


def _seed_one_line(chars: int) -> str:
    """The seed report repeated, its line breaks removed: one long line of real prose."""
    flat = SEED.read_text("utf-8").replace("\r", "").replace("\n", "")
    return (flat * (chars // len(flat) + 1))[:chars]


def _seed_lines(chars: int) -> str:
    seed = SEED.read_text("utf-8")
    return ("\n\n".join([seed] * (chars // len(seed) + 1)))[:chars]


def _quote_marks(chars: int) -> str:
    """Openers of one kind, then closers of another that match none of them."""
    half = chars // 2
    return "某市发言摘要\n市长王某：" + "“" * half + "’" * half


def _place_names(chars: int) -> str:
    """Ever new two-character place names before 市: candidates grow with the text."""
    names = []
    code = 0x4E00
    while len(names) * 4 < chars:
        names.append(chr(code + 37) + chr(code + 91) + "市，")
        code += 1
    return "某市发言摘要\n市长王某：" + "".join(names)[:chars] + "。"


def _numeral_runs(chars: int) -> str:
    """Chinese numerals that are words, as one long run and as many short ones with decimals:
    the figure scanner steps over each once."""
    quarter = chars // 4
    return "某市发言摘要\n市长王某：" + "二" * quarter + "。" + "二点三" * (quarter // 2) + "。"


def _cpu(text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        speechparse.parse(text, keywords=False)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize(
    ("make", "chars"),
    [
        (_seed_one_line, 25_000),
        (_quote_marks, 40_000),
        (_place_names, 20_000),
        (_numeral_runs, 20_000),
    ],
    ids=["seed-one-line", "unmatched-quotes", "new-place-names", "numeral-words"],
)
def test_fourfold_input_costs_about_four_times(make: Callable[[int], str], chars: int) -> None:
    speechparse.parse(make(1_000), keywords=False)  # lexicons loaded before timing
    small, large = _cpu(make(chars)), _cpu(make(4 * chars))
    assert large / max(small, 1e-3) < GROWTH_LIMIT, (small, large)


def test_one_long_line_costs_about_what_the_lines_cost() -> None:
    """The same characters with or without line breaks: per character within a wide margin."""
    chars = 100_000
    speechparse.parse(_seed_lines(1_000), keywords=False)
    one_line, lines = _cpu(_seed_one_line(chars)), _cpu(_seed_lines(chars))
    assert one_line / lines < 3.0, (one_line, lines)


def test_title_trailing_noise_is_found_in_linear_time() -> None:
    """A long run of enumerators or colons inside a title (not at its end) is read once."""
    from speechparse.enrichment.title_parts import decompose_title

    def cost(n: int) -> float:
        title = "（一）" * n + "座谈会发言摘要（二）"
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            decompose_title(title)
            best = min(best, time.process_time() - started)
        return best

    small, large = cost(2_000), cost(8_000)
    assert large / max(small, 1e-3) < GROWTH_LIMIT, (small, large)
