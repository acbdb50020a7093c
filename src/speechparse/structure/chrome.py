"""Page chrome: edition lines, jump lines, e-paper navigation, editors' credit blocks.

These lines come from the page, not the report. They are set aside as diagnostics (so they
are never lost) and never break a paragraph's text.
"""

from __future__ import annotations

from functools import cache

import regex

from speechparse.core.lexicon import word_set
from speechparse.core.text import alt

_NUM = r"[0-9一二三四五六七八九十〇零百]"
_DATE = r"\d{2,4} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日"

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("jump line", rf"^（ ?[上下] ?[转接] ?第? ?{_NUM}{{1,3}} ?版 ?）$"),
    ("edition line", rf"^第 ?{_NUM}{{1,4}} ?版|(?:报|\d ?月|\d ?日).{{0,24}}第 ?{_NUM}{{1,4}} ?版"),
    ("source line", r"^《[^》]{1,20}》 ?（[^（）]*(?:版|\d{4})[^（）]*）$"),
    ("running head", rf"{_DATE} ?(?:星期|周)[一二三四五六日天]"),
    ("masthead", rf"^\p{{Han}}{{1,10}}(?:日报|晚报|报|时报|周刊) ?{_DATE}$"),
    ("navigation", r"上一篇|下一篇|返回目录|返回首页|打印本页|关闭窗口|放大 ?缩小|PDF ?版"),
    ("share widget", r"^分享到|点击查看|点击进入|扫一扫|扫码关注|阅读原文|^\[?打印\]?$"),
    ("markup", r"</?[A-Za-z][A-Za-z0-9]*[^<>]{0,40}>|&nbsp;"),
    ("meta line", r"^(?:来源|作者|发布时间|发布日期|时间)[：/]"),
    ("meta line", r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}.{0,20}(?:来源|作者|编辑)"),
    ("footer", r"^[^。，]{0,30}版权所有[^。，]{0,30}$|^(?:地址|邮编|传真|新闻热线|广告热线)[：:]"),
)


@cache
def _compiled() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    editors = alt(word_set("editor_roles"))
    patterns = (
        *_PATTERNS,
        ("editor credits", rf"^[（【]?(?:{editors}) ?[：/:]"),
        # A picture's credit or caption: `（记者 X 摄）`, `图为会议现场。（记者 X 摄）`.
        ("photo credit", r"^[^：]{0,36}(?:摄|摄影|供图)[）】]?$"),
    )
    return tuple((reason, regex.compile(p)) for reason, p in patterns)


def chrome_reason(line: str) -> str | None:
    """Why ``line`` (folded, compact) is page chrome, or None when it is not."""
    if len(line) > 80:
        return None
    # Labels are often letter-spaced (`编 辑：`, `一 审：`); match them without the spaces.
    despaced = line.replace(" ", "") if " " in line else None
    for reason, pattern in _compiled():
        if pattern.search(line) or (despaced is not None and pattern.search(despaced)):
            return reason
    return None


@cache
def _glued_head() -> regex.Pattern[str]:
    editors = alt(word_set("editor_roles"))
    return regex.compile(
        rf"(?:\d{{1,4}} +)?[^\n]{{0,30}}?{_DATE} *(?:星期|周)[一二三四五六日天]"
        rf"(?: +(?:{editors}) ?[：:] ?[^ \n]{{1,8}})* +"
    )


def glued_head_end(folded: str, start: int, end: int) -> int | None:
    """Where the text begins on a line a PDF copy glued to its running head, if it did.

    `7  县域经济  2024年9月12日  星期四  责任编辑：X  校对：Y  研究院，开展…` — the head is
    page chrome, the rest continues the paragraph the page break cut.
    """
    m = _glued_head().match(folded, start, end)
    if m is None or end - m.end() < 4:
        return None
    return m.end()
