"""A declared encoding is checked: a wrong one fails with a typed error, never mojibake.

Single-byte codecs decode any bytes, so a wrong ``encoding=`` used to give a report of
accented gibberish with exit status 0; codecs that are not text encodings (rot13, hex) let a
``LookupError`` escape. Texts here are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import speechparse
from speechparse.cli import main

REPORT = "临江市座谈会发言摘要\n\n市发改委主任王某某：今年我们新建项目三十个。\n"
TRADITIONAL = "臨江市座談會發言摘要\n\n市發改委主任王某某：今年我們新建項目三十個。\n"


@pytest.mark.parametrize(
    ("written", "declared", "message"),
    [
        # 临 is E4 B8 B4 and 江 E6 B1 9F in UTF-8: latin-1 reads 0x9F as a C1 control
        ("utf-8", "latin-1", r": 1:6: decoded as latin-1 .*control character \(U\+009F\)"),
        ("utf-8", "mac_roman", r": 1:1: decoded as mac_roman .*no Chinese characters.*utf-8"),
        ("utf-8", "cp437", r": 1:1: .*no Chinese characters"),
        ("gb18030", "latin-1", r": 1:1: .*no Chinese characters.*gb18030"),
        ("gb18030", "cp1252", r": 1:1: .*no Chinese characters.*gb18030"),
        ("utf-8", "utf-16-le", r": 1:1: .*mostly rare Chinese characters.*utf-8"),
    ],
)
def test_a_wrong_single_byte_or_wide_declaration_is_refused(
    tmp_path: Path, written: str, declared: str, message: str
) -> None:
    path = tmp_path / "report.txt"
    data = REPORT.encode(written)
    path.write_bytes(data + b"\n" * (len(data) % 2))  # even, so UTF-16 does not stop at the end
    with pytest.raises(speechparse.DecodeError, match=message):
        speechparse.parse_file(path, encoding=declared, keywords=False)


@pytest.mark.parametrize("codec", ["rot13", "hex", "base64", "zlib", "uu"])
def test_a_codec_that_is_not_a_text_encoding_is_a_decode_error(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("utf-8"))
    with pytest.raises(speechparse.DecodeError, match="not a text encoding"):
        speechparse.parse_file(path, encoding=codec, keywords=False)


def test_replacement_characters_mean_an_earlier_wrong_decoding(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.replace("新建", "新\ufffd\ufffd").encode("utf-8"))
    with pytest.raises(speechparse.DecodeError, match=r": 3:16: .*U\+FFFD") as caught:
        speechparse.parse_file(path, encoding="utf-8", keywords=False)
    before = "临江市座谈会发言摘要\n\n市发改委主任王某某：今年我们新"
    assert caught.value.offset == len(before.encode())


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (REPORT, "utf-8"),
        (REPORT, "gb18030"),
        (REPORT, "utf-16"),
        (TRADITIONAL, "big5hkscs"),
        ("Report of the meeting\n", "latin-1"),
        ("Café, réunion et débat\n", "latin-1"),
    ],
)
def test_a_right_declaration_is_accepted(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    report = speechparse.parse_file(path, encoding=encoding, keywords=False)
    assert report.source.encoding == encoding
    assert report.source.chars == len(text)


@pytest.mark.parametrize("codec", ["latin-1", "mac_roman", "rot13", "hex"])
def test_cli_fails_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], codec: str
) -> None:
    """The CLI may refuse a non-text codec as a usage error; either way one message, status 2."""
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("utf-8"))
    status = main(["parse", str(path), "--no-keywords", "--encoding", codec])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert "Traceback" not in captured.err
    assert codec in captured.err.strip().splitlines()[-1]
