"""Speakers named in running text: every form, and sentences that must not become speakers.

Names, units and wording are invented (青川, 澄江, 柳溪村 …). Each positive row states by hand
who speaks, how the speaker was written (``form``) and the positions read from the Chinese;
each negative row is a sentence with a name, a title or a verb of saying in it that is still
not a speaker.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechparse
from helpers import parse
from invariants import assert_covered, assert_grounded
from speechparse.core.text import Compact
from speechparse.people import attribution
from speechparse.people.designation import Designation

Row = tuple[str, str, list[tuple[str | None, str]]]
TITLE = "青川省政协会议发言摘要\n\n"


def speakers(text: str) -> list[Row]:
    report = parse(TITLE + text)
    return [
        (
            s.speaker.name,
            s.speaker.form,
            [(p.organization, p.title) for p in s.speaker.positions],
        )
        for s in report.speeches
    ]


POSITIVE = [
    pytest.param(
        "蒲文远委员(青川地区行署专员)说,要抓好春耕生产。\n",
        [("蒲文远", "name_first", [("青川地区行署", "专员")])],
        id="name-first-half-width-brackets",
    ),
    pytest.param(
        "栾秀芝委员（省妇联原副主席，回族）说，妇女工作要同经济建设结合起来。\n",
        [("栾秀芝", "name_first", [("省妇联", "原副主席")])],
        id="ethnicity-in-brackets-is-no-position",
    ),
    pytest.param(
        "郗庆和代表（青川农科院名誉院长）：科技兴农要抓推广。\n",
        [("郗庆和", "name_first", [("青川农科院", "名誉院长")])],
        id="name-first-colon-with-modifier-title",
    ),
    pytest.param(
        "滕雅琪委员：职业教育要产教融合。\n",
        [("滕雅琪", "name_first", [(None, "委员")])],
        id="name-and-member-title-colon",
    ),
    pytest.param(
        "蔺海潮常委建议加快农田建设；岑玉珊常委代表民盟省委建议完善养老服务；"
        "仉德明委员以《激活金融活水》为题作了发言。\n",
        [
            ("蔺海潮", "name_first", [(None, "常委")]),
            ("岑玉珊", "name_first", [(None, "常委")]),
            ("仉德明", "name_first", [(None, "委员")]),
        ],
        id="run-on-paragraph-cut-at-semicolons",
    ),
    pytest.param(
        "会议气氛热烈。覃綺雯委員發言說，文化遺產要保護好。\n",
        [("覃綺雯", "name_first", [(None, "委員")])],
        id="traditional-fayan-shuo-mid-paragraph",
    ),
    pytest.param(
        "代表们发言踊跃。青川县宏远农机合作社理事长覃大勇说，农机补贴要向山区倾斜。\n",
        [("覃大勇", "reported", [("青川县宏远农机合作社", "理事长")])],
        id="reported-after-a-full-stop",
    ),
    pytest.param(
        "讨论中，省农科院研究员苟立新代表认为，种业是农业的芯片。\n",
        [("苟立新", "reported", [("省农科院", "研究员")])],
        id="reported-after-a-comma-member-title-after-name",
    ),
    pytest.param(
        "“村里的年轻人回来了。”省人大代表、柳溪村党支部书记晏春华介绍，村里发展了民宿。\n",
        [("晏春华", "quote_first", [("省人大", "代表"), ("柳溪村", "党支部书记")])],
        id="quote-first-designation",
    ),
    pytest.param(
        "“这座桥修好了，村民进城方便多了。”青石县交通运输局局长芮铁城和代表们一边走，一边介绍。\n",
        [("芮铁城", "quote_first", [("青石县交通运输局", "局长")])],
        id="quote-first-designation-before-a-function-word",
    ),
    pytest.param(
        "“服务要跟上。”澄江港务集团有限公司联合支部书记阚明远说。\n",
        [("阚明远", "quote_first", [("澄江港务集团有限公司", "联合支部书记")])],
        id="modifier-extends-a-listed-title",
    ),
    pytest.param(
        "“基层减负要减到点子上。”蓝天翔代表说。\n",
        [("蓝天翔", "quote_first", [(None, "代表")])],
        id="quote-first-name-first",
    ),
    pytest.param(
        "省政协委员、澄江远帆科技公司董事长阚明远对记者表示，要多做调研。\n",
        [("阚明远", "reported", [("省政协", "委员"), ("澄江远帆科技公司", "董事长")])],
        id="reported-with-dui-jizhe-frame",
    ),
    pytest.param(
        "会议开得很成功。宁可欣委员在接受本报采访时说，要多调研。\n",
        [("宁可欣", "name_first", [(None, "委员")])],
        id="name-first-with-interview-frame",
    ),
    pytest.param(
        "“终于轮到我了！”省政协常委、民进省委副主委阚永兴笑着说。\n",
        [("阚永兴", "quote_first", [("省政协", "常委"), ("民进省委", "副主委")])],
        id="manner-word-before-the-verb",
    ),
    pytest.param(
        "会议开得很好。澄江市市长宁可欣动情地说，要办好民生实事。\n",
        [("宁可欣", "reported", [("澄江市", "市长")])],
        id="manner-word-designation-first",
    ),
    pytest.param(
        "12月4日，在柳溪社区，68岁的居民廖春生对来访的代表们说起新变化：“住得舒心多了！”\n",
        [("廖春生", "reported", [(None, "居民")])],
        id="colon-quote-after-an-age-lead-in",
    ),
    pytest.param(
        "一次宣讲会上，省政协委员、青川生态研究院副书记杜明向牧民讲解：“种草要先设沙障。”\n",
        [("杜明", "reported", [("省政协", "委员"), ("青川生态研究院", "副书记")])],
        id="colon-quote-the-scan-reading-wins",
    ),
    pytest.param(
        "“村子变了样。”青石县石椅村第一书记韦明在会上动情地说。\n",
        [("韦明", "quote_first", [("青石县石椅村", "第一书记")])],
        id="frame-and-manner-word-together",
    ),
    pytest.param(
        "会议开得很好。蒲文远委员(青川软件有限公司首席架构师)说,要抓创新。\n",
        [("蒲文远", "name_first", [("青川软件有限公司", "首席架构师")])],
        id="unlisted-title-in-brackets",
    ),
    pytest.param(
        "会议开得很好。王明常委（代表民盟省委）建议加强监督。\n",
        [("王明", "name_first", [(None, "常委")])],
        id="on-behalf-of-in-brackets-is-no-position",
    ),
    pytest.param(
        "来自石桥镇的闻人晓峰代表强调，要关注民生。\n",
        [("闻人晓峰", "name_first", [(None, "代表")])],
        id="lead-in-laizi-compound-surname",
    ),
    pytest.param(
        "乡村振兴，关键在人。——乌兰其其格代表（青川省石桥镇牧民合作社理事长）\n",
        [("乌兰其其格", "dash", [("青川省石桥镇牧民合作社", "理事长")])],
        id="dash-inline-five-character-name",
    ),
    pytest.param(
        "养老服务是民生的大事。\n——宓思齐代表（澄江市康宁养老服务中心主任）\n",
        [("宓思齐", "dash", [("澄江市康宁养老服务中心", "主任")])],
        id="dash-on-its-own-line",
    ),
    pytest.param(
        "课后服务要提质。——澄江市第二实验小学校长鲍静怡\n",
        [("鲍静怡", "dash", [("澄江市第二实验小学", "校长")])],
        id="dash-designation-first",
    ),
    pytest.param(
        "要重视农村教育。车永年委员(青川师范学院物理系教授、系主任)说:\n    要重视基础教育\n"
        "基础教育是百年大计。\n",
        [
            (
                "车永年",
                "name_first",
                [("青川师范学院物理系", "教授"), ("青川师范学院物理系", "系主任")],
            )
        ],
        id="glued-to-previous-paragraph",
    ),
    pytest.param(
        "讨论开始了。谭秋云委员笑道：“茶山就是金山。”\n",
        [("谭秋云", "name_first", [(None, "委员")])],
        id="dao-verb-before-colon",
    ),
    pytest.param(
        "谭秋云委員感慨道：“茶山就是金山。”\n",
        [("谭秋云", "name_first", [(None, "委員")])],
        id="dao-verb-traditional-at-paragraph-start",
    ),
    pytest.param(
        "讨论开始了。谭秋云代表深有感触地说：“茶山就是金山。”\n",
        [("谭秋云", "name_first", [(None, "代表")])],
        id="manner-word-before-the-verb",
    ),
    pytest.param(
        "“种子一定要攥在自己手里。”柏文峰委员拿起话筒，讲起了见闻。\n",
        [("柏文峰", "quote_first", [(None, "委员")])],
        id="sentence-quote-then-member-acting",
    ),
    pytest.param(
        "“种子一定要攥在自己手里。”澄江种业公司总经理柏文峰对此深有体会。\n",
        [("柏文峰", "quote_first", [("澄江种业公司", "总经理")])],
        id="sentence-quote-then-designation-reacting",
    ),
    pytest.param(
        "澄江县气象站站长邹明远形容家乡说：“冬无严寒。”他表示，适合种菜。\n",
        [("邹明远", "reported", [("澄江县气象站", "站长")])],
        id="designation-then-action-then-colon-quote-pronoun-continues",
    ),
    pytest.param(
        "全国人大代表、澄江县县长贺立华在小组讨论中提到，公路要加密。\n",
        [("贺立华", "reported", [("全国人大", "代表"), ("澄江县", "县长")])],
        id="frame-zai-zhong-before-verb",
    ),
    pytest.param(
        "澄江县县长贺立华在接受采访时表示，公路要加密。\n",
        [("贺立华", "reported", [("澄江县", "县长")])],
        id="interview-frame-without-a-word-inside",
    ),
    pytest.param(
        "澄江师范学院学生鲁思琪对就业有些困惑，“毕业后去哪里？”\n",
        [("鲁思琪", "reported", [("澄江师范学院", "学生")])],
        id="designation-then-state-then-comma-quote",
    ),
    pytest.param(
        "讨论开始了。鲁思琪说：“毕业后去哪里？”\n",
        [("鲁思琪", "reported", [])],
        id="bare-name-verb-colon-quote",
    ),
    pytest.param(
        "讨论开始了。柏文峰教授认为，种业要自立自强。\n",
        [("柏文峰", "name_first", [(None, "教授")])],
        id="name-then-known-title-then-verb",
    ),
    pytest.param(
        "讨论开始了。据澄江种业公司总经理柏文峰介绍，今年制种两万亩。\n",
        [("柏文峰", "reported", [("澄江种业公司", "总经理")])],
        id="ju-designation-jieshao",
    ),
    pytest.param(
        "讨论开始了。在柏文峰委员看来，种业要自立自强。\n",
        [("柏文峰", "name_first", [(None, "委员")])],
        id="zai-member-kanlai",
    ),
    pytest.param(
        "讨论开始了。澄江种业公司总经理柏文峰带来了一份提案。他说，种业要自立自强。\n",
        [("柏文峰", "reported", [("澄江种业公司", "总经理")])],
        id="introduced-then-pronoun-speaks",
    ),
    pytest.param(
        "讨论开始了。柏文峰委员带来了一份提案。“种业要自立自强。”他说。\n",
        [("柏文峰", "name_first", [(None, "委员")])],
        id="member-introduced-then-quote-and-pronoun",
    ),
    pytest.param(
        "讨论开始了。柏文峰委员今年提交了一份提案，建议扶持种业。\n",
        [("柏文峰", "name_first", [(None, "委员")])],
        id="subject-goes-on-after-comma-with-verb",
    ),
    pytest.param(
        "讨论开始了。澄江种业公司总经理柏文峰长期关注育种，他呼吁，扶持种业。\n",
        [("柏文峰", "reported", [("澄江种业公司", "总经理")])],
        id="pronoun-after-comma-with-verb",
    ),
    pytest.param(
        "讨论开始了。澄江种业公司总经理柏文峰告诉本报记者，今年制种两万亩。\n",
        [("柏文峰", "reported", [("澄江种业公司", "总经理")])],
        id="telling-with-its-hearer",
    ),
    pytest.param(
        "“种业要自立自强。”在第二小组的讨论现场，柏文峰委员的发言引来掌声。\n",
        [("柏文峰", "quote_first", [(None, "委员")])],
        id="quote-scene-clause-then-member",
    ),
    pytest.param(
        "讨论开始了。柏文峰委员是一位种粮大户，他说，种业要自立自强。\n",
        [("柏文峰", "name_first", [(None, "委员")])],
        id="member-described-then-pronoun-says",
    ),
    pytest.param(
        "讨论开始了。全国政协委员柏文峰在走访种业基地的过程中，深感人才的重要。\n",
        [("柏文峰", "reported", [("全国政协", "委员")])],
        id="frame-of-process-then-feeling-verb",
    ),
    pytest.param(
        "“种业要自立自强！”澄江种业公司副总经理柏文峰等五位委员联名提出了建议。\n",
        [("柏文峰", "quote_first", [("澄江种业公司", "副总经理")])],
        id="quote-then-designation-and-others",
    ),
    pytest.param(
        "讨论开始了。一向敢言的柏文峰代表，是澄江种业公司董事长，他发言时总是强调讲实话。\n",
        [("柏文峰", "name_first", [(None, "代表")])],
        id="described-member-then-pronoun-with-frame-later-in-sentence",
    ),
    pytest.param(
        "讨论开始了。澄江种业公司总经理柏文峰接受本报专访时表示，种业要自立自强。\n",
        [("柏文峰", "reported", [("澄江种业公司", "总经理")])],
        id="interview-frame-zhuanfang",
    ),
    pytest.param(
        "讨论开始了。澄江种业公司总经理柏文峰就制种问题建言：种业要自立自强。\n",
        [("柏文峰", "reported", [("澄江种业公司", "总经理")])],
        id="jiu-topic-frame-before-verb",
    ),
    pytest.param(
        "全国政协委员柏文峰今年关注种业。走访了几个基地后，他认为，种业要自立自强。\n",
        [("柏文峰", "reported", [("全国政协", "委员")])],
        id="pronoun-after-a-short-lead-clause-of-the-next-sentence",
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_speaker_in_running_text(text: str, expected: list[Row]) -> None:
    assert speakers(text) == expected


NEGATIVE = [
    pytest.param("会议由省政协副主席濮云涛主持。", id="chair-is-no-speaker"),
    pytest.param("工商联和侨联的同志相继发言。", id="adverb-is-no-name"),
    pytest.param("还有代表指出，减负不能一阵风。", id="no-name"),
    pytest.param("李华总理主持座谈会，听取意见。", id="title-after-name-not-a-member"),
    pytest.param("有一个共同点：大家都很努力。", id="sentence-before-colon"),
    pytest.param("您所在的位置：首页 > 新闻", id="breadcrumb-before-colon"),
    pytest.param("张明委员说明了情况。", id="shuo-begins-shuoming"),
    pytest.param("大家认为，省长的报告很实在。", id="collective-speaker"),
    pytest.param("他说，政协委员要多调研。", id="pronoun"),
    pytest.param("记者看到，张明委员正在田间查看苗情。", id="member-without-verb-after-comma"),
    pytest.param("代表心声", id="bare-title-before-a-word"),
    pytest.param("会议开得很好。全体委员认为，报告很好。", id="group-quanti"),
    pytest.param("会议开得很好。青年代表发言说，要就业。", id="group-qingnian"),
    pytest.param("会议开得很好。有的委员建议加强监督。", id="group-youde"),
    pytest.param("会议开得很好。常委会委员认为，要减负。", id="committee-before-member"),
    pytest.param("会议开得很好。农民代表说，要减负。", id="kind-of-deputy"),
    pytest.param("会议开得很好。文艺界委员说，要减负。", id="sector-jie"),
    pytest.param("会议开得很好。王主任委员说，要减负。", id="surname-and-title"),
    pytest.param("会议开得很好。教育委员会建议加强师资。", id="committee-weiyuanhui"),
    pytest.param("“这座桥修好了。”青石县交通局局长芮铁城和代表们走过桥面。", id="quote-no-verb"),
    pytest.param("发展才是硬道理。——摘自本报评论", id="dash-source-is-no-speaker"),
    pytest.param("“双减”柏文峰委员拿起话筒。", id="quoted-term-then-member"),
    pytest.param(
        "会议开始了。鲁思琪接过话筒：“毕业后去哪里？”", id="bare-name-never-introduced-acting"
    ),
    pytest.param("会议开始了。鲁思琪说，毕业后去哪里？", id="bare-name-never-introduced-comma"),
    pytest.param("会议开始了。柏文峰教授主持了会议。", id="name-title-without-a-verb"),
    pytest.param("会议开始了。坐在前排的柏文峰委员站了起来。", id="described-member-acting"),
    pytest.param("会议开始了。柏文峰委员参观了车间，他们表示满意。", id="they-after-comma"),
    pytest.param("会议开始了。柏文峰委员带来了一份提案。他们说，要支持。", id="plural-pronoun"),
    pytest.param("“这是好事。”二度登台，柏文峰依然很激动。", id="scene-then-name-never-introduced"),
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_sentence_is_not_a_speaker(sentence: str) -> None:
    text = f"{sentence}\n\n澄江市教育局局长邢雅：教育要均衡。\n"
    assert [name for name, _, _ in speakers(text)] == ["邢雅"]


def test_colon_layout_keeps_a_quoted_member_inside_the_speech() -> None:
    """With speakers on lines of their own, a member named mid-speech is quoted, not a speaker."""
    text = (
        "澄江市教育局局长邢雅：教育要均衡。正如韦明委员说，学校要办在家门口。\n\n"
        "澄江市卫健委主任巩丽：医疗要下沉。\n"
    )
    report = parse(TITLE + text)
    assert [s.speaker.name for s in report.speeches] == ["邢雅", "巩丽"]
    assert report.speeches[0].paragraphs[0].text.endswith("学校要办在家门口。")


def test_dash_speech_ends_before_the_dash() -> None:
    report = parse(TITLE + "乡村振兴，关键在人。——蓝天翔代表\n")
    (speech,) = report.speeches
    assert [p.text for p in speech.paragraphs] == ["乡村振兴，关键在人。"]
    assert speech.speaker.text == "蓝天翔代表"


def test_run_on_speeches_each_get_their_own_span() -> None:
    text = "蔺海潮常委建议加快农田建设；岑玉珊常委建议完善养老服务。\n"
    source = TITLE + text
    report = parse(source)
    first, second = report.speeches
    assert first.paragraphs[0].text == "建议加快农田建设；"
    assert second.paragraphs[0].text == "建议完善养老服务。"
    assert first.paragraphs[0].end <= second.speaker.start
    for speech in report.speeches:
        assert source[speech.speaker.start : speech.speaker.end] == speech.speaker.text


def test_unlisted_title_by_grammar_gives_an_info_diagnostic() -> None:
    report = parse(TITLE + "澄江软件产业园有限公司首席架构师 许明远：要加强研发。\n")
    (speech,) = report.speeches
    assert [(p.organization, p.title) for p in speech.speaker.positions] == [
        ("澄江软件产业园有限公司", "首席架构师")
    ]
    codes = {(d.code, d.severity) for d in report.diagnostics}
    assert ("speaker.unknown_title", "info") in codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "会上，市商务局局长甄怀远率先提问。\n\n“企业最需要什么？”甄怀远向来宾问道。\n",
            [("甄怀远", "quote_first", [("市商务局", "局长")])],
            id="quote-then-bare-name",
        ),
        pytest.param(
            "市民政局局长宓思齐、市卫健委主任巩丽等出席。宓思齐说，养老服务要提质。\n",
            [("宓思齐", "reported", [("市民政局", "局长")])],
            id="bare-name-after-a-joint-mention",
        ),
        pytest.param(
            "澄江农机厂厂长钭国平陪同参观。\n\n“工人的技能要提高。”二度登台，钭国平依然很激动。\n",
            [("钭国平", "quote_first", [("澄江农机厂", "厂长")])],
            id="quote-scene-clause-then-known-name",
        ),
        pytest.param(
            "澄江农机厂厂长钭国平陪同参观。\n\n钭国平接过话筒：“工人的技能要提高。”\n",
            [("钭国平", "reported", [("澄江农机厂", "厂长")])],
            id="known-name-acting-then-colon-quote",
        ),
        pytest.param(
            "澄江农机厂厂长钭国平陪同参观。\n\n钭国平接着说，工人的技能要提高。\n",
            [("钭国平", "reported", [("澄江农机厂", "厂长")])],
            id="known-name-adverb-then-verb",
        ),
    ],
)
def test_bare_name_of_a_person_introduced_earlier(text: str, expected: list[Row]) -> None:
    assert speakers(text) == expected


def test_bare_name_never_introduced_is_no_speaker() -> None:
    assert speakers("宓思齐说，养老服务要提质。\n\n澄江市教育局局长邢雅：教育要均衡。\n") == [
        ("邢雅", "colon", [("澄江市教育局", "局长")])
    ]


def test_the_current_speaker_named_again_keeps_speaking() -> None:
    text = (
        "市人大代表、柳溪村党支部书记晏春华说，村里发展了民宿。\n\n"
        "“年轻人回来了，村子才有希望。”晏春华说。\n"
    )
    (speech,) = parse(TITLE + text).speeches
    assert speech.speaker.name == "晏春华"
    assert len(speech.paragraphs) == 2


@pytest.mark.parametrize(
    ("line", "name"),
    [
        pytest.param(
            "省人大代表、青川民族研究所研究员巴莫阿依嫫：", "巴莫阿依嫫", id="five-han-colon"
        ),
        pytest.param("省人大代表、青川民族研究所研究员阿依·巴莫：", "阿依·巴莫", id="dotted"),
    ],
)
def test_minority_names_in_a_colon_designation(line: str, name: str) -> None:
    (speech,) = parse(TITLE + line + "文化要繁荣。\n").speeches
    assert speech.speaker.name == name
    assert [(p.organization, p.title) for p in speech.speaker.positions] == [
        ("省人大", "代表"),
        ("青川民族研究所", "研究员"),
    ]


def test_five_characters_after_a_title_without_a_surname_are_no_name() -> None:
    assert speakers("书记抓党建述职：要落实责任。\n\n澄江市教育局局长邢雅：教育要均衡。\n") == [
        ("邢雅", "colon", [("澄江市教育局", "局长")])
    ]


def test_dash_speeches_of_several_paragraphs_keep_them_all() -> None:
    text = (
        "■ 让数据多跑路\n\n政务服务要好办。\n\n建议打通数据壁垒。\n\n"
        "——邴晓岚委员（青川市数据局副局长）\n\n"
        "■ 守护一江清水\n\n流域治理要协同。\n\n要建立生态补偿机制。\n\n"
        "——濮云帆委员（青川环境研究院研究员）\n"
    )
    report = parse(TITLE + text)
    assert [(s.speaker.name, s.headline and s.headline.text) for s in report.speeches] == [
        ("邴晓岚", "让数据多跑路"),
        ("濮云帆", "守护一江清水"),
    ]
    assert [[p.text for p in s.paragraphs] for s in report.speeches] == [
        ["政务服务要好办。", "建议打通数据壁垒。"],
        ["流域治理要协同。", "要建立生态补偿机制。"],
    ]


def test_two_speakers_in_one_sentence_share_one_speech() -> None:
    """`甲、乙等委员在发言中…`: both are speakers, over the same paragraph, each flagged."""
    report = parse(TITLE + "会议开得很热烈。柏文峰、鲁思琪等委员在发言中都谈到了养老问题。\n")
    assert [(s.speaker.name, [p.title for p in s.speaker.positions]) for s in report.speeches] == [
        ("柏文峰", ["委员"]),
        ("鲁思琪", ["委员"]),
    ]
    first, second = report.speeches
    assert [p.text for p in first.paragraphs] == [p.text for p in second.paragraphs]
    assert first.paragraphs[0].text == "在发言中都谈到了养老问题。"
    shared = [d for d in report.diagnostics if d.code == "speaker.shared_attribution"]
    assert [d.severity for d in shared] == ["info", "info"]


def test_names_in_a_list_without_a_verb_are_no_speakers() -> None:
    assert speakers("会议开得很热烈。柏文峰、鲁思琪等委员参加了调研。\n") == []


def test_several_designations_credited_in_one_sentence() -> None:
    text = "讨论开始了。澄江大学校长柏文峰、澄江种业公司总经理鲁思琪等，在发言中着重谈到种业。\n"
    assert speakers(text) == [
        ("柏文峰", "name_first", [("澄江大学", "校长")]),
        ("鲁思琪", "name_first", [("澄江种业公司", "总经理")]),
    ]


def test_a_designation_with_two_positions_is_not_two_people() -> None:
    text = "讨论开始了。全国人大代表、澄江县县长贺立华在发言中提到，公路要加密。\n"
    assert speakers(text) == [("贺立华", "reported", [("全国人大", "代表"), ("澄江县", "县长")])]


def test_proposer_label_is_no_part_of_the_unit() -> None:
    report = parse("关于加强种业人才培养的提案\n\n提案人：全国政协委员柏文峰\n\n种业要自立自强。\n")
    (speech,) = report.speeches
    assert speech.speaker.label is not None and speech.speaker.label.text == "提案人"
    assert [(p.organization, p.title) for p in speech.speaker.positions] == [("全国政协", "委员")]


_PERSONS = [
    "柏文峰委员",
    "澄江种业公司总经理鲁思琪",
    "全国人大代表、澄江县县长贺立华",
    "鄢可馨",
    "柏文峰、鲁思琪等委员",
    "據澄江大學校長甘立群",
]
_LINKS = [
    "笑道：",
    "动情地说：",
    "接过话筒：",
    "在小组讨论中提到，",
    "对此深有体会。",
    "说，",
    "：",
    "",
]
_WORDS = ["“种业要自立自强。”", "种业要自立自强。", "他说，人才是关键。", "二度登台，", "，", ""]


@given(
    st.lists(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from(_PERSONS), st.sampled_from(_LINKS)),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_running_text_keeps_grounding_coverage_and_determinism(
    pieces: list[tuple[str, str, str]], split: bool
) -> None:
    """Any mix of the new attribution forms keeps every value grounded, every letter covered,
    and the same output for the same input."""
    sep = "\n\n" if split else ""
    source = TITLE + sep.join(a + b + c for a, b, c in pieces) + "\n"
    report = parse(source)
    assert_grounded(report, source)
    assert_covered(report, source)
    assert speechparse.to_json(parse(source)) == speechparse.to_json(report)


def test_quote_first_speaker_ending_a_paragraph_with_a_colon_is_not_cut_as_glued() -> None:
    """`“……。”某某委员说：` at the end of a paragraph once crashed the glued-designation cut."""
    assert speakers("“种业要自立自强。”柏文峰委员说：\n") == [
        ("柏文峰", "quote_first", [(None, "委员")])
    ]


def test_a_member_alone_on_a_line_speaks_in_the_paragraph_below() -> None:
    text = "柏文峰代表\n\n种业要自立自强。\n\n鲁思琪委员（澄江师范学院院长）\n\n师范生要下基层。\n"
    assert speakers(text) == [
        ("柏文峰", "name_first", [(None, "代表")]),
        ("鲁思琪", "name_first", [("澄江师范学院", "院长")]),
    ]


# The helpers below are tested on their own: each row's value was worked out by hand from
# the docstring (offsets count characters from 0).


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        pytest.param("认为", 0, 0, False, id="empty-range"),
        pytest.param("认为好的", 2, 4, False, id="verb-before-the-range"),
        pytest.param("好认为", 0, 1, False, id="verb-starting-at-the-end"),
        pytest.param("好认为", 0, 2, True, id="verb-starting-inside"),
        pytest.param("好认为", 1, 3, True, id="verb-at-the-start"),
        pytest.param("好说了", 0, 3, False, id="one-character-verb"),
    ],
)
def test_long_verb_in(text: str, start: int, end: int, expected: bool) -> None:
    assert attribution._long_verb_in(text, start, end) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("柏文峰", True, id="name"),
        pytest.param("有的人", False, id="word-of-prose"),
        pytest.param("全体", False, id="group"),
        pytest.param("文艺界", False, id="sector"),
        pytest.param("王主任", False, id="title-at-the-end"),
        pytest.param("常委会", False, id="member-title-inside"),
    ],
)
def test_personal(name: str, expected: bool) -> None:
    assert attribution._personal(name) is expected


@pytest.mark.parametrize(
    ("name", "long_ok", "expected"),
    [
        pytest.param("阿依·巴莫", False, True, id="dotted"),
        pytest.param("阿依·", False, False, id="dot-at-the-end"),
        pytest.param("柏文峰", False, True, id="surname-led"),
        pytest.param("文艺界", False, False, id="no-surname"),
    ],
)
def test_name_like(name: str, long_ok: bool, expected: bool) -> None:
    assert attribution._name_like(name, long_ok=long_ok) is expected


@pytest.mark.parametrize(
    ("text", "i", "expected"),
    [
        pytest.param("认为", 0, True, id="two-character-verb"),
        pytest.param("好认为", 1, True, id="verb-after-the-start"),
        pytest.param("好动情地", 1, True, id="manner-word-after-the-start"),
        pytest.param("动情地", 0, True, id="manner-word"),
        pytest.param("说", 0, False, id="one-character-verb"),
        pytest.param("好说", 1, False, id="one-character-verb-after-the-start"),
        pytest.param("好", 0, False, id="neither"),
    ],
)
def test_adverbial_at(text: str, i: int, expected: bool) -> None:
    assert attribution._adverbial_at(text, i) is expected


@pytest.mark.parametrize(
    ("text", "k", "v", "ends"),
    [
        pytest.param("某某在会上动情地说", 0, 8, [8, 5, 2], id="frame-and-manner"),
        pytest.param("动情地说", 1, 3, [3], id="manner-word-starting-before-the-speaker"),
        pytest.param("在会上说", 1, 3, [3], id="frame-starting-before-the-speaker"),
    ],
)
def test_speaker_ends(text: str, k: int, v: int, ends: list[int]) -> None:
    assert attribution._speaker_ends(text, k, v) == ends


def _found(text: str, *start: int, first: bool = False) -> list[tuple[int, int, int, str]]:
    """(split, body start, resume, name) of each attribution; ``start`` left at its default
    when not given."""
    view = Compact(text, ())
    found = (
        attribution.inline_attributions(view, *start, first=first)
        if first
        else attribution.inline_attributions(view, *start)
    )
    return [
        (a.split, a.body_start, a.resume, text[a.designation.name_start : a.designation.name_end])
        for a in found
    ]


def test_inline_attributions_skip_the_start_unless_first() -> None:
    text = "柏文峰委员说，要加强。"
    assert _found(text) == []
    assert _found(text, first=True) == [(0, 7, 7, "柏文峰")]


def test_inline_attributions_find_a_speaker_after_a_leading_stop() -> None:
    """The default start is the text's first character: a clause may start right after it."""
    assert _found("。柏文峰委员说，要加强。") == [(1, 8, 8, "柏文峰")]
    assert _found("。柏文峰委员说，要加强。", 0) == [(1, 8, 8, "柏文峰")]


