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


def test_the_report_itself_is_compact() -> None:
    """The returned report once cost ~38 bytes per character, 40% of it one set of field
    names per model instance; the instances of a class now share one."""
    seed = SEED.read_text("utf-8")
    text = "\n\n".join([seed] * 12)
    speechparse.parse(seed, keywords=False)
    tracemalloc.start()
    try:
        report = speechparse.parse(text, keywords=False)
        retained, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(report.speeches) == 12 * len(speechparse.parse(seed, keywords=False).speeches)
    assert retained / len(text) < 28, f"{retained / len(text):.1f} bytes per character"


def test_shared_field_sets_stay_correct_and_private_to_copies() -> None:
    report = speechparse.parse(SEED.read_text("utf-8"), keywords=False)
    first, second = report.speeches[0].speaker, report.speeches[1].speaker
    assert first.model_fields_set == set(type(first).model_fields)
    assert first.model_fields_set is second.model_fields_set
    renamed = first.model_copy(update={"name": "甲乙"})
    assert renamed.name == "甲乙" and first.name != "甲乙"
    assert first.model_fields_set == set(type(first).model_fields)
    assert report.model_dump(exclude_unset=True) == report.model_dump()
    assert speechparse.validate(speechparse.to_json(report)) == report
