"""Encodings, bad input and limits: each has a documented result, never a crash."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

import speechparse

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ba715635817add7f.txt"
NEWS = ROOT / "tests" / "fixtures" / "news_article.txt"
SEED_TEXT = SEED.read_text("utf-8")


def _speakers(report: speechparse.Report) -> list[str]:
    return [s.speaker.name for s in report.speeches]


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "utf16-bom", "utf16le", "utf16be"],
)
def test_encodings_are_detected(tmp_path: Path, encode: object, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(encode(SEED_TEXT))  # type: ignore[operator]
    report = speechparse.parse_file(path, keywords=False)
    assert report.source.encoding == encoding
    assert report.source.chars == len(SEED_TEXT)
    assert _speakers(report) == _speakers(speechparse.parse(SEED_TEXT, keywords=False))


def test_offsets_index_the_text_without_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"))
    report = speechparse.parse_file(path, keywords=False)
    assert report.title is not None
    assert SEED_TEXT[report.title.start : report.title.end] == report.title.text


def test_crlf_offsets_keep_line_endings(tmp_path: Path) -> None:
    text = SEED_TEXT.replace("\n", "\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    report = speechparse.parse_file(path, keywords=False)
    name = report.speeches[-1].speaker
    assert text[name.name_start : name.name_end] == name.name == "王赵春"


@pytest.mark.parametrize(
    "text", ["", "   \n\n\u3000\u3000\n", "\ufeff"], ids=["empty", "blank", "bom-only"]
)
def test_empty_input_gives_a_diagnostic(text: str) -> None:
    report = speechparse.parse(text, keywords=False)
    assert report.speeches == []
    assert [d.code for d in report.diagnostics] == ["report.empty"]
    with pytest.raises(speechparse.NotAReportError):
        speechparse.parse(text, strict=True, keywords=False)


def test_binary_garbage_is_a_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.bin"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(speechparse.DecodeError) as caught:
        speechparse.parse_file(path)
    assert str(path) in str(caught.value)


def test_misdeclared_encoding_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes("第一行\n第二行".encode("gb18030"))
    with pytest.raises(speechparse.DecodeError) as caught:
        speechparse.parse_file(path, encoding="utf-8")
    assert "1:1" in str(caught.value)
    assert caught.value.offset == 0


def test_unknown_encoding_is_a_typed_error() -> None:
    with pytest.raises(speechparse.DecodeError, match="unknown encoding"):
        speechparse.parse_file(SEED, encoding="no-such-codec")


def test_news_article_has_no_speeches_and_says_why() -> None:
    report = speechparse.parse_file(NEWS, keywords=False)
    assert report.speeches == []
    codes = [d.code for d in report.diagnostics]
    assert "report.no_speeches" in codes
    with pytest.raises(speechparse.NotAReportError, match="1:1"):
        speechparse.parse_file(NEWS, strict=True, keywords=False)


def test_size_limit_is_a_typed_error_and_configurable(tmp_path: Path) -> None:
    with pytest.raises(speechparse.InputTooLargeError):
        speechparse.parse(SEED_TEXT, max_chars=1000, keywords=False)
    report = speechparse.parse(SEED_TEXT, max_chars=len(SEED_TEXT), keywords=False)
    assert len(report.speeches) == 15


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # sparse: costs no disk, but stat() says 50 MB
    with pytest.raises(speechparse.InputTooLargeError, match="50"):
        speechparse.parse_file(path)


def test_errors_share_one_root() -> None:
    for error in (
        speechparse.DecodeError,
        speechparse.InputTooLargeError,
        speechparse.NotAReportError,
        speechparse.SchemaValidationError,
    ):
        assert issubclass(error, speechparse.SpeechParseError)
    assert issubclass(speechparse.SpeechParseError, ValueError)


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_import_does_not_load_jieba() -> None:
    assert _run("import sys, speechparse; print('jieba' in sys.modules)") == "False"


def test_parse_without_keywords_never_loads_jieba() -> None:
    code = (
        "import sys, speechparse\n"
        f"r = speechparse.parse_file({str(SEED)!r}, keywords=False)\n"
        "print(len(r.speeches), 'jieba' in sys.modules, r.speeches[0].keywords)"
    )
    assert _run(code) == "15 False []"


def test_keywords_load_jieba_quietly() -> None:
    code = (
        "import speechparse\n"
        "from speechparse.enrichment.jieba_adapter import jieba_loaded\n"
        f"r = speechparse.parse_file({str(SEED)!r})\n"
        "print(jieba_loaded(), all(s.keywords for s in r.speeches))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True True"
    assert done.stderr == ""


def test_import_is_lazy_until_first_use() -> None:
    code = (
        "import sys, speechparse\n"
        "print('speechparse.models' in sys.modules, 'pydantic' in sys.modules)\n"
        "speechparse.parse\n"
        "print('speechparse.models' in sys.modules)"
    )
    assert _run(code).split() == ["False", "False", "True"]


def test_every_public_name_resolves() -> None:
    for name in speechparse.__all__:
        assert getattr(speechparse, name) is not None, name
    assert set(speechparse.__all__) <= set(dir(speechparse))


@pytest.mark.parametrize("encoding", ["big5hkscs", "gb18030", "utf-16-le"])
def test_traditional_report_is_detected_in_its_encodings(tmp_path: Path, encoding: str) -> None:
    """GB18030 decodes Big5 bytes without an error; only common characters tell them apart."""
    text = (ROOT / "tests" / "fixtures" / "traditional_forum.txt").read_text("utf-8")
    path = tmp_path / "forum.txt"
    path.write_bytes(text.encode(encoding))
    report = speechparse.parse_file(path, keywords=False)
    assert report.source.encoding == encoding
    assert [s.speaker.name for s in report.speeches] == ["陳大文", "黃·阿里木"]
