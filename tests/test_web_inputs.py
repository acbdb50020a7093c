"""Pages as they come: web clutter, crawler Markdown and HTML pages give the report's own parse.

Every fixture under tests/fixtures/web is invented (桤川市, 苜原县 and every name are made up).
``report.txt`` is the clean report; the other files wrap the same report in what sites and
crawlers add around it, and must parse to the same title, bylines and speeches.
"""

from __future__ import annotations

import builtins
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import speechparse
from invariants import assert_covered, assert_grounded
from speechparse.structure.markdown import strip_marks

WEB = Path(__file__).resolve().parent / "fixtures" / "web"
PLAIN = WEB / "report.txt"
WRAPPED = ["report.md", "portal_text.txt", "epaper.html", "gov.html", "portal.html", "mirror.html"]
HTML_SHAPES = ["epaper.html", "gov.html", "portal.html", "mirror.html"]


def essentials(report: speechparse.Report) -> dict[str, Any]:
    """What a reader takes from the report: title, document byline and every speech."""
    return {
        "title": report.title.text if report.title else None,
        "byline": [c.name for c in report.byline.credits] if report.byline else None,
        "speeches": [
            (
                s.speaker.name,
                [(p.organization, p.title) for p in s.speaker.positions],
                s.headline.text if s.headline else None,
                [c.name for c in s.byline.credits] if s.byline else None,
                [p.text for p in s.paragraphs],
            )
            for s in report.speeches
        ],
    }


def source_of(report: speechparse.Report, path: Path) -> str:
    """The text the report's offsets index: the extracted text for HTML, the file otherwise."""
    if report.source.text is not None:
        return report.source.text
    return path.read_text("utf-8")


