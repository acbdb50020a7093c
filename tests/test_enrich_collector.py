"""Stage 7 builds its models without Python's cycle collector walking the parse's objects.

On a large report the stage builds tens of thousands of models (one Span per keyword
occurrence), none of them in a cycle; each collector pass over everything built so far made
the stage's cost grow faster than the report. The pass counts below are deterministic (they
follow allocation counts, not time), so this is a bound on work, not a timing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import speechparse
from speechparse.build.document import Document
from speechparse.build.enrich import enrich, wanted
from speechparse.build.speeches import Structure, build_structure
from speechparse.core.text import LineIndex
from speechparse.decoding.fold import fold
from speechparse.structure.assemble import assemble
from speechparse.structure.blocks import build_blocks, split_lines

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ba715635817add7f.txt"


@pytest.fixture
def passes() -> Iterator[list[int]]:
    """The generation of every collector pass that starts while the test runs."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(record)
    try:
        yield seen
    finally:
        gc.callbacks.remove(record)


def _stage_7_input(copies: int) -> tuple[Document, Structure]:
    text = SEED.read_text("utf-8") * copies
    doc = Document(text, fold(text), LineIndex(text))
    structure = build_structure(doc, assemble(build_blocks(doc.folded, split_lines(doc.folded))))
    return doc, structure


@pytest.mark.parametrize("keywords", [True, False], ids=["keywords", "no-keywords"])
def test_stage_7_runs_no_collector_pass_and_restores_it(passes: list[int], keywords: bool) -> None:
    speechparse.parse(SEED.read_text("utf-8"), keywords=keywords)  # tables loaded first
    doc, structure = _stage_7_input(20)
    assert gc.isenabled()
    passes.clear()
    result = enrich(doc, structure, only=wanted(True, keywords=keywords))
    during = list(passes)
    assert gc.isenabled()  # on again afterwards
    assert sum(len(s.figures) for s in result.speeches) > 0
    # At most the one pass that meets the stage's objects once it is switched on again.
    assert len(during) <= 1, during


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    doc, structure = _stage_7_input(1)
    gc.disable()
    try:
        enrich(doc, structure, only=wanted(True, keywords=False))
        assert not gc.isenabled()
    finally:
        gc.enable()
