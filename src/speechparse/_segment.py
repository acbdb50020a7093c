"""The one module that touches jieba.

jieba costs about a second and ~190 MB to load, and its module-level singletons
(``jieba.dt``, ``jieba.posseg.dt``, ``jieba.analyse.default_tfidf``) belong to whoever else
uses jieba in the same process. So jieba is imported only inside functions, on first use, and
all segmentation goes through one private ``jieba.Tokenizer``: the user dictionary we add
(job titles, caller-supplied terms) must never change how someone else's ``jieba.cut`` behaves.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

from speechparse._lexicon import load_words

if TYPE_CHECKING:  # jieba has no stubs; mypy treats it as Any (see pyproject overrides)
    import jieba

# Lexicons whose entries must come out of segmentation as single terms.
_USER_LEXICONS: tuple[str, ...] = ("titles",)
# jieba's tag for "other proper noun"; keeps user words eligible for the TextRank POS filter.
USER_WORD_TAG = "nz"

# Guards building the singletons and growing the private dictionary, so two threads cannot
# build two tokenizers or race on the record of which words were added.
_lock = threading.RLock()
_added: set[str] = set()


def jieba_loaded() -> bool:
    """Lets callers and tests check that merely importing speechparse stayed cheap."""
    return "jieba" in sys.modules


@contextmanager
def _quiet_jieba() -> Iterator[None]:
    """Silence jieba's own stderr handler while it builds its prefix dictionary.

    jieba attaches a StreamHandler at DEBUG to the "jieba" logger on import, so initialising
    a tokenizer prints "Building prefix dict ..." to the user's stderr. We raise that one
    logger's level only for the duration and put it back, never touching the root logger:
    a library does not configure logging.
    """
    logger = logging.getLogger("jieba")
    previous = logger.level
    if logger.getEffectiveLevel() < logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _lexicon_words(name: str) -> tuple[str, ...]:
    # A lexicon file that is absent (or unreadable) only costs segmentation quality, which is
    # no reason to make keyword extraction fail.
    try:
        return load_words(name)
    except (OSError, UnicodeDecodeError):
        return ()


def _normalise(word: str) -> str:
    # Text is segmented with whitespace removed between CJK characters, so a term supplied
    # with a space in it could never match; drop the whitespace instead of the term.
    return "".join(ch for ch in word if not ch.isspace())


def _add_to(tokenizer: Any, words: Iterable[str]) -> None:
    """Add words so each wins segmentation as one token, once per tokenizer."""
    for raw in words:
        word = _normalise(raw)
        if len(word) < 2 or word in _added:
            continue
        # suggest_freq(tune=False) is the smallest frequency at which jieba prefers the whole
        # word over its own best split; it never lowers the frequency of a known word.
        freq = tokenizer.suggest_freq(word, tune=False)
        tokenizer.add_word(word, freq=freq, tag=USER_WORD_TAG)
        _added.add(word)


@cache
def _build_tokenizer() -> Any:
    import jieba

    with _quiet_jieba():
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
    _added.clear()
    for name in _USER_LEXICONS:
        _add_to(tokenizer, _lexicon_words(name))
    return tokenizer


def get_tokenizer() -> jieba.Tokenizer:
    """The process-wide private tokenizer, carrying the parser's lexicons as a user dictionary.

    Built once (the cache) under a lock (so concurrent first calls share one instance).
    """
    with _lock:
        return _build_tokenizer()


def add_words(words: Iterable[str]) -> None:
    """Teach the private tokenizer extra terms (organisation names, policy phrases ...).

    Each term is added once for the life of the process; repeats are skipped cheaply, so
    callers can pass the same list on every call.
    """
    if isinstance(words, str):  # a bare string would otherwise be added char by char
        words = (words,)
    pending = [w for w in (_normalise(w) for w in words) if len(w) >= 2 and w not in _added]
    if not pending:
        return
    with _lock:
        _add_to(get_tokenizer(), pending)


def added_words() -> frozenset[str]:
    """What the private dictionary has been taught so far (for introspection and tests)."""
    with _lock:
        return frozenset(_added)


def cut(text: str) -> list[str]:
    """Segment with the private dictionary, so titles and added terms stay whole."""
    return list(get_tokenizer().cut(text))


@cache
def _build_pos_tokenizer() -> Any:
    import jieba
    import jieba.posseg

    tokenizer = get_tokenizer()
    shared = jieba.posseg.dt
    if getattr(shared.tokenizer, "dictionary", None) == jieba.DEFAULT_DICT and isinstance(
        getattr(shared, "word_tag_tab", None), dict
    ):
        # Importing jieba.posseg already parsed the default dictionary's POS tags into the
        # global POSTokenizer; re-parsing costs ~0.2 s and ~40 MB. Take a copy (our user
        # words' tags get merged into it) rather than share the global's table.
        pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
        pos.tokenizer = tokenizer
        pos.word_tag_tab = dict(shared.word_tag_tab)
        return pos
    return jieba.posseg.POSTokenizer(tokenizer)


def get_pos_tokenizer() -> Any:
    """One POS tokenizer over the private tokenizer.

    There must be exactly one: jieba hands user-word tags to the first POSTokenizer that asks
    and then forgets them, so a second wrapper would never see them.
    """
    with _lock:
        return _build_pos_tokenizer()


@cache
def _build_tfidf(stop_words: frozenset[str]) -> Any:
    import copy

    import jieba.analyse
    from jieba.analyse.tfidf import DEFAULT_IDF, TFIDF

    shared = jieba.analyse.default_tfidf
    if getattr(shared.idf_loader, "path", None) == DEFAULT_IDF:
        # Importing jieba.analyse already loaded the default IDF table (~0.3 s, ~80 MB) into
        # the global extractor. The table is only ever read, so share it instead of loading a
        # second copy; everything that decides segmentation is replaced below.
        tfidf = copy.copy(shared)
    else:  # someone re-pointed the global at a custom IDF file: do not inherit it
        tfidf = TFIDF(idf_path=None)
    tfidf.tokenizer = get_tokenizer()
    tfidf.postokenizer = get_pos_tokenizer()
    tfidf.stop_words = set(TFIDF.STOP_WORDS) | stop_words
    return tfidf


def get_tfidf(stop_words: frozenset[str]) -> Any:
    """A ``jieba.analyse.TFIDF`` bound to the private tokenizer, never to ``jieba.dt``."""
    with _lock:
        return _build_tfidf(stop_words)


@cache
def _build_textrank(stop_words: frozenset[str]) -> Any:
    from jieba.analyse.textrank import TextRank

    textrank = TextRank()
    textrank.tokenizer = textrank.postokenizer = get_pos_tokenizer()
    textrank.stop_words = set(TextRank.STOP_WORDS) | stop_words
    return textrank


def get_textrank(stop_words: frozenset[str]) -> Any:
    """A ``jieba.analyse.TextRank`` bound to the private tokenizer, never to ``jieba.posseg.dt``."""
    with _lock:
        return _build_textrank(stop_words)
