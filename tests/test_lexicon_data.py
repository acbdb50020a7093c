"""Properties of the word lists under ``speechparse/data`` (see ``speechparse.core.lexicon``)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import resources

import pytest

from speechparse.core import lexicon as lexicon_module
from speechparse.core.lexicon import load_words, longest_ending, longest_first, word_pattern

WORD_LISTS = (
    "titles",
    "surnames",
    "compound_surnames",
    "byline_roles",
    "photo_roles",
    "editor_roles",
    "unit_suffixes",
)
LEVELS = {"provincial", "municipal", "county", "district", "township", "village"}
CJK = re.compile(r"[\u4e00-\u9fff]")
DATA = resources.files("speechparse").joinpath("data")
# The only ASCII allowed in a word list: the slash of 文/图 in byline_roles.
ALLOWED_ASCII = {"byline_roles": {"/"}}


def raw_entries(name: str) -> list[str]:
    """Entries as they appear in the file, duplicates kept."""
    text = DATA.joinpath(f"{name}.txt").read_text("utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [e for e in entries if e]


@pytest.mark.parametrize("name", [*WORD_LISTS, "place_levels"])
def test_file_opens_with_header_and_has_no_duplicates(name: str) -> None:
    text = DATA.joinpath(f"{name}.txt").read_text("utf-8")
    assert text.splitlines()[0].startswith("#")
    entries = raw_entries(name)
    assert entries
    dups = sorted({e for e in entries if entries.count(e) > 1})
    assert not dups, dups
    assert tuple(entries) == load_words(name)


@pytest.mark.parametrize("name", WORD_LISTS)
def test_entries_are_cjk_without_whitespace_or_stray_ascii(name: str) -> None:
    allowed = ALLOWED_ASCII.get(name, set())
    for entry in load_words(name):
        assert not any(ch.isspace() for ch in entry), entry
        assert all(not ch.isascii() or ch in allowed for ch in entry), entry
        assert CJK.search(entry), entry


@pytest.mark.parametrize(
    ("name", "minimum"),
    [
        ("titles", 400),
        ("surnames", 450),
        ("compound_surnames", 80),
        ("unit_suffixes", 120),
        ("byline_roles", 20),
        ("photo_roles", 5),
        ("editor_roles", 15),
    ],
)
def test_list_sizes(name: str, minimum: int) -> None:
    assert len(load_words(name)) >= minimum


@pytest.mark.parametrize(("name", "length"), [("surnames", 1), ("compound_surnames", 2)])
def test_surname_lengths(name: str, length: int) -> None:
    for entry in load_words(name):
        assert len(entry) == length and all(CJK.fullmatch(ch) for ch in entry), entry


def test_single_and_compound_surnames_do_not_overlap() -> None:
    assert not set(load_words("surnames")) & set(load_words("compound_surnames"))
    assert "皇" not in load_words("surnames")


@pytest.mark.parametrize(
    ("name", "anchors"),
    [
        (
            "titles",
            "局长 副局长 常务副部长 党委常委 党委书记 党组成员 专职副书记 专职副主委 县长 副县长 "
            "常务副市长 董事长 总经理 教授 主任医师 代表 网格员 律师",
        ),
        ("surnames", "王 李 张 刘 陈 欧 万 冉 邝 晏 蓝 柯 戴 常 卜 邬 项 甄 宫 郁 滕"),
        ("compound_surnames", "欧阳 诸葛 上官 司马 皇甫 慕容 端木 澹台 万俟 钟离"),
        ("byline_roles", "全媒体记者 融媒体记者 本报记者 记者 通讯员 实习生 整理 撰稿 执笔 文/图"),
        ("photo_roles", "摄 摄影 图 供图 摄像"),
        ("editor_roles", "编辑 责任编辑 责编 一审 二审 三审 校对 值班编委 监制"),
        (
            "unit_suffixes",
            "局 委 中心 公司 大学 政府 管委会 党工委 街道 社区 县 自治区 工商联 高新区",
        ),
    ],
)
def test_anchor_entries_present(name: str, anchors: str) -> None:
    missing = [a for a in anchors.split() if a not in load_words(name)]
    assert not missing, missing


@pytest.mark.parametrize(("other", "word"), [("photo_roles", "摄"), ("photo_roles", "图")])
def test_photo_words_are_not_byline_roles(other: str, word: str) -> None:
    assert word in load_words(other)
    assert word not in load_words("byline_roles")
    assert not set(load_words("byline_roles")) & set(load_words("photo_roles"))


def test_place_levels_are_suffix_tab_level() -> None:
    suffixes = []
    for line in load_words("place_levels"):
        fields = line.split("\t")
        assert len(fields) == 2, line
        suffix, level = fields
        assert suffix and all(CJK.fullmatch(ch) for ch in suffix), line
        assert level in LEVELS, line
        suffixes.append(suffix)
    assert len(suffixes) == len(set(suffixes))
    levels = dict(line.split("\t") for line in load_words("place_levels"))
    expected = {
        "省": "provincial",
        "自治区": "provincial",
        "市": "municipal",
        "县": "county",
        "旗": "county",
        "区": "district",
        "镇": "township",
        "街道": "township",
        "村": "village",
        "社区": "village",
    }
    for suffix, level in expected.items():
        assert levels[suffix] == level, suffix


@pytest.mark.parametrize("name", [*WORD_LISTS, "place_levels"])
def test_entries_are_already_simplified(name: str) -> None:
    data = resources.files("speechparse").joinpath("data").joinpath("t2s.txt")
    if not data.is_file():
        pytest.skip("no t2s.txt table")
    folded = {}
    for line in data.read_text("utf-8").splitlines():
        fields = line.split("#", 1)[0].split("\t")
        if len(fields) >= 2 and fields[0] != fields[1].strip():
            folded[fields[0]] = fields[1].strip()
    bad = [e for e in load_words(name) if any(ch in folded for ch in e)]
    assert not bad, bad


@pytest.mark.parametrize(
    "prefix", ["市委", "县委", "人大", "政协", "村委会", "常委会", "纪委", "监委"]
)
def test_titles_never_start_with_a_unit(prefix: str) -> None:
    """A unit written before a title belongs to the organization (市人大 + 代表), not the title."""
    offenders = [t for t in load_words("titles") if t.startswith(prefix)]
    assert offenders == []


@pytest.mark.parametrize(
    ("text", "end", "start", "expected"),
    [
        ("市财政局局长", 6, 0, 4),  # 局长
        ("市财政局副局长", 7, 0, 4),  # 副局长, the longest that fits
        ("市财政局副局长", 7, 5, 5),  # not before start: 局长 only
        ("市财政局副局长", 7, 6, None),  # one character left: no title that short
        ("市财政局副局长张三", 9, 0, None),  # a name ends here, not a title
        ("市财政局局长", 5, 0, None),  # ends inside the title
        ("", 0, 0, None),
    ],
)
def test_longest_ending_title(text: str, end: int, start: int, expected: int | None) -> None:
    assert longest_ending("titles", text, end, start) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("张明回答", 2), ("张明说", 2), ("张明说道", 2), ("张明", None), ("回答", 0), ("说", 0)],
)
def test_longest_ending_takes_the_longest_speech_verb(text: str, expected: int | None) -> None:
    assert longest_ending("speech_verbs", text, len(text)) == expected


# An invented list, so the ordering rules can be checked on entries chosen for them: entries
# sharing a last character (答, 回答, 大回答), ties in length (乙 甲 答; 丙丁 回答 甲乙), and
# regex metacharacters that must stay literal.
INVENTED = "# invented entries for the tests\n答\n回答\n乙\n甲\n丙丁\n甲乙\n大回答\n甲+乙\n(丙)\n"
INVENTED_NAME = "invented_test_list"


@pytest.fixture
def invented(monkeypatch: pytest.MonkeyPatch) -> str:
    """Serve :data:`INVENTED` as ``data/invented_test_list.txt``; real lists read as before.

    The lookups cache by name; the content under this name never changes, so a cached answer
    from an earlier test is the same answer.
    """
    real = lexicon_module._read
    monkeypatch.setattr(
        lexicon_module, "_read", lambda name: INVENTED if name == INVENTED_NAME else real(name)
    )
    return INVENTED_NAME


def test_longest_first_orders_by_length_then_code_point(invented: str) -> None:
    # Three characters: ( U+0028 < 大 U+5927 < 甲 U+7532.
    # Two characters: 丙 U+4E19 < 回 U+56DE < 甲 U+7532; one: 乙 U+4E59 < 甲 < 答 U+7B54.
    assert longest_first(invented) == (
        "(丙)",
        "大回答",
        "甲+乙",
        "丙丁",
        "回答",
        "甲乙",
        "乙",
        "甲",
        "答",
    )


@pytest.mark.parametrize(
    ("text", "end", "start", "expected"),
    [
        ("大回答", 3, 0, 0),  # 大回答 over 回答 over 答
        ("大回答", 3, 1, 1),  # 大 is before start: 回答
        ("大回答", 3, 2, 2),  # only 答 fits
        ("大回答", 3, 3, None),  # nothing between start and end
        ("大回答", 2, 0, None),  # 大回 is no entry, nor 回
        ("小回答", 3, 0, 1),  # 小回答 is no entry: 回答
        ("甲乙丙", 2, 0, 0),  # 甲乙 before end, not 乙 alone
        ("甲+乙", 3, 0, 0),  # a metacharacter is a character like any other
        ("乙甲", 2, 0, 1),
        ("答", 1, 0, 0),
        ("", 0, 0, None),
    ],
)
def test_longest_ending_on_invented_entries(
    invented: str, text: str, end: int, start: int, expected: int | None
) -> None:
    assert longest_ending(invented, text, end, start) == expected


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("大回答好", 0, "大回答"),  # the longest entry at the position
        ("大回答好", 1, "回答"),
        ("大回答好", 2, "答"),
        ("大回答好", 3, None),
        ("甲乙", 0, "甲乙"),
        ("甲+乙", 0, "甲+乙"),  # + is literal, not "one or more 甲"
        ("甲甲乙", 0, "甲"),  # ... so 甲甲乙 is not one entry
        ("(丙)", 0, "(丙)"),  # parentheses literal too
        ("丙", 0, None),  # no group (丙) matching a bare 丙
    ],
)
def test_word_pattern_matches_the_longest_entry(
    invented: str, text: str, pos: int, expected: str | None
) -> None:
    found = word_pattern(invented).match(text, pos)
    assert (found.group() if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("好大回答", (1, 4)), ("乙", (0, 1)), ("丁丙", None), ("好", None), ("", None)],
)
def test_word_pattern_search(invented: str, text: str, expected: tuple[int, int] | None) -> None:
    found = word_pattern(invented).search(text)
    assert (found.span() if found else None) == expected


def test_lists_read_the_same_under_an_ascii_locale() -> None:
    """The data files are UTF-8 whatever the locale says (here C, without UTF-8 coercion)."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "LC_ALL": "C",
        "PYTHONCOERCECLOCALE": "0",
        "PYTHONUTF8": "0",
        # The child imports the same package as this process.
        "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
        **{k: v for k, v in os.environ.items() if k.startswith("MUTANT")},
    }
    code = "from speechparse.core.lexicon import _read; print(ascii(_read('titles')))"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stdout.decode("ascii").strip() == ascii(lexicon_module._read("titles"))
