"""Text helpers of ``speechparse.core.text``: compact views and their offset maps, layout text.

Every expected value below was worked out by hand from the position of each character in the
(invented) source; the comments give the positions where they are not obvious.
"""

from __future__ import annotations

from array import array

import pytest
import regex

from speechparse.core.text import (
    Compact,
    LineIndex,
    OffsetMap,
    alt,
    compact,
    is_terminated,
    layout_text,
)


def offsets(view: Compact) -> list[int]:
    return [view.index[i] for i in range(len(view.index))]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["局长", "长", "副局长", "局长"], "(?:副局长|局长|长)"),  # longest first, once each
        (["b", "a", "ab"], "(?:ab|a|b)"),  # ties in code-point order
        (["a.b", "c"], r"(?:a\.b|c)"),  # literal, not a pattern
    ],
)
def test_alt(words: list[str], expected: str) -> None:
    assert alt(words) == expected


def test_alt_matches_the_longest_word_and_refuses_nothing() -> None:
    found = regex.match(alt(["局", "局长"]), "局长好")
    assert found is not None and found.group() == "局长"
    with pytest.raises(ValueError, match=r"^alt\(\) needs at least one word$"):
        alt([])


@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        ("好。", True),
        ("好？", True),
        ("好!", True),
        ("好…", True),
        ("好。”", True),  # a closing quote after the end
        ("好。”）", True),  # several closers
        ("好。 \n", True),  # layout after it
        ("好。”\u3000\t\n", True),
        ("好\n。", True),
        ("好。 ”", False),  # a space before the closer: not a closed sentence
        ("好。X", False),  # a letter after the end
        ("好，", False),
        ("好；", False),
        ("好", False),
        ("”", False),
        ("", False),
        (" \n", False),
    ],
)
def test_is_terminated(folded: str, expected: bool) -> None:
    assert is_terminated(folded) is expected


@pytest.mark.parametrize(
    ("source", "start", "end", "expected"),
    [
        ("x甲乙y", 1, 3, "甲乙"),
        ("\u3000甲 乙\t", 0, 5, "甲 乙"),  # inner space kept, outer layout gone
        ("甲\r乙", 0, 3, "甲乙"),  # a lone carriage return is a line break
        ("甲乙\n丙丁", 0, 5, "甲乙丙丁"),  # CJK joins directly
        ("甲\n乙丙", 2, 4, "乙丙"),
        ("abc\ndef", 0, 7, "abc def"),  # Latin words keep a space
        ("abc \n  def", 0, 10, "abc def"),
        ("12\r\n34", 0, 6, "12 34"),
        ("abc\n丙", 0, 5, "abc丙"),
        ("甲\nabc", 0, 5, "甲abc"),
        ("abc,\ndef", 0, 8, "abc,def"),
        ("a\n-b", 0, 4, "a-b"),
        ("é\nb", 0, 3, "éb"),  # only ASCII letters and digits keep the space
        ("a\né", 0, 3, "aé"),
        ("a\n\nb", 0, 4, "a b"),  # a blank line between
        ("甲\n\n  \n乙", 0, 7, "甲乙"),
        ("  甲\n乙  ", 0, 7, "甲乙"),
        ("\n甲", 0, 2, "甲"),
        ("甲 \n", 0, 3, "甲"),
        ("甲 \n乙", 0, 4, "甲乙"),  # the first line's end spaces go too
        (" 甲\n乙", 0, 4, "甲乙"),
    ],
)
def test_layout_text(source: str, start: int, end: int, expected: str) -> None:
    assert layout_text(source, start, end) == expected


def one_run(source: int, length: int) -> OffsetMap:
    return OffsetMap(array("q", [0]), array("q", [source]), length)


def three_runs() -> OffsetMap:
    # compact 0-1 → source 10-11, compact 2-4 → 20-22, compact 5-6 → 30-31
    return OffsetMap(array("q", [0, 2, 5]), array("q", [10, 20, 30]), 7)


@pytest.mark.parametrize(
    ("i", "expected"),
    [(0, 10), (1, 11), (2, 12), (-1, 12), (-2, 11), (-3, 10)],
)
def test_offset_map_of_one_run(i: int, expected: int) -> None:
    offset_map = one_run(10, 3)
    assert len(offset_map) == 3
    assert offset_map[i] == expected


