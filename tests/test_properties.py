"""Property tests: whatever the input, speechparse fails only with its own errors, and every
report it returns conforms to the JSON Schema, is grounded in its source and covers it.

Three input families:

(a) arbitrary text -- any code points, weighted towards CJK, line breaks and the punctuation
    the parser keys on;
(b) the seed report mutated -- lines and characters deleted, inserted, duplicated and swapped,
    binary junk inserted (as text, and as raw bytes through ``parse_file``);
(c) pseudo-reports generated from a small grammar (title, lead, headlines, designations,
    speeches, bylines); for these the speeches and their speakers' names must round-trip.

Example budget: the "ci" profile (tests/conftest.py, the default) runs 700 examples per test,
2,100 in all, derandomized; HYPOTHESIS_PROFILE=nightly runs 20,000 per test.
"""

from __future__ import annotations

import codecs
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import Phase, assume, given, settings
from hypothesis import strategies as st

import speechparse
from conftest import Ajv
from invariants import assert_covered, assert_grounded, spans

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = (ROOT / "seeds" / "000_ba715635817add7f.txt").read_bytes().decode("utf-8")

_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
CI_EXAMPLES = 700


def budget(**kwargs: Any) -> settings:
    """700 examples a test in the ci profile; otherwise whatever the loaded profile says."""
    if _PROFILE == "ci":
        kwargs.setdefault("max_examples", CI_EXAMPLES)
    return settings(**kwargs)


# --- the JSON Schema -------------------------------------------------------------------------


def _load_schema() -> dict[str, Any]:
    file = ROOT / "schemas" / f"report-{speechparse.SCHEMA_VERSION}.schema.json"
    schema: dict[str, Any] = json.loads(file.read_text("utf-8"))
    return schema


_SCHEMA = _load_schema()
jsonschema.Draft202012Validator.check_schema(_SCHEMA)
VALIDATOR = jsonschema.Draft202012Validator(_SCHEMA)


# Generated outputs kept for one batched ajv run at the end of this module (one node process
# validates them all; see test_generated_outputs_validate_with_ajv, the last test here).
AJV_SAMPLE: dict[str, bytes] = {}
AJV_SAMPLE_SIZE = 400


def check_contract(report: speechparse.Report, source: str) -> None:
    """The JSON contract: schema-valid output, and every offset inside the source."""
    blob = speechparse.to_json(report)
    if len(AJV_SAMPLE) < AJV_SAMPLE_SIZE:
        AJV_SAMPLE.setdefault(f"generated-{len(AJV_SAMPLE):04d}", blob)
    document = json.loads(blob)
    errors = sorted(VALIDATOR.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "to_json output violates the schema: " + "; ".join(
        f"{'/'.join(map(str, e.absolute_path)) or '$'}: {e.message[:200]}" for e in errors[:3]
    )
    assert report.source.chars == len(source)
    for path, obj in spans(report):
        assert 0 <= obj["start"] <= obj["end"] <= len(source), (
            f"{path}: offsets out of range: {obj}"
        )


def check_report(report: speechparse.Report, source: str) -> None:
    """Every property a returned report must have."""
    check_contract(report, source)
    assert_grounded(report, source)
    assert_covered(report, source)


def parse_or_own_error(text: str, **kwargs: Any) -> speechparse.Report | None:
    """The report, or None when speechparse raised one of its own errors. Anything else
    propagates and fails the test."""
    try:
        return speechparse.parse(text, **kwargs)
    except speechparse.SpeechParseError:
        return None


# --- (a) arbitrary text ----------------------------------------------------------------------

_INTERESTING = list(
    "，。：:；、（）()【】「」“”‘’■◆●▲—…·　 \t\n\r\n\ufeff"
    "一二三四五六七八九十是要第首先其次最后"
    "市县区委局长副主任书记党组成员记者全媒体本报通讯员讯编者按发言摘要"
    "王李张刘陈周林许欧阳"
)

# Any code point but lone surrogates (those are pinned by test_lone_surrogate below).
_ANY_CHAR = st.characters(exclude_categories=("Cs",))

arbitrary_text = st.text(
    alphabet=st.one_of(
        _ANY_CHAR,
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK ideographs
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),  # full-width forms
        st.sampled_from(_INTERESTING),
    ),
    max_size=1000,
)


