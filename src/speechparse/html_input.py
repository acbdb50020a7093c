"""HTML input: the page a user downloaded, reduced to the text of its blocks, then parsed.

The page is decoded by what it declares (a BOM, or a `<meta charset>`), parsed into a tree
(lxml, the optional extra ``speechparse[html]``), and its visible blocks are written one per
paragraph: `p`, `div`, `li`, `td`, `h1`–`h6` and `br` break lines; `script`, `style`, `nav`,
`header`, `footer`, `aside`, forms and hidden elements are dropped. Headings are written as
Markdown headings (`# 标题`) and a block that is all `strong`/`b` as `**小标题**`, so the text
layer reads them as structure and keeps the marks out of every value.

Every offset of the report indexes that extracted text, which the report carries in
``report.source.text``; :func:`extract_text` regenerates it byte for byte.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from .build.enrich import wanted
from .errors import DecodeError, InputTooLargeError, MissingExtraError
from .parser import DEFAULT_MAX_CHARS, parse_text

if TYPE_CHECKING:
    from .models import Report

__all__ = ["decode_html", "extract_text", "looks_like_html", "parse_html"]

# Elements whose content is never part of the article.
_DROP = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link",
        "nav", "header", "footer", "aside", "form", "button", "select", "option", "textarea",
        "input", "iframe", "object", "embed", "svg", "canvas", "video", "audio", "map",
    }
)  # fmt: skip
# Elements that stand on lines of their own.
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
        "table", "tbody", "thead", "tr", "td", "th", "blockquote", "pre", "figure",
        "figcaption", "center", "address", "h1", "h2", "h3", "h4", "h5", "h6", "body", "html",
    }
)  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BOLD = frozenset({"strong", "b"})
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
_SPACES = regex.compile(r"[ \t\r\n\f\v]+")
_META_CHARSET = regex.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", regex.IGNORECASE
)
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_START = regex.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    regex.IGNORECASE | regex.DOTALL,
)
# Declared names that mean a wider encoding in practice (pages labelled gb2312 hold GBK).
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}


def looks_like_html(data: str | bytes) -> bool:
    """Whether the input starts like an HTML page (a doctype, `<html>`, `<head>` or `<body>`)."""
    head = data[:1024]
    if isinstance(head, bytes):
        for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16")):
            if head.startswith(bom):
                head = head.decode(codec, errors="ignore")
                break
        else:
            if head.startswith(codecs.BOM_UTF16_BE):
                head = head.decode("utf-16", errors="ignore")
            else:
                head = head.decode("latin-1")
    return _HTML_START.match(head.lstrip("\ufeff")) is not None


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and the encoding used: a BOM first, then the charset the page declares
    in a `<meta>` element, then UTF-8, then the text decoder's own detection."""
    from .decoding.decode import decode

    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return decode(data, codec)
    declared = _META_CHARSET.search(data[:4096])
    if declared is not None:
        name = declared.group(1).decode("ascii", errors="ignore").lower()
        name = _WIDER.get(name, name)
        try:
            codecs.lookup(name)
        except LookupError:
            pass  # an unknown label: detect instead
        else:
            return decode(data, name)
    return decode(data, None)


def _lxml_html() -> Any:
    try:
        from lxml import html as lxml_html
    except ImportError:
        raise MissingExtraError(
            "HTML input needs the optional extra: pip install 'speechparse[html]' (lxml)"
        ) from None
    return lxml_html


def extract_text(html: str | bytes) -> str:
    """The text of the page's visible blocks, one block per paragraph (blank-line separated).

    Deterministic: the same page gives the same text, which is what a report parsed from
    HTML indexes (``report.source.text``).
    """
    lxml_html = _lxml_html()
    text = decode_html(html)[0] if isinstance(html, bytes) else html
    text = _XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1)
    if not text.strip():
        return ""
    try:
        root = lxml_html.document_fromstring(text)
    except Exception as exc:  # lxml raises several types for unusable markup
        raise DecodeError(f"1:1: the page cannot be read as HTML ({exc})", offset=0) from None
    writer = _Writer()
    writer.element(root)
    return writer.finish()


class _Writer:
    """Walks the tree, collecting inline text into the current block."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.lines: list[str] = []
        self.prefix = ""

    def element(self, node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.lower()
        if not tag or tag in _DROP or _hidden(node):
            # A comment, a processing instruction or a dropped element: only its tail counts.
            self.inline(node.tail)
            return
        if tag == "br":
            self.newline()
            self.inline(node.tail)
            return
        if tag == "img":
            self.inline(node.get("alt") if node.get("alt") else None)
            self.inline(node.tail)
            return
        block = tag in _BLOCKS
        if block:
            self.close_block()
            if tag in _HEADINGS:
                self.prefix = "#" * _HEADINGS[tag] + " "
            elif _all_bold(node):
                self.prefix = "**"
        self.inline(node.text)
        for child in node:
            self.element(child)
        if block:
            self.close_block()
        self.inline(node.tail)

    def inline(self, text: str | None) -> None:
        if text:
            self.line.append(_SPACES.sub(" ", text))

    def newline(self) -> None:
        line = "".join(self.line).strip(" ")
        self.line = []
        if line:
            self.lines.append(line)

    def close_block(self) -> None:
        self.newline()
        if self.lines:
            if self.prefix == "**":
                self.lines = [f"**{line}**" for line in self.lines]
            elif self.prefix:
                self.lines[0] = self.prefix + self.lines[0]
            self.blocks.append("\n".join(self.lines))
        self.lines = []
        self.prefix = ""

    def finish(self) -> str:
        self.close_block()
        return "\n\n".join(self.blocks) + ("\n" if self.blocks else "")


def _hidden(node: Any) -> bool:
    if node.get("hidden") is not None or node.get("aria-hidden") == "true":
        return True
    style = node.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def _all_bold(node: Any) -> bool:
    """A block whose every visible character is inside `strong`/`b`: a section head."""
    if (node.text or "").strip():
        return False
    children = list(node)
    if not children:
        return False
    for child in children:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag not in _BOLD or (child.tail or "").strip():
            return False
    return True


def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    strict: bool = False,
    keywords: bool = True,
    max_chars: int = DEFAULT_MAX_CHARS,
    enrich: bool | str | Iterable[str] = True,
) -> Report:
    """Parse a meeting report given as an HTML page (bytes are decoded by the page's charset).

    The report's offsets index the extracted text, kept in ``report.source.text``;
    ``url``, when given, is recorded in ``report.source.url``.
    """
    if len(html) > max_chars * 4:
        raise InputTooLargeError(
            f"the page has {len(html):,} characters or bytes, over the limit for "
            f"{max_chars:,} characters"
        )
    encoding = "str"
    if isinstance(html, bytes):
        html, encoding = decode_html(html)
    text = extract_text(html)
    return parse_text(
        text,
        strict=strict,
        max_chars=max_chars,
        encoding=encoding,
        only=wanted(enrich, keywords=keywords),
        kind="html",
        url=url,
    )


def parse_html_file(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    keywords: bool = True,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Report:
    """Read an HTML file and parse it (what ``parse_file`` does for `.html`/`.htm` files)."""
    file = Path(path)
    try:
        return parse_html(file.read_bytes(), strict=strict, keywords=keywords, max_chars=max_chars)
    except DecodeError as exc:
        raise DecodeError(f"{file}: {exc}", offset=exc.offset) from None
