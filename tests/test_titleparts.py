from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechparse.enrichment.title_parts import TitleParts, decompose_title

# title, genre, topic, delegation, destination, meeting (worked out by hand)
Row = tuple[str, str | None, str | None, str | None, str | None, str | None]

CASES: list[Row] = [
    (
        "市党政考察团赴山西太原考察 科技创新改革工作之讨论发言摘要",
        "讨论发言摘要",
        "科技创新改革工作",
        "市党政考察团",
        "山西太原",
        None,
    ),
    (
        "芦汀市优化营商环境专题协商会发言摘登",
        "发言摘登",
        "优化营商环境",
        None,
        None,
        "优化营商环境专题协商会",
    ),
    (
        "棠溪市乡村振兴工作推进会交流发言",
        "交流发言",
        "乡村振兴工作",
        None,
        None,
        "乡村振兴工作推进会",
    ),
    (
        # genre label 座谈会发言摘编 overlaps the meeting; 人大代表 names attendees
        "为县域高质量发展建言献策——市人大代表座谈会发言摘编",
        "座谈会发言摘编",
        None,
        None,
        None,
        "市人大代表座谈会",
    ),
    (
        "XX市“十四五”规划中期评估座谈会发言摘要",
        "座谈会发言摘要",
        "“十四五”规划中期评估",
        None,
        None,
        "“十四五”规划中期评估座谈会",
    ),
    (
        "民营经济高质量发展座谈会发言摘编",
        "座谈会发言摘编",
        "民营经济高质量发展",
        None,
        None,
        "民营经济高质量发展座谈会",
    ),
    (
        "澄川县文旅融合发展论坛嘉宾发言摘要",
        "嘉宾发言摘要",
        "文旅融合发展",
        None,
        None,
        "文旅融合发展论坛",
    ),
    (
        "鹭洲区县党政代表团赴浙江湖州学习考察表态发言摘要",
        "表态发言摘要",
        None,
        "鹭洲区县党政代表团",
        "浙江湖州",
        None,
    ),
    (
        "市考察团到江苏昆山调研 开放型经济发展交流发言",
        "交流发言",
        "开放型经济发展",
        "市考察团",
        "江苏昆山",
        None,
    ),
    (
        # no delegation word before 赴: the group is not reported, the trip still is
        "我市干部赴深圳考察学习 营商环境建设讨论发言摘要",
        "讨论发言摘要",
        "营商环境建设",
        None,
        "深圳",
        None,
    ),
    (
        "云岭省青川市全市经济工作会议发言摘登",
        "发言摘登",
        "经济",
        None,
        None,
        "全市经济工作会议",
    ),
    (
        "在全市优化营商环境专题协商会上的发言摘要",
        "发言摘要",
        "优化营商环境",
        None,
        None,
        "全市优化营商环境专题协商会",
    ),
    (
        "市政协召开“民营经济高质量发展”专题协商会发言摘登",
        "发言摘登",
        "民营经济高质量发展",
        None,
        None,
        "“民营经济高质量发展”专题协商会",
    ),
    (
        # a session number is not a topic
        "市政协十五届二次会议大会发言摘登",
        "大会发言摘登",
        None,
        None,
        None,
        "市政协十五届二次会议",
    ),
    (
        "芦汀市第二届文旅融合发展论坛发言摘编",
        "发言摘编",
        "文旅融合发展",
        None,
        None,
        "第二届文旅融合发展论坛",
    ),
    (
        "芦汀市乡村振兴专题讨论发言摘要",
        "讨论发言摘要",
        "乡村振兴",
        None,
        None,
        None,
    ),
    (
        "在市委理论学习中心组学习会上的交流发言",
        "交流发言",
        None,
        None,
        None,
        "市委理论学习中心组学习会",
    ),
    (
        # genre ends the main title; the subtitle is a slogan
        "市人大代表座谈会发言摘编——为县域高质量发展建言献策",
        "座谈会发言摘编",
        None,
        None,
        None,
        "市人大代表座谈会",
    ),
    (
        # the genre's own segment has nothing before it: the main title names the meeting
        "芦汀市优化营商环境专题协商会——发言摘登（二）",
        "发言摘登",
        "优化营商环境",
        None,
        None,
        "优化营商环境专题协商会",
    ),
    (
        # slogan main title + bare genre: a slogan is not a topic
        "为县域高质量发展建言献策——发言摘编",
        "发言摘编",
        None,
        None,
        None,
        None,
    ),
    ("发言摘要", "发言摘要", None, None, None, None),
    ("言摘要", None, None, None, None, None),  # shorter than every label it ends like
    ("座谈会", None, None, None, None, None),  # a bare meeting word names no meeting
    # no genre label: only a meeting may be reported
    ("芦汀市第二届文旅融合发展论坛", None, None, None, None, "第二届文旅融合发展论坛"),
    ("市党政考察团赴山西太原考察", None, None, None, None, None),
    ("春风化雨润民心", None, None, None, None, None),
    ("", None, None, None, None, None),
]


