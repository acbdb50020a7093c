"""Speech headlines, enumerated points and the report's top matter, worked out by hand."""

from __future__ import annotations

import pytest

from helpers import check, check_span, m, only_speech, parse, report_text

DESIGNATION = "临江市财政局局长周明远"

# --- headlines ---
# (headline line as written, expected text, expected marker, expected brackets)
HEADLINES = [
    pytest.param("推动产业升级", "推动产业升级", None, None, id="plain"),
    pytest.param("■推动产业升级", "推动产业升级", "■", None, id="square"),
    pytest.param("■ 推动产业升级", "推动产业升级", "■", None, id="square-space"),
    pytest.param("◆推动产业升级", "推动产业升级", "◆", None, id="diamond"),
    pytest.param("◆ 推动产业升级", "推动产业升级", "◆", None, id="diamond-space"),
    pytest.param("【推动产业升级】", "推动产业升级", None, "【】", id="lenticular-brackets"),
    pytest.param("一、推动产业升级", "推动产业升级", "一、", None, id="chinese-numeral-dunhao"),
    pytest.param("十二、推动产业升级", "推动产业升级", "十二、", None, id="chinese-numeral-twelve"),
    pytest.param(
        "（一）推动产业升级", "推动产业升级", "（一）", None, id="fullwidth-paren-numeral"
    ),
    pytest.param("(一)推动产业升级", "推动产业升级", "(一)", None, id="halfwidth-paren-numeral"),
    pytest.param("（三）推动产业升级", "推动产业升级", "（三）", None, id="fullwidth-paren-three"),
    pytest.param(
        "推动“双招双引”提质增效", "推动“双招双引”提质增效", None, None, id="quotes-inside"
    ),
    pytest.param(
        "“链”上发力 “群”里突破", "“链”上发力“群”里突破", None, None, id="quotes-and-inner-space"
    ),
    pytest.param(
        "【“双招双引”要有新作为】",
        "“双招双引”要有新作为",
        None,
        "【】",
        id="lenticular-with-quotes",
    ),
    pytest.param("一、“链”上发力", "“链”上发力", "一、", None, id="numeral-then-quote"),
]


@pytest.mark.parametrize(("line", "text", "marker", "brackets"), HEADLINES)
def test_headline(line: str, text: str, marker: str | None, brackets: str | None) -> None:
    source = report_text(DESIGNATION, headline=line)
    headline = only_speech(parse(source), source).headline
    assert headline is not None, m(None, text, source, "headline")
    got = (
        headline.text.replace(" ", ""),
        headline.marker.text if headline.marker else None,
        headline.brackets,
    )
    check(got, (text, marker, brackets), source, "headline (text, marker, brackets)")
    check_span(headline, source, "headline")
    if headline.marker is not None:
        check_span(headline.marker, source, "headline marker")


@pytest.mark.parametrize(
    ("line", "text", "marker"),
    [
        pytest.param("推动产业升级", "推动产业升级", None, id="line-form-plain"),
        pytest.param("■推动产业升级", "推动产业升级", "■", id="line-form-square"),
        pytest.param("（一）推动产业升级", "推动产业升级", "（一）", id="line-form-paren-numeral"),
    ],
)
def test_headline_above_designation_line(line: str, text: str, marker: str | None) -> None:
    source = report_text(
        "临江市财政局局长 周明远",
        "要把财源建设抓在手上，把减税降费落到实处。",
        headline=line,
        layout="line",
    )
    speech = only_speech(parse(source), source)
    check(speech.speaker.form, "line", source, "speaker form")
    assert speech.headline is not None, m(None, text, source, "headline")
    got = (speech.headline.text, speech.headline.marker.text if speech.headline.marker else None)
    check(got, (text, marker), source, "headline (text, marker)")


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        pytest.param("推动产业升级", None, id="below-plain"),
        pytest.param("■推动产业升级", "■", id="below-square"),
    ],
)
def test_headline_below_designation_line(line: str, marker: str | None) -> None:
    source = (
        "某市某会议发言摘要\n\n临江市财政局局长 周明远\n\n"
        + line
        + "\n\n要把财源建设抓在手上，把减税降费落到实处。 全媒体记者 王某某\n"
    )
    speech = only_speech(parse(source), source)
    check(speech.speaker.form, "line", source, "speaker form")
    assert speech.headline is not None, m(None, "推动产业升级", source, "headline")
    got = (speech.headline.text, speech.headline.marker.text if speech.headline.marker else None)
    check(got, ("推动产业升级", marker), source, "headline (text, marker)")
    check(
        [p.text for p in speech.paragraphs],
        ["要把财源建设抓在手上，把减税降费落到实处。"],
        source,
        "paragraphs",
    )


