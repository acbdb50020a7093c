"""The pipeline is a chain of typed stages handing immutable values down.

``parse`` composes the stages (see parser.py); composing them by hand gives the same report,
and every value a stage returns is a frozen dataclass or a frozen model, so no later stage
can change what an earlier one decided.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import speechparse
from speechparse.build.document import Document
from speechparse.build.enrich import (
    Enrichment,
    Organization,
    SpeechEnrichment,
    enrich,
    wanted,
)
from speechparse.build.report import build_report
from speechparse.build.speeches import (
    PositionParts,
    SpeakerParts,
    SpeechParts,
    Structure,
    build_structure,
)
from speechparse.core.text import LineIndex
from speechparse.decoding.fold import fold
from speechparse.people.byline import BylineMatch, CreditMatch
from speechparse.people.designation import Part
from speechparse.structure.assemble import (
    Draft,
    DraftByline,
    DraftSpeech,
    Leftover,
    Piece,
    assemble,
)
from speechparse.structure.blocks import Block, Line, build_blocks, split_lines
from speechparse.structure.points import PointMatch

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "cppcc_plenary.txt"

STAGE_VALUES = [
    Line, Block, Part, BylineMatch, CreditMatch, PointMatch, Piece, DraftByline,
    DraftSpeech, Leftover, Draft, Document, PositionParts, SpeakerParts, SpeechParts, Structure,
    Organization, SpeechEnrichment, Enrichment,
]  # fmt: skip


@pytest.mark.parametrize("cls", STAGE_VALUES, ids=lambda c: c.__name__)
def test_stage_values_are_frozen(cls: type) -> None:
    assert dataclasses.is_dataclass(cls)
    assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_a_block_cannot_be_changed_downstream() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    folded = fold(text)
    block = build_blocks(folded, split_lines(folded))[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.body_start = 3  # type: ignore[misc]


def test_the_stages_composed_by_hand_give_parse() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    doc = Document(text, fold(text), LineIndex(text))
    blocks = build_blocks(doc.folded, split_lines(doc.folded))
    draft = assemble(blocks)
    assert draft == assemble(blocks)  # the walk reads its input and changes nothing
    structure = build_structure(doc, draft)
    enrichment = enrich(doc, structure, only=wanted(True, keywords=False))
    expected = speechparse.parse(text, keywords=False)
    diagnostics = [*structure.diagnostics, *enrichment.diagnostics]
    report = build_report(expected.source, structure, enrichment, diagnostics)
    assert speechparse.to_json(report) == speechparse.to_json(expected)
    assert len(structure.speeches) == len(enrichment.speeches) == len(report.speeches) == 2
    assert [len(s.speaker.positions) for s in structure.speeches] == [
        len(e.organizations) for e in enrichment.speeches
    ]
