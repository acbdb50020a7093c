"""The model-building stages take shortcuts that must not change what they build or leave.

``paragraph_view`` builds a paragraph's compact view without :func:`compact`'s line-by-line
walk, and ``Cuts`` maps a one-run view by addition; both must give exactly what the general
helpers give, for any text (line breaks of every kind, layout spaces, letter spacing). The
stages pause the cycle collector and must hand it back as they found it.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import speechparse
from speechparse.build.document import (
    Cuts,
    Document,
    collector_paused,
    paragraph_view,
    source_range,
)
from speechparse.core.text import Compact, LineIndex, compact, layout_text

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
