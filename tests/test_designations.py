"""Speaker designations: name and positions, worked out by hand from the Chinese.

Conventions pinned here: positions split at 、 ， 兼; the title ends each part (党委/党组/
党工委 prefixes belong to it); the organization is the unit written before it; a part with
no unit of its own inherits the previous part's (``inherited=True``); 市人大代表 is 市人大 +
代表, 市政协委员 is 市政协 + 委员; 青石县长林晓 shares its 县 (青石县 + 县长 + 林晓).
Traditional-character designations keep their characters, since values are cut from the source.
"""

from __future__ import annotations

import pytest

from helpers import check, check_span, only_speech, parse, report_text
from speechparse.core.text import Compact
from speechparse.people.designation import (
    Designation,
    parse_designation,
    plausible_name,
    surname_length,
    title_suffix,
)

Pos = tuple[str | None, str, bool]


def own(org: str | None, title: str) -> Pos:
    """A position written with its own unit (or none at all)."""
    return (org, title, False)


def inh(org: str, title: str) -> Pos:
    """A position whose unit is inherited from the previous part."""
    return (org, title, True)


def row(
    designation: str, name: str, positions: list[Pos], row_id: str, *, xfail: str | None = None
) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(designation, name, positions, id=row_id, marks=marks)


DESIGNATIONS = [
    # --- one position ---
    row("临江市财政局局长周明远", "周明远", [own("临江市财政局", "局长")], "single-juzhang"),
    row("市财政局局长周明远", "周明远", [own("市财政局", "局长")], "single-short-unit"),
    row("青石县水利局副局长林涛", "林涛", [own("青石县水利局", "副局长")], "single-2char-name"),
    row("副市长周明远", "周明远", [own(None, "副市长")], "single-no-unit"),
    row("青石县委书记许怀山", "许怀山", [own("青石县委", "书记")], "single-xianwei-shuji"),
    # --- two positions joined by 、 (inheritance) ---
    row(
        "青石县委副书记、县长林晓",
        "林晓",
        [own("青石县委", "副书记"), inh("青石县", "县长")],
        "head-of-government-inherits-the-government",
    ),
    row(
        "临江市委常委、常务副市长高远",
        "高远",
        [own("临江市委", "常委"), inh("临江市", "常务副市长")],
        "deputy-mayor-inherits-the-city",
    ),
    row(
        "临江市发展改革委党组书记、主任贺子川",
        "贺子川",
        [own("临江市发展改革委", "党组书记"), inh("临江市发展改革委", "主任")],
        "two-dunhao-dangzu-shuji-inherit",
    ),
    row(
        "临江师范学院党委常委、副院长冯知远",
        "冯知远",
        [own("临江师范学院", "党委常委"), inh("临江师范学院", "副院长")],
        "two-dunhao-dangwei-changwei-inherit",
    ),
    row(
        "临江市商务局党组成员、副局长邹文博",
        "邹文博",
        [own("临江市商务局", "党组成员"), inh("临江市商务局", "副局长")],
        "two-dunhao-dangzu-chengyuan-inherit",
    ),
    row(
        "临江市人大常委会党组副书记、副主任郑远航",
        "郑远航",
        [own("临江市人大常委会", "党组副书记"), inh("临江市人大常委会", "副主任")],
        "two-dunhao-dangzu-fushuji-inherit",
    ),
    row(
        "青石农商银行党委书记、董事长秦可为",
        "秦可为",
        [own("青石农商银行", "党委书记"), inh("青石农商银行", "董事长")],
        "two-dunhao-dongshizhang",
    ),
    row(
        "临江港务有限公司执行董事、总经理严正",
        "严正",
        [own("临江港务有限公司", "执行董事"), inh("临江港务有限公司", "总经理")],
        "two-dunhao-zhixing-dongshi",
    ),
    row(
        "青石县柳湾村党支部书记、村委会主任杜春来",
        "杜春来",
        [own("青石县柳湾村", "党支部书记"), own("村委会", "主任")],
        "two-dunhao-dangzhibu-shuji-own-unit",
    ),
    # --- three positions ---
    row(
        "临江市商务局党组书记、局长、市口岸办主任孙立言",
        "孙立言",
        [own("临江市商务局", "党组书记"), inh("临江市商务局", "局长"), own("市口岸办", "主任")],
        "three-dunhao-mixed",
    ),
    row(
        "临江市总工会党组书记、常务副主席、一级巡视员吕安澜",
        "吕安澜",
        [
            own("临江市总工会", "党组书记"),
            inh("临江市总工会", "常务副主席"),
            inh("临江市总工会", "一级巡视员"),
        ],
        "three-dunhao-all-inherit",
    ),
    # --- joined by ， ---
    row(
        "临江市政府副秘书长，市政府办公室主任何静",
        "何静",
        [own("临江市政府", "副秘书长"), own("市政府办公室", "主任")],
        "two-comma-own-units",
    ),
    row(
        "青石县人社局党组书记，局长陶然之",
        "陶然之",
        [own("青石县人社局", "党组书记"), inh("青石县人社局", "局长")],
        "two-comma-inherit",
    ),
    # --- joined by 兼 ---
    row(
        "临江市政府副秘书长兼市信访局局长许如海",
        "许如海",
        [own("临江市政府", "副秘书长"), own("市信访局", "局长")],
        "two-jian-own-units",
    ),
    row(
        "临江日报社党委书记兼社长卢一帆",
        "卢一帆",
        [own("临江日报社", "党委书记"), inh("临江日报社", "社长")],
        "two-jian-inherit",
    ),
    row(
        "青石县副县长兼县公安局局长喻明",
        "喻明",
        [own("青石县", "副县长"), own("县公安局", "局长")],
        "two-jian-fuxianzhang",
    ),
    # --- titles from the list ---
    row(
        "临江经济开发区党工委书记罗致远",
        "罗致远",
        [own("临江经济开发区", "党工委书记")],
        "title-danggongwei-shuji",
    ),
    row(
        "青石县柳湾村党支部书记曹青禾",
        "曹青禾",
        [own("青石县柳湾村", "党支部书记")],
        "title-dangzhibu-shuji",
    ),
    row(
        "临江市委宣传部常务副部长韩书言",
        "韩书言",
        [own("临江市委宣传部", "常务副部长")],
        "title-changwu-fubuzhang",
    ),
    row(
        "临江城投集团党委专职副书记蒋一舟",
        "蒋一舟",
        [own("临江城投集团", "党委专职副书记")],
        "title-dangwei-zhuanzhi-fushuji",
    ),
    row(
        "临江市水务集团总工程师葛安",
        "葛安",
        [own("临江市水务集团", "总工程师")],
        "title-zonggongchengshi",
    ),
    row(
        "临江大学经济学院教授潘望舒", "潘望舒", [own("临江大学经济学院", "教授")], "title-jiaoshou"
    ),
    # --- deputies and committee members ---
    row(
        "市人大代表、临江鼎新科技公司董事长钟鸣",
        "钟鸣",
        [own("市人大", "代表"), own("临江鼎新科技公司", "董事长")],
        "deputy-shi-renda-daibiao-first",
    ),
    row(
        "全国人大代表、青石县柳湾村党支部书记聂红英",
        "聂红英",
        [own("全国人大", "代表"), own("青石县柳湾村", "党支部书记")],
        "deputy-quanguo-renda-daibiao-first",
    ),
    row(
        "市政协委员、青石县明诚律师事务所主任范思齐",
        "范思齐",
        [own("市政协", "委员"), own("青石县明诚律师事务所", "主任")],
        "member-shi-zhengxie-weiyuan-first",
    ),
    row(
        "临江市政协委员、临江大学教授温如玉",
        "温如玉",
        [own("临江市政协", "委员"), own("临江大学", "教授")],
        "member-city-zhengxie-weiyuan-first",
    ),
    row(
        "临江鼎新科技公司董事长、市人大代表钟鸣",
        "钟鸣",
        [own("临江鼎新科技公司", "董事长"), own("市人大", "代表")],
        "deputy-shi-renda-daibiao-last",
    ),
    row(
        "省人大代表、青石县人民医院院长白芷",
        "白芷",
        [own("省人大", "代表"), own("青石县人民医院", "院长")],
        "deputy-sheng",
    ),
    row(
        "区政协委员、鹿鸣区商会会长桂晓川",
        "桂晓川",
        [own("区政协", "委员"), own("鹿鸣区商会", "会长")],
        "member-qu",
    ),
    row(
        "政协委员、青石县明诚律师事务所主任范思齐",
        "范思齐",
        [own("政协", "委员"), own("青石县明诚律师事务所", "主任")],
        "member-bare-zhengxie-weiyuan",
    ),
    # --- compound surnames ---
    row(
        "临江市财政局局长欧阳明远",
        "欧阳明远",
        [own("临江市财政局", "局长")],
        "compound-ouyang-4char",
    ),
    row("青石县教育局局长诸葛文澜", "诸葛文澜", [own("青石县教育局", "局长")], "compound-zhuge"),
    row(
        "临江市文旅局副局长上官雨晴",
        "上官雨晴",
        [own("临江市文旅局", "副局长")],
        "compound-shangguan",
    ),
    row("鹿鸣区区长司马启航", "司马启航", [own("鹿鸣区", "区长")], "compound-sima"),
    row(
        "临江市科技局局长东方晓", "东方晓", [own("临江市科技局", "局长")], "compound-dongfang-3char"
    ),
    row(
        "青石县农业农村局局长公孙伯言",
        "公孙伯言",
        [own("青石县农业农村局", "局长")],
        "compound-gongsun",
    ),
    row(
        "临江市交通运输局副局长尉迟青",
        "尉迟青",
        [own("临江市交通运输局", "副局长")],
        "compound-yuchi-3char",
    ),
    row("青石县统计局局长令狐远", "令狐远", [own("青石县统计局", "局长")], "compound-linghu-3char"),
    row(
        "临江市住建局党组书记皇甫嘉禾",
        "皇甫嘉禾",
        [own("临江市住建局", "党组书记")],
        "compound-huangfu",
    ),
    row(
        "鹿鸣区应急管理局局长呼延平",
        "呼延平",
        [own("鹿鸣区应急管理局", "局长")],
        "compound-huyan-3char",
    ),
    row(
        "临江市财政局局长长孙无忌",
        "长孙无忌",
        [own("临江市财政局", "局长")],
        "compound-zhangsun-after-zhang",
    ),
    row("临江市长欧阳明远", "欧阳明远", [own("临江市", "市长")], "compound-ouyang-shared-shizhang"),
    # --- title-final character that is also a surname ---
    row(
        "临江市人大常委会副主任任远",
        "任远",
        [own("临江市人大常委会", "副主任")],
        "surname-ren-after-zhuren",
    ),
    row(
        "青石县政府办公室主任何静",
        "何静",
        [own("青石县政府办公室", "主任")],
        "single-bangongshi-zhuren",
    ),
    row("青石县财政局局长江涛", "江涛", [own("青石县财政局", "局长")], "surname-jiang-2char"),
    row(
        "临江市委党校常务副校长钱穆之",
        "钱穆之",
        [own("临江市委党校", "常务副校长")],
        "dangxiao-not-dang-prefix",
    ),
    row(
        "临江高新区党工委副书记、管委会主任龚琛",
        "龚琛",
        [own("临江高新区", "党工委副书记"), own("管委会", "主任")],
        "danggongwei-fushuji-guanweihui",
    ),
    row(
        "临江市委常委兼秘书长柏松年",
        "柏松年",
        [own("临江市委", "常委"), inh("临江市委", "秘书长")],
        "jian-shiwei-changwei-inherit",
    ),
    row(
        "临江市工商联副主席，临江鼎新科技公司董事长钟鸣",
        "钟鸣",
        [own("临江市工商联", "副主席"), own("临江鼎新科技公司", "董事长")],
        "two-comma-gongshanglian",
    ),
    row(
        "临江大学教授、博士生导师潘望舒",
        "潘望舒",
        [own("临江大学", "教授"), inh("临江大学", "博士生导师")],
        "two-dunhao-jiaoshou-boshisheng-daoshi",
    ),
    # --- minority names with · ---
    row(
        "青石县民族中学校长阿依古丽·买买提",
        "阿依古丽·买买提",
        [own("青石县民族中学", "校长")],
        "middot-uyghur",
    ),
    row(
        "临江市民宗局副局长热合曼·吐尔逊",
        "热合曼·吐尔逊",
        [own("临江市民宗局", "副局长")],
        "middot-uyghur-2",
    ),
    # --- name after a space ---
    row("青石县副县长 葛云舟", "葛云舟", [own("青石县", "副县长")], "space-before-name"),
    row(
        "临江市发展改革委党组书记、主任 贺子川",
        "贺子川",
        [own("临江市发展改革委", "党组书记"), inh("临江市发展改革委", "主任")],
        "space-before-name-two",
    ),
    row("鹿鸣区区长 司马启航", "司马启航", [own("鹿鸣区", "区长")], "space-before-compound-name"),
    row(
        "青石县副县长\u3000葛云舟",
        "葛云舟",
        [own("青石县", "副县长")],
        "ideographic-space-before-name",
    ),
    # --- name first, positions in brackets ---
    row(
        "周明远（临江市财政局局长）",
        "周明远",
        [own("临江市财政局", "局长")],
        "name-first-fullwidth",
    ),
    row(
        "周明远(临江市财政局局长)", "周明远", [own("临江市财政局", "局长")], "name-first-halfwidth"
    ),
    row(
        "林晚（青石县文旅局党组书记、局长）",
        "林晚",
        [own("青石县文旅局", "党组书记"), inh("青石县文旅局", "局长")],
        "name-first-two-positions",
    ),
    row(
        "欧阳明远（市政协委员）", "欧阳明远", [own("市政协", "委员")], "name-first-compound-weiyuan"
    ),
    row(
        "贺子川(临江市发展改革委党组书记、主任)",
        "贺子川",
        [own("临江市发展改革委", "党组书记"), inh("临江市发展改革委", "主任")],
        "name-first-halfwidth-two-positions",
    ),
    row(
        "热合曼·吐尔逊（临江市民宗局副局长）",
        "热合曼·吐尔逊",
        [own("临江市民宗局", "副局长")],
        "name-first-middot",
    ),
    # --- shared character 县长 / 市长 / 区长 ---
    row("青石县长林晓", "林晓", [own("青石县", "县长")], "shared-xianzhang-2char"),
    row("临江市长杜衡远", "杜衡远", [own("临江市", "市长")], "shared-shizhang"),
    row("鹿鸣区长方晴", "方晴", [own("鹿鸣区", "区长")], "shared-quzhang"),
    row("青石县长江海生", "江海生", [own("青石县", "县长")], "shared-xianzhang-name-jiang"),
    # --- traditional characters ---
    row("青石縣縣長林曉峰", "林曉峰", [own("青石縣", "縣長")], "trad-xianzhang"),
    row("臨江市委書記許懷山", "許懷山", [own("臨江市委", "書記")], "trad-shuji"),
    row("臨江市財政局局長周明遠", "周明遠", [own("臨江市財政局", "局長")], "trad-juzhang"),
    row(
        "臨江市發展改革委黨組書記、主任賀子川",
        "賀子川",
        [own("臨江市發展改革委", "黨組書記"), inh("臨江市發展改革委", "主任")],
        "trad-dangzu-shuji-inherit",
    ),
    row("青石縣長林曉", "林曉", [own("青石縣", "縣長")], "trad-shared-xianzhang"),
    row(
        "青石縣副縣長兼縣公安局局長喻明",
        "喻明",
        [own("青石縣", "副縣長"), own("縣公安局", "局長")],
        "trad-jian",
    ),
]