def _text(part: tuple[str, int, int] | None, title: str) -> str | None:
    if part is None:
        return None
    text, start, end = part
    assert title[start:end] == text
    return text


@pytest.mark.parametrize(("title", "genre", "topic", "delegation", "destination", "meeting"), CASES)
def test_decompose_title(
    title: str,
    genre: str | None,
    topic: str | None,
    delegation: str | None,
    destination: str | None,
    meeting: str | None,
) -> None:
    parts = decompose_title(title)
    assert _text(parts.genre, title) == genre
    assert _text(parts.topic, title) == topic
    assert _text(parts.delegation, title) == delegation
    assert _text(parts.destination, title) == destination
    assert _text(parts.meeting, title) == meeting


def test_acceptance_offsets() -> None:
    title = "市党政考察团赴山西太原考察 科技创新改革工作之讨论发言摘要"
    assert decompose_title(title) == TitleParts(
        genre=("讨论发言摘要", 23, 29),
        topic=("科技创新改革工作", 14, 22),
        delegation=("市党政考察团", 0, 6),
        destination=("山西太原", 7, 11),
        meeting=None,
    )


def test_longest_label_wins() -> None:
    parts = decompose_title("某某讨论发言摘要")
    assert parts.genre is not None and parts.genre[0] == "讨论发言摘要"


_ALPHABET = list("市县区省赴到在考察学习调研座谈会论坛发言摘要登编交流讨论之的上——“”（二）甲乙 \n")


@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40))
def test_never_raises_and_spans_hold(title: str) -> None:
    parts = decompose_title(title)
    for part in (parts.genre, parts.topic, parts.delegation, parts.destination, parts.meeting):
        if part is not None:
            text, start, end = part
            assert text and title[start:end] == text


@given(st.text(max_size=60))
def test_never_raises_on_any_text(title: str) -> None:
    decompose_title(title)


# Each helper looks at title[start:end] only: a label or meeting word that begins before
# ``start`` is not there, even when the title as a whole ends with it.
@pytest.mark.parametrize(
    ("title", "start", "expected"),
    [
        ("青禾县座谈会发言摘要", 0, ("座谈会发言摘要", 3, 10)),
        ("青禾县座谈会发言摘要", 6, ("发言摘要", 6, 10)),
        ("青禾县座谈会发言摘要", 7, None),
        ("青禾县座谈会发言摘要（一）", 6, ("发言摘要", 6, 10)),
        ("青禾县座谈会发言摘要（一）", 7, None),
        ("青禾县工作会议", 0, None),
    ],
)
def test_a_genre_label_must_lie_inside_the_range(
    title: str, start: int, expected: tuple[str, int, int] | None
) -> None:
    from speechparse.enrichment.title_parts import _find_genre

    assert _find_genre(title, start, len(title)) == expected


@pytest.mark.parametrize(
    ("title", "start", "expected"),
    [
        ("青禾县专题座谈会", 0, "专题座谈会"),
        ("青禾县专题座谈会", 3, "专题座谈会"),
        ("青禾县专题座谈会", 4, "座谈会"),
        ("青禾县专题座谈会", 6, None),
        ("青禾县专题座谈会纪要", 0, None),
    ],
)
def test_a_meeting_word_must_lie_inside_the_range(
    title: str, start: int, expected: str | None
) -> None:
    from speechparse.enrichment.title_parts import _ends_with_meeting, _meeting_word_at_end

    assert _meeting_word_at_end(title, start, len(title)) == expected
    assert _ends_with_meeting(title, start, len(title)) is (expected is not None)
