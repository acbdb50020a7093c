"""Stage 4 on its own: why a line must open a block, where a sentence ends, how blocks are
classified and where running text is cut at a speaker.

Every line is invented (澄江, 柏文峰, 韦岚 …); each expected value was worked out by hand from
the rule it tests.
"""

from __future__ import annotations

import pytest

from helpers import parse
from speechparse.core.text import Compact, compact
from speechparse.structure import blocks
from speechparse.structure.blocks import Line, split_lines


def _special(text: str, heading: int = 0) -> str | None:
    return blocks._special(blocks._facts(Compact(text, ())), Line(0, len(text), 0, False, heading))


@pytest.mark.parametrize(
    ("text", "heading", "expected"),
    [
        pytest.param("", 0, None, id="empty"),
        pytest.param("会议开得很好。", 0, None, id="sentence"),
        pytest.param("柏文峰澄江大学校长", 0, None, id="no-colon"),
        pytest.param("作者：本报记者 柏文峰", 0, "other", id="author-crediting-a-reporter"),
        pytest.param("作者：本报记者 柏文峰", 1, "other", id="author-in-a-heading"),
        pytest.param("作者：澄江大学教授", 0, "chrome", id="author-meta-line"),
        pytest.param("您所在的位置：首页 > 新闻", 0, "chrome", id="breadcrumb"),
        pytest.param("——澄江市政协会议发言摘登", 0, "other", id="subtitle"),
        pytest.param("编者按：", 0, "other", id="label"),
        pytest.param("【澄江观察】", 0, "other", id="bracketed-headline"),
        pytest.param("本报记者 柏文峰", 0, "other", id="byline"),
        pytest.param("澄江大学校长柏文峰：", 0, "designation", id="designation"),
        pytest.param("澄江大学校长柏文峰：", 1, None, id="designation-as-top-heading"),
        pytest.param("澄江大学校长柏文峰：", 2, "designation", id="designation-as-second-heading"),
        pytest.param("■让数据多跑路", 0, "marker", id="bullet-headline"),
        pytest.param("一、加强管理", 0, "marker", id="numbered-headline"),
        pytest.param("■" + "加强管理工作" * 7, 0, "marker", id="long-bullet-line"),
        pytest.param("一、" + "加强管理工作" * 7, 0, None, id="long-numbered-line"),
        pytest.param("一、" + "加强管理工作" * 6 + "好好", 0, "marker", id="numbered-line-of-40"),
        pytest.param("一、" + "加强管理工作" * 6 + "好好好", 0, None, id="numbered-line-of-41"),
        pytest.param("大家都说 好", 0, None, id="space-but-no-guest"),
        pytest.param("柏文峰，澄江大学校长", 0, None, id="guest-without-a-space"),
        pytest.param("柏文峰  澄江大学校长", 0, "other", id="guest-line"),
        pytest.param("对话嘉宾：", 0, "other", id="guest-list-label"),
        pytest.param("记者：请谈谈。", 0, "other", id="question-label"),
        pytest.param("记者：", 0, None, id="question-label-alone"),
        pytest.param("柏文峰：好的。", 0, "turn", id="name-turn"),
    ],
)
def test_special(text: str, heading: int, expected: str | None) -> None:
    assert _special(text, heading) == expected


def test_ends_sentence() -> None:
    """A full stop, a byline after the last sentence, or a byline line of its own."""
    text = (
        "会议开得很好。\n"
        "会议开得很好\n"
        "本报记者 柏文峰\n"
        "会议开得很好。 全媒体记者 韦岚\n"
        "会议开得很好 全媒体记者 韦岚\n"
        "“好。”\n"
    )
    lines = split_lines(text)
    facts = [blocks._facts(compact(text, line.start, line.end)) for line in lines]
    layout = blocks._Layout(text, lines, [], None, False, [], [], facts)
    assert [layout.ends_sentence(i) for i in range(len(lines))] == [
        True,
        False,
        True,
        True,
        False,
        True,
    ]