@pytest.mark.parametrize(
    ("text", "first", "expected"),
    [
        pytest.param(
            "柏文峰委员说，鲁思琪委员表示，要加强。",
            True,
            [(0, 7, 7, "柏文峰"), (7, 15, 15, "鲁思琪")],
            id="second-right-after-the-first-verb",
        ),
        pytest.param(
            "会议开始。柏文峰委员说，要加强。鲁思琪委员表示，要落实。",
            False,
            [(5, 12, 12, "柏文峰"), (16, 24, 24, "鲁思琪")],
            id="two-sentences",
        ),
    ],
)
def test_inline_attributions_spans(
    text: str, first: bool, expected: list[tuple[int, int, int, str]]
) -> None:
    assert _found(text, first=first) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "会议说“好。”柏文峰委员说，要加强。",
            [(7, 14, 14, "柏文峰")],
            id="after-a-quotation-closing-a-sentence",
        ),
        pytest.param(
            "。”柏文峰委员说，要加强。", [(2, 9, 9, "柏文峰")], id="closed-sentence-at-the-start"
        ),
        pytest.param("大家谈“双减”柏文峰委员说，要加强。", [], id="after-a-quoted-term"),
        pytest.param("”柏文峰委员说，要加强。", [], id="closing-quote-first"),
        pytest.param(
            "大家谈“双减”。柏文峰委员说，要加强。",
            [(8, 15, 15, "柏文峰")],
            id="full-stop-right-after-a-quoted-term",
        ),
        pytest.param(
            "大家谈“双减”，柏文峰委员说，要加强。",
            [(8, 15, 15, "柏文峰")],
            id="comma-right-after-a-quoted-term",
        ),
        pytest.param(
            "会议开始。柏文峰委员建议加快建设。",
            [(5, 10, 10, "柏文峰")],
            id="clause-as-speech-after-a-full-stop",
        ),
        pytest.param("会议开始，柏文峰委员建议加快建设。", [], id="after-a-comma-verb-must-follow"),
    ],
)
def test_inline_attributions_after_a_closing_mark(
    text: str, expected: list[tuple[int, int, int, str]]
) -> None:
    """A closing mark starts a clause only right after a sentence end (`。”`)."""
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        pytest.param("要加强，好", 0, 3, id="comma"),
        pytest.param("甲：乙", 0, 1, id="colon"),
        pytest.param("要加强", 0, 3, id="no-stop"),
        pytest.param("甲，乙丙，丁", 2, 4, id="from-inside"),
        pytest.param("好" * 100, 0, 80, id="no-stop-within-the-limit"),
        pytest.param("好" * 100, 10, 90, id="limit-counted-from-the-start"),
        pytest.param("好" * 79 + "，", 0, 79, id="stop-just-inside-the-limit"),
        pytest.param("好" * 85 + "，", 0, 80, id="stop-past-the-limit"),
        pytest.param("《X》，好", 0, 3, id="latin-letter-in-book-title"),
        pytest.param("《X，好", 0, 4, id="latin-letter-in-unclosed-book-title"),
        pytest.param("《《甲》，乙》，丙", 0, 7, id="nested-book-titles"),
        pytest.param("《甲，乙》好，", 0, 6, id="comma-in-book-title"),
        pytest.param("说“好，的”是，", 0, 7, id="comma-in-quotation"),
        pytest.param("（甲）”乙，丙", 0, 5, id="stray-closing-quote"),
        pytest.param("（好，", 0, 3, id="unclosed-bracket"),
        pytest.param("《甲，乙", 0, 4, id="unclosed-book-title"),
        pytest.param("“好”" + "好" * 90 + "，", 0, 80, id="bracket-then-no-stop-within-the-limit"),
    ],
)
def test_clause_end(text: str, start: int, end: int) -> None:
    assert attribution._clause_end(text, start) == end