@pytest.mark.parametrize(("designation", "name", "positions"), DESIGNATIONS)
def test_designation(designation: str, name: str, positions: list[Pos]) -> None:
    text = report_text(designation)
    speech = only_speech(parse(text), text)
    speaker = speech.speaker
    check(speaker.name, name, text, "name")
    got = [(p.organization, p.title, p.inherited) for p in speaker.positions]
    check(got, positions, text, "positions (organization, title, inherited)")
    # the name's offsets point at the name (padding removed)
    check(text[speaker.name_start : speaker.name_end].replace(" ", ""), name, text, "name offsets")
    check_span(speaker, text, "speaker")
    for position in speaker.positions:
        check_span(position, text, "position")
        check(
            position.title in position.text,
            True,
            text,
            f"title {position.title!r} inside {position.text!r}",
        )


# designations whose text is unambiguous: the designation exactly as written
SPEAKER_TEXT = [
    pytest.param("临江市财政局局长周明远", "临江市财政局局长周明远", id="colon"),
    pytest.param(
        "临江市发展改革委党组书记、主任贺子川",
        "临江市发展改革委党组书记、主任贺子川",
        id="colon-two-positions",
    ),
    pytest.param("周明远（临江市财政局局长）", "周明远（临江市财政局局长）", id="name-first"),
    pytest.param("青石县长林晓", "青石县长林晓", id="shared-xianzhang"),
]


