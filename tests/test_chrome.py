"""``chrome_reason`` line by line, around the words its costly patterns need.

A pattern that can only match a line holding a certain word (版, 摄/供图, a digit, a
separator) is skipped on lines without it; each row below holds that word or lacks it, and
letter-spaced rows check that the word is looked for in the despaced line too. Expected
reasons follow from the patterns in ``structure/chrome.py`` and ``data/web_chrome.txt``.
"""

from __future__ import annotations

import pytest

from speechparse.structure.chrome import chrome_reason


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
