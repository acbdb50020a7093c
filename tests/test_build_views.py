"""The model-building stages cut spans through shortcuts that must agree with the general path.

``paragraph_view`` builds a paragraph's compact view without :func:`compact`'s line-by-line
walk, and ``Cuts`` maps a one-run view by addition; both must give exactly what the general
helpers give, for any text (line breaks of every kind, layout spaces, letter spacing).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from speechparse.build.document import Cuts, Document, paragraph_view, source_range
from speechparse.core.text import Compact, LineIndex, compact, layout_text

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