def test_no_headline() -> None:
    source = report_text(DESIGNATION, headline=None)
    check(only_speech(parse(source), source).headline, None, source, "headline")


def test_headlines_of_several_speeches() -> None:
    source = (
        "临江市优化营商环境座谈会发言摘要\n\n"
        "（一）财源建设要抓实\n\n临江市财政局局长周明远：要把财源建设抓在手上。\n\n"
        "（二）项目建设要提速\n\n青石县副县长葛云舟：要把项目建设抓得更实。\n"
    )
    report = parse(source)
    got = [
        (
            s.headline.marker.text if s.headline and s.headline.marker else None,
            s.headline.text if s.headline else None,
        )
        for s in report.speeches
    ]
    check(
        got,
        [("（一）", "财源建设要抓实"), ("（二）", "项目建设要提速")],
        source,
        "(marker, headline) per speech",
    )


# --- points ---
# (speech, expected markers in order)
POINTS = [
    pytest.param(
        "做好三件事。首先，抓项目。再次，抓招商。最后，抓服务。",
        ["首先", "再次", "最后"],
        id="shouxian-zaici-zuihou",
    ),
    pytest.param("首先要抓项目，最后要抓服务。", ["首先", "最后"], id="shouxian-zuihou"),
    pytest.param(
        "要抓好三件事。一是抓项目。二是抓招商。三是抓服务。",
        ["一是", "二是", "三是"],
        id="yishi-ershi",
    ),
    pytest.param("一要抓项目。二要抓招商。", ["一要", "二要"], id="yiyao-eryao"),
    pytest.param(
        "第一，抓项目。第二，抓招商。第三，抓服务。", ["第一", "第二", "第三"], id="diyi-dier"
    ),
    pytest.param(
        "首先，抓项目。其次，抓招商。最后，抓服务。",
        ["首先", "其次", "最后"],
        id="shouxian-qici-zuihou",
    ),
    pytest.param("要做到一是快，二是准。", ["一是", "二是"], id="inside-one-sentence"),
    pytest.param(
        "一是抓项目。\n\n二是抓招商。\n\n三是抓服务。",
        ["一是", "二是", "三是"],
        id="across-paragraphs",
    ),
    pytest.param(
        "我谈三点体会。\n\n第一，抓项目。\n\n第二，抓招商。",
        ["第一", "第二"],
        id="across-paragraphs-after-intro",
    ),
    pytest.param("一把手要带头抓项目。", [], id="trap-yibashou"),
    pytest.param("要第一时间响应企业诉求。", [], id="trap-diyi-shijian"),
    pytest.param("驻村第一书记要发挥作用。", [], id="trap-diyi-shuji"),
    pytest.param("要打通服务企业的最后一公里。", [], id="trap-zuihou-yigongli"),
    pytest.param("一方面要抓项目，另一方面要抓招商。", [], id="trap-yifangmian"),
    pytest.param("我们的增速位居全省第一，要保持下去。", [], id="trap-lone-diyi"),
    pytest.param("首先要感谢大家的支持。", [], id="trap-lone-shouxian"),
    pytest.param("思想统一是前提。", [], id="trap-tongyi-shi"),
    pytest.param("要统一要求，形成合力。", [], id="trap-tongyi-yao"),
    pytest.param(
        "一是落实一把手责任。二是第一时间响应诉求。三是打通最后一公里。",
        ["一是", "二是", "三是"],
        id="points-around-traps",
    ),
    pytest.param(
        "第一，选好第一书记。第二，抓好产业。", ["第一", "第二"], id="diyi-with-diyi-shuji"
    ),
    pytest.param(
        "首先要打通最后一公里。其次要统一思想。",
        ["首先", "其次"],
        id="shouxian-with-zuihou-yigongli",
    ),
    pytest.param(
        "统一要求之后，一要抓项目，二要抓招商。", ["一要", "二要"], id="yiyao-after-tongyi-yao"
    ),
    pytest.param(
        "一方面要抓项目。\n\n一是快。二是准。", ["一是", "二是"], id="yifangmian-then-points"
    ),
    pytest.param(
        "一是抓项目；二是抓招商；三是抓服务。", ["一是", "二是", "三是"], id="yishi-semicolons"
    ),
    pytest.param("要第一时间响应。第二，抓招商。", [], id="trap-diyi-shijian-then-lone-dier"),
]


