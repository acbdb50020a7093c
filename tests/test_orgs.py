from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechparse.enrichment.organizations import (
    _SEARCHES_PER_NAME,
    LEVELS,
    HomePlace,
    _is_generic,
    _occurrences,
    infer_home,
    resolve_organization,
)

ANQING = HomePlace("安庆市", "municipal", 0, 3, "test")
LUTING = HomePlace("芦汀市", "municipal", 0, 3, "test")
CHENGCHUAN = HomePlace("澄川县", "county", 0, 3, "test")

# org, home, expected full_name (None = cannot be completed), expected level
ORG_CASES: list[tuple[str, HomePlace | None, str | None, str]] = [
    ("市委组织部", ANQING, "安庆市委组织部", "party"),
    ("市科技局", ANQING, "安庆市科技局", "municipal"),
    ("市纪委监委", ANQING, "安庆市纪委监委", "party"),
    ("市高教工委", ANQING, "安庆市高教工委", "party"),
    ("市委教育工委", ANQING, "安庆市委教育工委", "party"),
    ("市委编办", ANQING, "安庆市委编办", "party"),
    ("市经济和信息化局", ANQING, "安庆市经济和信息化局", "municipal"),
    ("市人力资源和社会保障局", ANQING, "安庆市人力资源和社会保障局", "municipal"),
    ("市科协", ANQING, "安庆市科协", "association"),
    ("市人大", ANQING, "安庆市人大", "legislature"),
    ("市人大常委会", LUTING, "芦汀市人大常委会", "legislature"),
    ("市政协", ANQING, "安庆市政协", "cppcc"),
    ("市委", LUTING, "芦汀市委", "party"),
    ("市政府", LUTING, "芦汀市政府", "municipal"),
    ("市立医院", LUTING, "芦汀市立医院", "hospital"),
    ("市城投集团", LUTING, "芦汀市城投集团", "enterprise"),
    ("安庆师范大学", ANQING, "安庆师范大学", "university"),
    ("安庆职院", ANQING, "安庆职院", "university"),
    ("怀宁县", ANQING, "怀宁县", "county"),
    ("潜山市", ANQING, "潜山市", "municipal"),
    ("岳西县", ANQING, "岳西县", "county"),
    ("岳西县科技局", ANQING, "岳西县科技局", "county"),
    ("岳西县委农办", ANQING, "岳西县委农办", "party"),
    ("县委农办", ANQING, None, "party"),
    ("县科技局", ANQING, None, "county"),
    ("省科技厅", ANQING, None, "provincial"),
    ("县委农办", CHENGCHUAN, "澄川县委农办", "party"),
    ("县人大", CHENGCHUAN, "澄川县人大", "legislature"),
    ("市委组织部", None, None, "party"),
    ("市科技局", None, None, "municipal"),
    ("安庆师范大学", None, "安庆师范大学", "university"),
    ("科技局", ANQING, None, "unknown"),
    ("芦汀市城市建设投资集团有限公司", LUTING, "芦汀市城市建设投资集团有限公司", "enterprise"),
    ("皖江数控装备股份有限公司", LUTING, "皖江数控装备股份有限公司", "enterprise"),
    ("中国银行芦汀分行", LUTING, "中国银行芦汀分行", "enterprise"),
    ("芦汀农商银行", LUTING, "芦汀农商银行", "enterprise"),
    ("芦汀市第一人民医院", LUTING, "芦汀市第一人民医院", "hospital"),
    ("市中医院", LUTING, "芦汀市中医院", "hospital"),
    ("芦汀市工商联", LUTING, "芦汀市工商联", "association"),
    ("青溪镇", LUTING, "青溪镇", "township"),
    ("青溪镇人民政府", LUTING, "青溪镇人民政府", "township"),
    ("柳湾村", LUTING, "柳湾村", "village"),
    ("国家发展改革委", LUTING, "国家发展改革委", "national"),
    ("", LUTING, None, "unknown"),
]


