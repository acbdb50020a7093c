"""Bytes to text: BOM-aware, with the encodings Chinese newspapers are found in."""

from __future__ import annotations

import codecs
import contextlib
from functools import cache

import regex

from speechparse.core.lexicon import load_words
from speechparse.errors import DecodeError

# Control characters a text file never holds (all below U+0020 but \t \n \v \f \r and the
# DOS end-of-file \x1a); a few of them mean binary data.
_BINARY_CONTROLS = regex.compile("[\x00-\x08\x0e-\x19\x1b-\x1f]")
# Never in a text that was decoded right: C1 controls and the replacement character.
_C1_OR_REPLACEMENT = regex.compile("[\x80-\x9f\ufffd]")
# What a Chinese report is made of: printable ASCII and the usual breaks, CJK ideographs, CJK
# punctuation, full-width forms and general punctuation.
_PLAUSIBLE = regex.compile("[\x20-\x7e\n\r\t\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f]")
_HAN = regex.compile("[\u4e00-\u9fff]")
# Below this share of common characters a declared decoding is compared with detection.
_MOJIBAKE_COMMONNESS = 0.6
_NON_ASCII = regex.compile("[^\x00-\x7f]")
# Chinese characters, CJK punctuation and full-width forms: what a report is written in.
_CJK = regex.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _plausibility(text: str) -> float:
    """Share of characters a Chinese report is made of: a wrong decoding scores low."""
    sample = text[:20000]
    if not sample:
        return 1.0
    return len(_PLAUSIBLE.findall(sample)) / len(sample)


def _commonness(text: str) -> float:
    """Share of the Chinese characters that are common ones: a wrong decoding makes rare ones."""
    han = _HAN.findall(text, 0, 20000)
    if not han:
        return 0.5
    return sum(map(_common_chars().__contains__, han)) / len(han)


@cache
def _common_chars() -> frozenset[str]:
    return frozenset("".join(load_words("common_chars")))


def _check_text(text: str, encoding: str) -> None:
    controls = len(_BINARY_CONTROLS.findall(text, 0, 65536))
    if "\x00" in text or controls > max(2, len(text[:65536]) // 100):
        raise DecodeError(f"input looks like binary data, not {encoding} text")


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Stage 1: return the text and the name of the encoding used.

    Detection order matters: a BOM is proof; strict UTF-8 rarely succeeds by accident; GB18030
    decodes most byte strings, so it comes last and its result is checked for binary noise.
    A declared encoding is trusted only as far as its result looks like text (see
    :func:`_check_declared`): a wrong declaration must fail loudly, not yield mojibake.
    """
    if encoding is not None:
        text, used = _decode_as(data, encoding)
        _check_declared(data, text, used)
        return text, used
    return _detect(data)


def _decode_as(data: bytes, encoding: str) -> tuple[str, str]:
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
    except LookupError:  # rot13, hex, base64 …: codecs, but not from bytes to text
        raise DecodeError(f"{encoding!r} is not a text encoding") from None
    except (ValueError, TypeError) as exc:  # codecs such as idna fail in their own ways
        raise DecodeError(f"bytes are not valid {encoding}: {exc}") from None
    if not isinstance(text, str):  # pragma: no cover - bytes.decode always gives str
        raise DecodeError(f"{encoding!r} is not a text encoding")
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_text(text, encoding)
    return text, encoding


def _place(data: bytes, text: str, encoding: str, index: int) -> tuple[str, int | None]:
    """``line:col`` of character ``index`` and its byte offset when the encoding tells it."""
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    offset: int | None = None
    with contextlib.suppress(UnicodeError, LookupError):
        # minus what the codec writes for nothing (a UTF-16 BOM)
        offset = len(text[:index].encode(encoding)) - len("".encode(encoding))
    return f"{line}:{col}", offset


def _check_declared(data: bytes, text: str, encoding: str) -> None:
    """Refuse a declared encoding whose result cannot be the text that was meant.

    A single-byte codec such as latin-1 decodes any bytes, so a wrong declaration shows only
    in what comes out: C1 control characters (UTF-8 continuation bytes read as latin-1),
    replacement characters (the text was already mis-decoded once), or no Chinese at all where
    the same bytes read without the declaration are Chinese text.
    """
    bad = _C1_OR_REPLACEMENT.search(text)
    if bad is not None:
        where, offset = _place(data, text, encoding, bad.start())
        what = (
            "a replacement character (U+FFFD): the text was already decoded wrongly once"
            if bad.group() == "\ufffd"
            else f"a control character (U+{ord(bad.group()):04X})"
        )
        raise DecodeError(
            f"{where}: decoded as {encoding} the text holds {what}; "
            "the declared encoding looks wrong",
            offset=offset,
        )
    first = _NON_ASCII.search(text)
    if first is None:
        return
    chinese = _CJK.search(text) is not None
    if chinese and _commonness(text) >= _MOJIBAKE_COMMONNESS:
        return
    try:
        detected, used = _detect(data)
    except DecodeError:
        return
    if detected == text:
        return
    if chinese:  # Chinese characters, but rare ones: UTF-8 read as GBK or UTF-16, say
        meant = _commonness(detected) >= max(0.8, _commonness(text) + 0.3)
        holds = "mostly rare Chinese characters"
    else:  # UTF-8 read as latin-1 or cp1252: accented letters where Chinese was meant
        meant = _CJK.search(detected) is not None and _commonness(detected) >= 0.8
        holds = "no Chinese characters"
    if meant:
        where, offset = _place(data, text, encoding, first.start())
        raise DecodeError(
            f"{where}: decoded as {encoding} the text holds {holds}, but the bytes read "
            f"as {used} are Chinese text; the declared encoding looks wrong",
            offset=offset,
        )


def _detect(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data[3:], "utf-8")[0], "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, "utf-16")[0], "utf-16"
    try:
        return _decode_as(data, "utf-8")
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
            text, used = _decode_as(data, name)
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
