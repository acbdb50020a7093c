"""Whole invented reports in layouts the seed does not have (fixtures written for these tests)."""

from __future__ import annotations

from pathlib import Path

import speechparse

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_plenary_with_chrome_subtitle_note_marker_lines_and_closing_byline() -> None:
    r = speechparse.parse_file(FIXTURES / "cppcc_plenary.txt", keywords=False)
    assert r.title is not None and r.title.text == "凝聚共识 共谋发展"
    assert r.subtitle is not None and r.subtitle.text == "——市政协十一届三次会议大会发言摘登"
    assert r.lead_label is not None and "编者按" in r.lead_label.text
    assert r.lead is not None and r.lead.text.startswith("市政协十一届三次会议期间")
    assert r.byline is not None
    assert [(c.role, c.name) for c in r.byline.credits] == [("本报记者", "华静")]
    got = [
        (
            s.headline.text if s.headline else None,
            s.speaker.name,
            [(p.organization, p.title) for p in s.speaker.positions],
            [p.marker for p in s.points],
        )
        for s in r.speeches
    ]
    assert got == [
        (
            "让每个孩子都有出彩机会",
            "欧阳春晓",
            [("市政协", "委员"), ("北江区实验小学", "校长")],
            ["一是", "二是"],
        ),
        (
            "为民营企业减负",
            "司徒浩",
            [("市政协", "常委"), ("民盟市委", "专职副主委"), ("民盟市委", "秘书长")],
            ["首先", "其次"],
        ),
    ]
    chrome = [d for d in r.diagnostics if d.code == "layout.page_chrome"]
    assert [(d.line, d.column) for d in chrome] == [
        (1, 1),
        (11, 1),
    ]  # the edition line and the jump line


def test_traditional_report_keeps_its_script_in_values() -> None:
    r = speechparse.parse_file(FIXTURES / "traditional_forum.txt", keywords=False)
    assert r.title is not None and r.title.text == "港島區議會青年論壇發言摘要"
    assert r.byline is not None and r.byline.form == "dateline"
    assert [(c.role, c.name) for c in r.byline.credits] == [("記者", "張偉明"), ("記者", "李嘉欣")]
    first, second = r.speeches
    assert first.headline is not None and first.headline.marker is not None
    assert (first.headline.marker.text, first.headline.text) == ("一、", "讓青年看到「上升通道」")
    assert first.speaker.form == "name_first"
    assert (first.speaker.name, [(p.organization, p.title) for p in first.speaker.positions]) == (
        "陳大文",
        [("港島區議會", "主席")],
    )
    assert [p.marker for p in first.points] == ["第一", "第二"]
    assert second.speaker.name == "黃·阿里木"
    assert [(p.organization, p.title) for p in second.speaker.positions] == [
        ("香港科技大學", "副校長"),
        ("香港科技大學", "教授"),
    ]
    assert [p.marker for p in second.points] == ["首先", "其次", "最後"]
    assert second.byline is not None
    assert [(c.role, c.name) for c in second.byline.credits] == [("記者", "張偉明")]


def test_page_chrome_inside_a_sentence_does_not_split_the_paragraph() -> None:
    source = (
        "某市座谈会发言摘要\n\n推动产业升级\n\n市科技局局长吴曦：我们要在科技创新上为企业提\n\n"
        "2024年5月12日 星期日 第五版\n\n供更多支持。\n"
    )
    report = speechparse.parse(source, keywords=False)
    (speech,) = report.speeches
    (paragraph,) = speech.paragraphs
    assert paragraph.text.startswith("我们要在科技创新上为企业提")
    assert paragraph.text.endswith("供更多支持。")
    (chrome,) = [d for d in report.diagnostics if d.code == "layout.page_chrome"]
    assert paragraph.start < chrome.start < chrome.end < paragraph.end


def test_running_head_glued_to_a_text_line_is_cut_off_and_the_sentence_goes_on() -> None:
    source = (
        "某市座谈会发言摘要\n\n推动产业升级\n\n"
        "　　市科技局局长吴曦：我们将在各县建设产业\n"
        "7  县域经济  2024年9月12日  星期四  责任编辑：柯岚  校对：韦明  研究院，开展技术攻关。\n"
    )
    report = speechparse.parse(source, keywords=False)
    (speech,) = report.speeches
    (paragraph,) = speech.paragraphs
    assert paragraph.text.startswith("我们将在各县建设产业")
    assert paragraph.text.endswith("研究院，开展技术攻关。")
    (chrome,) = [d for d in report.diagnostics if d.code == "layout.page_chrome"]
    assert source[chrome.start : chrome.end].startswith("7  县域经济")
    assert source[chrome.start : chrome.end].endswith("校对：韦明")
