"""The review page without a browser: every part highlighted once and only once, each part's
highlight holding exactly its characters, the page self-contained and everything escaped.
(tests/test_review_browser.py opens the same pages in Chromium.)"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import speechparse
from review_support import (
    CLUTTER,
    HOSTILE,
    PARSED_HOSTILE_TEXT,
    SEED,
    built_hostile,
    dump_of,
    expected_parts,
    load,
    parse_page,
)
from speechparse.cli import main


def _pages() -> list[tuple[str, speechparse.Report, str]]:
    seed, seed_text = load(SEED)
    clutter, clutter_text = load(CLUTTER)
    hostile = speechparse.parse(PARSED_HOSTILE_TEXT)
    built, built_text = built_hostile()
    return [
        ("seed", seed, seed_text),
        ("clutter", clutter, clutter_text),
        ("parsed-hostile", hostile, PARSED_HOSTILE_TEXT),
        ("built-hostile", built, built_text),
    ]


PAGES = _pages()


@pytest.mark.parametrize(("name", "report", "text"), PAGES, ids=[p[0] for p in PAGES])
def test_every_part_is_highlighted_with_exactly_its_text(
    name: str, report: speechparse.Report, text: str
) -> None:
    page = parse_page(speechparse.to_html(report, text))
    expected = expected_parts(dump_of(report))
    assert len(expected) >= {"seed": 1000, "clutter": 40}.get(name, 5)
    assert set(page.part_text) == set(expected)
    for path, (start, end) in expected.items():
        assert page.part_text[path] == text[start:end], path
    assert page.source == text  # the page's text is the source, CR LF included


def test_seed_counts_by_kind() -> None:
    _, report, text = PAGES[0]
    html = speechparse.to_html(report, text)
    firsts = re.findall(r'<span class="p k-([a-z-]+)" data-i="\d+" data-path="[^"]*" id=', html)
    kinds = {kind: firsts.count(kind) for kind in set(firsts)}
    positions = sum(len(s.speaker.positions) for s in report.speeches)
    assert kinds["speaker"] == kinds["name"] == kinds["headline"] == 15
    assert kinds["position"] == positions
    assert kinds["paragraph"] == sum(len(s.paragraphs) for s in report.speeches)
    assert kinds["credit"] == sum(len(s.byline.credits) for s in report.speeches if s.byline)


@pytest.mark.parametrize(("name", "report", "text"), PAGES, ids=[p[0] for p in PAGES])
def test_page_is_self_contained(name: str, report: speechparse.Report, text: str) -> None:
    html = speechparse.to_html(report, text)
    page = parse_page(html)
    names = [tag for tag, _ in page.tags]
    assert names.count("script") == 2 and names.count("style") == 1
    loaders = {"img", "iframe", "object", "embed", "link", "base", "form", "video", "audio"}
    assert not loaders & set(names)
    for tag, attrs in page.tags:
        assert "src" not in attrs and "srcdoc" not in attrs, tag
        assert not any(key.startswith("on") for key in attrs), (tag, attrs)
        if "href" in attrs:
            assert (attrs["href"] or "").startswith("#"), attrs
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert scripts[0] == {"type": "application/json", "id": "speechparse-data"}
    assert scripts[1] == {}
    (style,) = page.style_bodies
    assert "url(" not in style and "@import" not in style
    policy = next(
        attrs["content"]
        for tag, attrs in page.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy is not None and policy.startswith("default-src 'none';")

    def digest(body: str) -> str:
        return base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()

    assert f"script-src 'sha256-{digest(page.script_bodies[-1])}'" in policy
    assert f"style-src 'sha256-{digest(style)}'" in policy
    data = orjson.loads("".join(page.script_bodies[:-1]))
    assert data["report"] == dump_of(report)


@pytest.mark.parametrize(("name", "report", "text"), PAGES[2:], ids=[p[0] for p in PAGES[2:]])
def test_markup_in_a_report_stays_text(name: str, report: speechparse.Report, text: str) -> None:
    html = speechparse.to_html(report, text)
    assert "<script>window" not in html and "<img" not in html and "<iframe" not in html
    assert "</script><script>" not in html.split('<script type="application/json"')[1]
    page = parse_page(html)
    assert page.source == text
    assert "<script>" in page.source  # shown, as text


def test_built_hostile_values_appear_escaped_in_the_side_lists() -> None:
    report, text = built_hostile()
    html = speechparse.to_html(report, text)
    escaped = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert (
        html.count(escaped.replace('"', "&quot;").replace("'", "&#x27;")) >= 3
    )  # h1, title, lists


def test_text_that_is_not_the_source_is_refused() -> None:
    _, report, text = PAGES[0]
    with pytest.raises(speechparse.SpeechParseError, match="not the report's source"):
        speechparse.to_html(report, text + " ")


def test_same_input_same_bytes() -> None:
    _, report, text = PAGES[1]
    assert speechparse.to_html(report, text) == speechparse.to_html(report, text)


@st.composite
def _spans_over_text(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(alphabet="甲乙丙\n\r<&> a", min_size=1, max_size=40))
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted),
            max_size=12,
        )
    )
    return text, [(a, b) for a, b in spans]


@given(_spans_over_text())
def test_any_overlap_of_spans_renders_each_span_whole(
    case: tuple[str, list[tuple[int, int]]],
) -> None:
    """Diagnostics may nest, cross, touch or be empty; each still shows exactly its characters."""
    text, spans = case
    report = speechparse.validate(
        {
            "source": {
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "chars": len(text),
                "encoding": "str",
                "kind": "text",
                "text": None,
                "url": None,
            },
            "schema_version": speechparse.SCHEMA_VERSION,
            "title": None,
            "kicker": None,
            "subtitle": None,
            "lead_label": None,
            "lead": None,
            "byline": None,
            "title_parts": None,
            "home": None,
            "keywords": [],
            "speeches": [],
            "people": [],
            "guest_list": None,
            "questions": [],
            "sections": [],
            "diagnostics": [
                {
                    "code": "layout.unclassified",
                    "message": "m",
                    "severity": "info",
                    "start": a,
                    "end": b,
                    "line": 1,
                    "column": 1,
                }
                for a, b in spans
            ],
        }
    )
    page = parse_page(speechparse.to_html(report, text))
    assert page.source == text
    assert set(page.part_text) == {f"$.diagnostics[{i}]" for i in range(len(spans))}
    for i, (a, b) in enumerate(spans):
        assert page.part_text[f"$.diagnostics[{i}]"] == text[a:b]


# --- the command ---------------------------------------------------------------------------------


def test_review_command_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "clutter.html"
    assert main(["review", str(CLUTTER), "-o", str(out)]) == 0
    assert capsys.readouterr() == ("", "")
    report, text = load(CLUTTER)
    assert out.read_text("utf-8") == speechparse.to_html(report, text)
    assert [p.name for p in tmp_path.iterdir()] == ["clutter.html"]


def test_review_command_to_stdout_keeps_a_gb18030_file_exact(
    tmp_path: Path, capsys: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "gb.txt"
    _, _, text = PAGES[1]
    source.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    assert main(["review", str(source), "--no-keywords"]) == 0
    page = parse_page(capsys.readouterr().out)
    assert page.source == text.replace("\n", "\r\n")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        pytest.param(["review", "missing.txt"], "missing.txt", id="missing"),
        pytest.param(["review", str(SEED), "--encoding", "ascii"], "ascii", id="wrong-encoding"),
    ],
)
def test_review_errors_are_one_line(
    argv: list[str], fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("speechparse: ") and fragment in err and len(err.splitlines()) == 1
