from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechparse.enrichment.quotes import (
    MAX_TERM_CHARS,
    _flat_pairs,
    _nested_pairs,
    find_quoted_terms,
)

LONG_SENTENCE = "“" + "我们要把创新摆在发展全局的核心位置" * 3 + "”"

CASES: list[tuple[str, list[str]]] = [
    ("实施“揭榜挂帅”科研项目立项改革", ["揭榜挂帅"]),
    ("政府必须用“看的见的手”强烈推进。", ["看的见的手"]),
    ("推行「十個一」工程", ["十個一"]),
    ("把教师“赶出去”,让教授“走出去”。", ["赶出去", "走出去"]),
    ("纳入“十四五”发展规划", ["十四五"]),
    ("落实「四個『一』」要求", ["四個『一』", "一"]),
    ("要把‘放管服’改革做实", ["放管服"]),
    ("“新基建”与‘双循环’并重", ["新基建", "双循环"]),
    ('打造"一网通办"平台', ["一网通办"]),
    ('"放管服"和"最多跑一次"', ["放管服", "最多跑一次"]),
    ("他说“要坚持‘两个毫不动摇’。”然后散会", ["两个毫不动摇"]),
    ("实施“揭榜挂帅科研项目", []),  # opener never closed
    ("揭榜挂帅”科研项目", []),  # closer with no opener
    ("空引号“”不算", []),
    ("空白引号“  ”不算", []),
    ("引号内有空格“ 双招双引 ”也算", ["双招双引"]),
    (LONG_SENTENCE + "他强调。", []),
    ("他说：“这是问题吗？”", []),  # sentence punctuation -> quotation
    ("他说：“我们一定干好。”", []),
    ("混配“揭榜」挂帅”", []),  # stray 」 inside the span
    ("错配「揭榜“挂帅」", []),  # “ left open inside 「」: malformed span skipped
    ("外层“甲「乙“丙」丁”", []),  # “ left open inside 「」 taints the outer span too
    ("跨行“揭榜\n挂帅”", []),
    ("跨行“揭榜挂帅\n”", []),  # a line break just inside the closer is not trimmed away
    ("跨行“\n揭榜挂帅”", []),
    ("错套“「揭榜”", []),  # 「 left open inside “”: the span holds it
    ("嵌套「“『”」", []),  # 『 left open inside “”, itself inside 「」, taints the outer span
    ("China’s “dual carbon” goal", ["dual carbon"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_quoted_terms(text: str, expected: list[str]) -> None:
    found = find_quoted_terms(text)
    assert [term for term, _, _ in found] == expected
    for term, start, end in found:
        assert text[start:end] == term


def test_offsets_of_inner_text() -> None:
    text = "实施“揭榜挂帅”科研项目立项改革"
    assert find_quoted_terms(text) == [("揭榜挂帅", 3, 7)]


def test_trimmed_offsets() -> None:
    text = "也算“ 双招双引 ”"
    assert find_quoted_terms(text) == [("双招双引", 4, 8)]


def test_length_limit_is_inclusive() -> None:
    just_fits = "“" + "创" * MAX_TERM_CHARS + "”"
    too_long = "“" + "创" * (MAX_TERM_CHARS + 1) + "”"
    assert len(find_quoted_terms(just_fits)) == 1
    assert find_quoted_terms(too_long) == []


def test_malformed_outer_keeps_wellformed_inner() -> None:
    # the outer “…” holds a stray 」; the 『』 inside it is still a clean term
    text = "“揭」榜『挂帅』”"
    assert find_quoted_terms(text) == [("挂帅", 5, 7)]


@given(st.text(alphabet=st.sampled_from(list('“”「」『』‘’"甲乙。\n '))))
def test_never_raises_and_offsets_hold(text: str) -> None:
    for term, start, end in find_quoted_terms(text):
        assert text[start:end] == term
        assert term and len(term) <= MAX_TERM_CHARS


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    find_quoted_terms(text)


# Marks that pair up one after another take the stack-free path; both paths must agree.
FLAT_CASES: list[tuple[str, list[tuple[int, int]] | None]] = [
    ("“甲”", [(1, 2)]),
    ("“甲”「乙」‘丙’『丁』", [(1, 2), (4, 5), (7, 8), (10, 11)]),
    ('"甲""乙"', [(1, 2), (4, 5)]),
    ("“”", [(1, 1)]),
    ("“甲「乙」”", None),  # nested: needs the stack
    ("“甲」", None),  # closed by the wrong kind of mark
    ("”甲“", None),  # closer before opener
    ("“甲”“", None),  # odd number of marks
    ("China’s “x”", None),  # a stray apostrophe first
]


@pytest.mark.parametrize(("text", "expected"), FLAT_CASES)
def test_flat_pairs(text: str, expected: list[tuple[int, int]] | None) -> None:
    marks = [(i, ch) for i, ch in enumerate(text) if ch in '“”「」『』‘’"']
    assert _flat_pairs(marks) == expected


@given(st.lists(st.sampled_from(list('“”「」『』‘’"甲'))))
def test_flat_pairs_agree_with_the_stack(chars: list[str]) -> None:
    marks = [(i, ch) for i, ch in enumerate(chars) if ch != "甲"]
    flat = _flat_pairs(marks)
    if flat is not None:
        assert _nested_pairs(marks) == (flat, [])
