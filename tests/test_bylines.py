"""Reporter bylines: per speech and for the whole document, worked out by hand.

Role = the role word before the first name, shared by the names after it until the next role
word; a name with no role word before it takes the trailing 整理. Padded names (韦 岚) lose
their padding. Photo credits (记者 X 摄) are not bylines.
"""

from __future__ import annotations

import re

import pytest

from helpers import check, check_span, credits_of, m, parse, report_text

SPEECH_1 = "临江市财政局局长周明远：要把财源建设抓在手上，把减税降费落到实处。"
SPEECH_2 = "青石县副县长葛云舟：要把项目建设抓得更实。"
SPEECH_2_BYLINE = " 全媒体记者 王某某"


def two_speeches(
    first_byline: str,
    *,
    second_byline: str = SPEECH_2_BYLINE,
    lead: str | None = None,
    tail: str = "",
) -> str:
    """Title, optional lead, two headlined speeches; ``first_byline`` is appended to the first."""
    blocks = ["临江市优化营商环境座谈会发言摘要"]
    if lead is not None:
        blocks.append(lead)
    blocks += [
        "财源建设要抓实",
        SPEECH_1 + first_byline,
        "项目建设要提速",
        SPEECH_2 + second_byline,
    ]
    return "\n\n".join(blocks) + tail + "\n"


Credits = list[tuple[str | None, str]]