@pytest.mark.parametrize(
    ("text", "i", "length"),
    [
        pytest.param("动情地说", 0, 3, id="manner-word"),
        pytest.param("好动情地", 1, 3, id="manner-word-after-the-start"),
        pytest.param("笑着说", 0, 2, id="two-characters"),
        pytest.param("好动情地", 0, 0, id="not-at-i"),
        pytest.param("说", 0, 0, id="verb"),
    ],
)
def test_manner_length(text: str, i: int, length: int) -> None:
    assert attribution._manner_length(text, i) == length


@pytest.mark.parametrize(
    ("text", "k", "expected"),
    [
        pytest.param("柏文峰", 0, True, id="surname"),
        pytest.param("好柏文峰", 1, True, id="surname-after-the-start"),
        pytest.param("好柏文峰", 0, False, id="no-surname"),
        pytest.param("依·好好好", 0, True, id="name-dot"),
        pytest.param("依·好好好", 2, False, id="name-dot-before-k"),
        pytest.param("依依依依·莫", 0, False, id="name-dot-too-far"),
    ],
)
def test_name_may_start(text: str, k: int, expected: bool) -> None:
    assert attribution._name_may_start(text, k) is expected


Shape = tuple[int, int, list[tuple[int, int, int, int]], str, int, int, int]