def value_texts(report: speechparse.Report) -> list[str]:
    """Every ``text`` value of the report except the diagnostics' (which quote the clutter)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    found.append(value)
                elif key not in ("diagnostics", "source"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(report.model_dump())
    return found


def test_the_clean_report_reads_as_written() -> None:
    got = essentials(speechparse.parse_file(PLAIN, keywords=False))
    assert got["title"] == "桤川市民营经济发展座谈会发言摘登"
    assert got["byline"] == ["韦岚", "祁望"]
    assert [(s[0], s[2], s[3]) for s in got["speeches"]] == [
        ("柏舟远", "把政策红利送到企业手中", ["蓝雨桐"]),
        ("葛云舟", "破解中小企业融资难题", ["韦岚"]),
        ("訾晓晗", "让企业家安心谋发展", ["祁望"]),
    ]


@pytest.mark.parametrize("name", WRAPPED)
def test_a_wrapped_report_parses_like_its_plain_text(name: str) -> None:
    want = essentials(speechparse.parse_file(PLAIN, keywords=False))
    report = speechparse.parse_file(WEB / name, keywords=False)
    assert essentials(report) == want


@pytest.mark.parametrize("name", WRAPPED)
def test_wrapped_reports_are_grounded_and_covered(name: str) -> None:
    report = speechparse.parse_file(WEB / name, keywords=False)
    source = source_of(report, WEB / name)
    assert_grounded(report, source)
    assert_covered(report, source)


@pytest.mark.parametrize("name", WRAPPED)
def test_no_mark_or_clutter_word_reaches_a_value(name: str) -> None:
    report = speechparse.parse_file(WEB / name, keywords=False)
    texts = value_texts(report)
    assert not [t for t in texts if any(mark in t for mark in "#>*")]
    clutter = ("位置", "来源", "分享", "版权", "APP", "投注", "摄", "资料图片", "相关新闻")
    assert not [t for t in texts if any(word in t for word in clutter)]


def test_markdown_kicker_is_its_own_field() -> None:
    report = speechparse.parse_file(WEB / "report.md", keywords=False)
    assert report.kicker is not None
    assert report.kicker.text == "聚焦民营经济高质量发展——"
    source = (WEB / "report.md").read_text("utf-8")
    assert source[report.kicker.start - 4 : report.kicker.start] == "### "
    assert source[report.title.start - 2 : report.title.start] == "# "  # type: ignore[union-attr]


def test_html_reports_carry_their_extracted_text() -> None:
    report = speechparse.parse_file(WEB / "epaper.html", keywords=False)
    assert report.source.kind == "html"
    assert report.source.text is not None
    assert report.source.chars == len(report.source.text)
    assert report.kicker is not None and report.kicker.text == "聚焦民营经济高质量发展——"
    # The extraction is deterministic: it regenerates the text the offsets index.
    from speechparse.html_input import extract_text

    assert extract_text((WEB / "epaper.html").read_bytes()) == report.source.text


def test_plain_text_reports_carry_no_copy_of_the_text() -> None:
    report = speechparse.parse_file(PLAIN, keywords=False)
    assert report.source.kind == "text"
    assert report.source.text is None


def test_the_declared_charset_decodes_the_page() -> None:
    data = (WEB / "gov.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    report = speechparse.parse_html(data, keywords=False, url="http://example.invalid/a.htm")
    assert report.source.encoding == "gb18030"
    assert report.source.url == "http://example.invalid/a.htm"
    assert report.title is not None and report.title.text == "桤川市民营经济发展座谈会发言摘登"


@pytest.mark.parametrize(
    ("html", "kept", "dropped"),
    [
        ("<p>甲文</p><script>乙文</script><style>p{}</style>", "甲文", "乙文"),
        ("<nav>乙文</nav><header>丙文</header><p>甲文</p><footer>丁文</footer>", "甲文", "乙文"),
        ('<p>甲文</p><div style="display:none">乙文</div><p hidden>丙文</p>', "甲文", "乙文"),
        ("<aside>乙文</aside><p>甲文</p><form><input value='乙文'></form>", "甲文", "乙文"),
    ],
    ids=["script-style", "nav-header-footer", "hidden", "aside-form"],
)
def test_html_drops_what_a_reader_never_sees(html: str, kept: str, dropped: str) -> None:
    from speechparse.html_input import extract_text

    text = extract_text(f"<html><body>{html}</body></html>")
    assert kept in text
    assert dropped not in text


@pytest.mark.parametrize(
    ("html", "want"),
    [
        ("<h1>标题</h1><p>一段</p>", "# 标题\n\n一段\n"),
        ("<p>甲<br>乙</p>", "甲\n乙\n"),
        ("<ul><li>甲</li><li>乙</li></ul>", "甲\n\n乙\n"),
        ("<table><tr><td>甲</td><td>乙</td></tr></table>", "甲\n\n乙\n"),
        ("<p><strong>小标题</strong></p><p>正文<b>加粗</b>。</p>", "**小标题**\n\n正文加粗。\n"),
        ("<h3>引题——</h3><h1>标题</h1>", "### 引题——\n\n# 标题\n"),
        ("<div>甲<span> 乙 </span>丙</div>", "甲 乙 丙\n"),
    ],
    ids=["heading", "br", "li", "td", "bold-head", "kicker", "inline"],
)
def test_html_keeps_block_structure(html: str, want: str) -> None:
    from speechparse.html_input import extract_text

    assert extract_text(f"<html><body>{html}</body></html>") == want


@pytest.mark.parametrize(
    ("data", "is_html"),
    [
        (b"<!DOCTYPE html><html></html>", True),
        (b"  \n<html lang='zh'>", True),
        (b"\xef\xbb\xbf<!doctype html>", True),
        ("<html><body>".encode("utf-16"), True),
        ("桤川市座谈会发言摘登\n<p>".encode(), False),
        (b"", False),
    ],
    ids=["doctype", "html-tag", "bom", "utf16", "text", "empty"],
)
def test_html_content_is_recognised(data: bytes, is_html: bool) -> None:
    from speechparse.html_input import looks_like_html

    assert looks_like_html(data) is is_html


def test_parse_file_reads_html_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes((WEB / "portal.html").read_bytes())
    report = speechparse.parse_file(path, keywords=False)
    assert report.source.kind == "html"
    assert len(report.speeches) == 3


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_lxml(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "lxml" or name.startswith("lxml."):
            raise ImportError("no lxml")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_lxml)
    with pytest.raises(speechparse.MissingExtraError, match=r"speechparse\[html\]"):
        speechparse.parse_html("<html><body><p>甲</p></body></html>")


def test_cli_parses_an_html_page(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    from speechparse.cli import main

    assert main(["parse", "--no-keywords", str(WEB / "mirror.html")]) == 0
    out = capsysbinary.readouterr().out
    data = json.loads(out)
    assert data["source"]["kind"] == "html"
    assert [s["speaker"]["name"] for s in data["speeches"]] == ["柏舟远", "葛云舟", "訾晓晗"]
    speechparse.validate(out)


def test_review_page_of_an_html_report_shows_the_extracted_text(tmp_path: Path) -> None:
    from speechparse.cli import main

    out = tmp_path / "review.html"
    assert main(["review", str(WEB / "portal.html"), "--no-keywords", "-o", str(out)]) == 0
    page = out.read_text("utf-8")
    assert "柏舟远" in page
    assert "window.dataLayer" not in page  # the page's own script is not the source


def test_cli_reads_an_html_page_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    import io

    from speechparse.cli import main

    stdin = io.TextIOWrapper(io.BytesIO((WEB / "gov.html").read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["parse", "-", "--no-keywords"]) == 0
    data = json.loads(capsysbinary.readouterr().out)
    assert data["source"]["kind"] == "html"
    assert data["source"]["encoding"] == "gb18030"
    assert len(data["speeches"]) == 3


# --- properties: any generated report, dressed as Markdown or as a page -----------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from test_properties import HEADLINES, Generated, layouts, pseudo_report  # noqa: E402

_REPORTS = pseudo_report(layouts.filter(lambda lay: lay.blank_lines))


def _lines(report: Generated) -> list[str]:
    return [line for line in report.text.split("\n") if line.strip()]


def _as_markdown(report: Generated, quote: bool, bold: bool) -> str:
    """Title as `#` under a `###` kicker, an optional `>` edition line, plain headlines as
    `**bold**` or `##` heads."""
    lines = _lines(report)
    out = ["### 引题文字——", "# " + lines[0]]
    if quote:
        out.append("> 《临江日报》（2025年03月01日第 02 版）")
    for line in lines[1:]:
        if line.strip() in HEADLINES:
            line = f"**{line.strip()}**" if bold else f"## {line.strip()}"
        out.append(line)
    return "\n\n".join(out) + "\n"


def _as_page(report: Generated, shell: int) -> str:
    lines = _lines(report)
    paragraphs = "".join(f"<p>{line}</p>" for line in lines[1:])
    chrome = [
        ("<nav><a>首页</a><a>新闻</a></nav>", "<footer>版权所有</footer>"),
        ("<div>当前位置：首页 &gt; 新闻 &gt; 正文</div>", "<div>分享到：微信 微博</div>"),
        ("<div>来源：临江日报　发布时间：2025-03-01</div>", "<div>打印本页 关闭窗口</div>"),
    ][shell]
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><script>var x;</script></head><body>"
        f"{chrome[0]}<h1>{lines[0]}</h1>{paragraphs}{chrome[1]}</body></html>"
    )


def _speech_view(report: speechparse.Report) -> list[tuple[str, str | None, list[str] | None]]:
    return [
        (
            s.speaker.name,
            s.headline.text if s.headline else None,
            [c.name for c in s.byline.credits] if s.byline else None,
        )
        for s in report.speeches
    ]


@settings(max_examples=150)
@given(report=_REPORTS, quote=st.booleans(), bold=st.booleans())
def test_markdown_dress_changes_nothing(report: Generated, quote: bool, bold: bool) -> None:
    plain = speechparse.parse(report.text, keywords=False)
    text = _as_markdown(report, quote, bold)
    dressed = speechparse.parse(text, keywords=False)
    assert_grounded(dressed, text)
    assert_covered(dressed, text)
    assert dressed.title is not None and plain.title is not None
    assert dressed.title.text == plain.title.text
    assert dressed.kicker is not None and dressed.kicker.text == "引题文字——"
    assert _speech_view(dressed) == _speech_view(plain)
    assert not [t for t in value_texts(dressed) if any(mark in t for mark in "#>*")]


@settings(max_examples=150)
@given(report=_REPORTS, shell=st.integers(0, 2))
def test_html_dress_changes_nothing(report: Generated, shell: int) -> None:
    plain = speechparse.parse(report.text, keywords=False)
    dressed = speechparse.parse_html(_as_page(report, shell), keywords=False)
    assert dressed.source.text is not None
    assert_grounded(dressed, dressed.source.text)
    assert_covered(dressed, dressed.source.text)
    assert dressed.title is not None and plain.title is not None
    assert dressed.title.text == plain.title.text
    assert _speech_view(dressed) == _speech_view(plain)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("", (0, 0, 0), id="empty"),
        pytest.param("标题", (0, 2, 0), id="no-mark"),
        pytest.param("# 标题", (2, 4, 1), id="heading"),
        pytest.param("### 引题 ###", (4, 6, 3), id="heading-closing-hashes"),
        pytest.param("# 标题 \t#", (2, 4, 1), id="heading-closing-hash-after-tab"),
        pytest.param("####### x", (0, 9, 0), id="seven-hashes-no-heading"),
        pytest.param("#标题", (0, 3, 0), id="hash-without-space"),
        pytest.param("#\u3000标题", (0, 4, 0), id="hash-ideographic-space-no-heading"),
        pytest.param("#", (1, 1, 1), id="bare-hash-empty-heading"),
        pytest.param("> 引文", (2, 4, 0), id="quote"),
        pytest.param("> \u3000引文", (3, 5, 0), id="quote-then-ideographic-space"),
        pytest.param(">> # 标题", (5, 7, 1), id="nested-quote-heading"),
        pytest.param("- 条目", (2, 4, 0), id="list-dash"),
        pytest.param("+ 条目", (2, 4, 0), id="list-plus"),
        pytest.param("*  条目", (3, 5, 0), id="list-star-two-spaces"),
        pytest.param("-条目", (0, 3, 0), id="dash-without-space"),
        pytest.param("-  ", (0, 3, 0), id="dash-and-spaces-only"),
        pytest.param("**小标题**", (2, 5, 0), id="bold"),
        pytest.param("**  小标题 **", (4, 7, 0), id="bold-inner-spaces"),
        pytest.param("**\u3000小标题\xa0**", (3, 6, 0), id="bold-wide-spaces"),
        pytest.param("**a**", (2, 3, 0), id="bold-one-char"),
        pytest.param("****", (0, 4, 0), id="bold-marks-only"),
        pytest.param("__粗体__", (2, 4, 0), id="bold-underscores"),
        pytest.param("__粗体**", (0, 6, 0), id="bold-mismatched"),
        pytest.param("- **条目**", (4, 6, 0), id="list-then-bold"),
        pytest.param("# **标题**", (4, 6, 1), id="heading-then-bold"),
    ],
)
def test_strip_marks_bounds_and_level(line: str, expected: tuple[int, int, int]) -> None:
    """Content bounds (offsets into the line) without the Markdown marks, and the level."""
    assert strip_marks(line, 0, len(line)) == expected


@pytest.mark.parametrize(
    ("folded", "start", "end", "expected"),
    [
        pytest.param("xx# 标题", 2, 6, (4, 6, 1), id="line-inside-the-text"),
        pytest.param("# 标题\n下一行", 0, 4, (2, 4, 1), id="line-before-more-text"),
        pytest.param("# x", 3, 3, (3, 3, 0), id="empty-range-at-the-end"),
        pytest.param("正文**粗**", 2, 7, (4, 5, 0), id="bold-inside-a-range"),
        pytest.param("> > 题", 0, 1, (1, 1, 0), id="quote-mark-cut-at-the-end"),
        pytest.param("##", 0, 1, (1, 1, 1), id="heading-mark-cut-at-the-end"),
        pytest.param("# 题 #", 0, 3, (2, 3, 1), id="closing-hash-past-the-end"),
    ],
)
def test_strip_marks_keeps_source_offsets(
    folded: str, start: int, end: int, expected: tuple[int, int, int]
) -> None:
    assert strip_marks(folded, start, end) == expected
