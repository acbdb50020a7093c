"""The shared core: the lexicon fails loudly, the diagnostics registry is the one table."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import regex

from speechparse.core import lexicon as lexicon_module
from speechparse.core.chars import SENTENCE_END_RE, char_class
from speechparse.core.diagnostics import REGISTRY, Code, severity_of
from speechparse.core.lexicon import LexiconError, lexicon, load_pairs, load_words

README = Path(__file__).resolve().parents[1] / "README.md"


def test_a_missing_data_file_names_itself() -> None:
    with pytest.raises(LexiconError, match=r"data/no_such_list\.txt"):
        load_words("no_such_list")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("# only a comment\n\n", "holds no entries"),
        ("# header\n省\tprovincial\n市\n", r"entry 2 \('市'\) is not 'key<TAB>value'"),
    ],
    ids=["empty", "one-column-line"],
)
def test_a_malformed_data_file_names_itself(
    monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    load_words.cache_clear()
    load_pairs.cache_clear()
    monkeypatch.setattr(lexicon_module, "_read", lambda name: content)
    try:
        with pytest.raises(LexiconError, match=message):
            load_pairs("place_levels")
    finally:
        load_words.cache_clear()
        load_pairs.cache_clear()


def test_the_lexicon_reads_every_list() -> None:
    lex = lexicon()
    assert "局长" in lex.titles and "县长" in lex.titles
    assert "欧阳" in lex.compound_surnames and "王" in lex.surnames
    assert "说" in lex.speech_verbs
    assert ("县", "county") in lex.place_levels
    assert lexicon() is lex


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("好。", True),
        ("好！", True),
        ("好?", True),
        ("好…", True),
        ("好，", False),
        ("好；", False),
    ],
)
def test_sentence_end_class(text: str, ends: bool) -> None:
    assert bool(SENTENCE_END_RE.search(text)) is ends


@pytest.mark.parametrize(
    ("chars", "inside", "outside"),
    [("。？", "。？", "，aX"), ("]^-\\", "]^-\\", "a[,X"), ("：", "：", ":")],
    ids=["han-punctuation", "regex-specials", "width-matters"],
)
def test_char_class_matches_exactly_its_characters(chars: str, inside: str, outside: str) -> None:
    pattern = regex.compile(char_class(chars))
    assert all(pattern.fullmatch(c) for c in inside)
    assert not any(pattern.fullmatch(c) for c in outside)


def test_char_class_refuses_nothing() -> None:
    with pytest.raises(ValueError, match=r"^char_class\(\) needs at least one character$"):
        char_class("")


def _readme_codes() -> dict[str, str]:
    section = README.read_text(encoding="utf-8").split("## Diagnostics", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \| (info|warning|error) \|", section, re.M)
    return dict(rows)


def test_readme_table_is_the_registry() -> None:
    assert _readme_codes() == {code.value: info.severity for code, info in REGISTRY.items()}


def test_every_code_is_registered() -> None:
    assert set(REGISTRY) == set(Code)
    assert severity_of(Code.PAGE_CHROME) == "info"


SRC = Path(__file__).resolve().parents[1] / "src" / "speechparse"
# Runs of punctuation that spell a character class out; they belong in core/chars.py only.
_CLASS_SPELLINGS = ("。！？", "”’）", "■□◆")


def _code_strings(path: Path) -> list[str]:
    """String literals of a module, docstrings left out (prose may name the marks)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


@pytest.mark.parametrize("spelling", _CLASS_SPELLINGS)
def test_character_classes_are_spelled_out_once(spelling: str) -> None:
    places = sorted(
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if any(spelling in text for text in _code_strings(path))
    )
    assert places == ["core/chars.py"], places