LineRow = tuple[int, int, int, bool]  # start, end, indent, blank_before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", [], id="empty"),
        pytest.param("甲乙\n", [(0, 2, 0, False)], id="final-line-feed"),
        pytest.param("甲乙\n\n丙丁", [(0, 2, 0, False), (4, 6, 0, True)], id="blank-line"),
        pytest.param("甲乙\n \u3000\n丙丁", [(0, 2, 0, False), (6, 8, 0, True)], id="space-line"),
        pytest.param("甲乙\r\n丙丁", [(0, 2, 0, False), (4, 6, 0, False)], id="crlf"),
        pytest.param(
            "甲乙\r丙丁\u2028戊\u2029己",
            [(0, 2, 0, False), (3, 5, 0, False), (6, 7, 0, False), (8, 9, 0, False)],
            id="cr-and-unicode-breaks",
        ),
        pytest.param("  甲乙  \n  丙", [(2, 4, 2, False), (9, 10, 2, False)], id="indented"),
        pytest.param("甲乙\n■■■\n丙丁", [(0, 2, 0, False), (7, 9, 0, True)], id="rule"),
        # Markdown marks with nothing inside separate like a blank line, never a line of their own.
        pytest.param("甲乙\n##\n丙丁", [(0, 2, 0, False), (6, 8, 0, True)], id="empty-heading"),
        pytest.param("甲乙\n**  **\n丙丁", [(0, 2, 0, False), (10, 12, 0, True)], id="empty-bold"),
        pytest.param(
            "7  县域经济  2024年9月12日  星期四  研究院，开展工作",
            [(0, 24, 0, False), (26, 34, 0, False)],
            id="glued-running-head",
        ),
        pytest.param(
            "7  县域经济  2024年9月12日  研究院，开展工作", [(0, 29, 0, False)], id="no-weekday"
        ),
        pytest.param(
            "本报记者 韦岚《桤川日报》（2025年03月13日第 02 版）",
            [(0, 7, 0, False), (7, 32, 0, False)],
            id="glued-edition-line",
        ),
        pytest.param("本报记者 韦岚《桤川日报》", [(0, 13, 0, False)], id="no-edition-bracket"),
        pytest.param("本报记者 韦岚（2025年第 02 版）", [(0, 20, 0, False)], id="no-paper-name"),
    ],
)
def test_split_lines(text: str, expected: list[LineRow]) -> None:
    assert [(x.start, x.end, x.indent, x.blank_before) for x in split_lines(text)] == expected


# A glued line split in two: the first piece keeps the physical line's indentation, the blank
# line before it and its Markdown heading level; the second starts after the spaces between.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "甲乙\n\n  7  县域经济  2024年9月12日  星期四   研究院，开展工作",
            [(0, 2, 0, False, 0), (6, 30, 2, True, 0), (33, 41, 0, False, 0)],
            id="indented-running-head-three-spaces",
        ),
        pytest.param(
            "甲乙\n\n  本报记者 韦岚 《桤川日报》（2025年03月13日第 02 版）",
            [(0, 2, 0, False, 0), (6, 13, 2, True, 0), (14, 39, 0, False, 0)],
            id="indented-edition-line-one-space",
        ),
        pytest.param(
            "## 7  县域经济  2024年9月12日  星期四  研究院，开展工作",
            [(3, 27, 0, False, 2), (29, 37, 0, False, 2)],
            id="running-head-in-a-heading",
        ),
    ],
)
def test_split_lines_cuts_glued_lines(
    text: str, expected: list[tuple[int, int, int, bool, int]]
) -> None:
    lines = split_lines(text)
    assert [(x.start, x.end, x.indent, x.blank_before, x.heading) for x in lines] == expected


