"""Markdown from crawlers: the marks that frame a line, read as structure and left out of text.

Crawlers that save e-paper articles write the title as `# 标题`, a kicker as `### 引题——`, the
edition line as a `> ` quote and section heads in `**bold**`. The marks say where a line stands
(a heading and its level); they are never part of a value. Stripping them only moves a line's
content bounds, so every offset still indexes the source: spans simply exclude the marks.
Marks inside a sentence (a link in running text) are left as written.
"""

from __future__ import annotations

import regex

_QUOTE = regex.compile(r"(?:>[ ]?)+")
_HEADING = regex.compile(r"(#{1,6})(?:[ ]+|$)")
_LIST_ITEM = regex.compile(r"[-+*][ ]+(?=\S)")
_BOLD_OPEN = regex.compile(r"(?:\*\*|__)")
_SPACE = " \t\u3000\xa0"
_MARK_STARTS = frozenset(">#-+*_")  # the first character of every mark above


def strip_marks(folded: str, start: int, end: int) -> tuple[int, int, int]:
    """Content bounds of ``folded[start:end]`` without its Markdown line marks, and its
    heading level (0 when it is not a heading).

    `> # 标题` → `标题` at level 1; `**小标题**` → `小标题`; `- 条目` → `条目`. A line that is
    nothing but marks comes back empty (``start == end``).
    """
    a, b = start, end
    if a >= b or folded[a] not in _MARK_STARTS:  # most lines: no mark can stand there
        return a, max(a, b), 0
    quote = _QUOTE.match(folded, a, b)
    if quote is not None:
        a = _skip_space(folded, quote.end(), b)
    level = 0
    heading = _HEADING.match(folded, a, b)
    if heading is not None:
        level = len(heading.group(1))
        a = _skip_space(folded, heading.end(), b)
        # A closing sequence (`# 标题 #`) is decoration too.
        while b > a and folded[b - 1] == "#":
            b -= 1
        while b > a and folded[b - 1] in _SPACE:
            b -= 1
    elif (item := _LIST_ITEM.match(folded, a, b)) is not None:
        a = item.end()
    bold = _BOLD_OPEN.match(folded, a, b)
    if bold is not None and b - a > 4 and folded.startswith(bold.group(), b - 2):
        a = _skip_space(folded, a + 2, b - 2)
        b -= 2
        while b > a and folded[b - 1] in _SPACE:
            b -= 1
    return a, max(a, b), level


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i] in _SPACE:
        i += 1
    return i


# `**记者：**问…`, `**某某**：答…`: a turn's label in bold at the start of a line.
_BOLD_LABEL = regex.compile(
    r"(?m)^([ \u3000>]*)(\*\*)([^*\n：]{1,20})(?:(：)(\*\*)|(\*\*)(：))(?=[^\n]*[^\s*])"
)


def blank_bold_labels(folded: str) -> str:
    """The folded text with the bold marks around a line's leading label turned into spaces.

    Offsets are kept (each mark becomes one space), so the label and the words after it are
    read as in plain text, `记者：…`, and no span of a value starts or ends on a mark.
    """
    if "**" not in folded:
        return folded

    def blank(m: regex.Match[str]) -> str:
        return "".join("  " if part == "**" else (part or "") for part in m.groups())

    return _BOLD_LABEL.sub(blank, folded)
