"""Bytes to text: BOM-aware, with the encodings Chinese newspapers are found in."""

from __future__ import annotations

import codecs

from .errors import DecodeError

# Control characters a text file never holds; a few of them mean binary data.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1a")


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _looks_utf16(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from the NUL bytes that ASCII and CJK leave in one byte lane."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _check_text(text: str, encoding: str) -> None:
    controls = sum(1 for ch in text[:65536] if ch < " " and ch not in _TEXT_CONTROLS)
    if "\x00" in text or controls > max(2, len(text[:65536]) // 100):
        raise DecodeError(f"input looks like binary data, not {encoding} text")


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return the text and the name of the encoding used.

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
    guess = _looks_utf16(data)
    if guess is not None:
        try:
            return decode(data, guess)
        except DecodeError:
            pass
    try:
        return decode(data, "utf-8")
    except DecodeError as utf8_error:
        try:
            return decode(data, "gb18030")
        except DecodeError:
            raise DecodeError(
                f"not UTF-8, UTF-16 or GB18030 text ({utf8_error})", offset=utf8_error.offset
            ) from None