@pytest.mark.parametrize(("org", "home", "full_name", "level"), ORG_CASES)
def test_resolve_organization(
    org: str, home: HomePlace | None, full_name: str | None, level: str
) -> None:
    result = resolve_organization(org, home)
    assert result.full_name == full_name
    assert result.level == level
    assert result.level in LEVELS
    if full_name is None:
        assert result.reason
    else:
        assert result.reason is None


def test_county_designation_under_municipal_home_says_why() -> None:
    result = resolve_organization("县委农办", ANQING)
    assert result.full_name is None
    assert result.reason is not None and "county" in result.reason


def _check_span(home: HomePlace, text: str) -> None:
    assert text[home.start : home.end] in (home.name, home.name[:-1])
    assert home.reason


def test_infer_home_most_frequent_city() -> None:
    text = (
        "芦汀市委书记到会讲话。今年芦汀经济稳中有进,芦汀干部作风扎实。"
        "青川市代表介绍了经验。市科技局要服务芦汀市首位产业,芦汀市财政局要保障投入。"
    )
    home = infer_home(text)
    assert home is not None
    assert (home.name, home.level) == ("芦汀市", "municipal")
    assert (home.start, home.end) == (0, 3)
    _check_span(home, text)


def test_infer_home_ignores_the_visit_destination() -> None:
    title = "市党政考察团赴青川市考察 青川市数字经济发展之讨论发言摘要"
    text = (
        "这次到青川市考察学习,青川市的做法值得借鉴。青川市抓创新站位高,青川市人才聚集。"
        "反观芦汀市实际,芦汀市要加快追赶。"
    )
    home = infer_home(text, title)
    assert home is not None
    assert home.name == "芦汀市"
    assert text[home.start : home.end] == "芦汀市"


def test_infer_home_prefers_the_title() -> None:
    title = "芦汀市优化营商环境专题协商会发言摘登"
    text = "学习青川市经验,青川市营商环境好,青川市服务优。芦汀市要对标,芦汀市要补短板。"
    home = infer_home(text, title)
    assert home is not None and home.name == "芦汀市"


def test_infer_home_county_when_text_says_our_county() -> None:
    text = (
        "我县坚持创新。澄川县科技局、澄川县财政局联合发力,澄川县企业增长快。"
        "我县要争当芦汀市排头兵,为芦汀市发展作贡献。我县将继续努力。"
    )
    home = infer_home(text)
    assert home is not None
    assert (home.name, home.level) == ("澄川县", "county")


def test_infer_home_skips_generic_nouns_and_verbs() -> None:
    text = (
        "创建全国文明城市,巩固文明城市成果,建设文明城市。通过市校合作,推动市委部署,"
        "推动市政府落实。芦汀市要努力,芦汀市要奋进。"
    )
    home = infer_home(text)
    assert home is not None and home.name == "芦汀市"


def test_infer_home_three_character_name() -> None:
    text = "青石岭市召开会议。推进青石岭市高质量发展,青石岭干部要担当。"
    home = infer_home(text)
    assert home is not None and home.name == "青石岭市"
    assert (home.start, home.end) == (0, 4)


def test_infer_home_tie_goes_to_first() -> None:
    text = "芦汀市和青川市。芦汀市与青川市。"
    home = infer_home(text)
    assert home is not None and home.name == "芦汀市"


def test_infer_home_none_without_repetition() -> None:
    assert infer_home("芦汀市的发展很好。青川市也不错。") is None
    assert infer_home("") is None
    assert infer_home("我市要加快发展,我市要勇争先。") is None


_HOME_ALPHABET = list("市县区省我全芦汀青川赴到考察委局城明文 ，。")


@given(st.text(alphabet=st.sampled_from(_HOME_ALPHABET), max_size=60))
def test_infer_home_never_raises(text: str) -> None:
    home = infer_home(text, text[:10])
    if home is not None:
        assert text[home.start : home.end] in (home.name, home.name[:-1])


