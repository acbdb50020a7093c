"""``chrome_reason`` line by line, around the words its costly patterns need.

A pattern that can only match a line holding a certain word (版, 摄/供图, a digit, a
separator) is skipped on lines without it; each row below holds that word or lacks it, and
letter-spaced rows check that the word is looked for in the despaced line too. Expected
reasons follow from the patterns in ``structure/chrome.py`` and ``data/web_chrome.txt``.
"""

from __future__ import annotations

import pytest

from speechparse.structure.chrome import chrome_reason, glued_head_end, glued_source_start


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        pytest.param("桤川日报 3月13日 第 2 版", "edition line", id="edition-after-a-date"),
        pytest.param("第 02 版：要闻", "edition line", id="edition-first"),
        pytest.param("会议安排在第二版块讨论", None, id="ban-without-a-paper-or-date"),
        pytest.param("（桤川日报记者 缪致远 摄）", "photo caption", id="bracketed-credit"),
        pytest.param("王明摄影", "photo credit", id="photographer"),
        pytest.param("受访者 供 图", "photo credit", id="letter-spaced-handout"),
        pytest.param("阅读 3562", "counter", id="counter"),
        pytest.param("阅读 三千", None, id="counter-without-a-digit"),
        pytest.param("首页 > 新闻 > 正文", "breadcrumb", id="breadcrumb"),
        pytest.param("首页 | 时政 | 经济", "navigation menu", id="menu"),
        pytest.param("首页 新闻 正文", None, id="links-without-separators"),
        pytest.param("真人视讯娱乐城 注册送彩金", "advertisement", id="spam"),
        pytest.param("推动企业科协建设", None, id="headline"),
    ],
)
def test_chrome_reason(line: str, reason: str | None) -> None:
    assert chrome_reason(line) == reason


_HEAD = "7  县域经济  2024年9月12日  星期四  "


# (line, start, where the text glued to a running head begins, or None)
GLUED_HEAD_CASES: list[tuple[str, int, int | None]] = [
    (_HEAD + "责任编辑：张某  研究院，开展调研", 0, 35),  # editors' labels belong to the head
    (_HEAD + "开展调研", 0, 26),  # four characters after the head: text
    (_HEAD + "开展", 0, None),  # two: too little to be the paragraph's continuation
    ("7  县域经济  2024年9月12日  周四  开展调研工作", 0, 25),  # 周 names the weekday too
    ("7  县域经济  2024年9月12日  开展调研工作", 0, None),  # no weekday: no running head
    ("前言 " + _HEAD + "开展调研工作", 3, 29),  # the line starts at ``start``
]


@pytest.mark.parametrize(("line", "start", "expected"), GLUED_HEAD_CASES)
def test_glued_head_end(line: str, start: int, expected: int | None) -> None:
    assert glued_head_end(line, start, len(line)) == expected


_EDITION = "《某报》（2026年01月22日第 18 版）"


# (line, where the glued edition line begins, or None)
GLUED_SOURCE_CASES: list[tuple[str, int | None]] = [
    ("本报记者  某甲  某乙" + _EDITION, 12),
    ("某乙" + _EDITION, 2),  # two characters of credit are enough
    ("乙" + _EDITION, None),  # one is not a credit
    (_EDITION, None),  # the edition line alone is not glued to anything
    ("本报记者 某甲《某报》（第十八版）", 7),
    ("本报记者 某甲" + _EDITION + "。", None),  # it must end the line
    ("甲" * 95 + "某乙" + _EDITION, 97),  # 120 characters: still a byline line
    ("甲" * 96 + "某乙" + _EDITION, None),  # 121: a paragraph, not a byline line
]


@pytest.mark.parametrize(("line", "expected"), GLUED_SOURCE_CASES)
def test_glued_source_start(line: str, expected: int | None) -> None:
    assert glued_source_start(line, 0, len(line)) == expected


# (line, reason): three or more short links with two separators, and no sentence end.
TRAIL_CASES: list[tuple[str, str | None]] = [
    ("首页 > 新闻 > 正文", "breadcrumb"),
    ("首页 | 政务 | 互动", "navigation menu"),
    ("首页 > 新闻", None),  # two links
    ("首页 > 新闻 > 甲乙丙丁戊己庚辛壬癸子丑", "breadcrumb"),  # a 12-character link
    ("首页 > 新闻 > 甲乙丙丁戊己庚辛壬癸子丑寅", None),  # 13: a sentence, not a link
    ("首页 > 新闻 > 正文。", None),  # a sentence end
    ("> 新闻 > 正文", None),  # two links after a leading separator
]


@pytest.mark.parametrize(("line", "reason"), TRAIL_CASES)
def test_trail(line: str, reason: str | None) -> None:
    from speechparse.structure.chrome import _trail

    assert _trail(line) == reason