# (byline appended to the first speech, expected form or None to leave it open, expected credits)
SPEECH_BYLINES = [
    pytest.param(" 全媒体记者 韦岚", "trailing", [("全媒体记者", "韦岚")], id="trailing-space"),
    pytest.param(
        "\u3000全媒体记者 韦岚",
        "trailing",
        [("全媒体记者", "韦岚")],
        id="trailing-ideographic-space",
    ),
    pytest.param(
        " 本报记者 韦岚 祁望",
        "trailing",
        [("本报记者", "韦岚"), ("本报记者", "祁望")],
        id="trailing-two-names",
    ),
    pytest.param(
        " 记者 蓝雨桐 通讯员 柏舟",
        "trailing",
        [("记者", "蓝雨桐"), ("通讯员", "柏舟")],
        id="trailing-two-roles",
    ),
    pytest.param(
        " 见习记者 祁望 全媒体记者 韦岚",
        "trailing",
        [("见习记者", "祁望"), ("全媒体记者", "韦岚")],
        id="trailing-jianxi-jizhe",
    ),
    pytest.param(
        " 特约通讯员 杭小川",
        "trailing",
        [("特约通讯员", "杭小川")],
        id="trailing-teyue-tongxunyuan",
    ),
    pytest.param(
        " 全媒体记者 韦 岚", "trailing", [("全媒体记者", "韦岚")], id="trailing-padded-name"
    ),
    pytest.param(
        "\n本报记者 柯蓝 简一",
        "line",
        [("本报记者", "柯蓝"), ("本报记者", "简一")],
        id="line-next-line",
    ),
    pytest.param(
        "\n\n本报记者 柯蓝 简一",
        "line",
        [("本报记者", "柯蓝"), ("本报记者", "简一")],
        id="line-after-blank-line",
    ),
    pytest.param(
        "\n记者 蓝雨桐 通讯员 柏舟",
        "line",
        [("记者", "蓝雨桐"), ("通讯员", "柏舟")],
        id="line-jizhe-tongxunyuan",
    ),
    pytest.param(
        "\n通讯员 柏舟 杭小川 记者 蓝雨桐",
        "line",
        [("通讯员", "柏舟"), ("通讯员", "杭小川"), ("记者", "蓝雨桐")],
        id="line-two-tongxunyuan-then-jizhe",
    ),
    pytest.param("\n苏行舟 整理", "line", [("整理", "苏行舟")], id="line-zhengli"),
    pytest.param(
        "\n柯蓝 简一 整理",
        "line",
        [("整理", "柯蓝"), ("整理", "简一")],
        id="line-two-names-zhengli",
    ),
    pytest.param(
        "\n本报记者 柯蓝 简一 整理",
        "line",
        [("本报记者", "柯蓝"), ("本报记者", "简一")],
        id="line-benbao-jizhe-zhengli",
    ),
    pytest.param(
        "\n本报记者 柯蓝 简一 万千帆",
        "line",
        [("本报记者", "柯蓝"), ("本报记者", "简一"), ("本报记者", "万千帆")],
        id="line-three-names",
    ),
    pytest.param(
        "\n本报记者 柯蓝、简一",
        "line",
        [("本报记者", "柯蓝"), ("本报记者", "简一")],
        id="line-dunhao",
    ),
    pytest.param("\n本报记者 韦 岚", "line", [("本报记者", "韦岚")], id="line-padded-name"),
    pytest.param(
        "\n本报记者 韦\u3000岚",
        "line",
        [("本报记者", "韦岚")],
        id="line-padded-ideographic-space",
    ),
    pytest.param(
        " 全媒体记者 韦\u3000岚",
        "trailing",
        [("全媒体记者", "韦岚")],
        id="trailing-padded-ideographic",
    ),
    pytest.param(
        " 本报记者 韦岚、祁望",
        "trailing",
        [("本报记者", "韦岚"), ("本报记者", "祁望")],
        id="trailing-dunhao",
    ),
    pytest.param(
        " 本报记者 韦岚 整理",
        "trailing",
        [("本报记者", "韦岚")],
        id="trailing-benbao-jizhe-zhengli",
    ),
    pytest.param(
        " 全媒体记者 欧阳晴", "trailing", [("全媒体记者", "欧阳晴")], id="trailing-compound-surname"
    ),
    pytest.param(
        " 记者 阿依古丽·买买提",
        "trailing",
        [("记者", "阿依古丽·买买提")],
        id="trailing-middot-name",
    ),
    pytest.param(
        "\n韦岚 祁望 整理",
        "line",
        [("整理", "韦岚"), ("整理", "祁望")],
        id="line-two-names-zhengli-2",
    ),
    pytest.param("（记者 邝悦）", "parenthesized", [("记者", "邝悦")], id="paren-fullwidth"),
    pytest.param("(记者 邝悦)", "parenthesized", [("记者", "邝悦")], id="paren-halfwidth"),
    pytest.param(" （记者 邝悦）", "parenthesized", [("记者", "邝悦")], id="paren-after-space"),
    pytest.param("〔记者 邝悦〕", "parenthesized", [("记者", "邝悦")], id="paren-tortoise-shell"),
    pytest.param("【记者 邝悦】", "parenthesized", [("记者", "邝悦")], id="paren-lenticular"),
    pytest.param(
        "（记者邝悦）", "parenthesized", [("记者", "邝悦")], id="paren-role-glued-to-name"
    ),
    pytest.param(
        "（记者 邝悦 通讯员 杭小川）",
        "parenthesized",
        [("记者", "邝悦"), ("通讯员", "杭小川")],
        id="paren-two-roles",
    ),
    pytest.param(
        "（本报记者 柯蓝 简一 万千帆）",
        "parenthesized",
        [("本报记者", "柯蓝"), ("本报记者", "简一"), ("本报记者", "万千帆")],
        id="paren-three-names",
    ),
    pytest.param("\n（记者 邝悦）", None, [("记者", "邝悦")], id="paren-on-own-line"),
    pytest.param(
        "（记者 邝悦、杭小川）",
        "parenthesized",
        [("记者", "邝悦"), ("记者", "杭小川")],
        id="paren-dunhao",
    ),
    pytest.param("（记者 韦 岚）", "parenthesized", [("记者", "韦岚")], id="paren-padded-name"),
    # photo credits are not bylines
    pytest.param("\n记者 邝悦 摄", None, None, id="photo-credit-line"),
    pytest.param("\n本报记者 邝悦 摄", None, None, id="photo-credit-benbao"),
    pytest.param(" 记者 邝悦 摄", None, None, id="photo-credit-trailing"),
    pytest.param("\n记者 邝悦 杭小川 摄", None, None, id="photo-credit-two-names"),
    pytest.param("\n邝悦 摄", None, None, id="photo-credit-no-role"),
    pytest.param("（记者 邝悦 摄）", None, None, id="photo-credit-parenthesized"),
]


def _check_credit_offsets(byline: object, text: str) -> None:
    for credit in byline.credits:  # type: ignore[attr-defined]
        sliced = re.sub(r"\s+", "", text[credit.start : credit.end])
        check(sliced, credit.name, text, "credit offsets")


@pytest.mark.parametrize(("byline", "form", "credits"), SPEECH_BYLINES)
def test_speech_byline(byline: str, form: str | None, credits: Credits | None) -> None:
    text = two_speeches(byline)
    report = parse(text)
    assert len(report.speeches) == 2, m(len(report.speeches), 2, text, "number of speeches")
    first, second = report.speeches
    check(credits_of(first.byline), credits, text, "first speech credits")
    check(credits_of(second.byline), [("全媒体记者", "王某某")], text, "second speech credits")
    check(report.byline, None, text, "document byline")
    if credits is not None:
        assert first.byline is not None
        if form is not None:
            check(first.byline.form, form, text, "form")
        check_span(first.byline, text, "byline")
        _check_credit_offsets(first.byline, text)
        # the byline is not part of the speech's text
        last = first.paragraphs[-1].text
        check(last, "要把财源建设抓在手上，把减税降费落到实处。", text, "last paragraph")