@pytest.mark.parametrize(("designation", "expected"), SPEAKER_TEXT)
def test_speaker_text_is_designation_without_colon(designation: str, expected: str) -> None:
    text = report_text(designation)
    speaker = only_speech(parse(text), text).speaker
    check(speaker.text, expected, text, "speaker.text")


@pytest.mark.parametrize(
    ("designation", "form"),
    [
        pytest.param("临江市财政局局长周明远", "colon", id="colon"),
        pytest.param("周明远（临江市财政局局长）", "name_first", id="name-first-fullwidth"),
        pytest.param("周明远(临江市财政局局长)", "name_first", id="name-first-halfwidth"),
    ],
)
def test_colon_forms(designation: str, form: str) -> None:
    text = report_text(designation)
    check(only_speech(parse(text), text).speaker.form, form, text, "form")


def test_half_width_colon() -> None:
    text = report_text("临江市财政局局长周明远", colon=":")
    speaker = only_speech(parse(text), text).speaker
    check((speaker.name, speaker.form), ("周明远", "colon"), text, "name, form")


# --- placement: alone on its own line, or after a ■ marker ---
# (designation, layout, marker, expected name, expected form)
PLACEMENTS = [
    pytest.param("临江市财政局局长周明远", "line", "", "周明远", "line", id="line-plain"),
    pytest.param("临江市财政局局长 周明远", "line", "", "周明远", "line", id="line-space-name"),
    pytest.param(
        "临江市发展改革委党组书记、主任贺子川",
        "line",
        "",
        "贺子川",
        "line",
        id="line-two-positions",
    ),
    pytest.param(
        "市人大代表、临江鼎新科技公司董事长钟鸣", "line", "", "钟鸣", "line", id="line-deputy"
    ),
    pytest.param("鹿鸣区区长司马启航", "line", "", "司马启航", "line", id="line-compound"),
    pytest.param(
        "青石县民族中学校长阿依古丽·买买提", "line", "", "阿依古丽·买买提", "line", id="line-middot"
    ),
    pytest.param("青石县长林晓", "line", "", "林晓", "line", id="line-shared-xianzhang"),
    pytest.param("臨江市財政局局長周明遠", "line", "", "周明遠", "line", id="line-trad"),
    pytest.param("临江市财政局局长周明远", "line", "■", "周明远", "line", id="line-square"),
    pytest.param("临江市财政局局长 周明远", "line", "■ ", "周明远", "line", id="line-square-space"),
    pytest.param("临江市财政局局长周明远", "colon", "■", "周明远", "colon", id="colon-square"),
    pytest.param(
        "临江市财政局局长周明远", "colon", "■ ", "周明远", "colon", id="colon-square-space"
    ),
    pytest.param(
        "临江城投集团党委专职副书记蒋一舟",
        "colon",
        "■",
        "蒋一舟",
        "colon",
        id="colon-square-long-title",
    ),
]