@budget()
@given(text=arbitrary_text, keywords=st.booleans(), strict=st.booleans())
def test_arbitrary_text(text: str, keywords: bool, strict: bool) -> None:
    report = parse_or_own_error(text, keywords=keywords, strict=strict)
    if report is not None:
        check_report(report, text.removeprefix("\ufeff"))


# --- (b) the seed, mutated -------------------------------------------------------------------

_JUNK = st.one_of(
    st.binary(min_size=1, max_size=48).map(lambda b: b.decode("latin-1")),  # C0/C1 controls, NUL
    st.text(_ANY_CHAR, min_size=1, max_size=24),
    st.sampled_from(
        ["\x00", "\ufffd", "\ufeff", "\u2028", "\x1a", "\x0c", "\r", "\u200b", "\U0001f600"]
    ),
)


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    lines = SEED_TEXT.split("\n")
    for _ in range(draw(st.integers(1, 8))):
        n = len(lines)
        op = draw(
            st.sampled_from(
                [
                    "del_line",
                    "dup_line",
                    "swap",
                    "ins_line",
                    "del_chars",
                    "ins_chars",
                    "dup_chars",
                    "junk",
                ]
            )
        )
        i = draw(st.integers(0, max(0, n - 1)))
        if op == "del_line" and n > 1:
            del lines[i]
        elif op == "dup_line":
            lines.insert(i, lines[i] if n else "")
        elif op == "swap" and n > 1:
            j = draw(st.integers(0, n - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "ins_line":
            lines.insert(i, draw(st.one_of(st.sampled_from(lines or [""]), arbitrary_text)))
        else:
            line = lines[i] if n else ""
            a = draw(st.integers(0, len(line)))
            b = draw(st.integers(a, min(len(line), a + 40)))
            if op == "del_chars":
                line = line[:a] + line[b:]
            elif op == "ins_chars":
                line = line[:a] + draw(arbitrary_text) + line[a:]
            elif op == "dup_chars":
                line = line[:b] + line[a:b] + line[b:]
            else:
                line = line[:a] + draw(_JUNK) + line[a:]
            if n:
                lines[i] = line
            else:
                lines.append(line)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def _decoded(data: bytes, encoding: str) -> str:
    text = codecs.decode(data, encoding)
    return text.removeprefix("\ufeff")


def _parse_mutated(
    text: str, as_file: bool, junk: bytes, at: float, workdir: Path
) -> tuple[speechparse.Report, str] | None:
    """Parse the mutated seed as a string, or as raw UTF-8 bytes with binary junk spliced in
    (through ``parse_file``); None when speechparse raised one of its own errors."""
    if not as_file:
        report = parse_or_own_error(text, keywords=False)
        return None if report is None else (report, text.removeprefix("\ufeff"))
    data = text.encode("utf-8", "surrogatepass")
    cut = int(len(data) * at)
    data = data[:cut] + junk + data[cut:]
    path = workdir / "mutated.txt"
    path.write_bytes(data)
    try:
        report = speechparse.parse_file(path, keywords=False)
    except speechparse.SpeechParseError:
        return None
    return report, _decoded(data, report.source.encoding)


@budget()
@given(text=mutated_seed(), as_file=st.booleans(), junk=st.binary(max_size=32), at=st.floats(0, 1))
def test_mutated_seed(text: str, as_file: bool, junk: bytes, at: float, workdir: Path) -> None:
    """Own errors only, schema-valid JSON, offsets in range."""
    result = _parse_mutated(text, as_file, junk, at, workdir)
    if result is not None:
        check_contract(*result)


MUTATED_BYLINE_BUG = (
    "parser bug: a trailing byline left in a paragraph that belongs to no speech (the lead, or "
    "text before the first designation once lines are deleted/swapped; e.g. '\\n二要…走出去”。 "
    "全媒体记者 雷琳琳\\n\\n坚持容错纠错\\n\\n市纪委监委、监委委员甘长浩:…') is cut out of "
    "the lead text but reported nowhere: its letters are in no span (coverage), and the lead's "
    "text is no longer its source slice (grounding); about 1 mutated seed in 4 hits it"
)


@budget(phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no shrinking: known failure
@given(text=mutated_seed(), as_file=st.booleans(), junk=st.binary(max_size=32), at=st.floats(0, 1))
def test_mutated_seed_grounded_and_covered(
    text: str, as_file: bool, junk: bytes, at: float, workdir: Path
) -> None:
    result = _parse_mutated(text, as_file, junk, at, workdir)
    if result is not None:
        check_report(*result)


# --- (c) generated pseudo-reports ------------------------------------------------------------

CITIES = ["临江市", "青石县", "鹿鸣区", "云岫县", "澄阳市"]
MEETINGS = [
    "优化营商环境专题协商会",
    "乡村振兴工作推进会",
    "民营经济高质量发展座谈会",
    "安全生产工作会议",
    "文旅融合发展论坛",
]
UNITS = [
    "临江市财政局",
    "市发展改革委",
    "青石县水利局",
    "临江师范学院",
    "市委组织部",
    "市科技局",
    "鹿鸣区人民政府",
    "市商务局",
    "云岫县农业农村局",
    "市数据资源管理局",
]
TITLES = ["局长", "副局长", "主任", "党组书记", "院长", "部长", "董事长", "总经理", "校长"]
# 孙 is left out: after a title ending in 长 it reads as the compound surname 长孙 (董事长孙杰 →
# 长孙杰), a known parser bug pinned by test_title_zhang_before_surname_sun below.
SURNAMES = [
    *"周林许贺冯邹王李张陈杨赵吴马朱胡郭何高罗郑梁谢宋唐韩曹邓彭曾田董潘袁蔡蒋",
    "欧阳",
    "司马",
    "诸葛",
    "上官",
]
GIVEN = list("明远涛川文博晓东海燕志强丽娟建宇航婷静芳军伟敏杰岚清")
HEADLINES = [
    "把课堂搬进产业园",
    "让数据资源活起来",
    "聚焦首位产业抓科技创新",
    "在引才育才用才上下功夫",
    "审批要从“能办”走向“好办”",
    "给中小企业更多“及时雨”",
    "做强一片茶 富了一方人",
    "把人才留在田野上",
    "让老街区讲出新故事",
]
SENTENCES = [
    "这次考察学习让我们很受启发，看到了差距，也看到了方向。",
    "我们将对照先进地区的经验，逐项梳理短板，明确责任单位和完成时限。",
    "下一步，要把工作重心放在企业最关心的问题上，真正做到服务到位。",
    "数据显示，今年以来全市新增市场主体一万二千多户，同比增长百分之八。",
    "改革越到深处，越要敢于担当，越要善于作为。",
    "一是加快平台建设；二是完善政策体系；三是强化督查考核。",
    "首先要统一思想，其次要压实责任，最后要抓好落实。",
    "我们还将加强与高校院所的合作，推动科技成果就地转化。",
]
CN_NUM = "一二三四五六七八九十"
ROLES = ["全媒体记者", "记者", "本报记者"]


@dataclass
class Generated:
    text: str
    names: list[str]
    layout: Layout | None = None


@dataclass(frozen=True)
class Layout:
    """How a generated report is laid out."""

    indent: bool  # paragraphs start with
    blank_lines: bool  # blocks separated by blank lines (else by single line breaks)
    headline: str  # plain | square | paren | dunhao | brackets
    form: str  # colon | line | name_first
    colon: str  # ： or :
    byline: str  # none | trailing | line | paren


layouts = st.builds(
    Layout,
    indent=st.booleans(),
    blank_lines=st.booleans(),
    headline=st.sampled_from(["plain", "square", "paren", "dunhao", "brackets"]),
    form=st.sampled_from(["colon", "line", "name_first"]),
    colon=st.sampled_from(["：", ":"]),
    byline=st.sampled_from(["none", "trailing", "line", "paren"]),
).filter(lambda lay: lay.blank_lines or lay.indent)  # without either, paragraphs run together


@st.composite
def pseudo_report(draw: st.DrawFn, layouts: st.SearchStrategy[Layout] = layouts) -> Generated:
    lay = draw(layouts)
    sep = "\n\n" if lay.blank_lines else "\n"
    pad = "\u3000\u3000" if lay.indent else ""
    headline_style, form, colon, byline_style = lay.headline, lay.form, lay.colon, lay.byline
    blocks = [draw(st.sampled_from(CITIES)) + draw(st.sampled_from(MEETINGS)) + "发言摘要"]
    if draw(st.booleans()):
        blocks.append(
            pad
            + "近日，"
            + draw(st.sampled_from(CITIES))
            + "召开会议，部分代表作交流发言，现摘要刊发如下。"
        )
    n = draw(st.integers(1, 6))
    names: list[str] = []
    used: set[str] = set()
    for k in range(n):
        name = draw(st.sampled_from(SURNAMES)) + "".join(
            draw(st.lists(st.sampled_from(GIVEN), min_size=1, max_size=2))
        )
        assume(name not in used)
        used.add(name)
        names.append(name)
        unit = draw(st.sampled_from(UNITS))
        titles = draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=2, unique=True))
        designation = unit + "、".join(titles)
        headline = draw(st.sampled_from(HEADLINES))
        blocks.append(
            {
                "plain": headline,
                "square": "■ " + headline,
                "paren": f"（{CN_NUM[k]}）{headline}",
                "dunhao": f"{CN_NUM[k]}、{headline}",
                "brackets": f"【{headline}】",
            }[headline_style]
        )
        paragraphs = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3))
        reporter = draw(st.sampled_from(SURNAMES)) + draw(st.sampled_from(GIVEN))
        role = draw(st.sampled_from(ROLES))
        if byline_style == "trailing":
            paragraphs[-1] += f" {role} {reporter}"
        elif byline_style == "paren":
            paragraphs[-1] += f"（{role} {reporter}）"
        if form == "colon":
            paragraphs[0] = f"{designation}{name}{colon}{paragraphs[0]}"
        elif form == "name_first":
            paragraphs[0] = f"{name}（{designation}）{colon}{paragraphs[0]}"
        else:
            blocks.append(f"{designation} {name}")
        blocks.extend(pad + p for p in paragraphs)
        if byline_style == "line":
            blocks.append(f"{role} {reporter}")
    return Generated(sep.join(blocks) + "\n", names, lay)


