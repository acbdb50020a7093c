"""Stage 4 on its own: why a line must open a block, where a sentence ends, how blocks are
classified and where running text is cut at a speaker.

Every line is invented (澄江, 柏文峰, 韦岚 …); each expected value was worked out by hand from
the rule it tests.
"""

from __future__ import annotations

import pytest

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