@pytest.mark.parametrize(("designation", "layout", "marker", "name", "form"), PLACEMENTS)
def test_designation_placement(
    designation: str, layout: str, marker: str, name: str, form: str
) -> None:
    text = report_text(
        designation, "要把发展的基础打得更牢，把项目建设抓得更实。", layout=layout, marker=marker
    )
    speech = only_speech(parse(text), text)
    speaker = speech.speaker
    check((speaker.name, speaker.form), (name, form), text, "name, form")
    if marker:
        check(speaker.marker.text if speaker.marker else None, "■", text, "marker")
    else:
        check(speaker.marker, None, text, "marker")
    check(
        speaker.text.replace(" ", ""),
        designation.replace(" ", ""),
        text,
        "speaker.text (spaces removed)",
    )
    check(
        [p.text for p in speech.paragraphs],
        ["要把发展的基础打得更牢，把项目建设抓得更实。"],
        text,
        "paragraphs",
    )


def test_unlisted_title_is_accepted_with_a_diagnostic() -> None:
    source = report_text("临江市数据中心首席架构师王小明", "今天我们谈数据。")
    report = parse(source)
    (speech,) = report.speeches
    assert speech.speaker.name == "王小明"
    assert [(p.organization, p.title) for p in speech.speaker.positions] == [
        ("临江市数据中心", "首席架构师")
    ]
    assert "speaker.unknown_title" in [d.code for d in report.diagnostics]


