"""Meaning-preserving text transformations for metamorphic tests.

Every transformation is a pure function ``str -> str`` (the two file-level ones, a BOM and a
GB18030 re-encoding, are ``str -> bytes``). A report pushed through any of them, or through any
composition of them, is the same report to a human reader, so it must parse to the same meaning.

Line-based transformations keep each line's own ending (``\\n``, ``\\r\\n`` or none), so they
compose in any order with :func:`crlf`.
"""

from __future__ import annotations

import codecs
import functools
from collections.abc import Callable

import opencc

__all__ = [
    "FULL_TO_HALF",
    "HALF_TO_FULL",
    "Transform",
    "bom_bytes",
    "compose",
    "crlf",
    "extra_blank_lines",
    "fullwidth",
    "gb18030_bytes",
    "halfwidth",
    "indent_all",
    "indent_paragraphs",
    "lf",
    "remove_blank_lines",
    "traditional",
    "trailing_spaces",
    "wrap",
]

Transform = Callable[[str], str]

# Full-width punctuation and its ASCII form. Quotation marks (“”‘’「」) are left alone on
# purpose: ASCII " and ' do not say which side they open, so they are not the same text.
FULL_TO_HALF: dict[str, str] = {
    "，": ",",
    "：": ":",
    "；": ";",
    "（": "(",
    "）": ")",
    "！": "!",
    "？": "?",
    "％": "%",
    "＋": "+",
    "－": "-",
    "／": "/",
    "［": "[",
    "］": "]",
    "．": ".",
}
HALF_TO_FULL: dict[str, str] = {v: k for k, v in FULL_TO_HALF.items() if v in ",:;()!?"}

_HALF_TABLE = str.maketrans(FULL_TO_HALF)
_FULL_TABLE = str.maketrans(HALF_TO_FULL)

IDEOGRAPHIC_INDENT = "\u3000\u3000"

# Characters a sentence (hence a paragraph) can end with.
_SENTENCE_END = frozenset("。！？!?…”’」』）)")
# Punctuation only running text has; a title, headline or name line has none of it.
_RUNNING_PUNCT = frozenset("，。；,;！？!?")


def _lines(text: str) -> list[tuple[str, str]]:
    """``(content, eol)`` pairs; ``eol`` is ``\\r\\n``, ``\\n`` or ``''`` (last line only).

    Only LF ends a line (a lone CR, U+2028 ... stay content), so ``_join(_lines(t)) == t``.
    """
    parts = text.split("\n")
    out: list[tuple[str, str]] = []
    for i, part in enumerate(parts):
        if i == len(parts) - 1:
            if part:
                out.append((part, ""))
        elif part.endswith("\r"):
            out.append((part[:-1], "\r\n"))
        else:
            out.append((part, "\n"))
    return out


def _join(lines: list[tuple[str, str]]) -> str:
    return "".join(c + e for c, e in lines)


def _eol_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _blank(content: str) -> bool:
    return not content.strip()


# --- punctuation width -----------------------------------------------------------------------


def halfwidth(text: str) -> str:
    """Full-width punctuation to ASCII: ，→, ：→: （→( ... (quotes untouched)."""
    return text.translate(_HALF_TABLE)


def fullwidth(text: str) -> str:
    """ASCII , : ; ( ) ! ? to their full-width forms (the inverse of :func:`halfwidth`)."""
    return text.translate(_FULL_TABLE)


# --- line endings ----------------------------------------------------------------------------


def crlf(text: str) -> str:
    """Every line break as CRLF."""
    return _join([(c, "\r\n" if e else "") for c, e in _lines(text)])


def lf(text: str) -> str:
    """Every line break as LF."""
    return _join([(c, "\n" if e else "") for c, e in _lines(text)])


# --- indentation -----------------------------------------------------------------------------


def _is_paragraph_start(content: str, previous: str | None) -> bool:
    """A line opening a paragraph of running text (not a title, headline, byline or a
    continuation of a sentence broken by the layout)."""
    body = content.strip()
    if not any(ch in _RUNNING_PUNCT for ch in body):
        return False
    if previous is None:
        return True
    prev = previous.strip()
    # After a line of running text, only a line following a finished sentence opens a paragraph.
    return prev[-1] in _SENTENCE_END or not any(ch in _RUNNING_PUNCT for ch in prev)