LEAD = "3月5日，临江市召开优化营商环境座谈会，与会代表踊跃发言。现将发言摘要刊发如下。"

# (text, expected form or None, expected document credits)
DOCUMENT_BYLINES = [
    pytest.param(
        two_speeches("", second_byline="", lead="本报讯（记者 邝悦）" + LEAD),
        "dateline",
        [("记者", "邝悦")],
        id="dateline-fullwidth",
    ),
    pytest.param(
        two_speeches("", second_byline="", lead="本报讯 (记者 邝悦 通讯员 杭小川) " + LEAD),
        "dateline",
        [("记者", "邝悦"), ("通讯员", "杭小川")],
        id="dateline-halfwidth-two-roles",
    ),
    pytest.param(
        two_speeches("", second_byline="", lead="本报讯（记者 邝悦 通讯员 杭小川）" + LEAD),
        "dateline",
        [("记者", "邝悦"), ("通讯员", "杭小川")],
        id="dateline-fullwidth-two-roles",
    ),
    pytest.param(
        two_speeches("", second_byline="", lead="本报讯（全媒体记者 韦岚 见习记者 祁望）" + LEAD),
        "dateline",
        [("全媒体记者", "韦岚"), ("见习记者", "祁望")],
        id="dateline-quanmeiti-jianxi",
    ),
    pytest.param(
        two_speeches("", second_byline="", lead="本报讯(记者 邝悦)" + LEAD),
        "dateline",
        [("记者", "邝悦")],
        id="dateline-halfwidth-no-space",
    ),
    pytest.param(
        two_speeches("", second_byline="", lead="本报讯（记者 柯蓝 简一 万千帆）" + LEAD),
        "dateline",
        [("记者", "柯蓝"), ("记者", "简一"), ("记者", "万千帆")],
        id="dateline-three-names",
    ),
    pytest.param(
        two_speeches("", second_byline="", lead="本报讯（记者 韦 岚）" + LEAD),
        "dateline",
        [("记者", "韦岚")],
        id="dateline-padded-name",
    ),
    pytest.param(
        two_speeches("", second_byline="", tail="\n\n本报记者 柯蓝 简一"),
        "line",
        [("本报记者", "柯蓝"), ("本报记者", "简一")],
        id="end-of-document-line",
    ),
    pytest.param(
        two_speeches("", second_byline="", tail="\n\n苏行舟 整理"),
        "line",
        [("整理", "苏行舟")],
        id="end-of-document-zhengli",
    ),
    pytest.param(
        two_speeches("", second_byline="", tail="\n\n（记者 邝悦）"),
        None,
        [("记者", "邝悦")],
        id="end-of-document-parenthesized",
    ),
    pytest.param(
        two_speeches("", second_byline="", tail="\n\n本报记者 邝悦 摄"),
        None,
        None,
        id="end-of-document-photo-credit",
    ),
]


@pytest.mark.parametrize(("text", "form", "credits"), DOCUMENT_BYLINES)
def test_document_byline(text: str, form: str | None, credits: Credits | None) -> None:
    report = parse(text)
    assert len(report.speeches) == 2, m(len(report.speeches), 2, text, "number of speeches")
    check(credits_of(report.byline), credits, text, "document credits")
    check([s.byline for s in report.speeches], [None, None], text, "speech bylines")
    if report.byline is not None:
        if form is not None:
            check(report.byline.form, form, text, "form")
        check_span(report.byline, text, "byline")
        _check_credit_offsets(report.byline, text)


def test_dateline_leaves_the_lead() -> None:
    text = two_speeches("", second_byline="", lead="本报讯（记者 邝悦）" + LEAD)
    report = parse(text)
    assert report.lead is not None, m(None, LEAD, text, "lead")
    check(
        report.lead.text.endswith("现将发言摘要刊发如下。"), True, text, "lead keeps its sentence"
    )


def test_each_speech_keeps_its_own_byline() -> None:
    text = two_speeches("\n本报记者 柯蓝 简一", second_byline="\n记者 蓝雨桐 通讯员 柏舟")
    report = parse(text)
    check(
        [credits_of(s.byline) for s in report.speeches],
        [[("本报记者", "柯蓝"), ("本报记者", "简一")], [("记者", "蓝雨桐"), ("通讯员", "柏舟")]],
        text,
        "credits per speech",
    )
    check(report.byline, None, text, "document byline")