@pytest.mark.parametrize(
    "title",
    ["临江市文旅论坛嘉宾发言摘要", "青石县青年代表座谈会发言摘登"],
    ids=["guest-speeches", "youth-deputies"],
)
def test_a_title_ending_in_a_role_word_is_not_a_designation(title: str) -> None:
    source = report_text("临江市商务局局长贺子川", "今天我们谈外贸。", title=title)
    report = parse(source)
    assert report.title is not None and report.title.text == title
    assert [s.speaker.name for s in report.speeches] == ["贺子川"]


def test_padded_name_run_on_from_the_title() -> None:
    source = report_text("菱洲市工商联党组书记、常务副主席鲍 芷", "我们要抓落实。")
    (speech,) = parse(source).speeches
    assert speech.speaker.name == "鲍芷"
    assert [(p.organization, p.title) for p in speech.speaker.positions] == [
        ("菱洲市工商联", "党组书记"),
        ("菱洲市工商联", "常务副主席"),
    ]


def test_letter_spaced_pdf_line() -> None:
    source = (
        "某市座谈会发言摘要\n\n推 动 产 业 升 级\n\n"
        "市 财 政 局 局 长 郦 晨 阳 ：今 年 要 加 强 保 障 。\n"
    )
    (speech,) = parse(source).speeches
    assert speech.headline is not None and speech.headline.text == "推 动 产 业 升 级"
    assert speech.speaker.name == "郦晨阳"
    assert [(p.organization, p.title) for p in speech.speaker.positions] == [("市财政局", "局长")]