def _indented(content: str) -> bool:
    return bool(content) and content[0] in " \t\u3000" and not _blank(content)


def indent_paragraphs(text: str) -> str:
    """Prefix ``　　`` to each line that starts a paragraph.

    A text that already indents its paragraphs says where they start: there, the indentation
    is only normalized to ``　　`` (a hard-wrapped continuation line is never indented).
    Otherwise a paragraph starts at a line of running text after a finished sentence or a
    line that is not running text (title, headline); a sentence broken over a blank line by
    the layout (``创新引\n\n才制度``) is not indented.
    """
    lines = _lines(text)
    if any(_indented(c) for c, _ in lines):
        return _join(
            [(IDEOGRAPHIC_INDENT + c.lstrip() if _indented(c) else c, e) for c, e in lines]
        )
    out: list[tuple[str, str]] = []
    previous: str | None = None
    for content, eol in lines:
        if _blank(content):
            out.append((content, eol))  # ``previous`` stays: a sentence can go on after it
            continue
        if _is_paragraph_start(content, previous):
            content = IDEOGRAPHIC_INDENT + content.lstrip()
        out.append((content, eol))
        previous = content
    return _join(out)


def indent_all(text: str) -> str:
    """Prefix ``　　`` to every non-blank line (existing indentation replaced)."""
    return _join(
        [(c if _blank(c) else IDEOGRAPHIC_INDENT + c.lstrip(), e) for c, e in _lines(text)]
    )


# --- hard wrapping ---------------------------------------------------------------------------


def wrap(text: str, width: int) -> str:
    """Break every line longer than ``width`` characters into lines of ``width`` characters
    (the last one shorter), as a narrow newspaper column does; no blank lines are added."""
    if width < 1:
        raise ValueError("width must be positive")
    eol = _eol_of(text)
    out: list[tuple[str, str]] = []
    for content, end in _lines(text):
        if len(content) <= width:
            out.append((content, end))
            continue
        pieces = [content[i : i + width] for i in range(0, len(content), width)]
        for piece in pieces[:-1]:
            out.append((piece, end or eol))
        out.append((pieces[-1], end))
    return _join(out)


@functools.cache
def wrapper(width: int) -> Transform:
    """:func:`wrap` at a fixed width, as a named one-argument transform."""

    def _wrap(text: str) -> str:
        return wrap(text, width)

    _wrap.__name__ = f"wrap{width}"
    return _wrap


# --- blank lines and trailing space ----------------------------------------------------------


def extra_blank_lines(text: str) -> str:
    """A blank line after every line (so paragraphs end up two or more blank lines apart)."""
    return _join([(c + e + (e if e else ""), "") for c, e in _lines(text)])


def remove_blank_lines(text: str) -> str:
    """Drop every blank (or whitespace-only) line."""
    return _join([(c, e) for c, e in _lines(text) if not _blank(c)])


def trailing_spaces(text: str) -> str:
    """Spaces (and a tab) at the end of every line, blank ones included."""
    return _join([(c + "  \t ", e) for c, e in _lines(text)])


# --- script ----------------------------------------------------------------------------------


@functools.cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    """Simplified to traditional Chinese with OpenCC ``s2t``.

    OpenCC converts phrases, which can change the length of a line; such lines are converted
    character by character instead, so every line keeps its length (and the structure holds).
    """
    cc = _s2t()
    out: list[tuple[str, str]] = []
    for content, eol in _lines(text):
        converted = cc.convert(content)
        if len(converted) != len(content):
            chars = [cc.convert(ch) for ch in content]
            converted = "".join(
                t if len(t) == 1 else ch for t, ch in zip(chars, content, strict=True)
            )
        out.append((converted, eol))
    return _join(out)


# --- file level ------------------------------------------------------------------------------


def bom_bytes(text: str) -> bytes:
    """UTF-8 with a byte-order mark."""
    return codecs.BOM_UTF8 + text.encode("utf-8")


def gb18030_bytes(text: str) -> bytes:
    """The text re-encoded as GB18030."""
    return text.encode("gb18030")


# --- composition -----------------------------------------------------------------------------


def compose(*steps: Transform) -> Transform:
    """Apply ``steps`` left to right."""

    def _composed(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    _composed.__name__ = "+".join(getattr(s, "__name__", "?") for s in steps)
    return _composed