@pytest.mark.parametrize(
    ("i", "expected"),
    [(0, 10), (1, 11), (2, 20), (3, 21), (4, 22), (5, 30), (6, 31), (-1, 31), (-7, 10)],
)
def test_offset_map_of_several_runs(i: int, expected: int) -> None:
    assert three_runs()[i] == expected


@pytest.mark.parametrize("i", [3, 4, -4, -10])
def test_offset_map_of_one_run_refuses_positions_outside(i: int) -> None:
    with pytest.raises(IndexError, match=r"^compact position out of range$"):
        one_run(10, 3)[i]


@pytest.mark.parametrize("i", [7, 8, -8])
def test_offset_map_of_several_runs_refuses_positions_outside(i: int) -> None:
    with pytest.raises(IndexError, match=r"^compact position out of range$"):
        three_runs()[i]


@pytest.mark.parametrize(
    ("folded", "start", "end", "text", "index"),
    [
        ("xx甲乙丙yy", 2, 5, "甲乙丙", [2, 3, 4]),  # no layout: the piece as it stands
        ("甲乙\n丙丁", 0, 5, "甲乙丙丁", [0, 1, 3, 4]),
        ("甲乙\n丙丁", 0, 4, "甲乙丙", [0, 1, 3]),  # the end bounds the view
        # 0-1 spaces, 2 甲 3 乙, 4-5 spaces, 6 \n, 7-8 ideographic spaces, 9 丙 10 sp 11 丁
        ("  甲乙  \n\u3000\u3000丙 丁  ", 0, 14, "甲乙丙 丁", [2, 3, 9, 10, 11]),
        ("甲  乙", 0, 4, "甲 乙", [0, 1, 3]),  # a run of spaces becomes one
        ("甲\u3000乙", 0, 3, "甲 乙", [0, 1, 2]),  # ... an ASCII one
        ("甲\t\xa0乙", 0, 4, "甲 乙", [0, 1, 3]),
        ("甲\t乙", 0, 3, "甲 乙", [0, 1, 2]),  # each layout character alone is one
        ("甲\xa0乙", 0, 3, "甲 乙", [0, 1, 2]),
        ("前缀甲 乙\n丙", 2, 7, "甲 乙丙", [2, 3, 4, 6]),
        ("甲\r\n乙", 0, 4, "甲乙", [0, 3]),
        ("甲\r乙", 0, 3, "甲乙", [0, 2]),
        ("甲\n\n乙", 0, 4, "甲乙", [0, 3]),
        ("甲\r", 0, 2, "甲", [0]),  # a break at the very end
        ("甲\r\n", 0, 3, "甲", [0]),
        ("\n甲", 0, 2, "甲", [1]),
        (" 甲", 0, 2, "甲", [1]),
        ("甲 ", 0, 2, "甲", [0]),
        ("", 0, 0, "", []),
        ("  \n ", 0, 4, "", []),
    ],
)
def test_compact(folded: str, start: int, end: int, text: str, index: list[int]) -> None:
    view = compact(folded, start, end)
    assert view.text == text
    assert offsets(view) == index
    assert len(view.index) == len(view.text)


@pytest.mark.parametrize(
    ("folded", "text"),
    [
        # Letter-spaced: three or more spaces between single characters are layout.
        ("市 财 政 局", "市财政局"),
        ("市 财 政 局：", "市财政局："),  # punctuation clinging to one
        ("甲乙 丙 丁 戊", "甲乙丙丁戊"),  # 3 of 4 runs single: 3 >= 0.7 × 4
        ("甲 乙 丙 丁 戊 己 庚 辛壬 癸子 丑寅", "甲乙丙丁戊己庚辛壬癸子丑寅"),  # 7 of 10
        # Not letter-spaced: real word spaces stay.
        ("甲 乙 丙 丁 戊 己 辛壬 癸子 丑寅 卯辰", "甲 乙 丙 丁 戊 己 辛壬 癸子 丑寅 卯辰"),  # 6/10
        ("甲乙 丙丁 戊 己", "甲乙 丙丁 戊 己"),  # 2 of 4
        ("市 财 政 局长办", "市 财 政 局长办"),  # a run of three
        ("甲 乙 丙", "甲 乙 丙"),  # three runs are too few to tell
    ],
)
def test_compact_letter_spacing(folded: str, text: str) -> None:
    view = compact(folded, 0, len(folded))
    assert view.text == text
    # Every character (the kept spaces too) maps to itself in the source.
    assert [folded[view.index[i]] for i in range(len(text))] == list(text)