@pytest.mark.parametrize(
    ("paragraph", "name", "body"),
    [
        (
            "市人大代表、临江市宏图机电公司董事长令狐惠然说，企业要练内功。",
            "令狐惠然",
            "企业要练内功。",
        ),
        (
            "青石县人民医院副院长巫马秀在发言中表示，基层医疗要补短板。",
            "巫马秀",
            "基层医疗要补短板。",
        ),
    ],
    ids=["shuo", "zai-fayan-zhong-biaoshi"],
)
def test_reported_speech(paragraph: str, name: str, body: str) -> None:
    source = f"临江市人大代表座谈会发言摘要\n\n{paragraph}\n\n市长强调，要抓落实。\n"
    (speech,) = parse(source).speeches
    assert (speech.speaker.name, speech.speaker.form) == (name, "reported")
    assert [p.text for p in speech.paragraphs] == [body, "市长强调，要抓落实。"]


@pytest.mark.parametrize(
    ("paragraph", "text", "verb", "positions"),
    [
        (
            "市人大代表、临江市宏图机电公司董事长令狐惠然说，企业要练内功。",
            "市人大代表、临江市宏图机电公司董事长令狐惠然",
            "说",
            [("市人大", "代表"), ("临江市宏图机电公司", "董事长")],
        ),
        (
            "青石县人民医院副院长巫马秀在发言中表示，基层医疗要补短板。",
            "青石县人民医院副院长巫马秀",
            "在发言中表示",
            [("青石县人民医院", "副院长")],
        ),
        (
            "来自基层一线的市人大代表、柳湾村党支部书记聂红英说，村里要修路。",
            "来自基层一线的市人大代表、柳湾村党支部书记聂红英",
            "说",
            [("市人大", "代表"), ("柳湾村", "党支部书记")],
        ),
    ],
    ids=["shuo", "zai-fayan-zhong-biaoshi", "lead-in-laizi"],
)
def test_reported_speech_keeps_the_verb_apart(
    paragraph: str, text: str, verb: str, positions: list[tuple[str, str]]
) -> None:
    source = f"临江市人大代表座谈会发言摘要\n\n{paragraph}\n"
    (speech,) = parse(source).speeches
    assert speech.speaker.text == text
    assert speech.speaker.verb is not None and speech.speaker.verb.text == verb
    assert [(p.organization, p.title) for p in speech.speaker.positions] == positions


