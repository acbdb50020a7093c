"""The model-building stages take shortcuts that must not change what they build or leave.

``paragraph_view`` builds a paragraph's compact view without :func:`compact`'s line-by-line
walk, and ``Cuts`` maps a one-run view by addition; both must give exactly what the general
helpers give, for any text (line breaks of every kind, layout spaces, letter spacing). The
stages pause the cycle collector and must hand it back as they found it.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import speechparse
from speechparse.build.document import (
    Cuts,
    Document,
    collector_paused,
    held_view,
    paragraph_view,
    restored_view,
    source_range,
    validator,
)
from speechparse.build.enrich import enrich, wanted
from speechparse.build.speeches import ParagraphViews, Structure, structure_and_views
from speechparse.core.text import Compact, LineIndex, OffsetMap, compact, layout_text
from speechparse.decoding.fold import fold
from speechparse.models import Byline, Credit, Headline, Point, Span
from speechparse.structure.assemble import assemble
from speechparse.structure.blocks import build_blocks, split_lines

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ba715635817add7f.txt"
TEXT = st.text(alphabet="甲乙丙一二是ab1 \u3000\t\xa0\r\n。，", max_size=40)


def _offsets(view: Compact) -> list[int]:
    return [view.index[i] for i in range(len(view.index))]


@given(TEXT, st.data())
def test_paragraph_view_is_the_compact_view(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected, got = compact(text, start, end), paragraph_view(text, start, end)
    assert got.text == expected.text
    assert _offsets(got) == _offsets(expected)
    n = len(expected.text)
    for i in range(n + 2):
        assert got.src(i) == expected.src(i)


@given(TEXT, st.data())
def test_cuts_map_like_the_view(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    view = compact(text, start, end)
    doc = Document(text, text, LineIndex(text))
    cuts = Cuts(text, view)
    n = len(view.text)
    for i in range(n + 2):
        for j in range(n + 1):
            if j > i and j > n:
                continue
            assert cuts.range(i, j) == view.span(i, j) == source_range(view, i, j)
            a, b = view.span(i, j)
            assert cuts.span(i, j) == doc.view_span(view, i, j)
            assert cuts.text(i, j) == layout_text(text, a, b) == doc.text(a, b)


@pytest.mark.parametrize("enabled", [True, False], ids=["collector-on", "collector-off"])
def test_parse_leaves_the_cycle_collector_as_it_found_it(enabled: bool) -> None:
    """Stages pause the collector while they build models; the caller's setting survives,
    and a stage that fails does not leave it paused."""
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert speechparse.parse(SEED.read_text("utf-8"), keywords=False).speeches
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("a stage fails")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def _stages_6(text: str) -> tuple[Document, Structure, ParagraphViews]:
    doc = Document(text, fold(text), LineIndex(text))
    draft = assemble(build_blocks(doc.folded, split_lines(doc.folded)))
    structure, views = structure_and_views(doc, draft)
    return doc, structure, views


# A hard-wrapped paragraph (line breaks inside), one cut before a trailing byline (layout
# before the cut), a one-line one, and a report whose speech has no paragraph at all.
HAND_OVER = {
    "seed": SEED.read_text("utf-8"),
    "hard-wrapped": (
        "某市召开座谈会\n\n张三明（某市财政局局长）：\n今年财政收入增长\n百分之五，支出\n保持平稳。\n"
    ),
    "byline-cut": "某市召开座谈会\n\n李四（某县县长）：全县完成投资12亿元。  （记者 王五）\n",
    "one-line": "某市召开座谈会\n\n赵六（某区区长）：项目开工30个。\n",
    "no-paragraph": "某市召开座谈会\n\n钱七（某镇镇长）：\n",
}


@pytest.mark.parametrize("text", HAND_OVER.values(), ids=HAND_OVER.keys())
def test_stage_6_hands_over_the_views_stage_7_would_build(text: str) -> None:
    """The views stage 6 hands over are, speech by speech, the compact views of the
    paragraphs it returns; stage 7 finds the same with them as without them."""
    doc, structure, views = _stages_6(text)
    assert len(views) == len(structure.speeches)
    for speech, speech_views in zip(structure.speeches, views, strict=True):
        assert len(speech_views) == len(speech.paragraphs)
        for paragraph, held in zip(speech.paragraphs, speech_views, strict=True):
            view = restored_view(doc.folded, held)
            expected = compact(doc.folded, paragraph.start, paragraph.end)
            assert view.text == expected.text
            assert _offsets(view) == _offsets(expected)
    for keywords in (False, True):
        only = wanted(True, keywords=keywords)
        assert enrich(doc, structure, only=only, views=views) == enrich(doc, structure, only=only)


def test_hard_wrapped_views_map_back_to_the_source() -> None:
    """Positions of a hard-wrapped paragraph's view: each line is one run of the source."""
    text = HAND_OVER["hard-wrapped"]
    doc, structure, views = _stages_6(text)
    (held,) = views[0]
    assert isinstance(held, OffsetMap)  # kept as its offsets alone
    view = restored_view(doc.folded, held)
    assert view.text == "今年财政收入增长百分之五，支出保持平稳。"
    first, second = text.index("今年"), text.index("百分之五")
    assert view.index[0] == first
    assert view.index[8] == second  # 百, after the line break
    assert structure.speeches[0].paragraphs[0].start == first


