"""The pipeline, top to bottom: decode → fold → blocks → assemble → build the model.

Each stage is a module of its own and data only flows down this list; this file is the one
place where the whole journey can be read.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from speechparse.build.enrich import enrich as enrich_parts
from speechparse.build.enrich import wanted
from speechparse.build.report import Builder, build_parts
from speechparse.core.text import LineIndex
from speechparse.decoding.decode import decode
from speechparse.decoding.fold import fold
from speechparse.structure.assemble import assemble
from speechparse.structure.blocks import build_blocks

from ._read import BYTES_PER_CHAR, read_limited
from .errors import DecodeError, InputTooLargeError, NotAReportError
from .models import Report, Source

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
    only = wanted(enrich, keywords=keywords)
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"input has {len(text):,} characters, over the limit of {max_chars:,}"
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        # Hashed at once and not kept: a second copy of the input for the whole parse.
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    except UnicodeEncodeError as exc:
        line, col = LineIndex(text).line_col(exc.start)
        raise DecodeError(
            f"{line}:{col}: the text holds a lone surrogate (U+{ord(text[exc.start]):04X}), "
            "which is not a character",
            offset=exc.start,
        ) from None
    folded = fold(text)
    draft = assemble(build_blocks(folded))
    builder = Builder(text, folded, LineIndex(text), [])
    parts = build_parts(builder, draft)
    found_speeches = bool(draft.speeches)
    del draft  # blocks and their views are not needed once the model is built: free them
    parts = enrich_parts(builder, parts, keywords=keywords, only=only)
    if not found_speeches:
        _explain_no_speeches(builder, text, parts, strict)
    builder.diagnostics.sort(key=lambda d: (d.start, d.end, d.code))
    source = Source(
        sha256=sha256,
        chars=len(text),
        encoding=encoding,
    )
    return Report(source=source, diagnostics=builder.diagnostics, **parts)


def _explain_no_speeches(
    builder: Builder, text: str, parts: dict[str, object], strict: bool
) -> None:
    if not text.strip():
        builder.diagnose("report.empty", "the input holds no text", 0, len(text), "error")
        if strict:
            raise NotAReportError("the input holds no text")
        return
    message = "no speaker designation (单位职务姓名：) found: not a meeting report"
    if strict:
        line, col = builder.lines.line_col(0)
        raise NotAReportError(f"{line}:{col}: {message}")
    # The lead stays as found; everything else is covered by this one diagnostic.
    builder.diagnose("report.no_speeches", message, 0, len(text), "error")
    del parts


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