@pytest.mark.parametrize(
    ("designation", "text", "positions"),
    [
        (
            "1. 澄川钢铁集团党委书记、董事长 芮铁城",
            "澄川钢铁集团党委书记、董事长 芮铁城",
            [("澄川钢铁集团", "党委书记"), ("澄川钢铁集团", "董事长")],
        ),
        ("八、副市长 覃以宁", "副市长 覃以宁", [(None, "副市长")]),
        ("市政协原副主席林涛", "市政协原副主席林涛", [("市政协", "原副主席")]),
        ("市委副书记、市长韦明", "市委副书记、市长韦明", [("市委", "副书记"), ("市委", "市长")]),
    ],
    ids=["numbered", "chinese-numbered", "former-title", "bare-city-committee-inherited"],
)
def test_numbers_former_titles_and_bare_committees(
    designation: str, text: str, positions: list[tuple[str | None, str]]
) -> None:
    (speech,) = parse(report_text(designation, "我们要抓落实。")).speeches
    assert speech.speaker.text == text
    assert [(p.organization, p.title) for p in speech.speaker.positions] == positions


def test_a_sentence_about_a_title_is_not_reported_speech() -> None:
    source = (
        report_text("临江市商务局局长贺子川", "外贸要稳。")
        + "\n\n市长多次强调，要像对待家人一样对待企业。\n"
    )
    (speech,) = parse(source).speeches
    assert speech.paragraphs[-1].text == "市长多次强调，要像对待家人一样对待企业。"


# --- the decomposition itself, on compact text (offsets worked out by hand) ---
# (name, [(unit, title)], form, extent start, extent end, verb) — texts cut from the row's text
Decomposed = tuple[str, list[tuple[str, str]], str, int, int, str | None] | None
CAIZHENG = [("市财政局", "局长")]


