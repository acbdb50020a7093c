"""Keyword extraction: content terms come out, boilerplate does not, and every term is grounded.

Loading jieba takes about a second; it happens once per test process.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechparse.enrichment.keywords import KeywordMatch, extract_keywords, segment

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ba715635817add7f.txt"

# Test scaffolding only (not the parser): a speech is "designation:" at the start of a line, the
# body, then " 全媒体记者 NAME". Headline lines contain no ASCII colon, so they never match.
_SPEECH = re.compile(r"^([^\n:]{2,40}):(.*?) 全媒体记者 \S+", re.S | re.M)


@cache
def speeches() -> tuple[tuple[str, str], ...]:
    text = SEED.read_text("utf-8")
    return tuple((m.group(1), m.group(2)) for m in _SPEECH.finditer(text))


def body_of(speaker_suffix: str) -> str:
    matches = [body for who, body in speeches() if who.endswith(speaker_suffix)]
    assert len(matches) == 1, speaker_suffix
    return matches[0]


def squeeze(s: str) -> str:
    return "".join(ch for ch in s if not ch.isspace())


# Chosen by reading each speech: the terms a policy analyst would index it under.
MUST_HAVE: list[tuple[str, tuple[str, ...]]] = [
    ("汪时珍", ("创新", "产业", "制度", "教师")),  # university serving local industry
    ("甘长浩", ("纪检监察", "监督", "容错", "干部")),  # discipline inspection, tolerance of error
    ("韦文明", ("人才", "引才", "高层次", "干部队伍")),  # talent strategy
    ("曹金陵", ("科技领域", "改革", "机构编制", "聘用制")),  # staffing for science units
    ("吴曦", ("创新", "协同", "平台", "产业链")),  # innovation platforms, chain coordination
    ("杨旭东", ("创新", "产业", "领导小组", "处室")),  # industry-led innovation organs
    ("华鹏飞", ("校企", "财政金融", "主导产业", "合作")),  # fiscal support, industry-academia
    ("聂立新", ("人才", "引进人才", "人才培养", "不拘一格")),  # talent recruitment
    ("方波", ("科协", "科技", "企业", "普及")),  # science association, popularisation
    ("陈亚玲", ("职院", "市属", "本科", "招生")),  # vocational colleges
    ("余学峰", ("对标", "活力", "政策", "平台")),  # benchmarking, platforms
    ("梅耐雷", ("医药", "招商", "孵化器", "健康")),  # pharma and health industry
    ("江春生", ("创新", "体系", "欠发达", "生态")),  # innovation ecosystem of a poor county
    ("朱小兵", ("科技", "创新", "政策", "时效性")),  # policy timeliness
    ("王赵春", ("创新", "容错", "谋划", "企业")),  # county-level innovation
]

# Register boilerplate and function words that must never be offered as keywords.
MUST_NOT_HAVE = (
    "为", "进一步", "工作", "推动", "加强", "推进", "发展", "我们", "我市", "我们将", "要", "的",
    "坚持", "积极", "不断", "切实", "全面", "深入", "着力", "努力", "进行", "开展", "实现",
    "提高", "提升", "做好", "建设", "问题", "情况", "通过", "根据", "按照", "以及", "下一步",
    "目前", "同时", "方面", "有关", "相关", "全媒体记者",
)  # fmt: skip


def test_seed_splits_into_fifteen_speeches() -> None:
    found = speeches()
    assert len(found) == 15
    # the table covers each speech exactly once
    owners = [[who for who, _ in found if who.endswith(s)] for s, _ in MUST_HAVE]
    assert all(len(o) == 1 for o in owners)
    assert len({o[0] for o in owners}) == 15


@pytest.mark.parametrize(("speaker", "expected"), MUST_HAVE, ids=[s for s, _ in MUST_HAVE])
def test_tfidf_finds_content_terms(speaker: str, expected: tuple[str, ...]) -> None:
    words = [k.word for k in extract_keywords(body_of(speaker), top_k=15)]
    missing = [w for w in expected if w not in words]
    assert not missing, f"{speaker}: missing {missing} from {words}"


@pytest.mark.parametrize(("speaker", "_expected"), MUST_HAVE, ids=[s for s, _ in MUST_HAVE])
def test_no_stop_words_even_deep_in_the_ranking(speaker: str, _expected: tuple[str, ...]) -> None:
    words = {k.word for k in extract_keywords(body_of(speaker), top_k=10_000)}
    assert not words & set(MUST_NOT_HAVE)
    for word in words:
        assert len(word) >= 2
        assert any(ch.isalpha() and not ch.isnumeric() for ch in word), word


def test_spans_ground_every_keyword_in_the_text_given() -> None:
    for _who, body in speeches():
        for k in extract_keywords(body, top_k=50):
            assert k.spans, k
            assert [squeeze(body[s:e]) for s, e in k.spans] == [k.word] * len(k.spans)
            ends = [0, *(e for _, e in k.spans)]
            starts = [s for s, _ in k.spans]
            assert all(prev <= s < e for prev, (s, e) in zip(ends, k.spans, strict=False))
            # every non-overlapping occurrence in the whitespace-free text, no more, no less
            assert len(k.spans) == squeeze(body).count(k.word)
            assert starts == sorted(starts)


def test_span_may_cover_a_hard_line_break() -> None:
    body = body_of("韦文明")  # "... 创新引\n\n才制度 ..."
    (yincai,) = [k for k in extract_keywords(body, top_k=15) if k.word == "引才"]
    wrapped = [body[s:e] for s, e in yincai.spans if "\n" in body[s:e]]
    assert wrapped == ["引\n\n才"]


def test_offsets_refer_to_the_text_exactly_as_given() -> None:
    text = "  开头空格\n\t人工智能 产业，人工\n智能园区。"
    (ai,) = [k for k in extract_keywords(text, top_k=20) if k.word == "人工智能"]
    assert [text[s:e] for s, e in ai.spans] == ["人工智能", "人工\n智能"]


def test_space_between_latin_words_stays_a_boundary() -> None:
    text = "a b 发展AB经济，ab 合作 ab"
    (ab,) = [k for k in extract_keywords(text, top_k=20) if k.word == "ab"]
    assert [text[s:e] for s, e in ab.spans] == ["ab", "ab"]  # "a b" is two words, not "ab"


def test_order_is_weight_then_first_occurrence_and_deterministic() -> None:
    body = body_of("江春生")
    first = extract_keywords(body, top_k=30)
    assert first == extract_keywords(body, top_k=30)
    keys = [(-k.weight, k.spans[0][0]) for k in first]
    assert keys == sorted(keys)
    assert all(round(k.weight, 6) == k.weight for k in first)
    assert all(isinstance(k, KeywordMatch) for k in first)


def test_top_k_limits_and_prefixes() -> None:
    body = body_of("吴曦")
    assert extract_keywords(body, top_k=5) == extract_keywords(body, top_k=15)[:5]
    assert extract_keywords(body, top_k=0) == []


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "的了和是在", "2023 100 3.5%", "，。！？"])
def test_nothing_extractable_gives_empty_list(text: str) -> None:
    assert extract_keywords(text) == []


def test_titles_are_single_terms() -> None:
    tokens = segment("市委组织部常务副部长韦文明,安庆师范大学党委常委、副校长汪时珍")
    assert "常务副部长" in tokens
    assert "党委常委" in tokens


def test_extra_words_come_out_whole_for_that_call_only() -> None:
    text = "聚焦首位产业抓科技创新。要围绕首位产业做文章，把首位\n产业平台建实。"
    plain = {k.word for k in extract_keywords(text, top_k=20)}
    got = {k.word: k for k in extract_keywords(text, top_k=20, extra_words=["首位产业"])}
    assert "首位产业" not in plain
    assert "首位产业" in got
    assert len(got["首位产业"].spans) == 3
    assert "首位产业" in segment("围绕首位产业发展", extra_words=["首位 产业"])
    # nothing was learnt: the same call without the word gives the same result as before
    assert {k.word for k in extract_keywords(text, top_k=20)} == plain
    assert "首位产业" not in segment("围绕首位产业发展")


def test_extra_words_as_a_bare_string_is_one_word() -> None:
    assert "揭榜挂帅" in segment("发展揭榜挂帅机制", extra_words="揭榜挂帅")


@pytest.mark.parametrize(
    ("text", "word", "joined"),
    [
        ("推进“一网统管”建设", "一网统管", True),  # tokens that spell the word exactly
        ("枫溪县有三个乡", "枫溪县", True),  # cuts into a token jieba's HMM made (县有)
        ("加强干部队伍建设", "干部", False),  # would cut into a dictionary word: it stays
        ("围绕“一网通办”“一网统管”发力", "一网统管", True),  # a second word in the same text
    ],
)
def test_user_words_are_joined_where_jieba_would_take_them(
    text: str, word: str, joined: bool
) -> None:
    tokens = segment(text, extra_words=[word, "一网通办"])
    assert "".join(tokens) == text
    assert (word in tokens) is joined


def test_private_segmenter_leaves_global_jieba_alone() -> None:
    extract_keywords("科技创新首位产业", extra_words=["首位产业"])
    import jieba

    assert "首位产业" not in jieba.dt.FREQ
    assert "首位产业" not in jieba.dt.user_word_tag_tab


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_importing_does_not_load_jieba() -> None:
    done = _run(
        """
        import sys
        import speechparse
        import speechparse.enrichment.keywords
        from speechparse.enrichment import jieba_adapter
        assert not {'jieba', 'rjieba', 'rjieba.rjieba'} & set(sys.modules)
        assert not jieba_adapter.jieba_loaded()
        """
    )
    assert done.returncode == 0, done.stderr


def test_fresh_process_leaves_global_jieba_and_logging_alone() -> None:
    done = _run(
        """
        import logging, sys
        from speechparse.enrichment.keywords import extract_keywords
        from speechparse.enrichment.jieba_adapter import jieba_loaded
        assert extract_keywords("市委组织部常务副部长韦文明谈人才引进", top_k=5)
        assert jieba_loaded()
        import jieba
        assert jieba.dt.initialized is False          # the global tokenizer was never built
        assert "常务副部长" not in jieba.dt.FREQ
        assert logging.getLogger().handlers == []     # the root logger was not configured
        assert logging.getLogger("jieba").level == logging.DEBUG  # jieba's own setting kept
        """,
        env={"SPEECHPARSE_SEGMENTER": "jieba"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # jieba's "Building prefix dict ..." chatter did not leak


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
TEXTS = st.one_of(
    st.text(),
    st.text(
        st.one_of(CJK, st.sampled_from(list(" \n\t\u3000，。、:0123456789abcXYZ%.-"))), max_size=200
    ),
    st.lists(
        st.sampled_from([*MUST_NOT_HAVE, "创新", "人才", "首位产业", "\n", " ", "引", "才"])
    ).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, top_k=st.integers(min_value=-2, max_value=30))
def test_any_text_never_raises_and_spans_are_valid(text: str, top_k: int) -> None:
    found = extract_keywords(text, top_k=top_k)
    assert len(found) <= max(top_k, 0)
    for k in found:
        assert k.spans
        for s, e in k.spans:
            assert 0 <= s < e <= len(text)
            assert squeeze(text[s:e]) == k.word
        assert all(a[1] <= b[0] for a, b in zip(k.spans, k.spans[1:], strict=False))


def test_parsed_speeches_carry_their_content_terms() -> None:
    """The keywords `parse` attaches (top 10 per speech) hold at least 3 of the 4 hand-chosen
    terms of each speech and no boilerplate."""
    import speechparse

    report = speechparse.parse_file(SEED)
    source = SEED.read_text("utf-8")
    assert [s.speaker.name for s in report.speeches] == [who for who, _ in MUST_HAVE]
    for (who, expected), speech in zip(MUST_HAVE, report.speeches, strict=True):
        words = [k.word for k in speech.keywords]
        found = [w for w in expected if w in words]
        assert len(found) >= 3, f"{who}: only {found} of {expected} in {words}"
        assert not set(words) & set(MUST_NOT_HAVE), f"{who}: {words}"
        for keyword in speech.keywords:
            for span in keyword.occurrences:
                assert squeeze(source[span.start : span.end]) == squeeze(span.text)


USER_WORDS = st.lists(
    st.text(st.one_of(CJK, st.sampled_from(list("创新人才首位产业ab1-"))), max_size=6)
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, words=USER_WORDS)
def test_user_words_never_lose_or_add_a_character(text: str, words: list[str]) -> None:
    prepared = "".join(text.split())
    tokens = segment(prepared, extra_words=words)
    assert "".join(tokens) == prepared
    assert all(tokens)
    assert segment(prepared, extra_words=words) == tokens
