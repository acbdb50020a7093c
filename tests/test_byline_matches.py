"""The byline finders on compact text, checked position by position (worked out by hand).

Each row gives a paragraph's compact text and what the finder must return: the byline's extent,
its form and every credit as (role word, name, name start, name end). Offsets count characters
of the row's text; role words are named by their text so a row reads like the byline itself.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from speechparse.core.text import Compact
from speechparse.people.byline import (
    BylineMatch,
    author_field,
    dateline,
    own_line,
    parse_credits,
    trailing,
)

Credit = tuple[str | None, str, int, int]
Expected = tuple[int, int, str, list[Credit]] | None


def view(text: str) -> Compact:
    return Compact(text, tuple(range(len(text))))


def described(text: str, found: BylineMatch | None) -> Expected:
    if found is None:
        return None
    credits = [
        (None if c.role is None else text[c.role[0] : c.role[1]], c.name, c.start, c.end)
        for c in found.credits
    ]
    return found.start, found.end, found.form, credits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本报记者 王小明 李红",
            (0, 11, "line", [("本报记者", "王小明", 5, 8), ("本报记者", "李红", 9, 11)]),
        ),
        ("（记者 张伟）", (0, 7, "parenthesized", [("记者", "张伟", 4, 6)])),
        ("【记者 张伟】", (0, 7, "parenthesized", [("记者", "张伟", 4, 6)])),
        ("■记者 王小明", (1, 7, "line", [("记者", "王小明", 4, 7)])),
        ("■ ■记者 王小明", (3, 9, "line", [("记者", "王小明", 6, 9)])),
        ("记者：王小明", (0, 6, "line", [("记者", "王小明", 3, 6)])),
        ("作者:王小明 李红", (0, 9, "line", [("作者", "王小明", 3, 6), ("作者", "李红", 7, 9)])),
        ("王小明 整理", (0, 6, "line", [("整理", "王小明", 0, 3)])),
        ("王小明整理", (0, 5, "line", [("整理", "王小明", 0, 3)])),
        (
            "王小明 李红 采访整理",
            (0, 11, "line", [("采访整理", "王小明", 0, 3), ("采访整理", "李红", 4, 6)]),
        ),
        ("记者 王 明", (0, 6, "line", [("记者", "王明", 3, 6)])),
        ("记者 王晓东李嘉", (0, 8, "line", [("记者", "王晓东", 3, 6), ("记者", "李嘉", 6, 8)])),
        ("记者 王小明、李红", (0, 9, "line", [("记者", "王小明", 3, 6), ("记者", "李红", 7, 9)])),
        ("记者 阿依·买买提", (0, 9, "line", [("记者", "阿依·买买提", 3, 9)])),
        (
            "文/本报记者 王小明 图/本报记者 李红",
            (0, 20, "line", [("本报记者", "王小明", 7, 10)]),
        ),
        ("记者：王小明 编辑：李红", (0, 6, "line", [("记者", "王小明", 3, 6)])),
        ("记者：王小明 编 辑：李红 二审：赵刚", (0, 6, "line", [("记者", "王小明", 3, 6)])),
        ("编辑：李红 记者：王小明", None),
        (
            "图/本报记者 李红 文/本报记者 王小明",
            (0, 20, "line", [("本报记者", "王小明", 17, 20)]),
        ),
        (
            "■记者 " + "王小明 " * 8 + "李红 赵刚",
            (
                1,
                41,
                "line",
                [("记者", "王小明", 4 + 4 * i, 7 + 4 * i) for i in range(8)]
                + [("记者", "李红", 36, 38), ("记者", "赵刚", 39, 41)],
            ),
        ),
        ("星辰日报记者 王小明", (0, 10, "line", [("记者", "王小明", 7, 10)])),
        ("星辰报记者 王小明", (0, 9, "line", [("记者", "王小明", 6, 9)])),
        ("记者：议政", (0, 5, "line", [("记者", "议政", 3, 5)])),
        ("文/王小明", (0, 5, "line", [("文", "王小明", 2, 5)])),
        ("记者 王小明/李红", (0, 9, "line", [("记者", "王小明", 3, 6), ("记者", "李红", 7, 9)])),
        ("记者 阿·买", (0, 6, "line", [("记者", "阿·买", 3, 6)])),
        (
            "记者 " + "阿" * 8 + "·" + "买" * 7,
            (0, 19, "line", [("记者", "阿" * 8 + "·" + "买" * 7, 3, 19)]),
        ),
        ("记者 " + "阿" * 8 + "·" + "买" * 8, None),
        ("记者 王二三四", (0, 7, "line", [("记者", "王二三四", 3, 7)])),
        ("记者 王明李小红", (0, 8, "line", [("记者", "王明", 3, 5), ("记者", "李小红", 5, 8)])),
        (
            "记者 王晓东李嘉赵明",
            (
                0,
                10,
                "line",
                [("记者", "王晓东", 3, 6), ("记者", "李嘉", 6, 8), ("记者", "赵明", 8, 10)],
            ),
        ),
        (
            "记者 " + "王小明 " * 8 + "李红 赵刚",
            (
                0,
                40,
                "line",
                [("记者", n, 3 + 4 * i, 6 + 4 * i) for i, n in enumerate(["王小明"] * 8)]
                + [("记者", "李红", 35, 37), ("记者", "赵刚", 38, 40)],
            ),
        ),
        ("记者 " + "王小明 " * 8 + "李红 赵小刚", None),
        ("记者 王晓一二三", None),
        ("记者 王小·", None),
        ("记者 王小明摄", None),
        ("记者 王小明 图", None),
        ("记者 王小明 李", None),
        ("记者 王小明 摄", None),
        ("记者 王小明摄影", None),
        ("记者 王小明。", None),
        ("记者 王", None),
        ("王小明 李红", None),
        ("记者 " + "王小明 " * 10, None),
        ("（）", None),
        ("", None),
        # a post role in the middle: the credits go on after it
        (
            "王小明 整理 实习生 李红",
            (0, 13, "line", [("整理", "王小明", 0, 3), ("实习生", "李红", 11, 13)]),
        ),
        # an editors' block that opens the line is no byline, whatever follows
        ("编辑/李红 记者 王小明 二审：赵刚", None),
        # A long line (99 characters) is a byline only up to editors' credits starting
        # within reach (here at 7) ...
        (
            "记者：王小明 编辑：" + " ".join(["李红"] * 30),
            (0, 6, "line", [("记者", "王小明", 3, 6)]),
        ),
        # (full-width and ASCII colons and a slash all end editors' labels)
        (
            "记者：王小明 编辑：李红 二审:赵刚 设计/孙杰 " + " ".join(["李红"] * 25),
            (0, 6, "line", [("记者", "王小明", 3, 6)]),
        ),
        # ... and without them it is not one at all (102 characters).
        ("记者 " + " ".join(["王小明"] * 25), None),
    ],
)
def test_own_line(text: str, expected: Expected) -> None:
    assert described(text, own_line(view(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("要抓实。 全媒体记者 王小明", (5, 14, "trailing", [("全媒体记者", "王小明", 11, 14)])),
        ("要抓实。（记者 李红）", (4, 11, "parenthesized", [("记者", "李红", 8, 10)])),
        ("要抓实。（王小明）", (4, 9, "parenthesized", [(None, "王小明", 5, 8)])),
        # every closing bracket, with no space anywhere in the byline
        ("要抓实。【记者李红】", (4, 10, "parenthesized", [("记者", "李红", 7, 9)])),
        ("要抓实。〔记者李红〕", (4, 10, "parenthesized", [("记者", "李红", 7, 9)])),
        ("要" * 100 + "。（记者李红）", (101, 107, "parenthesized", [("记者", "李红", 104, 106)])),
        ("要" * 100 + "。 记者 王小明", (102, 108, "trailing", [("记者", "王小明", 105, 108)])),
        ("要抓实。（买买提·艾力）", (4, 12, "parenthesized", [(None, "买买提·艾力", 5, 11)])),
        ("要抓实。（议政）", None),
        ("要抓实。 王小明", None),
        ("要抓实。（记者 王小明 摄）", None),
        ("要抓实 记者 王小明", None),
        # Only the last 64 characters are searched, the full stop before them still counts:
        # here it stands just before them (index 100 of 165) ...
        (
            "要" * 100 + "。" + " " * 58 + "记者 王小明",
            (159, 165, "trailing", [("记者", "王小明", 162, 165)]),
        ),
        # ... and here one character further out, out of reach.
        ("要" * 100 + "。" + " " * 59 + "记者 王小明", None),
        # the same byline under two paragraphs: each answer in its own paragraph's offsets
        ("要" * 70 + "。 记者 王小明", (72, 78, "trailing", [("记者", "王小明", 75, 78)])),
        ("要" * 90 + "。 记者 王小明", (92, 98, "trailing", [("记者", "王小明", 95, 98)])),
    ],
)
def test_trailing(text: str, expected: Expected) -> None:
    assert described(text, trailing(view(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本报讯（记者 王小明 通讯员 李红）会议召开。",
            (0, 18, "dateline", [("记者", "王小明", 7, 10), ("通讯员", "李红", 15, 17)]),
        ),
        (
            "新华社北京3月5日电（记者 王小明）会议召开。",
            (0, 18, "dateline", [("记者", "王小明", 14, 17)]),
        ),
        ("本报讯 记者 王小明 报道：会议召开。", (0, 14, "dateline", [("记者", "王小明", 7, 10)])),
        ("（记者 王小明）会议召开。", (0, 8, "dateline", [("记者", "王小明", 4, 7)])),
        (
            "会议现场（李红 摄） 本报讯（记者 王小明）会议",
            (11, 22, "dateline", [("记者", "王小明", 18, 21)]),
        ),
        (" 本报讯（记者 王小明）会议", (1, 12, "dateline", [("记者", "王小明", 8, 11)])),
        ("本报讯（王小明）会议召开。", (0, 8, "dateline", [(None, "王小明", 4, 7)])),
        ("本报讯 王小明：会议召开。", None),
        ("（王小明）会议召开。", None),
        ("会议现场（李红 摄）", None),
        ("会议召开。", None),
    ],
)
def test_dateline(text: str, expected: Expected) -> None:
    assert described(text, dateline(view(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "作者：陈小明 王红 来源：某报",
            (0, 9, "line", [("作者", "陈小明", 3, 6), ("作者", "王红", 7, 9)]),
        ),
        ("标题 | 作者: 陈小明", (5, 12, "line", [("作者", "陈小明", 9, 12)])),
        ("记者：陈小明｜来源：某报", (0, 6, "line", [("记者", "陈小明", 3, 6)])),
        ("作者：陈小明 ", (0, 6, "line", [("作者", "陈小明", 3, 6)])),
        ("作者：议政", (0, 5, "line", [("作者", "议政", 3, 5)])),
        (
            "作者：" + "王小明 " * 8 + "李红 赵刚 孙丽",
            (
                0,
                43,
                "line",
                [("作者", n, 3 + 4 * i, 6 + 4 * i) for i, n in enumerate(["王小明"] * 8)]
                + [("作者", "李红", 35, 37), ("作者", "赵刚", 38, 40), ("作者", "孙丽", 41, 43)],
            ),
        ),
        ("作者：" + "王小明 " * 8 + "李红 赵刚 孙小丽", None),
        ("主作者：陈小明", None),
        (
            "作者：" + "王小明" * 8,
            (0, 27, "line", [("作者", "王小明", 3 + 3 * i, 6 + 3 * i) for i in range(8)]),
        ),
        ("作者：" + "王小明" * 7 + "李小赵明", None),
        ("来源：某报", None),
        ("作者：" + "陈小明 " * 12, None),
    ],
)
def test_author_field(text: str, expected: Expected) -> None:
    assert described(text, author_field(view(text))) == expected


@pytest.mark.parametrize(
    ("text", "need_role", "labelled", "names"),
    [
        ("王小明", False, False, ["王小明"]),
        ("王小明", True, False, None),
        ("议政", False, False, None),
        ("议政", False, True, ["议政"]),
        ("记者 王小明／台北报道", True, False, ["王小明"]),
        ("某社记者王小明台北5日电", True, False, ["王小明"]),
        ("某社记者王小明台北3月5日电", True, False, ["王小明"]),
        ("王小明台北5日电", False, False, ["王小明"]),
        ("台北5日电", False, False, None),
        ("王小明台北5日电", True, False, None),
        ("议政台北5日电", False, True, ["议政"]),
        ("记者 议会协商会议", True, False, None),
        ("记者 王晓东李嘉赵", True, False, ["王晓东", "李嘉赵"]),
    ],
)
def test_parse_credits(text: str, need_role: bool, labelled: bool, names: list[str] | None) -> None:
    found = parse_credits(text, 0, len(text), need_role=need_role, labelled=labelled)
    assert (None if found is None else [c.name for c in found]) == names


@pytest.mark.parametrize(
    ("finder", "text", "split"),
    [
        (own_line, "记者 王晓东李嘉", [True, True]),
        (own_line, "记者：王晓东李嘉", [True, True]),
        (own_line, "王晓东李嘉 整理", [True, True]),
        (own_line, "王晓东李嘉整理", [True, True]),
        (own_line, "王晓东 李嘉 整理", [False, False]),
        (author_field, "作者：王晓东李嘉", [True, True]),
        (author_field, "作者：王晓东 李嘉", [False, False]),
    ],
)
def test_names_run_together_are_marked_split(
    finder: Callable[[Compact], BylineMatch | None], text: str, split: list[bool]
) -> None:
    found = finder(view(text))
    assert found is not None
    assert [c.split for c in found.credits] == split