def decomposed(text: str, found: Designation | None) -> Decomposed:
    if found is None:
        return None
    parts = [(text[p.org_start : p.org_end], text[p.title_start : p.end]) for p in found.parts]
    verb = None if found.verb is None else text[found.verb[0] : found.verb[1]]
    name = text[found.name_start : found.name_end]
    return name, parts, found.form, found.extent_start, found.extent_end, verb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市财政局局长王明", ("王明", CAIZHENG, "joined", 0, 8, None)),
        ("局长王明", ("王明", [("", "局长")], "joined", 0, 4, None)),
        # spaces around are no part of it (one each side; three before)
        (" 市财政局局长王明 ", ("王明", CAIZHENG, "joined", 1, 9, None)),
        ("   市财政局局长王明", ("王明", CAIZHENG, "joined", 3, 11, None)),
        # a verb of saying after the name: kept apart, with its frame (在会上, 在发言中)
        ("市财政局局长王明说", ("王明", CAIZHENG, "joined", 0, 8, "说")),
        ("市财政局局长王明表示", ("王明", CAIZHENG, "joined", 0, 8, "表示")),
        ("市财政局局长王明在会上说", ("王明", CAIZHENG, "joined", 0, 8, "在会上说")),
        ("市财政局局长王明在发言中表示", ("王明", CAIZHENG, "joined", 0, 8, "在发言中表示")),
        # a descriptive lead-in belongs to no unit but stays inside the extent
        ("来自基层的市人大代表王明", ("王明", [("市人大", "代表")], "joined", 0, 12, None)),
        ("  来自基层的市人大代表王明", ("王明", [("市人大", "代表")], "joined", 2, 14, None)),
        ("来自基层的市人大代表王明说", ("王明", [("市人大", "代表")], "joined", 0, 12, "说")),
        # two readings with a surname-led name (董事长 + 孙杰, 董事 + 长孙杰): the longer title
        ("公司董事长孙杰", ("孙杰", [("公司", "董事长")], "joined", 0, 7, None)),
        # a four-character name needs a compound surname, and then takes all four
        ("市财政局局长欧阳启明", ("欧阳启明", CAIZHENG, "joined", 0, 10, None)),
        # not designations
        ("推动企业科协建设", None),  # a headline: no title ends before its last characters
        ("3月5日市财政局局长王明", None),  # a date
        ("2026年市财政局局长王明", None),
        ("市财政局；局长王明", None),  # sentence punctuation
        ("我们的局长王明", None),  # words of running prose
        ("王明", None),
        ("   ", None),
        ("", None),
    ],
)
def test_parse_designation(text: str, expected: Decomposed) -> None:
    assert decomposed(text, parse_designation(Compact(text, tuple(range(len(text)))))) == expected


@pytest.mark.parametrize(
    ("name", "plausible"),
    [
        ("王明", True),
        ("孙小明", True),
        ("欧阳启明", True),  # four characters with a compound surname
        ("王启明华", False),  # ... and without one
        ("王", False),
        ("", False),
        ("王a", False),
        ("阿依·买买提", True),
        ("阿·买", True),
        ("阿" * 8 + "·" + "买" * 7, True),  # sixteen characters with the dot
        ("阿" * 8 + "·" + "买" * 8, False),  # seventeen
        ("·王明", False),
        ("王明·", False),
        ("王·a", False),
        ("王明说", False),  # ends in a verb of saying
        ("王表示", False),  # ... of two characters
        ("王问", False),
    ],
)
def test_plausible_name(name: str, plausible: bool) -> None:
    assert plausible_name(name) is plausible


@pytest.mark.parametrize(
    ("name", "length"),
    [("王明", 1), ("孙杰", 1), ("欧阳启明", 2), ("长孙杰", 2), ("甲乙", 0), ("", 0)],
)
def test_surname_length(name: str, length: int) -> None:
    assert surname_length(name) == length


@pytest.mark.parametrize(
    ("text", "end", "start", "expected"),
    [
        ("市财政局局长", 6, 0, 4),
        ("市财政局副局长", 7, 0, 4),
        ("市财政局副局长", 7, 5, 5),  # 副局长 reaches before start
        ("副局长", 3, 1, 1),
        ("局长王明", 4, 0, None),
    ],
)
def test_title_suffix(text: str, end: int, start: int, expected: int | None) -> None:
    assert title_suffix(text, end, start) == expected


def test_title_suffix_reaches_the_start_of_the_text_by_default() -> None:
    assert title_suffix("局长", 2) == 0
    assert title_suffix("副局长", 3) == 0


@pytest.mark.parametrize("designation", ["局长在会上说", "局长在会上表示", "副市长在会上说"])
def test_a_verb_frame_is_never_a_name(designation: str) -> None:
    """A title, then a frame and a verb, leaves no room for a name: 在会上 was once read as
    one after a two-character title."""
    names = [speech.speaker.name for speech in parse(report_text(designation)).speeches]
    assert "在会上" not in names
