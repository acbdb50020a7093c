"""Bytes to text: BOM-aware, with the encodings Chinese newspapers are found in."""

from __future__ import annotations

import codecs
from functools import cache

from speechparse.core.lexicon import load_words
from speechparse.errors import DecodeError

# Control characters a text file never holds; a few of them mean binary data.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1a")


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _plausibility(text: str) -> float:
    """Share of characters a Chinese report is made of: a wrong decoding scores low."""
    sample = text[:20000]
    if not sample:
        return 1.0
    good = sum(
        1
        for ch in sample
        if (ch.isascii() and (ch.isprintable() or ch in "\n\r\t"))
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2000" <= ch <= "\u206f"
    )
    return good / len(sample)


def _commonness(text: str) -> float:
    """Share of the Chinese characters that are common ones: a wrong decoding makes rare ones."""
    common = _common_chars()
    han = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.5
    return sum(1 for ch in han if ch in common) / len(han)


@cache
def _common_chars() -> frozenset[str]:
    return frozenset("".join(load_words("common_chars")))


def _check_text(text: str, encoding: str) -> None:
    controls = sum(1 for ch in text[:65536] if ch < " " and ch not in _TEXT_CONTROLS)
    if "\x00" in text or controls > max(2, len(text[:65536]) // 100):
        raise DecodeError(f"input looks like binary data, not {encoding} text")


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Stage 1: return the text and the name of the encoding used.

    Detection order matters: a BOM is proof; strict UTF-8 rarely succeeds by accident; GB18030
    decodes most byte strings, so it comes last and its result is checked for binary noise.
    """
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DecodeError(f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            line, col = _line_col(data, exc.start)
            raise DecodeError(
                f"{line}:{col}: bytes are not valid {encoding} (byte offset {exc.start})",
                offset=exc.start,
            ) from None
        if text.startswith("\ufeff"):
            text = text[1:]
        _check_text(text, encoding)
        return text, encoding
    if data.startswith(codecs.BOM_UTF8):
        return decode(data[3:], "utf-8")[0], "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, "utf-16")[0], "utf-16"
    try:
        return decode(data, "utf-8")
    except DecodeError as utf8_error:
        first_error = utf8_error
    # GB18030 and Big5 decode most double-byte strings, and BOM-less UTF-16 decodes in either
    # byte order: keep the candidate whose characters look most like ordinary Chinese text.
    candidates: list[tuple[float, str, str]] = []
    names = ["gb18030", "big5hkscs"]
    if len(data) % 2 == 0:
        names += ["utf-16-le", "utf-16-be"]
    for name in names:
        try:
            text, used = decode(data, name)
        except DecodeError:
            continue
        if _plausibility(text) >= 0.85:
            candidates.append((_commonness(text), used, text))
    if candidates:
        _, used, text = max(candidates, key=lambda c: c[0])
        return text, used
    raise DecodeError(
        f"not UTF-8, UTF-16, GB18030 or Big5 text ({first_error})", offset=first_error.offset
    )
