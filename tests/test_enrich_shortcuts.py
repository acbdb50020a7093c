"""Stage 7's shortcuts give what the long way gives.

Each shortcut skips work for the common case (a numeral that is surely a word, terms that
cannot reach the top of a ranking, a paragraph read as unbroken stretches of the source); each
property here runs the shortcut and the long way on the same generated input.
"""

from __future__ import annotations

import re
from collections import Counter
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from speechparse.build.document import paragraph_view
from speechparse.build.enrich import _runs
from speechparse.enrichment import figures
from speechparse.enrichment.keywords import _chosen, _rank, _UserWords

# Numerals, units, qualifiers, range separators, date markers and quotes: what the figure
# scanner decides on, packed densely so that most strings hold several numerals.
_FIGURE_PIECES = [
    *"一二两三四五六七八九十百千万亿零〇点多余几第数至到-~—年月日号时分个人元米成倍%“”，。",
    "3", "12", "6.93", "2018", "千瓦时", "个月", "百分点", "周年", "会议", "以上", "不到",
    "百分之", "左右", "近", "约", "五点七", "三点五",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(_FIGURE_PIECES), max_size=16).map("".join))
def test_skipping_numerals_that_are_words_changes_no_figure(text: str) -> None:
    fast = figures.find_figures(text)
    with patch.object(figures, "_NEXT_NUMBER", _EVERY_NUMBER):  # read every numeral
        slow = figures.find_figures(text)
    assert fast == slow


# The scanner's pattern without the shortcut: it stops at every number, words included.
_EVERY_NUMBER = re.compile(
    r"[^0-9０-９零〇一二两三四五六七八九十百千万亿]*+(?:(?P<pct>百分之|千分之)|"
    + figures._NUM.pattern
    + ")"
)


_WORDS = ["创新", "人才", "产业", "科技", "园区", "改革", "GDP 2023", "发展", "平台", "项目"]


@settings(max_examples=1000, deadline=None)
@given(
    counts=st.dictionaries(st.sampled_from(_WORDS), st.integers(1, 2), max_size=len(_WORDS)),
    idf=st.lists(st.sampled_from([2.0, 2.0000001, 2.0000003, 3.5]), min_size=10),
    present=st.lists(st.booleans(), min_size=10, max_size=10),
    top_k=st.integers(0, 12),
)
def test_ranking_only_the_terms_that_can_reach_the_top_gives_the_full_ranking(
    counts: dict[str, int], idf: list[float], present: list[bool], top_k: int
) -> None:
    """Near-equal weights round to ties, and terms missing from the text are never chosen."""
    freq = Counter(counts)
    idf_of = {w: idf[i] for i, w in enumerate(_WORDS) if w in counts}
    text = "".join(w for w, here in zip(_WORDS, present, strict=True) if here)
    total = sum(freq.values())
    everything = [(freq[w] * idf_of[w], w) for w in freq]
    full = _chosen(everything, total, text, top_k)[:top_k] if total and top_k > 0 else []
    assert _rank(freq, text, top_k, idf_of) == full


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.sampled_from([*"市长王某说创新", " ", "\u3000", "\n", "\r\n"]), max_size=40)
)
def test_a_view_read_as_stretches_maps_every_offset_as_its_index(pieces: list[str]) -> None:
    text = "".join(pieces)
    view = paragraph_view(text, 0, len(text))
    runs = _runs(view)
    mapped = []
    for k, (start, source) in enumerate(runs):
        stop = runs[k + 1][0] if k + 1 < len(runs) else len(view.text)
        mapped += [source + i - start for i in range(start, stop)]
    assert mapped == [view.index[i] for i in range(len(view.text))]


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(
        st.lists(
            st.sampled_from(["副市长", "市长", "局长", "主任", "创新", "发展", "长", "副"])
        ).map("".join),
        max_size=5,
    ),
    extra=st.lists(st.sampled_from(["创新发展", "长主任", "市长局长"]), max_size=3),
)
def test_user_words_found_across_texts_at_once_as_text_by_text(
    texts: list[str], extra: list[str]
) -> None:
    words = _UserWords(extra)
    assert words.occurrences_many(texts) == [words.occurrences(t) for t in texts]