def test_stage_7_refuses_views_of_another_structure() -> None:
    doc, structure, views = _stages_6(HAND_OVER["seed"])
    with pytest.raises(ValueError, match="paragraph views"):
        enrich(doc, structure, only=wanted(True, keywords=False), views=views[1:])


def test_stage_7_without_figures_or_quotes_reads_no_views() -> None:
    """Organisations alone need no views: the handed-over ones are not even checked."""
    doc, structure, views = _stages_6(HAND_OVER["seed"])
    only = frozenset({"organizations"})
    assert enrich(doc, structure, only=only, views=views[1:]) == enrich(doc, structure, only=only)


_SPAN = {"text": "甲乙", "start": 3, "end": 5}
_CREDIT = {"role": "记者", "name": "王五", "start": 7, "end": 9}
_POINT = {"marker": "一是", "marker_start": 0, "marker_end": 2, "text": "乙", "start": 2, "end": 3}
_BYLINE = {**_SPAN, "credits": [Credit(**_CREDIT)], "form": "trailing"}
_HEADLINE = {**_SPAN, "marker": Span(text="■", start=1, end=2), "brackets": "【】"}
VALIDATED: list[tuple[type[BaseModel], dict[str, Any]]] = [
    (Credit, _CREDIT),
    (Credit, {**_CREDIT, "role": None}),
    (Point, _POINT),
    (Byline, _BYLINE),
    (Byline, {**_BYLINE, "credits": ()}),  # a tuple validates into the model's list
    (Headline, _HEADLINE),
    (Headline, {**_HEADLINE, "marker": None, "brackets": None}),
]
REFUSED: list[tuple[type[BaseModel], dict[str, Any]]] = [
    (Credit, {**_CREDIT, "start": -1}),  # offsets are never negative
    (Credit, {**_CREDIT, "name": None}),
    (Credit, {**_CREDIT, "extra": 1}),  # unknown keys are errors
    (Point, {k: v for k, v in _POINT.items() if k != "marker_end"}),  # a field missing
    (Byline, {**_BYLINE, "form": "footer"}),  # not a byline form
    (Headline, {**_HEADLINE, "brackets": "（）"}),
]


@pytest.mark.parametrize(("model", "fields"), VALIDATED, ids=lambda x: getattr(x, "__name__", ""))
def test_validator_builds_what_the_constructor_builds(
    model: type[BaseModel], fields: dict[str, Any]
) -> None:
    built = validator(model)(fields)
    assert type(built) is model
    assert built == model(**fields)
    assert built.model_dump_json() == model(**fields).model_dump_json()
    assert built.model_fields_set == set(model.model_fields)  # model_post_init ran


@pytest.mark.parametrize(("model", "fields"), REFUSED, ids=lambda x: getattr(x, "__name__", ""))
def test_validator_refuses_what_the_constructor_refuses(
    model: type[BaseModel], fields: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError):
        model(**fields)
    with pytest.raises(ValidationError):
        validator(model)(fields)


@given(TEXT, st.data())
def test_a_held_view_is_restored_as_it_was(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for view in (paragraph_view(text, start, end), compact(text, start, end)):
        restored = restored_view(text, held_view(view))
        assert restored.text == view.text
        assert _offsets(restored) == _offsets(view)


# (text, kept as its offset map alone): a view whose single space stands for inner layout
# (a tab, an ideographic space, several spaces) cannot be rebuilt from the folded text.
HELD = [
    ("甲乙丙。", True),  # one run
    ("甲乙\n丙丁\r\n戊。", True),  # hard-wrapped, each line one run
    ("  甲乙\n   丙丁  \n", True),  # indentation and line-end spaces dropped
    ("甲 乙 丙 丁", True),  # letter-spaced: the spaces go
    ("", True),
    ("张三\u3000李四", False),
    ("张三\t李四", False),
    ("张三  李四", False),
    ("张三 李四", False),  # one plain space: kept whole all the same (a space is a space)
]


@pytest.mark.parametrize(("text", "as_map"), HELD)
def test_what_a_held_view_keeps(text: str, as_map: bool) -> None:
    view = paragraph_view(text, 0, len(text))
    held = held_view(view)
    assert isinstance(held, OffsetMap) is as_map
    if not as_map:
        assert held is view
    assert restored_view(text, held).text == view.text