def _speeches(text: str) -> list[tuple[str, list[str]]]:
    report = parse("青川省政协会议发言摘要\n\n" + text)
    return [(s.speaker.name, [p.text for p in s.paragraphs]) for s in report.speeches]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "澄江市教育局局长邢雅：教育要均衡。\n\n会议开始。韦明委员说，学校要办在家门口。\n",
            [("邢雅", ["教育要均衡。", "会议开始。"]), ("韦明", ["学校要办在家门口。"])],
            id="one-designation-line-then-a-member-in-running-text",
        ),
        pytest.param(
            "澄江市教育局局长邢雅：教育要均衡。会议开始。韦明委员说，学校要办在家门口。\n\n"
            "澄江市卫健委主任巩丽：医疗要下沉。\n",
            [
                ("邢雅", ["教育要均衡。会议开始。韦明委员说，学校要办在家门口。"]),
                ("巩丽", ["医疗要下沉。"]),
            ],
            id="two-designation-lines-quote-a-member",
        ),
        pytest.param(
            "澄江市教育局局长邢雅：教育要均衡。柏文峰委员（澄江大学校长）说：\n\n"
            "学校要办在家门口。\n\n澄江市卫健委主任巩丽：医疗要下沉。\n",
            [
                ("邢雅", ["教育要均衡。"]),
                ("柏文峰", ["学校要办在家门口。"]),
                ("巩丽", ["医疗要下沉。"]),
            ],
            id="two-designation-lines-and-one-glued-to-a-paragraph-end",
        ),
        pytest.param(
            "澄江大学校长柏文峰说，要加强。\n\n"
            "澄江种业公司总经理鲁思琪说，要落实。会议开始。韦明委员说，学校要办在家门口。\n",
            [
                ("柏文峰", ["要加强。"]),
                ("鲁思琪", ["要落实。会议开始。"]),
                ("韦明", ["学校要办在家门口。"]),
            ],
            id="reported-speakers-are-no-designation-lines",
        ),
        pytest.param(
            "澄江大学校长柏文峰说，要加强。韦明委员说，学校要办在家门口。\n",
            [("柏文峰", ["要加强。"]), ("韦明", ["学校要办在家门口。"])],
            id="second-speaker-after-a-reported-one",
        ),
        pytest.param(
            "“种业要自立自强。”澄江大学校长柏文峰说。韦明委员说，学校要办在家门口。\n",
            [
                ("柏文峰", ["“种业要自立自强。”澄江大学校长柏文峰说。"]),
                ("韦明", ["学校要办在家门口。"]),
            ],
            id="speaker-after-a-quote-first-speaker",
        ),
        pytest.param(
            "澄江市教育局局长邢雅：教育要均衡。韦明委员说，学校要办在家门口。"
            "柏文峰委员（澄江大学校长）说：\n\n学校要办在家门口。\n\n"
            "澄江市卫健委主任巩丽：医疗要下沉。\n",
            [
                ("邢雅", ["教育要均衡。韦明委员说，学校要办在家门口。"]),
                ("柏文峰", ["学校要办在家门口。"]),
                ("巩丽", ["医疗要下沉。"]),
            ],
            id="designation-lines-keep-only-the-speaker-glued-at-the-end",
        ),
        pytest.param(
            "澄江市教育局局长邢雅：教育要均衡。\n\n会上，市商务局局长甄怀远率先提问。\n\n"
            "“企业最需要什么？”甄怀远向来宾问道。\n",
            [
                ("邢雅", ["教育要均衡。", "会上，市商务局局长甄怀远率先提问。"]),
                ("甄怀远", ["“企业最需要什么？”甄怀远向来宾问道。"]),
            ],
            id="bare-name-introduced-earlier-after-one-designation-line",
        ),
        pytest.param(
            "澄江市教育局局长邢雅：教育要均衡。\n\n"
            "澄江市卫健委主任巩丽：医疗要下沉。会上，市商务局局长甄怀远率先提问。甄怀远说：\n\n"
            "企业最需要人才。\n",
            [
                ("邢雅", ["教育要均衡。"]),
                (
                    "巩丽",
                    ["医疗要下沉。会上，市商务局局长甄怀远率先提问。甄怀远说：企业最需要人才。"],
                ),
            ],
            id="designation-lines-take-no-bare-name",
        ),
        pytest.param(
            "柏文峰委员（澄江大学校长）：教育要均衡。韦明委员说，学校要办在家门口。\n\n"
            "鲁思琪委员（澄江种业公司总经理）：种业要自立自强。\n",
            [
                ("柏文峰", ["教育要均衡。韦明委员说，学校要办在家门口。"]),
                ("鲁思琪", ["种业要自立自强。"]),
            ],
            id="two-name-first-lines-quote-a-member",
        ),
        pytest.param(
            "柏文峰委员（澄江大学校长）：教育要均衡。韦明委员说，学校要办在家门口。\n",
            [("柏文峰", ["教育要均衡。"]), ("韦明", ["学校要办在家门口。"])],
            id="one-name-first-line-then-a-member",
        ),
        pytest.param(
            "澄江大学校长 柏文峰：教育要均衡。韦明委员说，学校要办在家门口。\n\n"
            "澄江种业公司总经理 鲁思琪：种业要自立自强。\n",
            [
                ("柏文峰", ["教育要均衡。韦明委员说，学校要办在家门口。"]),
                ("鲁思琪", ["种业要自立自强。"]),
            ],
            id="two-spaced-lines-quote-a-member",
        ),
        pytest.param(
            "澄江大学校长柏文峰：韦明委员说，要加强。\n",
            [("柏文峰", ["韦明委员说，要加强。"])],
            id="speech-opening-with-a-member-is-not-cut",
        ),
    ],
)
def test_speeches_cut_at_speakers_in_running_text(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _speeches(text) == expected


BlockRow = tuple[str, str, bool, int, str | None, tuple[int, int, tuple[int, int] | None] | None]


def _blocks(text: str) -> list[BlockRow]:
    """(kind, text, blank before, body start, speaker name, (extent start, extent end, verb))."""
    rows: list[BlockRow] = []
    for b in blocks.build_blocks(text, split_lines(text)):
        d = b.designation
        name = b.text[d.name_start : d.name_end] if d else None
        rows.append(
            (
                b.kind.name,
                b.text,
                b.blank_before,
                b.body_start,
                name,
                (d.extent_start, d.extent_end, d.verb) if d else None,
            )
        )
    return rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "会议开始。\n\n柏文峰委员说，要加强。鲁思琪委员说，要落实。\n",
            [
                ("TEXT", "会议开始。", False, 0, None, None),
                ("DESIGNATION", "柏文峰委员说，要加强。", True, 7, "柏文峰", (0, 5, (5, 6))),
                ("DESIGNATION", "鲁思琪委员说，要落实。", False, 7, "鲁思琪", (0, 5, (5, 6))),
            ],
            id="only-the-first-piece-keeps-the-blank-line",
        ),
        pytest.param(
            "。柏文峰委员说，要加强。\n",
            [
                ("TEXT", "。", False, 0, None, None),
                ("DESIGNATION", "柏文峰委员说，要加强。", False, 7, "柏文峰", (0, 5, (5, 6))),
            ],
            id="speaker-one-character-into-the-paragraph",
        ),
        pytest.param(
            "会议开得很热烈。柏文峰、鲁思琪等委员在发言中都谈到了养老问题。\n",
            [
                ("TEXT", "会议开得很热烈。", False, 0, None, None),
                (
                    "DESIGNATION",
                    "柏文峰、鲁思琪等委员在发言中都谈到了养老问题。",
                    False,
                    10,
                    "柏文峰",
                    (0, 3, None),
                ),
                (
                    "DESIGNATION",
                    "柏文峰、鲁思琪等委员在发言中都谈到了养老问题。",
                    False,
                    10,
                    "鲁思琪",
                    (4, 10, None),
                ),
            ],
            id="joint-speakers-each-get-the-piece",
        ),
        pytest.param(
            "“种业要自立自强。”澄江大学校长柏文峰说。韦明委员说，学校要办在家门口。\n",
            [
                (
                    "DESIGNATION",
                    "“种业要自立自强。”澄江大学校长柏文峰说。",
                    False,
                    0,
                    "柏文峰",
                    (10, 19, (19, 20)),
                ),
                ("DESIGNATION", "韦明委员说，学校要办在家门口。", False, 6, "韦明", (0, 4, (4, 5))),
            ],
            id="scan-goes-on-after-a-quote-first-verb",
        ),
    ],
)
def test_blocks_cut_at_speakers(text: str, expected: list[BlockRow]) -> None:
    assert _blocks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "澄江大学院长、教授柏\n\n文峰：教育要均衡。\n",
            [
                (
                    "DESIGNATION",
                    "澄江大学院长、教授柏文峰：教育要均衡。",
                    False,
                    13,
                    "柏文峰",
                    (0, 12, None),
                )
            ],
            id="name-cut-by-a-blank-line",
        ),
        pytest.param(
            "会议开得很好。\n\n澄江大学院长、教授柏\n\n文峰：教育要均衡。\n",
            [
                ("TEXT", "会议开得很好。", False, 0, None, None),
                (
                    "DESIGNATION",
                    "澄江大学院长、教授柏文峰：教育要均衡。",
                    True,
                    13,
                    "柏文峰",
                    (0, 12, None),
                ),
            ],
            id="mended-block-keeps-its-blank-line",
        ),
        pytest.param(
            "澄江大学院长、教授柏\n\n文峰：" + "好" * 70 + "\n",
            [
                (
                    "DESIGNATION",
                    "澄江大学院长、教授柏文峰：" + "好" * 70,
                    False,
                    13,
                    "柏文峰",
                    (0, 12, None),
                )
            ],
            id="long-speech-after-the-colon",
        ),
        pytest.param(
            "让数据多跑路\n\n澄江大学院长柏文峰：教育要均衡。\n",
            [
                ("TEXT", "让数据多跑路", False, 0, None, None),
                (
                    "DESIGNATION",
                    "澄江大学院长柏文峰：教育要均衡。",
                    True,
                    10,
                    "柏文峰",
                    (0, 9, None),
                ),
            ],
            id="headline-above-a-designation",
        ),
        pytest.param(
            "会议开得很好。\n\n文峰：教育要均衡。\n",
            [
                ("TEXT", "会议开得很好。", False, 0, None, None),
                ("TEXT", "文峰：教育要均衡。", True, 0, None, None),
            ],
            id="after-a-finished-sentence",
        ),
        pytest.param(
            "■让数据多跑路\n\n文峰：教育要均衡。\n",
            [
                ("HEADLINE", "■让数据多跑路", False, 1, None, None),
                ("TEXT", "文峰：教育要均衡。", True, 0, None, None),
            ],
            id="after-a-marked-headline",
        ),
        pytest.param(
            "■澄江大学院长、教授柏\n\n文峰：教育要均衡。\n",
            [
                ("HEADLINE", "■澄江大学院长、教授柏", False, 1, None, None),
                ("TEXT", "文峰：教育要均衡。", True, 0, None, None),
            ],
            id="marked-line-is-no-broken-designation",
        ),
        pytest.param(
            "柏文峰  澄江大学院长\n\n记者：教育要均衡吗？\n",
            [
                ("TEXT", "柏文峰 澄江大学院长", False, 0, None, None),
                ("TEXT", "记者：教育要均衡吗？", True, 0, None, None),
            ],
            id="guest-line-before-a-question",
        ),
        pytest.param(
            "澄江大学院长、教授柏\n\n记者：教育要均衡吗？\n",
            [
                ("TEXT", "澄江大学院长、教授柏", False, 0, None, None),
                ("TEXT", "记者：教育要均衡吗？", True, 0, None, None),
            ],
            id="question-label-opens-the-next-block",
        ),
    ],
)
def test_designation_broken_across_blocks(text: str, expected: list[BlockRow]) -> None:
    assert _blocks(text) == expected


