"""Figures read from report prose: values worked out by hand, idioms and dates left alone."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from speechparse.enrichment.figures import (
    _NEXT_NUMBER,
    _NUM,
    _UNIT_RE,
    FigureMatch,
    chinese_to_number,
    find_figures,
)


def _pick(sentence: str, expected_text: str) -> FigureMatch:
    matches = find_figures(sentence)
    for m in matches:
        assert sentence[m.start : m.end] == m.text
    hits = [m for m in matches if m.text == expected_text]
    assert hits, f"{expected_text!r} not found in {[m.text for m in matches]}"
    return hits[0]


# (sentence, expected_text, expected_value, expected_unit, approximate, bound)
# fmt: off
POSITIVE = [
    pytest.param("能从385亿财政收入中拿出30多亿用于实施创新工程", "385亿",
                 38_500_000_000.0, "元", False, None, id="real-385yi-revenue"),
    pytest.param("能从385亿财政收入中拿出30多亿用于实施创新工程", "30多亿",
                 3_000_000_000.0, "元", True, "lower", id="real-30duo-yi"),
    pytest.param("三年来引进了6.93万人", "6.93万人",
                 69_300.0, "人", False, None, id="real-6.93wan-people"),
    pytest.param("三年来引进了6.93万人", "三年",
                 3.0, "年", False, None, id="real-three-years"),
    pytest.param("围绕14个首位产业集群", "14个",
                 14.0, "个", False, None, id="real-14-clusters"),
    pytest.param("调研了20多个地区", "20多个",
                 20.0, "个", True, "lower", id="real-20duo-regions"),
    pytest.param("调研了二十多个地区", "二十多个",
                 20.0, "个", True, "lower", id="cn-ershi-duo"),
    pytest.param("共梳理出二十三项改革任务", "二十三项",
                 23.0, "项", False, None, id="cn-23-items"),
    pytest.param("新建一百零二个服务站", "一百零二个",
                 102.0, "个", False, None, id="cn-102-with-zero"),
    pytest.param("流转土地一万二千亩", "一万二千亩",
                 12_000.0, "亩", False, None, id="cn-12000-mu"),
    pytest.param("帮扶两千多户困难家庭", "两千多户",
                 2000.0, "户", True, "lower", id="cn-liang-qian-duo"),
    pytest.param("吸引游客七十多万人次", "七十多万人次",
                 700_000.0, "人次", True, "lower", id="cn-70duo-wan-visits"),
    pytest.param("十年来持续推进", "十年",
                 10.0, "年", False, None, id="cn-leading-shi"),
    pytest.param("争取上级资金1.2亿元", "1.2亿元",
                 120_000_000.0, "元", False, None, id="decimal-yi-yuan"),
    pytest.param("新增就业3.5万人", "3.5万人",
                 35_000.0, "人", False, None, id="decimal-wan-people"),
    pytest.param("全年完成1,234.5万元", "1,234.5万元",
                 12_345_000.0, "元", False, None, id="thousands-separator"),
    pytest.param("培训３００名技术骨干", "３００名",
                 300.0, "名", False, None, id="fullwidth-digits"),
    pytest.param("营收突破5000万", "5000万",
                 50_000_000.0, "元", False, None, id="wan-inferred-from-yingshou"),
    pytest.param("常住人口1200万", "1200万",
                 12_000_000.0, None, False, None, id="wan-no-money-context"),
    pytest.param("引进企业10余家", "10余家",
                 10.0, "家", True, "lower", id="yu-lower"),
    pytest.param("近3000人参加活动", "3000人",
                 3000.0, "人", True, "upper", id="jin-upper"),
    pytest.param("约200家企业参展", "200家",
                 200.0, "家", True, None, id="yue-approx"),
    pytest.param("到场群众3000人左右", "3000人",
                 3000.0, "人", True, None, id="zuoyou-approx"),
    pytest.param("惠及60岁以上老人", "60岁",
                 60.0, "岁", True, "lower", id="yishang-lower"),
    pytest.param("超过500名志愿者", "500名",
                 500.0, "名", True, "lower", id="chaoguo-lower"),
    pytest.param("逾1万人次参观", "1万人次",
                 10_000.0, "人次", True, "lower", id="yu-prefix-lower"),
    pytest.param("不到10%的企业", "10%",
                 10.0, "%", True, "upper", id="budao-upper"),
    pytest.param("占比不足两成", "两成",
                 0.2, "成", True, "upper", id="buzu-ratio-upper"),
    pytest.param("控制在百元以内", "百元",
                 100.0, "元", True, "upper", id="bai-yuan-yinei"),
    pytest.param("研发投入占比达88.6%", "88.6%",
                 88.6, "%", False, None, id="percent-ascii"),
    pytest.param("满意度达到88.6％", "88.6％",
                 88.6, "%", False, None, id="percent-fullwidth"),
    pytest.param("同比增长百分之三十", "百分之三十",
                 30.0, "%", False, None, id="percent-baifenzhi"),
    pytest.param("提高3个百分点", "3个百分点",
                 3.0, "百分点", False, None, id="percentage-points"),
    pytest.param("下降三点五个百分点", "三点五个百分点",
                 3.5, "百分点", False, None, id="cn-decimal-points"),
    pytest.param("增长2.5倍", "2.5倍",
                 2.5, "倍", False, None, id="times"),
    pytest.param("七成以上的企业", "七成",
                 0.7, "成", True, "lower", id="cheng-ratio-lower"),
    pytest.param("新增5至8家", "5至8家",
                 5.0, "家", False, "range", id="range-arabic-zhi"),
    pytest.param("培育五至八家龙头企业", "五至八家",
                 5.0, "家", False, "range", id="range-cn-zhi"),
    pytest.param("用3-5年时间", "3-5年",
                 3.0, "年", False, "range", id="range-hyphen-years"),
    pytest.param("计划投资3至5亿元", "3至5亿元",
                 300_000_000.0, "元", False, "range", id="range-shared-magnitude"),
    pytest.param("年均增长10%-20%", "10%-20%",
                 10.0, "%", False, "range", id="range-percent"),
    pytest.param("走访了三四个村", "三四个",
                 3.0, "个", True, "range", id="range-adjacent-digits"),
    pytest.param("涉及十几个部门", "十几个",
                 10.0, "个", True, "lower", id="shi-ji"),
    pytest.param("前后花了3个多月", "3个多月",
                 3.0, "月", True, "lower", id="ge-duo-yue"),
    pytest.param("奋斗了一年多", "一年多",
                 1.0, "年", True, "lower", id="yi-nian-duo"),
    pytest.param("谈三点感受", "三点",
                 3.0, "点", False, None, id="san-dian-count"),
    pytest.param("新增装机三百万千瓦", "三百万千瓦",
                 3_000_000.0, "千瓦", False, None, id="unit-starting-with-qian"),
    pytest.param("不超过5家", "5家",
                 5.0, "家", True, "upper", id="prefix-at-text-start"),
    pytest.param("新增5家以上", "5家",
                 5.0, "家", True, "lower", id="suffix-at-text-end"),
    pytest.param("5家", "5家",
                 5.0, "家", False, None, id="figure-is-whole-text"),
    pytest.param("其中许多5家企业", "5家",
                 5.0, "家", False, None, id="prefix-last-char-without-prefix"),
    pytest.param("新增5家上市企业", "5家",
                 5.0, "家", False, None, id="suffix-first-char-without-suffix"),
]
# fmt: on


@pytest.mark.parametrize(
    ("sentence", "expected_text", "expected_value", "expected_unit", "approximate", "bound"),
    POSITIVE,
)
def test_figure_is_found(
    sentence: str,
    expected_text: str,
    expected_value: float,
    expected_unit: str | None,
    approximate: bool,
    bound: str | None,
) -> None:
    m = _pick(sentence, expected_text)
    assert m.value == pytest.approx(expected_value)
    assert m.unit == expected_unit
    assert m.approximate is approximate
    assert m.bound == bound


@pytest.mark.parametrize(
    ("sentence", "expected_text", "kind", "inferred"),
    [
        pytest.param(
            "能从385亿财政收入中拿出30多亿", "385亿", "amount", True, id="amount-inferred"
        ),
        pytest.param("争取上级资金1.2亿元", "1.2亿元", "amount", False, id="amount-written"),
        pytest.param("引进了6.93万人", "6.93万人", "count", False, id="count"),
        pytest.param("同比增长百分之三十", "百分之三十", "percent", False, id="percent"),
        pytest.param("用3-5年时间", "3-5年", "duration", False, id="duration"),
        pytest.param("七成以上的企业", "七成", "ratio", False, id="ratio"),
        pytest.param("流转土地一万二千亩", "一万二千亩", "other", False, id="measure-is-other"),
        pytest.param("常住人口1200万", "1200万", "other", False, id="bare-is-other"),
    ],
)
def test_kind_and_inferred_unit(
    sentence: str, expected_text: str, kind: str, inferred: bool
) -> None:
    m = _pick(sentence, expected_text)
    assert m.kind == kind
    assert m.inferred_unit is inferred


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("一把手高位推动", id="yibashou"),
        pytest.param("第一时间到现场", id="ordinal-diyi"),
        pytest.param("一是加快技术改造", id="yi-shi"),
        pytest.param("二要强化要素保障", id="er-yao"),
        pytest.param("“十四五”规划", id="quoted-plan-name"),
        pytest.param("十四五时期", id="plan-name-unquoted"),
        pytest.param("2018年成立以来", id="year"),
        pytest.param("二〇一八年成立以来", id="cn-year"),
        pytest.param("2018—2020年行动计划", id="year-range"),
        pytest.param("3月18日召开", id="month-day"),
        pytest.param("三月十八日召开", id="cn-month-day"),
        pytest.param("一方面要引进人才", id="yi-fangmian"),
        pytest.param("统一招商", id="tongyi"),
        pytest.param("推进区域一体化发展", id="yitihua"),
        pytest.param("出台一系列举措", id="yixilie"),
        pytest.param("落地一批项目", id="yipi"),
        pytest.param("打造一流营商环境", id="yiliu"),
        pytest.param("这是其中之一", id="zhiyi"),
        pytest.param("万一出现问题", id="wanyi"),
        pytest.param("这项工作十分重要", id="shifen"),
        pytest.param("全国两会期间", id="lianghui"),
        pytest.param("走进千家万户", id="qianjia-wanhu"),
        pytest.param("党的十九届四中全会", id="jie-ordinal"),
        pytest.param("十四届全国人大二次会议", id="ci-huiyi-ordinal"),
        pytest.param("建设5G网络", id="5g"),
        pytest.param("涉及几十个部门", id="jishi-vague"),
        pytest.param("一些地方一直一样一起一律一定要", id="yi-words"),
        pytest.param("上世纪80年代", id="decade"),
        pytest.param("上午9时30分", id="clock-time"),
        pytest.param("一点一滴做起", id="yidian-yidi"),
        pytest.param("三五成群", id="sanwu-chengqun"),
        pytest.param("一成不变", id="yicheng-bubian"),
        pytest.param("这是一个重要机遇", id="indefinite-yige"),
        pytest.param("“五位一体”总体布局", id="quoted-slogan"),
    ],
)
def test_not_a_figure(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("numeral", "expected"),
    [
        pytest.param("二十三", 23.0, id="ershisan"),
        pytest.param("一百零二", 102.0, id="yibai-ling-er"),
        pytest.param("一万二千", 12_000.0, id="yiwan-erqian"),
        pytest.param("两千", 2_000.0, id="liangqian"),
        pytest.param("十", 10.0, id="shi"),
        pytest.param("十五", 15.0, id="shiwu"),
        pytest.param("一百一十", 110.0, id="yibai-yishi"),
        pytest.param("一千零五", 1_005.0, id="yiqian-ling-wu"),
        pytest.param("两千五", 2_500.0, id="colloquial-liangqian-wu"),
        pytest.param("一万二", 12_000.0, id="colloquial-yiwan-er"),
        pytest.param("三亿五千万", 350_000_000.0, id="sanyi-wuqianwan"),
        pytest.param("一万亿", 1_000_000_000_000.0, id="yiwanyi"),
        pytest.param("亿", 100_000_000.0, id="bare-yi-hundred-million"),
        pytest.param("亿万", None, id="yiwan-countless-word"),
        pytest.param("亿三", None, id="yi-first-then-digit"),
        pytest.param("一亿二", 120_000_000.0, id="colloquial-yiyi-er"),
        pytest.param("三亿零五", 300_000_005.0, id="sanyi-ling-wu"),
        pytest.param("二〇一八", 2_018.0, id="digit-by-digit"),
        pytest.param("三点五", 3.5, id="cn-decimal"),
        pytest.param("零", 0.0, id="zero"),
        pytest.param("3.5万", 35_000.0, id="mixed-arabic-wan"),
        pytest.param("十四五", None, id="plan-name-is-not-a-number"),
        pytest.param("万一", None, id="wanyi-word"),
        pytest.param("一百零", None, id="dangling-zero"),
        pytest.param("三成", None, id="ratio-not-a-numeral"),
        pytest.param("", None, id="empty"),
        pytest.param("abc", None, id="latin"),
    ],
)
def test_chinese_to_number(numeral: str, expected: float | None) -> None:
    assert chinese_to_number(numeral) == expected


def test_several_figures_in_one_sentence_in_order() -> None:
    s = "能从385亿财政收入中拿出30多亿用于实施创新工程，三年来引进了6.93万人"
    assert [m.text for m in find_figures(s)] == ["385亿", "30多亿", "三年", "6.93万人"]


def test_money_inference_stays_within_the_sentence() -> None:
    s = "财政收入增长较快。常住人口达到1200万。"
    (m,) = find_figures(s)
    assert m.text == "1200万"
    assert m.unit is None
    assert m.inferred_unit is False


def test_long_inputs_do_not_blow_up() -> None:
    for text in ("1" * 50_000, "一" * 50_000, "1,000" * 10_000, "三十多万人次，" * 5_000):
        for m in find_figures(text):
            assert text[m.start : m.end] == m.text


_ALPHABET = st.sampled_from(
    list("0123456789０１２３４５６７８９.．,，%％-—至到")
    + list("零〇一二两三四五六七八九十百千万亿点多余几近约超逾第统之“”")
    + list("元人个项家年月日号时成倍亩公里分次会议左右以上下不到足财政收入。；\n aG")
)
_TEXT = st.one_of(st.text(_ALPHABET, max_size=80), st.text(max_size=80))

_KINDS = {"amount", "count", "percent", "duration", "ratio", "other"}
_BOUNDS = {None, "lower", "upper", "range"}


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_any_text_gives_grounded_ordered_matches(text: str) -> None:
    matches = find_figures(text)
    previous_end = 0
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end
        previous_end = m.end
        assert isinstance(m.value, float)
        assert m.kind in _KINDS
        assert m.bound in _BOUNDS
        assert m.inferred_unit is False or m.unit == "元"


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_chinese_to_number_never_raises(text: str) -> None:
    value = chinese_to_number(text)
    assert value is None or isinstance(value, float)


# Percent words, colloquial ranges, year pairs and the money sentence, worked out by hand:
# (sentence, [(text, start, end, value, unit, approximate, bound)]) for every figure found.
# fmt: off
WHOLE_SENTENCES = [
    ("占比达到百分之三十", [("百分之三十", 4, 9, 30.0, "%", False, None)]),
    ("占比达到百分之30", [("百分之30", 4, 9, 30.0, "%", False, None)]),
    ("占比达到百分之三十多", [("百分之三十多", 4, 10, 30.0, "%", True, "lower")]),
    ("占比达到百分之三十几", [("百分之三十几", 4, 10, 30.0, "%", True, "lower")]),
    ("占比达到千分之五", [("千分之五", 4, 8, 5.0, "‰", False, None)]),
    ("占比超过百分之三十", [("百分之三十", 4, 9, 30.0, "%", True, "lower")]),
    ("占比百分之三十以上", [("百分之三十", 2, 7, 30.0, "%", True, "lower")]),
    ("占比百分之三十左右", [("百分之三十", 2, 7, 30.0, "%", True, None)]),
    ("用了三五年", [("三五年", 2, 5, 3.0, "年", True, "range")]),
    ("增加三四十万人", [("三四十万人", 2, 7, 300_000.0, "人", True, "range")]),
    ("在2018-2020期间", []),
    ("增加一万零五百人", [("一万零五百人", 2, 8, 10_500.0, "人", False, None)]),
    ("增加385亿。资金到位。", [("385亿", 2, 6, 38_500_000_000.0, None, False, None)]),
    ("缴税。增加385亿。", [("385亿", 5, 9, 38_500_000_000.0, None, False, None)]),
    ("好。税收增加385亿。", [("385亿", 6, 10, 38_500_000_000.0, "元", False, None)]),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), WHOLE_SENTENCES)
def test_every_figure_of_a_sentence(
    sentence: str, expected: list[tuple[str, int, int, float, str | None, bool, str | None]]
) -> None:
    found = [
        (f.text, f.start, f.end, f.value, f.unit, f.approximate, f.bound)
        for f in find_figures(sentence)
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("numeral", "value"), [("一八", 18.0), ("〇五", 5.0), ("二〇一八", 2018.0), (5, None)]
)
def test_digit_by_digit_numerals(numeral: object, value: float | None) -> None:
    assert chinese_to_number(numeral) == value  # type: ignore[arg-type]


# Magnitude words alone and around 零, elided tails, and strings that only look like numerals.
@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("万", 10_000.0),
        ("亿", 100_000_000.0),
        ("一亿二", 120_000_000.0),
        ("一亿零五百万", 105_000_000.0),
        ("一百零五", 105.0),
        ("一百十", 110.0),
        ("万一", None),
        ("亿万", None),
        ("十十", None),
        ("一千百", None),
        ("零一百", None),
        ("一万十四五", None),
        ("一亿十四五", None),
    ],
)
def test_structured_numerals(numeral: str, value: float | None) -> None:
    assert chinese_to_number(numeral) == value


def _stops(text: str) -> list[tuple[int, int]]:
    """The numbers the scanner stops at, moving on from the end of each."""
    stops, pos = [], 0
    while (m := _NEXT_NUMBER.match(text, pos)) is not None:
        stops.append(m.span(m.lastgroup or 0))
        pos = m.end()
    return stops


def _stops_by_the_rule(text: str) -> list[tuple[int, int]]:
    """The same, spelled out: every number, less the Chinese numerals that are surely words
    (no 百千万亿 in them, and neither a unit, a qualifier, a magnitude nor a range separator
    after them), each passed over whole."""
    every = regex.compile(r"(?P<pct>百分之|千分之)|" + _NUM.pattern)
    stops, pos = [], 0
    while (m := every.search(text, pos)) is not None:
        pos = m.end()
        if m.lastgroup == "cn" and not any(c in "百千万亿" for c in m.group()):
            after = text[pos : pos + 1]
            if after == "" or (
                after not in "多余几万亿至到-－~～—–〜" and not _UNIT_RE.match(text, pos)
            ):
                continue
        stops.append(m.span())
    return stops


@pytest.mark.parametrize(
    ("text", "stops"),
    [
        ("一是抓落实", []),  # a word
        ("一个", [(0, 1)]),  # a unit follows
        ("三点五个", [(0, 3)]),  # a decimal, then a unit
        ("三点五", []),  # the decimal taken whole: not 三 before the unit 点
        ("十四五规划", []),
        ("五点七万", [(0, 3), (3, 4)]),  # a magnitude after the decimal (then 万 on its own)
        ("三至五年", [(0, 1), (2, 3)]),  # a range separator; then a unit
        ("两千瓦", [(0, 2)]),  # holds 千 (read, then cut before the unit)
        ("百分之三", [(0, 3)]),
        ("12次", [(0, 2)]),
        ("二三", []),
        ("三点五十个", [(3, 4)]),  # the word 三点五 stepped over whole: 十个, not 五十个
        ("三点五五十个", [(4, 5)]),
        ("一是3个", [(2, 3)]),
        ("3万五个", [(0, 1), (1, 3)]),  # no reader here to take 万 as the magnitude of 3
        ("一", []),  # the end of the text
    ],
)
def test_scanner_stops(text: str, stops: list[tuple[int, int]]) -> None:
    assert _stops(text) == stops == _stops_by_the_rule(text)


@given(
    st.text(
        alphabet="0１9.,．百分之千万亿零〇一二两三四五六七八九十点年个月瓦%多至-甲 ", max_size=40
    )
)
def test_scanner_stops_where_the_rule_says(text: str) -> None:
    assert _stops(text) == _stops_by_the_rule(text)


# (text, figures as (text, start, end, approximate, bound)): a qualifier word is not one when
# it ends a longer word (最近, 节约, 赶超), and a bare 一 counts only with a unit that suits it
# and no character before it that makes it part of a word (统一, 之一). The character at the
# far end of the text must not be taken for the one before a qualifier at offset 0.
QUALIFIER_AND_YI_CASES: list[tuple[str, list[tuple[str, int, int, bool, str | None]]]] = [
    ("近3年增长", [("3年", 1, 3, True, "upper")]),
    ("最近3年增长", [("3年", 2, 4, False, None)]),
    ("近3年增长最", [("3年", 1, 3, True, "upper")]),
    ("约5吨", [("5吨", 1, 3, True, None)]),
    ("节约5吨", [("5吨", 2, 4, False, None)]),
    ("超3吨", [("3吨", 1, 3, True, "lower")]),
    ("赶超3吨", [("3吨", 2, 4, False, None)]),
    ("一年来", [("一年", 0, 2, False, None)]),
    ("一年来统", [("一年", 0, 2, False, None)]),
    ("用了一年", [("一年", 2, 4, False, None)]),
    ("统一年度", []),
    ("之一年", []),
]


@pytest.mark.parametrize(("text", "expected"), QUALIFIER_AND_YI_CASES)
def test_qualifiers_and_a_bare_yi_read_their_neighbours(
    text: str, expected: list[tuple[str, int, int, bool, str | None]]
) -> None:
    found = [(f.text, f.start, f.end, f.approximate, f.bound) for f in find_figures(text)]
    assert found == expected