@pytest.mark.parametrize(("speech", "markers"), POINTS)
def test_points(speech: str, markers: list[str]) -> None:
    source = report_text(DESIGNATION, speech)
    points = only_speech(parse(source), source).points
    check([p.marker for p in points], markers, source, "point markers")
    for point in points:
        check(source[point.marker_start : point.marker_end], point.marker, source, "marker offsets")
        check_span(point, source, "point")


@pytest.mark.parametrize(
    ("speech", "texts"),
    [
        pytest.param(
            "要抓好三件事。一是抓项目。二是抓招商。三是抓服务。",
            ["抓项目。", "抓招商。", "抓服务。"],
            id="one-paragraph",
        ),
        pytest.param(
            "一是抓项目。\n\n二是抓招商。\n\n三是抓服务。",
            ["抓项目。", "抓招商。", "抓服务。"],
            id="across-paragraphs",
        ),
        pytest.param(
            "一要抓项目，见成效。二要抓招商。", ["抓项目，见成效。", "抓招商。"], id="yiyao"
        ),
    ],
)
def test_point_texts(speech: str, texts: list[str]) -> None:
    source = report_text(DESIGNATION, speech)
    points = only_speech(parse(source), source).points
    check([p.text for p in points], texts, source, "point texts")


@pytest.mark.parametrize(
    ("designation", "headline", "speech"),
    [
        pytest.param(
            "临江市第一中学校长周明远", "标题行", "第二课堂要办好。", id="diyi-in-designation"
        ),
        pytest.param(DESIGNATION, "第一要务是发展", "第二课堂要办好。", id="diyi-in-headline"),
        pytest.param(
            DESIGNATION, "一是抓项目二是抓招商", "要把项目抓实。", id="yishi-ershi-in-headline"
        ),
    ],
)
def test_markers_outside_the_speech_are_not_points(
    designation: str, headline: str, speech: str
) -> None:
    source = report_text(designation, speech, headline=headline)
    check(only_speech(parse(source), source).points, [], source, "points")


# --- top matter: title, subtitle, editor's note, lead ---
TAIL = "\n\n推动产业升级\n\n临江市财政局局长周明远：……。 全媒体记者 王某某\n"
NOTE = "3月5日，临江市召开民营经济座谈会，与会代表踊跃发言。现将发言摘要刊发如下。"
TITLE = "临江市民营经济座谈会发言摘编"

# (source, title, subtitle without its dashes, lead label, lead)
LAYOUTS = [
    pytest.param(
        TITLE + "\n——聚焦营商环境" + TAIL,
        TITLE,
        "聚焦营商环境",
        None,
        None,
        id="subtitle-next-line",
    ),
    pytest.param(
        TITLE + "\n\n——聚焦营商环境" + TAIL,
        TITLE,
        "聚焦营商环境",
        None,
        None,
        id="subtitle-after-blank",
    ),
    pytest.param(
        TITLE + "\n\n编者按\n\n" + NOTE + TAIL,
        TITLE,
        None,
        "编者按",
        NOTE,
        id="editor-note-own-line",
    ),
    pytest.param(
        TITLE + "\n\n编者按：" + NOTE + TAIL,
        TITLE,
        None,
        "编者按",
        NOTE,
        id="editor-note-inline-fullwidth",
    ),
    pytest.param(
        TITLE + "\n\n编者按:" + NOTE + TAIL,
        TITLE,
        None,
        "编者按",
        NOTE,
        id="editor-note-inline-halfwidth",
    ),
    pytest.param(TITLE + "\n\n" + NOTE + TAIL, TITLE, None, None, NOTE, id="lead-paragraph"),
    pytest.param(
        TITLE + "\n——聚焦营商环境\n\n编者按：" + NOTE + TAIL,
        TITLE,
        "聚焦营商环境",
        "编者按",
        NOTE,
        id="subtitle-and-editor-note",
    ),
]


@pytest.mark.parametrize(("source", "title", "subtitle", "lead_label", "lead"), LAYOUTS)
def test_layout(
    source: str, title: str, subtitle: str | None, lead_label: str | None, lead: str | None
) -> None:
    report = parse(source)
    only_speech(report, source)

    def text(span: object) -> str | None:
        return None if span is None else span.text  # type: ignore[attr-defined]

    got = (
        text(report.title),
        None if report.subtitle is None else report.subtitle.text.lstrip("—-－ "),
        text(report.lead_label),
        text(report.lead),
    )
    check(got, (title, subtitle, lead_label, lead), source, "(title, subtitle, lead_label, lead)")
    for span in (report.title, report.subtitle, report.lead_label, report.lead):
        if span is not None:
            check_span(span, source)