def _shape(found: tuple[Designation, int] | None) -> Shape | None:
    """(name start, name end, parts, form, extent end, extent start, returned end)."""
    if found is None:
        return None
    d, end = found
    parts = [(p.org_start, p.org_end, p.title_start, p.end) for p in d.parts]
    assert d.doubts == []
    return (d.name_start, d.name_end, parts, d.form, d.extent_end, d.extent_start, end)


@pytest.mark.parametrize(
    ("text", "k", "expected"),
    [
        pytest.param(
            "柏文峰委员（澄江大学校长）说",
            0,
            (0, 3, [(6, 10, 10, 12)], "name_first", 13, 0, 13),
            id="bracketed-position",
        ),
        pytest.param(
            "柏文峰委员（澄江大学校长）",
            0,
            (0, 3, [(6, 10, 10, 12)], "name_first", 13, 0, 13),
            id="bracket-ends-the-text",
        ),
        pytest.param(
            "柏文峰委员说", 0, (0, 3, [(3, 3, 3, 5)], "name_first", 5, 0, 5), id="member-title"
        ),
        pytest.param(
            "柏文峰委员", 0, (0, 3, [(3, 3, 3, 5)], "name_first", 5, 0, 5), id="text-ends"
        ),
        pytest.param(
            "柏宁代表说", 0, (0, 2, [(2, 2, 2, 4)], "name_first", 4, 0, 4), id="two-characters"
        ),
        pytest.param("欧阳文峰委员说", 0, (0, 4, [(4, 4, 4, 6)], "name_first", 6, 0, 6), id="four"),
        pytest.param(
            "会上柏文峰委员说", 2, (2, 5, [(5, 5, 5, 7)], "name_first", 7, 2, 7), id="from-k"
        ),
        pytest.param(
            "柏文峰常委说", 0, (0, 3, [(3, 3, 3, 5)], "name_first", 5, 0, 5), id="changwei"
        ),
        pytest.param(
            "柏文峰委员（澄江大学校长说",
            0,
            (0, 3, [(3, 3, 3, 5)], "name_first", 5, 0, 5),
            id="unclosed-bracket",
        ),
        pytest.param(
            "柏文峰委员（）说",
            0,
            (0, 3, [(3, 3, 3, 5)], "name_first", 7, 0, 7),
            id="empty-bracket-in-the-extent",
        ),
        pytest.param(
            "柏文峰委员（" + "澄" * 50 + "）",
            0,
            (0, 3, [(3, 3, 3, 5)], "name_first", 5, 0, 5),
            id="bracket-closing-too-far",
        ),
        pytest.param(
            "巴莫阿依嫫委员（澄江民族研究所研究员）说",
            0,
            (0, 5, [(8, 15, 15, 18)], "name_first", 19, 0, 19),
            id="five-characters-vouched-by-a-bracket",
        ),
        pytest.param(
            "（会上）柏文峰委员（澄江大学校长）说",
            4,
            (4, 7, [(10, 14, 14, 16)], "name_first", 17, 4, 17),
            id="closing-bracket-before-the-name",
        ),
        pytest.param(
            "柏文峰委员（澄江大学校长）（好）",
            0,
            (0, 3, [(6, 10, 10, 12)], "name_first", 13, 0, 13),
            id="first-closing-bracket",
        ),
        pytest.param("巴莫阿依嫫委员说", 0, None, id="five-characters-without-a-bracket"),
        pytest.param("好好委员说", 0, None, id="no-surname"),
    ],
)
def test_name_first(text: str, k: int, expected: Shape | None) -> None:
    assert _shape(attribution._name_first(text, k)) == expected


