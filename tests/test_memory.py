"""The parser's working memory is a few bytes per character beyond the report it returns.

Peak RSS targets are measured in benchmarks/run.py; this test guards the cause of the old
~35 MiB per MB: per-character offset tables (a tuple slot and an int object, ~36 bytes per
character, in every compact view). ``tracemalloc`` counts allocations exactly, so the
figure is the same on every machine; the limit is far from both the old cost (60–90 bytes per
character) and today's (3–7).
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

import speechparse

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ba715635817add7f.txt"
WORKING_BYTES_PER_CHAR = 20


@pytest.mark.parametrize("line_breaks", [True, False], ids=["lines", "one-line"])
def test_working_memory_beyond_the_report_is_small(line_breaks: bool) -> None:
    seed = SEED.read_text("utf-8")
    text = "\n\n".join([seed] * 12)
    if not line_breaks:
        text = text.replace("\r", "").replace("\n", "")
    speechparse.parse(seed, keywords=False)  # lexicons and caches loaded before measuring
    tracemalloc.start()
    try:
        report = speechparse.parse(text, keywords=False)
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.speeches
    working = (peak - retained) / len(text)
    assert working < WORKING_BYTES_PER_CHAR, f"{working:.1f} bytes per character"