def test_mended_designation_reads_both_positions() -> None:
    report = parse("青川省政协会议发言摘要\n\n澄江大学院长、教授柏\n\n文峰：教育要均衡。\n")
    assert [
        (s.speaker.name, [(p.organization, p.title) for p in s.speaker.positions])
        for s in report.speeches
    ] == [("柏文峰", [("澄江大学", "院长"), ("澄江大学", "教授")])]


ClassRow = tuple[
    str,
    int,
    int | None,
    tuple[int, int] | None,
    tuple[int, int] | None,
    str | None,
    bool,
    bool,
    str | None,
    int | None,
    bool,
    str | None,
]


def _classified(text: str, heading: int = 0, forced: str | None = None) -> ClassRow:
    """(kind, body start, body end, marker, label, form, terminated, brackets, chrome,
    editors from, has a byline, speaker name) of one line classified on its own."""
    b = blocks._classify(text, [Line(0, len(text), 0, True, heading)], 3, forced)
    assert (b.blank_before, b.index, b.heading) == (True, 3, heading)
    d = b.designation
    return (
        b.kind.name,
        b.body_start,
        b.body_end,
        b.marker,
        b.label,
        b.form,
        b.terminated,
        b.brackets,
        b.chrome,
        b.editors_from,
        b.byline is not None,
        b.text[d.name_start : d.name_end] if d else None,
    )