@pytest.mark.parametrize(
    ("text", "k", "expected"),
    [
        pytest.param(
            "柏文峰教授认为，要加强",
            0,
            (0, 3, [(3, 3, 3, 5)], "name_first", 5, 0, 5),
            id="title-verb-comma",
        ),
        pytest.param(
            "柏文峰院士说：好", 0, (0, 3, [(3, 3, 3, 5)], "name_first", 5, 0, 5), id="colon"
        ),
        pytest.param(
            "柏宁教授说，好", 0, (0, 2, [(2, 2, 2, 4)], "name_first", 4, 0, 4), id="two-characters"
        ),
        pytest.param(
            "会上柏文峰教授认为，好", 2, (2, 5, [(5, 5, 5, 7)], "name_first", 7, 2, 7), id="from-k"
        ),
        pytest.param(
            "柏文峰副教授认为，好",
            0,
            (0, 3, [(3, 3, 3, 6)], "name_first", 6, 0, 6),
            id="longest-title",
        ),
        pytest.param(
            "柏文峰总工程师认为，好",
            0,
            (0, 3, [(3, 3, 3, 7)], "name_first", 7, 0, 7),
            id="four-character-title",
        ),
        pytest.param("柏文峰总理主持会议", 0, None, id="no-verb"),
        pytest.param("柏文峰教授说好", 0, None, id="verb-without-comma"),
        pytest.param("好好教授认为，好", 0, None, id="no-surname"),
    ],
)
def test_name_then_title(text: str, k: int, expected: Shape | None) -> None:
    assert _shape(attribution._name_then_title(text, k)) == expected


