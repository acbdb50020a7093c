"""The pipeline, top to bottom; each stage's docstring carries its number.

1. decode (``parse_file``; ``parse`` checks the ``str`` it is given) → 2. fold → 3. lines →
4. blocks → 5. assemble → 6. designations, bylines and points → 7. enrich → 8. report.

Each stage is a module of its own, takes the typed, immutable values the stage before it
returned and returns its own, diagnostics included; data only flows down this list, and this
file is the one place where the whole journey can be read.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from speechparse.build.document import Document
from speechparse.build.enrich import enrich as enrich_structure
from speechparse.build.enrich import wanted
from speechparse.build.report import build_report
from speechparse.build.speeches import Structure, structure_and_views
from speechparse.core.diagnostics import Code
from speechparse.core.text import LineIndex
from speechparse.decoding.decode import decode
from speechparse.decoding.fold import fold
from speechparse.structure.assemble import assemble
from speechparse.structure.blocks import build_blocks, split_lines
from speechparse.structure.markdown import blank_bold_labels

from ._read import BYTES_PER_CHAR, read_limited
from .errors import DecodeError, InputTooLargeError, NotAReportError
from .models import Diagnostic, Report, Source, SourceKind

DEFAULT_MAX_CHARS = 10_000_000
"""Inputs longer than this (in characters, or bytes for files) are refused unless the caller
raises the limit: a meeting report is a few tens of kilobytes, and a runaway input should fail
fast with a clear error rather than exhaust memory."""


def parse(
    text: str,
    *,
    strict: bool = False,
    keywords: bool = True,
    max_chars: int = DEFAULT_MAX_CHARS,
    encoding: str = "str",
    enrich: bool | str | Iterable[str] = True,
) -> Report:
    """Parse a meeting report given as text.

    ``keywords=False`` skips keyword extraction and so never loads jieba.
    ``enrich`` asks for less: ``False`` gives the structure only (no figures, quoted terms,
    keywords, title parts, home place or organisation resolution), a set of names from
    ``"figures"``, ``"quotes"``, ``"keywords"``, ``"organizations"``, ``"title_parts"`` gives
    those alone; the fields left out stay empty (``[]`` or null).
    ``strict=True`` raises :class:`NotAReportError` when no speech is found instead of
    returning an empty report with a diagnostic. ``encoding`` is only recorded in
    ``report.source`` (``parse_file`` passes the one it decoded with).
    """
    return parse_text(
        text,
        strict=strict,
        max_chars=max_chars,
        encoding=encoding,
        only=wanted(enrich, keywords=keywords),
    )


def parse_text(
    text: str,
    *,
    strict: bool,
    max_chars: int,
    encoding: str,
    only: frozenset[str],
    kind: SourceKind = "text",
    url: str | None = None,
) -> Report:
    """The pipeline; ``kind="html"`` records ``text`` (extracted from a page) in the source."""
    text, source = _checked(text, max_chars=max_chars, encoding=encoding, kind=kind, url=url)  # 1
    doc = Document(text, fold(text), LineIndex(text))  # 2
    marked = blank_bold_labels(doc.folded)  # 3: bold label marks blanked, offsets kept
    lines = split_lines(marked)
    blocks = build_blocks(marked, lines)  # 4
    draft = assemble(blocks)  # 5
    # Free what later stages do not read before they build models: the paragraphs' blocks
    # and views are most of the working memory (the draft keeps the blocks it refers to).
    del marked, lines, blocks
    structure, views = structure_and_views(doc, draft)  # 6
    del draft
    verdict = _no_speeches(doc, structure, strict=strict)
    enrichment = enrich_structure(doc, structure, only=only, views=views)  # 7
    del views  # stage 6's paragraph views, read by stage 7 alone
    diagnostics = [*structure.diagnostics, *enrichment.diagnostics, *verdict]
    del doc  # the folded copy is not read by stage 8: free it before the report is built
    return build_report(source, structure, enrichment, diagnostics)  # 8


def _checked(
    text: str, *, max_chars: int, encoding: str, kind: SourceKind, url: str | None
) -> tuple[str, Source]:
    """Stage 1 for text input: the size limit, the BOM dropped, lone surrogates refused."""
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"input has {len(text):,} characters, over the limit of {max_chars:,}"
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line, col = LineIndex(text).line_col(exc.start)
        raise DecodeError(
            f"{line}:{col}: the text holds a lone surrogate (U+{ord(text[exc.start]):04X}), "
            "which is not a character",
            offset=exc.start,
        ) from None
    source = Source(
        sha256=hashlib.sha256(encoded).hexdigest(),
        chars=len(text),
        encoding=encoding,
        kind=kind,
        text=text if kind == "html" else None,
        url=url,
    )
    return text, source


def _no_speeches(doc: Document, structure: Structure, *, strict: bool) -> tuple[Diagnostic, ...]:
    """A text with no speech is not a meeting report: say so (or raise, in strict mode).

    The lead stays as found; everything else is covered by the one diagnostic.
    """
    if structure.speeches:
        return ()
    text = doc.source
    if not text.strip():
        if strict:
            raise NotAReportError("the input holds no text")
        return (doc.diagnostic(Code.REPORT_EMPTY, "the input holds no text", 0, len(text)),)
    message = "no speaker designation (单位职务姓名：) found: not a meeting report"
    if strict:
        line, col = doc.lines.line_col(0)
        raise NotAReportError(f"{line}:{col}: {message}")
    return (doc.diagnostic(Code.REPORT_NO_SPEECHES, message, 0, len(text)),)


def parse_file(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    strict: bool = False,
    keywords: bool = True,
    max_chars: int = DEFAULT_MAX_CHARS,
    enrich: bool | str | Iterable[str] = True,
) -> Report:
    """Parse a report file, detecting UTF-8 (with or without BOM), UTF-16, GB18030 and Big5.

    Offsets index the decoded text with the BOM dropped and line endings untouched. An HTML
    page (a `.html`/`.htm` name, or content that starts like one) goes to
    :func:`speechparse.parse_html`, and offsets index the text extracted from it.
    """
    file = Path(path)
    size = file.stat().st_size
    if size > max_chars * BYTES_PER_CHAR:
        raise InputTooLargeError(
            f"{file}: {size:,} bytes ({size / 2**20:.1f} MiB), over the limit of "
            f"{max_chars:,} characters"
        )
    # A FIFO or a device reports size 0: the read itself must stop at the limit.
    with file.open("rb") as stream:
        data = read_limited(stream, max_chars * BYTES_PER_CHAR)
    if data is None:
        raise InputTooLargeError(
            f"{file}: more than {max_chars * BYTES_PER_CHAR:,} bytes, over the limit of "
            f"{max_chars:,} characters"
        )
    if encoding is None and (
        file.suffix.lower() in (".html", ".htm") or _html_input().looks_like_html(data)
    ):
        try:
            report: Report = _html_input().parse_html(
                data, strict=strict, keywords=keywords, max_chars=max_chars, enrich=enrich
            )
            return report
        except DecodeError as exc:
            raise DecodeError(f"{file}: {exc}", offset=exc.offset) from None
    try:
        text, used = decode(data, encoding)
    except DecodeError as exc:
        raise DecodeError(f"{file}: {exc}", offset=exc.offset) from None
    del data  # the bytes are not needed while the text is parsed
    return parse(
        text,
        strict=strict,
        keywords=keywords,
        max_chars=max_chars,
        encoding=used,
        enrich=enrich,
    )


def _html_input() -> ModuleType:
    """The HTML reader, imported when a page is met (it imports this module in turn)."""
    return importlib.import_module(".html_input", __package__)