@given(st.text(max_size=20))
def test_resolve_never_raises(org: str) -> None:
    result = resolve_organization(org, ANQING)
    assert result.level in LEVELS


def _kind_by_scan(org: str) -> str:
    """The kind as the suffix list reads it: the first of the longest-first suffixes that
    ends ``org``."""
    from speechparse.enrichment.organizations import _org_levels

    return next((level for suffix, level in _org_levels() if org.endswith(suffix)), "unknown")


@given(
    st.lists(
        st.sampled_from(["市", "县", "委", "局", "办", "会", "常委", "协", "集团", "院", "某"]),
        min_size=0,
        max_size=6,
    ).map("".join)
)
def test_kind_is_the_longest_listed_suffix(org: str) -> None:
    from speechparse.enrichment.organizations import _kind

    assert _kind(org) == _kind_by_scan(org)


@pytest.mark.parametrize(
    ("org", "kind"),
    [("市委组织部", "party"), ("市科协", "association"), ("某", "unknown"), ("", "unknown")],
)
def test_kind_table(org: str, kind: str) -> None:
    from speechparse.enrichment.organizations import _kind

    assert _kind(org) == kind


def _each_found(text: str, name: str) -> list[int]:
    """Non-overlapping starts, left to right, by the definition (str.find from each end)."""
    starts, at = [], text.find(name)
    while at >= 0:
        starts.append(at)
        at = text.find(name, at + len(name))
    return starts


# (text, names): three-character names are read off their two-character tail's occurrences
# unless the tail can overlap itself (甲甲), so both kinds are here.
OCCURRENCE_CASES: list[tuple[str, set[str]]] = [
    ("宿松县合宿松宿松合宿松县", {"宿松", "合宿松"}),
    ("合宿松", {"合宿松"}),  # no tail among the names: searched for itself
    ("宿松", {"宿松", "合宿松"}),  # tail at the very start: no room for the head
    ("乙甲甲甲甲乙甲甲", {"甲甲", "乙甲甲"}),  # the tail overlaps itself
    ("甲乙甲乙甲乙", {"乙甲", "甲乙甲"}),  # the name overlaps itself
    ("", {"宿松", "合宿松"}),
]


@pytest.mark.parametrize(("text", "names"), OCCURRENCE_CASES)
def test_occurrences(text: str, names: set[str]) -> None:
    assert _occurrences(text, names) == {name: _each_found(text, name) for name in names}


# Names that never occur in texts over 甲乙丙: added to go past the number of names searched
# one by one, so the single pass over the text that replaces the searches is checked too.
_ABSENT = {f"丁{chr(0x4E00 + k)}" for k in range(_SEARCHES_PER_NAME + 1)}


@pytest.mark.parametrize(("text", "names"), OCCURRENCE_CASES)
def test_occurrences_past_the_search_limit(text: str, names: set[str]) -> None:
    found = _occurrences(text, names | _ABSENT)
    assert found == {name: _each_found(text, name) for name in names | _ABSENT}


@given(
    st.text(alphabet="甲乙丙", max_size=30),
    st.sets(st.text(alphabet="甲乙丙", min_size=2, max_size=3), max_size=8),
    st.booleans(),
)
def test_occurrences_match_a_search_per_name(text: str, names: set[str], many: bool) -> None:
    names = names | _ABSENT if many else names
    assert _occurrences(text, names) == {name: _each_found(text, name) for name in names}


# (text, offset of a level character, whether it ends a listed common noun)
GENERIC_CASES: list[tuple[str, int, bool]] = [
    ("超市", 1, True),  # the noun is the whole text before the offset
    ("市", 0, False),  # no room for any noun
    ("建设文明城市", 5, True),  # a four-character noun
    ("明城市", 2, False),  # its tail only: not listed
    ("芦汀市", 2, False),
    ("旅游景区", 3, True),
]


@pytest.mark.parametrize(("text", "at", "expected"), GENERIC_CASES)
def test_is_generic(text: str, at: int, expected: bool) -> None:
    assert _is_generic(text, at) is expected
