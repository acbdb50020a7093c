"""Page chrome: edition lines, jump lines, e-paper navigation, editors' credit blocks, and the
clutter a web page wraps around an article (breadcrumbs, meta lines, share bars, related
lists, footers, app banners, counters, advertisements, photo captions and credits).

These lines come from the page, not the report. They are set aside as diagnostics (so they
are never lost) and never break a paragraph's text. They are recognised by their shape
(a `>` trail, a label and a colon, a line of short widget words); the words themselves live
in ``data/web_chrome.txt`` and ``data/spam_words.txt``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from speechparse.core.chars import SENTENCE_END_RE
from speechparse.core.lexicon import lexicon, word_set
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


# Words one of which every match of a costly pattern holds: a line holding none of them is
# passed over without running the pattern (most lines, since most lines are not chrome).
_NEEDS: dict[str, tuple[str, ...]] = {
    "edition line": ("版",),
    "photo credit": ("摄", "供图"),
}


@cache
def _compiled() -> tuple[tuple[str, regex.Pattern[str], tuple[str, ...]], ...]:
    editors = alt(word_set("editor_roles"))
    patterns = (
        *_PATTERNS,
        ("editor credits", rf"^[（【]?(?:{editors}) ?[：/:]"),
        # A picture's credit or caption: `（记者 X 摄）`, `图为会议现场。（记者 X 摄）`.
        ("photo credit", r"^[^：]{0,36}(?:摄|摄影|供图)[）】]?$"),
    )
    return tuple((reason, regex.compile(p), _NEEDS.get(reason, ())) for reason, p in patterns)


def _found(pattern: regex.Pattern[str], needs: tuple[str, ...], text: str) -> bool:
    return (not needs or any(word in text for word in needs)) and pattern.search(text) is not None


@lru_cache(maxsize=4096)
def chrome_reason(line: str) -> str | None:
    """Why ``line`` (folded, compact) is page chrome, or None when it is not.

    The answer depends on the text alone, so a line seen twice (as a line, then as a block)
    is judged once."""
    if len(line) > 150:
        return None
    caption = _caption_reason(line)
    if caption is not None or len(line) > 80:
        return caption
    # Labels are often letter-spaced (`编 辑：`, `一 审：`); match them without the spaces.
    despaced = line.replace(" ", "") if " " in line else None
    for reason, pattern, needs in _compiled():
        if _found(pattern, needs, line) or (
            despaced is not None and _found(pattern, needs, despaced)
        ):
            return reason
    return _web_reason(line, despaced or line)


def related_heading(line: str) -> bool:
    """`相关报道`, `【延伸阅读】`: the heading of a list of links to other articles."""
    return _web().related.fullmatch(line) is not None


_SENTENCE_END = SENTENCE_END_RE
_TOKEN_GAP = regex.compile(r"[\s|｜/【】\[\]（）：:·•]+")
_TRAIL = regex.compile(r"\s*(?:>|»|›|→)\s*")
_SEPARATED = regex.compile(r"\s*[|｜]\s*")
_DATE_ONLY = regex.compile(
    r"[【\[（]?(?:date ?)?(?:\d{4} ?[-/.年] ?)?\d{1,2} ?[-/.月] ?\d{1,2} ?日?"
    r"(?: ?(?:星期|周)[一二三四五六日天])?(?: ?\d{1,2}[：:]\d{2}(?:[：:]\d{2})?)?[】\]）]?"
)
_NUMBER_UNIT = r"(?:量|数|次数)? ?[：:]? ?\d+"
_TRAILS = ((_TRAIL, "breadcrumb", ">»›→"), (_SEPARATED, "navigation menu", "|｜"))
_DIGIT = regex.compile(r"\d")
_LINK_ONLY = regex.compile(r"^！?【[^【】]*】（(?:https?：//|www\.|/)[^（）]*）$")


def _caption_reason(line: str) -> str | None:
    """A photo caption or credit line, which may be long (the caption is a sentence)."""
    web = _web()
    if web.caption_bracketed.fullmatch(line):
        return "photo caption"
    if web.picture_label.match(line) and len(line) <= 40:
        return "photo credit"
    tail = web.caption_tail.search(line)
    if tail is None:
        return None
    # The credit is the last few characters after the caption's sentence end or its gap.
    cut = max(
        line.rfind(" ", 0, tail.start()),
        line.rfind("。", 0, tail.start()),
        line.rfind("（", 0, tail.start()),
    )
    # A caption describes a picture; a colon before the credit means someone speaks.
    if "：" in line[: max(cut, 0)]:
        return None
    if tail.start() - cut - 1 <= 12 and not _SENTENCE_END.search(line, cut + 1):
        return "photo credit" if cut < 0 else "photo caption"
    return None


@dataclass(frozen=True, slots=True)
class _WebWords:
    location: regex.Pattern[str]
    meta: regex.Pattern[str]
    meta_any: regex.Pattern[str]
    widget: frozenset[str]
    related: regex.Pattern[str]
    footer: regex.Pattern[str]
    app: regex.Pattern[str]
    placeholder: frozenset[str]
    language: frozenset[str]
    spam: tuple[str, ...]
    spam_any: regex.Pattern[str]  # any one of ``spam``, to pass most lines with one search
    caption_bracketed: regex.Pattern[str]
    caption_tail: regex.Pattern[str]
    picture_label: regex.Pattern[str]
    counter: regex.Pattern[str]


@cache
def _web() -> _WebWords:
    words: dict[str, list[str]] = {}
    for kind, word in lexicon().web_chrome:
        words.setdefault(kind, []).append(word)
    return _WebWords(
        location=regex.compile(rf"^[【\[]?\p{{Han}}{{0,6}}?{alt(words['location'])}[】\]]?[ ：:]"),
        meta=regex.compile(rf"^{alt(words['meta'])} ?[：:/]"),
        meta_any=regex.compile(rf"{alt(words['meta_any'])} ?[：:]"),
        widget=frozenset(words["widget"]),
        related=regex.compile(rf"[【\[]?{alt(words['related'])}[】\]]?[ ：:]*"),
        footer=regex.compile(alt(words["footer"]), regex.IGNORECASE),
        app=regex.compile(alt(words["app"]), regex.IGNORECASE),
        placeholder=frozenset(words["placeholder"]),
        language=frozenset(words["language"]),
        spam=tuple(sorted(lexicon().spam_words)),
        spam_any=regex.compile(alt(lexicon().spam_words)),
        # `（新华社发 资料图片）`: a bracket holding only a credit (图片 counts inside one).
        caption_bracketed=regex.compile(
            rf"[（【][^（）【】]{{0,40}}{alt([*words['credit'], '图片'])}[）】]"
        ),
        caption_tail=regex.compile(rf"{alt(words['credit'])}[）】]?$"),
        picture_label=regex.compile(rf"^{alt(words['picture'])}[/／：:]"),
        counter=regex.compile(
            rf"{alt(words['counter'])}{_NUMBER_UNIT}|\d+ ?(?:人|次)?{alt(words['counter'])}"
        ),
    )


def _web_reason(line: str, despaced: str) -> str | None:
    """The clutter of web pages, by shape first and vocabulary second."""
    web = _web()
    if despaced.strip("【】[]（）") in web.placeholder:
        return "placeholder"
    if _DATE_ONLY.fullmatch(line):
        return "date line"
    tokens = [t for t in _TOKEN_GAP.split(line) if t]
    if tokens and all(t in web.language for t in tokens):
        return "language switch"
    location = web.location.match(despaced)
    if location is not None and (
        len(despaced) <= 30 or _TRAIL.search(despaced, location.end()) is not None
    ):
        return "breadcrumb"
    trail = _trail(line)
    if trail is not None:
        return trail
    if web.related.fullmatch(line):
        return "related articles"
    if _LINK_ONLY.match(line):
        return "link"
    terminated = "。" in line or line.endswith(("！", "？"))
    if not terminated and (web.meta.match(despaced) or web.meta_any.search(line)):
        return "meta line"
    if web.footer.search(line):
        return "footer"
    if web.app.search(despaced) and len(line) <= 60:
        return "app banner"
    if web.spam_any.search(line) is not None and _spam_hits(web.spam, line) >= 2:
        return "advertisement"
    # Every counter shows a number: a line without a digit needs no search for one.
    if not terminated and len(line) <= 40 and _DIGIT.search(line) and web.counter.search(line):
        return "counter"
    if tokens and all(t in web.widget for t in tokens):
        return "share widget"
    return None


def _spam_hits(words: tuple[str, ...], line: str) -> int:
    return sum(1 for word in words if word in line)


def _trail(line: str) -> str | None:
    """`首页 > 新闻 > 正文` (a breadcrumb) or `首页 | 政务 | 互动` (a menu): three or more
    short links in a row."""
    for splitter, reason, marks in _TRAILS:
        if not any(mark in line for mark in marks):  # no separator: not two of them
            continue
        parts = [p for p in splitter.split(line) if p]
        if (
            len(parts) >= 3
            and len(splitter.findall(line)) >= 2
            and all(len(p) <= 12 for p in parts)
            and not _SENTENCE_END.search(line)
        ):
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
    # The head holds a date and a weekday: a line without 年 or a weekday word has none.
    if folded.find("年", start, end) < 0 or (
        folded.find("星期", start, end) < 0 and folded.find("周", start, end) < 0
    ):
        return None
    m = _glued_head().match(folded, start, end)
    if m is None or end - m.end() < 4:
        return None
    return m.end()


_GLUED_SOURCE = regex.compile(r"《[^《》]{1,20}》 ?（[^（）]*(?:版|\d{4})[^（）]*）$")


def glued_source_start(folded: str, start: int, end: int) -> int | None:
    """Where an edition line begins that a crawler glued to the end of a byline line.

    `本报记者  某甲  某乙《某报》（2026年01月22日第 18 版）`: the credit is the report's byline,
    the rest names the paper and the page.
    """
    # The edition line ends the line with its bracket and names the paper in 《》.
    if end - start > 120 or folded[end - 1] != "）" or folded.find("《", start, end) < 0:
        return None
    m = _GLUED_SOURCE.search(folded, start, end)
    if m is None or m.start() - start < 2:
        return None
    return m.start()