def _check_generated(report: Generated, keywords: bool) -> None:
    parsed = speechparse.parse(report.text, keywords=keywords)
    check_report(parsed, report.text)
    got = [sp.speaker.name for sp in parsed.speeches]
    assert got == report.names, (
        f"speakers {got}, generated {report.names}\n--- input ---\n{report.text}"
    )


def _line_form_without_blank_lines(lay: Layout) -> bool:
    return lay.form == "line" and not lay.blank_lines


@budget()
@given(
    report=pseudo_report(layouts.filter(lambda lay: not _line_form_without_blank_lines(lay))),
    keywords=st.booleans(),
)
def test_generated_reports(report: Generated, keywords: bool) -> None:
    _check_generated(report, keywords)


LINE_FORM_BUG = (
    "parser bug: layout with indented paragraphs, no blank lines and line-form designations "
    "('临江市财政局局长 周明' alone on its line): the title swallows the first headline and "
    "designation, speeches are lost or merged (names [] / ['周明'] for ['周明','周远']), the "
    "lead's text skips the lines in between (grounding), and headline markers and bylines end "
    "up in no span (coverage)"
)


@budget(phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no shrinking: known failure
@given(
    report=pseudo_report(layouts.filter(_line_form_without_blank_lines)), keywords=st.just(False)
)
def test_generated_reports_line_form_without_blank_lines(report: Generated, keywords: bool) -> None:
    _check_generated(report, keywords)


def test_title_zhang_before_surname_sun() -> None:
    text = (
        "某市座谈会发言摘要\n\n把课堂搬进产业园\n\n"
        "市发展改革委主任、董事长孙杰：我们将对照先进地区的经验。\n"
    )
    report = speechparse.parse(text, keywords=False)
    assert [sp.speaker.name for sp in report.speeches] == ["孙杰"]


def test_lone_surrogate() -> None:
    text = "\ud800\n" + SEED_TEXT
    try:
        report = speechparse.parse(text, keywords=False)
    except speechparse.SpeechParseError:
        return
    check_contract(report, text)


def test_generated_outputs_validate_with_ajv(ajv: Ajv) -> None:
    """The property tests' outputs (up to 400 of them), validated by ajv in one process.

    Run alone, this test generates its own sample so that it never passes on nothing.
    """
    if not AJV_SAMPLE:
        for text in ["", SEED_TEXT, SEED_TEXT[: len(SEED_TEXT) // 2], "某市座谈会\n\n" * 3]:
            check_contract(speechparse.parse(text, keywords=False), text)
    schema = ROOT / "schemas" / f"report-{speechparse.SCHEMA_VERSION}.schema.json"
    result = ajv.run(schema, AJV_SAMPLE)
    assert result["compiled"], result["error"]
    assert len(result["results"]) == len(AJV_SAMPLE)
    failures = {name: errors for name, errors in result["results"].items() if errors}
    assert failures == {}