_INTRODUCED = {"柏文峰": (90, 95), "欧阳文峰": (80, 86)}
NameOnly = tuple[int, int, int, int, int, tuple[int, int] | None, tuple[int, int] | None]


def _name_only(text: str, k: int, introduced: dict[str, tuple[int, int]]) -> NameOnly | None:
    """(split, body start, name start, name end, extent end, verb, mention) of a bare name."""
    found = attribution._name_only(Compact(text, ()), k, lambda name, _at: introduced.get(name))
    if found is None:
        return None
    d = found.designation
    assert (d.form, d.reported, d.parts, d.extent_start) == ("name_only", True, [], k)
    assert found.resume == found.body_start
    return (
        found.split,
        found.body_start,
        d.name_start,
        d.name_end,
        d.extent_end,
        d.verb,
        d.mention,
    )


@pytest.mark.parametrize(
    ("text", "k", "introduced", "expected"),
    [
        pytest.param(
            "柏文峰说，好", 0, _INTRODUCED, (0, 5, 0, 3, 3, (3, 4), (90, 95)), id="introduced"
        ),
        pytest.param("柏文峰说，好", 0, {}, None, id="never-introduced-comma"),
        pytest.param(
            "柏文峰说：“好。”", 0, {}, (0, 5, 0, 3, 3, (3, 4), None), id="colon-quotation"
        ),
        pytest.param("柏宁说：“好。”", 0, {}, (0, 4, 0, 2, 2, (2, 3), None), id="two-characters"),
        pytest.param("欧阳文峰说：“好。”", 0, {}, None, id="four-characters-never-introduced"),
        pytest.param(
            "欧阳文峰说：“好。”",
            0,
            _INTRODUCED,
            (0, 6, 0, 4, 4, (4, 5), (80, 86)),
            id="four-characters-introduced",
        ),
        pytest.param(
            "会上，柏文峰说，好", 3, _INTRODUCED, (3, 8, 3, 6, 6, (6, 7), (90, 95)), id="from-k"
        ),
        pytest.param(
            "柏文峰接过话筒：“好。”",
            0,
            _INTRODUCED,
            (0, 8, 0, 3, 3, (3, 7), (90, 95)),
            id="action-before-colon-quotation",
        ),
        pytest.param("柏文峰接过话筒：“好。”", 0, {}, None, id="action-never-introduced"),
        pytest.param(
            "柏文峰" + "看" * 14 + "：“好。”",
            0,
            _INTRODUCED,
            (0, 18, 0, 3, 3, (3, 17), (90, 95)),
            id="longest-action",
        ),
        pytest.param("柏文峰" + "看" * 15 + "：“好。”", 0, _INTRODUCED, None, id="action-too-long"),
        pytest.param(
            "柏文峰：“好。”", 0, _INTRODUCED, (0, 4, 0, 3, 3, None, (90, 95)), id="colon-at-once"
        ),
        pytest.param("柏文峰接过话筒，好。", 0, _INTRODUCED, None, id="no-quotation"),
        pytest.param("柏文峰说好", 0, _INTRODUCED, None, id="verb-without-comma"),
        pytest.param("好好说，好", 0, {"好好": (1, 2)}, None, id="no-surname"),
    ],
)
def test_name_only(
    text: str, k: int, introduced: dict[str, tuple[int, int]], expected: NameOnly | None
) -> None:
    assert _name_only(text, k, introduced) == expected