def test_writer_and_photographer_line_credits_only_the_writer() -> None:
    source = (
        "某市座谈会发言摘要\n\n文/本报记者 柯岚 图/本报记者 韦明\n\n"
        "推动产业升级\n\n市科技局局长吴曦：我们要创新。"
    )
    report = parse(source)
    assert report.byline is not None
    assert [(c.role, c.name) for c in report.byline.credits] == [("本报记者", "柯岚")]
    assert [s.headline.text if s.headline else None for s in report.speeches] == ["推动产业升级"]


def test_place_after_a_slash_is_a_dateline_not_a_name() -> None:
    source = report_text(
        "青石县商务局局长林涛", "我们要稳外贸。", byline="〔记者 章若谷／青石报道〕"
    )
    (speech,) = parse(source).speeches
    assert speech.byline is not None
    assert [(c.role, c.name) for c in speech.byline.credits] == [("记者", "章若谷")]


@pytest.mark.parametrize(
    "line",
    [
        "（记者 廖一鸣 摄）",
        "图为会议现场。（记者 廖一鸣 摄）",
        "编 辑：柯岚  一 审：韦明  二 审：林涛",
        "（责任编辑：柯岚）",
    ],
    ids=["photo-credit", "caption-and-credit", "spaced-editor-block", "editor-in-brackets"],
)
def test_photo_and_editor_credits_are_set_aside_not_read_as_text(line: str) -> None:
    source = report_text("青石县商务局局长林涛", "我们要稳外贸。") + "\n\n" + line + "\n"
    report = parse(source)
    (speech,) = report.speeches
    assert speech.byline is not None and [c.name for c in speech.byline.credits] == ["王某某"]
    assert [p.text for p in speech.paragraphs] == ["我们要稳外贸。"]
    assert "layout.page_chrome" in [d.code for d in report.diagnostics]


def test_closing_byline_beside_a_dateline_is_reported_not_given_to_the_last_speech() -> None:
    source = (
        "某市座谈会发言摘要\n\n本报讯（记者 柯岚）近日，某市召开座谈会。\n\n"
        "推动产业升级\n\n市科技局局长吴曦：我们要创新。\n\n"
        "做优营商环境\n\n市商务局局长林涛：我们要开放。\n\n（记者 柯岚 韦明）\n"
    )
    report = parse(source)
    assert report.byline is not None
    assert [c.name for c in report.byline.credits] == ["柯岚"]
    assert [s.byline for s in report.speeches] == [None, None]
    assert "byline.closing" in [d.code for d in report.diagnostics]


def test_credit_line_with_editors_gives_the_reporters_and_sets_the_editors_aside() -> None:
    source = (
        "某市座谈会发言摘要\n\n推动产业升级\n\n市科技局局长吴曦：我们要创新。\n\n"
        "做优营商环境\n\n市商务局局长林涛：我们要开放。\n\n"
        "记者：柯岚 韦明 林涛  编 辑：周明  二审：许晴  三审：苗一帆\n"
    )
    report = parse(source)
    assert report.byline is not None
    assert [(c.role, c.name) for c in report.byline.credits] == [
        ("记者", "柯岚"),
        ("记者", "韦明"),
        ("记者", "林涛"),
    ]
    assert [len(s.paragraphs) for s in report.speeches] == [1, 1]
    chrome = [d for d in report.diagnostics if d.code == "layout.page_chrome"]
    assert len(chrome) == 1 and source[chrome[0].start : chrome[0].end].startswith("编 辑")


def test_dateline_without_brackets() -> None:
    source = (
        "某市座谈会发言摘要\n\n本报讯 记者 符砚池 报道：近日，某市召开座谈会。\n\n"
        "推动产业升级\n\n市科技局局长吴曦：我们要创新。"
    )
    report = parse(source)
    assert report.byline is not None
    assert [(c.role, c.name) for c in report.byline.credits] == [("记者", "符砚池")]
    assert report.lead is not None and report.lead.text.startswith("近日")


def test_bracketed_byline_opening_the_lead() -> None:
    source = (
        "某縣座談會發言摘要\n\n〔記者龔婕妤／台中報導〕某縣政府昨日召開座談會。\n\n"
        "推動產業升級\n\n某縣勞工局長林濤：我們要穩就業。"
    )
    report = parse(source)
    assert report.byline is not None
    assert [(c.role, c.name) for c in report.byline.credits] == [("記者", "龔婕妤")]
    assert report.lead is not None and report.lead.text.startswith("某縣政府昨日")