def test_letter_spaced_view_maps_each_letter_to_its_place() -> None:
    assert offsets(compact("市 财 政 局", 0, 7)) == [0, 2, 4, 6]


def test_compact_src_and_span() -> None:
    view = compact("前缀甲 乙\n丙", 2, 7)  # text 甲 乙丙 at source 2 3 4 6
    assert [view.src(i) for i in range(6)] == [2, 3, 4, 6, 7, 7]
    assert view.span(0, 2) == (2, 4)
    assert view.span(2, 4) == (4, 7)
    assert view.span(0, 4) == (2, 7)
    assert view.span(1, 2) == (3, 4)
    assert view.span(3, 3) == (6, 6)  # empty: where it stands
    assert view.span(3, 1) == (6, 6)
    assert view.span(4, 4) == (7, 7)  # past the end: after the last character


def test_compact_src_and_span_of_a_plain_line() -> None:
    view = compact("xx甲乙丙yy", 2, 5)
    assert [view.src(i) for i in range(5)] == [2, 3, 4, 5, 5]
    assert view.span(1, 3) == (3, 5)


def test_compact_src_of_an_empty_view_and_a_tuple_index() -> None:
    empty = compact("", 0, 0)
    assert empty.src(0) == 0
    assert empty.span(0, 0) == (0, 0)
    listed = Compact("甲乙", (5, 9))
    assert [listed.src(0), listed.src(1), listed.src(2)] == [5, 9, 10]
    assert listed.span(0, 2) == (5, 10)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(0, (1, 1)), (2, (1, 3)), (3, (2, 1)), (4, (2, 2)), (7, (3, 1)), (10, (4, 1)), (11, (4, 2))],
)
def test_line_index(offset: int, expected: tuple[int, int]) -> None:
    # Lines start at 0, 3 (after \n), 7 (after \r\n) and 10 (after \r).
    assert LineIndex("ab\ncd\r\nef\rgh").line_col(offset) == expected


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("ab\ncd\nef", 0, (1, 1)),
        ("ab\ncd\nef", 2, (1, 3)),  # the break itself ends its line
        ("ab\ncd\nef", 3, (2, 1)),
        ("ab\ncd\nef", 6, (3, 1)),
        ("ab\ncd\nef", 8, (3, 3)),
        ("\n\nab", 1, (2, 1)),  # empty lines count
        ("\n\nab", 3, (3, 2)),
        ("ab\n", 3, (2, 1)),  # after a final break: a last, empty line
        ("甲乙丙", 2, (1, 3)),
    ],
)
def test_line_index_of_line_feed_text(text: str, offset: int, expected: tuple[int, int]) -> None:
    # Text without a carriage return is indexed by splitting; a carriage return added at the
    # end sends the same lines down the pattern path, which must agree.
    assert LineIndex(text).line_col(offset) == expected
    assert LineIndex(text + "\r").line_col(offset) == expected


def test_line_index_puts_a_negative_offset_on_line_one() -> None:
    assert LineIndex("ab\ncd").line_col(-1)[0] == 1


def test_offset_map_runs_are_its_stretches() -> None:
    assert three_runs().runs() == [(0, 10), (2, 20), (5, 30)]
    assert OffsetMap.one_run(7, 4).runs() == [(0, 7)]
    assert OffsetMap(array("q"), array("q"), 0).runs() == []


def test_compact_view_runs_follow_the_line_breaks() -> None:
    view = compact("甲乙\n丙丁", 0, 5)
    assert view.text == "甲乙丙丁"
    assert isinstance(view.index, OffsetMap)
    assert view.index.runs() == [(0, 0), (2, 3)]