def test_name_only_needs_the_earlier_mentions() -> None:
    assert attribution._name_only(Compact("柏文峰说：“好。”", ()), 0, None) is None


_PROPOSAL = "柏文峰委员带来了一份提案。"


@pytest.mark.parametrize(
    ("text", "k", "expected"),
    [
        pytest.param(
            "柏文峰代表，是澄江公司董事长，她发言时强调，要创新。", 0, True, id="later-clause"
        ),
        pytest.param("柏文峰委员带来了一份提案，他说，要支持。", 0, True, id="after-a-comma"),
        pytest.param(
            "柏文峰委员写道“好，她认为，行”。会议结束。", 0, False, id="comma-inside-a-quotation"
        ),
        pytest.param("柏文峰委员说”好，她认为，行。", 0, True, id="stray-closing-quote"),
        pytest.param("柏文峰委员写道“好”，她认为，行。", 0, True, id="comma-after-a-quotation"),
        pytest.param(
            "柏文峰委员写道“好”。“要支持。”她说。", 0, True, id="quotation-in-the-first-sentence"
        ),
        pytest.param(_PROPOSAL + "“要支持。”她说：“好。”", 0, True, id="first-of-two-quotations"),
        pytest.param(_PROPOSAL + "“”她说。", 0, True, id="empty-quotation"),
        pytest.param(_PROPOSAL + "她说，要支持。", 0, True, id="next-sentence"),
        pytest.param(_PROPOSAL + "她说。", 0, True, id="shuo-full-stop"),
        pytest.param(_PROPOSAL + "她说明了情况。", 0, False, id="shuoming"),
        pytest.param(_PROPOSAL + "她们说，好。", 0, False, id="plural"),
        pytest.param(_PROPOSAL + "他们说，要支持。", 0, False, id="plural-he"),
        pytest.param(_PROPOSAL + "她笑着说，好。", 0, True, id="manner-word"),
        pytest.param(_PROPOSAL + "她在会上表示，好。", 0, True, id="frame"),
        pytest.param(_PROPOSAL + "“要支持。”她说。", 0, True, id="after-a-quotation"),
        pytest.param(_PROPOSAL + "“要支持。”她表示。", 0, True, id="after-a-quotation-biaoshi"),
        pytest.param(_PROPOSAL + "“好。”会议结束。", 0, False, id="quotation-then-no-pronoun"),
        pytest.param(_PROPOSAL + "“好”", 0, False, id="quotation-ends-the-text"),
        pytest.param("柏文峰委员带来了提案。“要支持", 0, False, id="unclosed-quotation"),
        pytest.param(_PROPOSAL + "“" + "好" * 398 + "”她说。", 0, True, id="longest-quotation"),
        pytest.param(_PROPOSAL + "“" + "好" * 399 + "”她说。", 0, False, id="quotation-too-long"),
        pytest.param(_PROPOSAL + "在她看来，要支持。", 0, True, id="in-her-view"),
        pytest.param(_PROPOSAL + "在他看来，要支持。", 0, True, id="in-his-view"),
        pytest.param(_PROPOSAL + "走访了几个村后，她认为，要支持。", 0, True, id="lead-clause"),
        pytest.param(
            _PROPOSAL + "走访了十一个偏远的村庄后，她认为，要支持。", 0, True, id="lead-clause-12"
        ),
        pytest.param(
            _PROPOSAL + "走访了十一个偏远的小村庄后，她认为，要支持。",
            0,
            False,
            id="lead-clause-13",
        ),
        pytest.param(_PROPOSAL + "走访了几个村后。她认为，好。", 0, False, id="lead-sentence"),
        pytest.param(_PROPOSAL + "走访了村庄。她认为，好。", 0, False, id="second-sentence"),
        pytest.param("柏文峰委员" + "好" * 74 + "。她说，行。", 0, True, id="stop-inside-limit"),
        pytest.param("柏文峰委员" + "好" * 75 + "。她说，行。", 0, False, id="stop-past-limit"),
        pytest.param("会议开始。" + _PROPOSAL + "她说，要支持。", 5, True, id="from-k"),
        pytest.param("会议开始。" + _PROPOSAL + "她说，要支持。", 0, False, id="earlier-sentence"),
        pytest.param("柏文峰委员带来了一份提案", 0, False, id="no-sentence-end"),
        pytest.param(_PROPOSAL, 0, False, id="nothing-after"),
        pytest.param("她是澄江公司董事长。她说，好。", 0, True, id="she-at-the-start"),
        pytest.param("他是澄江公司董事长。他说，好。", 0, True, id="he-at-the-start"),
        pytest.param(
            "柏文峰委员"
            + "好" * 74
            + "。“"
            + "好" * 398
            + "”走访了十一个偏远的村庄后，她认为，要支持。",
            0,
            True,
            id="pronoun-at-the-far-end-of-every-limit",
        ),
    ],
)
def test_pronoun_continues(text: str, k: int, expected: bool) -> None:
    assert attribution._pronoun_continues(text, k) is expected


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        pytest.param("柏宁副教授认为，要加强。", "副教授", id="fu-jiaoshou"),
        pytest.param("柏宁总经理认为，要加强。", "总经理", id="zong-jingli"),
    ],
)
def test_two_character_name_before_a_title_starting_with_fu_or_zong(
    sentence: str, title: str
) -> None:
    assert speakers("会议开始。" + sentence + "\n") == [("柏宁", "name_first", [(None, title)])]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "柏文峰副教授认为，要加强。", ("柏文峰", "副教授"), id="three-characters-fu-jiaoshou"
        ),
        pytest.param("柏宁教授认为，要加强。", ("柏宁", "教授"), id="two-characters-jiaoshou"),
        pytest.param(
            "柏文峰常务副秘书长认为，要加强。", ("柏文峰", "常务副秘书长"), id="six-character-title"
        ),
    ],
)
def test_name_then_title_in_running_text(sentence: str, expected: tuple[str, str]) -> None:
    name, title = expected
    assert speakers("会议开始。" + sentence + "\n") == [(name, "name_first", [(None, title)])]


def test_name_then_a_seven_character_title() -> None:
    assert speakers("会议开始。柏文峰党委常务副书记认为，要加强。\n") == [
        ("柏文峰", "name_first", [(None, "党委常务副书记")])
    ]
