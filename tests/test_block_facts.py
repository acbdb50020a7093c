"""The layout passes ask each block's text once, through ``BlockFacts``, which skips texts that
cheap tests say cannot answer yes. Those tests must never skip a text the label functions
would accept: whatever the line, every answer equals the function's own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechparse.core.lexicon import load_words
from speechparse.core.text import Compact
from speechparse.people.dialogue import (
    answer_label,
    guest_line,
    guest_list_label,
    name_line,
    question_label,
)
from speechparse.structure.block_facts import BlockFacts
from speechparse.structure.blocks import Block


def _block(text: str) -> Block:
    # Any text, double spaces included (a compact view collapses them; the facts must not
    # rely on it).
    return Block(0, len(text), Compact(text, tuple(range(len(text)))))


def _assert_same_answers(texts: list[str]) -> None:
    blocks = [_block(t) for t in texts]
    facts = BlockFacts(blocks)
    for i, text in enumerate(texts):
        assert facts.question(i) == question_label(text), text
        assert facts.answer(i) == answer_label(text), text
        assert facts.name_line(i) == name_line(text), text
        assert facts.guest_labels.get(i) == guest_list_label(text), text
        assert facts.guest_line(i, blocks[i].view) == guest_line(blocks[i].view), text
        if name_line(text) is not None:
            assert i in facts.nameish, text
        colon = text.find("：")
        assert facts.colons.get(i, -1) == colon, text
        if 0 < colon < 12:
            assert facts.guest_label_prefix(i, colon) == guest_list_label(text[: colon + 1])


EXAMPLES = [
    "记者：请谈谈您的看法。",
    "本报记者 ：请谈谈。",
    "答：我们的做法是先易后难。",
    "对话嘉宾：",
    "【对话嘉宾】",
    "对 话 嘉 宾 ：：",
    "对话嘉宾：甘某  某大学教授",
    "某晚报：请问如何落实？",
    "河南省某市  关  慨",
    "王 沛",
    "欧阳明远",
    "坚持容错纠错",
    "：开头就是冒号",
    "一句话，没有标签。",
    "",
    " ",
    "甘明远  某大学教授、博士生导师",
]


@pytest.mark.parametrize("text", EXAMPLES)
def test_each_answer_is_the_functions_own(text: str) -> None:
    _assert_same_answers([text])


_WORDS = [
    *load_words("question_labels"),
    *load_words("answer_labels"),
    *load_words("guest_list_labels"),
    "欧阳", "明远", "王", "沛", "某市", "河南省", "教授", "本报", "晚报",
]  # fmt: skip
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(["：", ":", " ", "  ", "，", "。", "【", "】", "·", "、"]),
    st.text(alphabet="甘李市局长的是要", min_size=1, max_size=3),
)
_LINES = st.lists(_PIECES, max_size=8).map("".join)


@given(st.lists(_LINES, min_size=1, max_size=6))
def test_no_cheap_test_skips_a_text_that_answers(texts: list[str]) -> None:
    _assert_same_answers(texts)