_N = None
_TEXT_ROW: ClassRow = ("TEXT", 0, _N, _N, _N, _N, True, False, _N, _N, False, _N)


@pytest.mark.parametrize(
    ("text", "heading", "forced", "expected"),
    [
        pytest.param("会议开得很好。", 0, _N, _TEXT_ROW, id="sentence"),
        pytest.param(
            "会议开得很好",
            0,
            _N,
            ("TEXT", 0, _N, _N, _N, _N, False, False, _N, _N, False, _N),
            id="unfinished-sentence",
        ),
        pytest.param(
            "会议开得很好。",
            0,
            "repeated line",
            ("CHROME", 0, _N, _N, _N, _N, True, False, "repeated line", _N, False, _N),
            id="forced-chrome",
        ),
        pytest.param(
            "您所在的位置：首页 > 新闻",
            0,
            _N,
            ("CHROME", 0, _N, _N, _N, _N, False, False, "breadcrumb", _N, False, _N),
            id="breadcrumb",
        ),
        pytest.param(
            "作者：本报记者 柏文峰",
            0,
            _N,
            ("BYLINE", 0, _N, _N, _N, _N, True, False, _N, _N, True, _N),
            id="author-line-crediting-a-reporter",
        ),
        pytest.param(
            "本报记者 柏文峰  责任编辑：鲁思琪",
            0,
            _N,
            ("BYLINE", 0, _N, _N, _N, _N, True, False, _N, 9, True, _N),
            id="byline-then-editors",
        ),
        pytest.param(
            "本报记者 柏文峰 ",
            0,
            _N,
            ("BYLINE", 0, _N, _N, _N, _N, True, False, _N, _N, True, _N),
            id="byline-then-a-space",
        ),
        pytest.param(
            "——澄江市政协会议发言摘登",
            0,
            _N,
            ("SUBTITLE", 2, _N, _N, _N, _N, False, False, _N, _N, False, _N),
            id="subtitle",
        ),
        pytest.param(
            "编者按：",
            0,
            _N,
            ("LABEL", 4, _N, (0, 3), _N, _N, False, False, _N, _N, False, _N),
            id="label",
        ),
        pytest.param(
            "编者按 ： 会议开得很好。",
            0,
            _N,
            ("LABEL", 6, _N, (0, 3), _N, _N, True, False, _N, _N, False, _N),
            id="label-with-spaces",
        ),
        pytest.param(
            "澄江大学校长柏文峰：教育要均衡。",
            0,
            _N,
            ("DESIGNATION", 10, _N, _N, _N, _N, True, False, _N, _N, False, "柏文峰"),
            id="designation",
        ),
        pytest.param(
            "澄江大学校长柏文峰：  教育要均衡",
            0,
            _N,
            ("DESIGNATION", 11, _N, _N, _N, _N, False, False, _N, _N, False, "柏文峰"),
            id="designation-space-before-the-speech",
        ),
        pytest.param(
            "澄江大学校长柏文峰：教育要均衡。", 1, _N, _TEXT_ROW, id="top-heading-names-no-speaker"
        ),
        pytest.param(
            "澄江大学校长柏文峰：教育要均衡。",
            2,
            _N,
            ("DESIGNATION", 10, _N, _N, _N, _N, True, False, _N, _N, False, "柏文峰"),
            id="second-heading-may-name-a-speaker",
        ),
        pytest.param(
            "■ 澄江大学校长柏文峰：教育要均衡。",
            0,
            _N,
            ("DESIGNATION", 12, _N, (0, 2), _N, _N, True, False, _N, _N, False, "柏文峰"),
            id="bullet-designation",
        ),
        pytest.param(
            "讲述人：澄江大学校长柏文峰",
            0,
            _N,
            ("DESIGNATION", 13, _N, _N, (0, 3), "label", True, False, _N, _N, False, "柏文峰"),
            id="speaker-label",
        ),
        pytest.param(
            "1. 讲述人：澄江大学校长  柏文峰",
            0,
            _N,
            ("DESIGNATION", 17, _N, (0, 3), (3, 6), "label", True, False, _N, _N, False, "柏文峰"),
            id="number-then-speaker-label",
        ),
        pytest.param(
            "澄江大学校长柏文峰——教育要均衡。",
            0,
            _N,
            ("DESIGNATION", 11, _N, _N, _N, "dash_ended", True, False, _N, _N, False, "柏文峰"),
            id="dash-ended-designation",
        ),
        pytest.param(
            "【澄江观察】",
            0,
            _N,
            ("HEADLINE", 1, 5, _N, _N, _N, False, True, _N, _N, False, _N),
            id="bracketed-headline",
        ),
        pytest.param(
            "■ 让数据多跑路",
            0,
            _N,
            ("HEADLINE", 2, _N, (0, 2), _N, _N, False, False, _N, _N, False, _N),
            id="marked-headline",
        ),
        pytest.param("一、加强管理。", 0, _N, _TEXT_ROW, id="numbered-sentence-is-text"),
        pytest.param(
            "一、" + "加强管理工作" * 6 + "好好",
            0,
            _N,
            ("HEADLINE", 2, _N, (0, 2), _N, _N, False, False, _N, _N, False, _N),
            id="numbered-headline-of-40",
        ),
        pytest.param(
            "一、 加强管理",
            0,
            _N,
            ("HEADLINE", 3, _N, (0, 2), _N, _N, False, False, _N, _N, False, _N),
            id="numbered-headline-space-after-the-number",
        ),
        pytest.param(
            "（一） 加强管理",
            0,
            _N,
            ("HEADLINE", 4, _N, (0, 3), _N, _N, False, False, _N, _N, False, _N),
            id="bracketed-number-headline",
        ),
        pytest.param(
            "一、" + "加强管理工作" * 7,
            0,
            _N,
            ("TEXT", 0, _N, _N, _N, _N, False, False, _N, _N, False, _N),
            id="numbered-line-too-long-for-a-headline",
        ),
        pytest.param(
            "会议开得很好。 全媒体记者 韦岚",
            0,
            _N,
            ("TEXT", 0, _N, _N, _N, _N, True, False, _N, _N, True, _N),
            id="text-with-a-trailing-byline",
        ),
        pytest.param(
            "澄江大学校长柏文峰：教育要均衡。 全媒体记者 韦岚",
            0,
            _N,
            ("DESIGNATION", 10, _N, _N, _N, _N, True, False, _N, _N, True, "柏文峰"),
            id="designation-with-a-trailing-byline",
        ),
    ],
)
def test_classify(text: str, heading: int, forced: str | None, expected: ClassRow) -> None:
    assert _classified(text, heading, forced) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("您所在的位置：首页 > 新闻\n第二行", "CHROME", id="two-lines-can-be-chrome"),
        pytest.param("您所在的位置：首页 > 新闻\n第二行\n第三行", "TEXT", id="three-lines-are-not"),
    ],
)
def test_chrome_reason_counts_for_short_blocks_only(text: str, kind: str) -> None:
    assert blocks._classify(text, split_lines(text), 0).kind.name == kind


@pytest.mark.xfail(
    strict=True,
    reason="a head line whose cut name still reads as a two-character name (`…教授柏文`) is a "
    "designation line of its own, so _mend_split_designations never joins `峰：…` to it",
)
def test_designation_cut_after_two_characters_of_a_three_character_name() -> None:
    report = parse("青川省政协会议发言摘要\n\n澄江大学院长、教授柏文\n\n峰：教育要均衡。\n")
    assert [(s.speaker.name, [p.text for p in s.paragraphs]) for s in report.speeches] == [
        ("柏文峰", ["教育要均衡。"])
    ]
