"""The one module that touches jieba.

jieba costs about a second and ~190 MB to load, and its module-level singletons
(``jieba.dt``, ``jieba.posseg.dt``, ``jieba.analyse.default_tfidf``) belong to whoever else
uses jieba in the same process. So jieba is imported only inside functions, on first use, and
all segmentation goes through one private ``jieba.Tokenizer``: the user dictionary we add
(job titles, caller-supplied terms) must never change how someone else's ``jieba.cut`` behaves.

A fresh process would spend most of a one-file CLI run re-reading jieba's dictionaries:
jieba's own cache is read with ``marshal.load`` on a file object (many small reads, ~0.4 s),
its IDF table is parsed from text (~0.15 s), and ``jieba.analyse`` drags in ``jieba.posseg``
(~0.2 s) that TF-IDF never uses. So the private tokenizer's finished prefix dictionary (user
words included) and the IDF table are kept in a per-user cache (see ``_CacheFile``) read in one
``marshal.loads``, and TF-IDF runs on a small extractor that needs neither ``jieba.analyse``
nor ``jieba.posseg``.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from speechparse.core.lexicon import load_words

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


class _CacheFile:
    """One marshalled table in the user's cache dir, named after everything it was built from.

    The key covers jieba's version, the source file's size and mtime, our lexicons and the
    Python version (marshal's format is version-specific), so a stale file is never read: a
    changed input simply names a new file. Writes go to a temporary file renamed into place, so
    concurrent processes (``-j N``) never see half a file. Any failure (read-only home, full
    disk, a corrupt file) falls back silently to building the table the normal way.
    """

    FORMAT = 1

    def __init__(self, kind: str, *key_parts: object) -> None:
        digest = hashlib.sha256(repr((self.FORMAT, sys.version_info[:2], key_parts)).encode())
        self.kind = kind
        self.path = _cache_dir() / f"{kind}-{digest.hexdigest()[:20]}.marshal"

    def read(self) -> Any:
        try:
            return marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None

    def write(self, value: Any) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.kind}-")
            try:
                with os.fdopen(fd, "wb") as file:
                    marshal.dump(value, file)
                os.replace(tmp, self.path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            for old in self.path.parent.glob(f"{self.kind}-*.marshal"):  # superseded versions
                if old != self.path:
                    old.unlink(missing_ok=True)
        except (OSError, ValueError):
            pass


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "speechparse"


def _stamp(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)


def _jieba_file(name: str) -> str:
    import jieba

    return os.path.join(os.path.dirname(jieba.__file__), name)


@cache
def _build_tokenizer() -> Any:
    import jieba

    words = tuple(w for name in _USER_LEXICONS for w in _lexicon_words(name))
    cache_file = _CacheFile(
        "dict", jieba.__version__, _stamp(_jieba_file("dict.txt")), USER_WORD_TAG, words
    )
    tokenizer = jieba.Tokenizer()
    cached = cache_file.read()
    if _valid_dict(cached):
        freq, total, added = cached
        # Exactly the state initialize() and _add_to() would leave behind.
        tokenizer.FREQ, tokenizer.total = freq, total
        tokenizer.user_word_tag_tab = dict.fromkeys(added, USER_WORD_TAG)
        tokenizer.initialized = True
        _added.clear()
        _added.update(added)
        return tokenizer
    with _quiet_jieba():
        tokenizer.initialize()
    _added.clear()
    _add_to(tokenizer, words)
    cache_file.write((tokenizer.FREQ, tokenizer.total, sorted(_added)))
    return tokenizer


def _valid_dict(value: Any) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and isinstance(value[0], dict)
        and isinstance(value[1], int)
        and isinstance(value[2], list)
    )


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


# jieba.analyse.tfidf.KeywordExtractor.STOP_WORDS, copied so TF-IDF never imports jieba.analyse.
_JIEBA_STOP_WORDS = frozenset(
    ("the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as",
     "on", "with", "can", "if", "from", "which", "you", "it", "this", "then", "at", "have",
     "all", "not", "one", "has", "or")
)  # fmt: skip


class _TFIDF:
    """``jieba.analyse.TFIDF`` as far as speechparse uses it, without ``jieba.analyse``.

    Importing ``jieba.analyse`` loads ``jieba.posseg`` and the global IDF table (~0.35 s) before
    any of our code runs. ``extract_tags`` without ``allowPOS`` is jieba's algorithm line for
    line (same counting, same stable sort, so the same ties); with ``allowPOS`` it hands over to
    a real ``TFIDF`` built on first such call.
    """

    def __init__(self, tokenizer: Any, idf: tuple[dict[str, float], float], stop: set[str]):
        self.tokenizer = tokenizer
        self.idf_freq, self.median_idf = idf
        self.stop_words = stop
        self._full: Any = None

    @property
    def postokenizer(self) -> Any:
        return get_pos_tokenizer()

    def extract_tags(
        self,
        sentence: str,
        topK: int | None = 20,  # jieba's parameter names, so callers can pass them by name
        withWeight: bool = False,
        allowPOS: Iterable[str] = (),
        withFlag: bool = False,
    ) -> list[Any]:
        tags: list[Any]
        if allowPOS:
            full = self._jieba_tfidf()
            tags = full.extract_tags(sentence, topK, withWeight, allowPOS, withFlag)
            return tags
        freq: dict[str, float] = {}
        for w in self.tokenizer.cut(sentence):
            if len(w.strip()) < 2 or w.lower() in self.stop_words:
                continue
            freq[w] = freq.get(w, 0.0) + 1.0
        total = sum(freq.values())
        for k in freq:
            freq[k] *= self.idf_freq.get(k, self.median_idf) / total
        if withWeight:
            tags = sorted(freq.items(), key=itemgetter(1), reverse=True)
        else:
            tags = sorted(freq, key=freq.__getitem__, reverse=True)
        return tags[:topK] if topK else tags

    def _jieba_tfidf(self) -> Any:
        with _lock:
            if self._full is None:
                import copy

                import jieba.analyse

                full = copy.copy(jieba.analyse.default_tfidf)
                full.idf_freq, full.median_idf = self.idf_freq, self.median_idf
                full.tokenizer = self.tokenizer
                full.postokenizer = get_pos_tokenizer()
                full.stop_words = self.stop_words
                self._full = full
            return self._full


def _default_idf() -> tuple[dict[str, float], float]:
    """jieba's default IDF table and its median, shared or cached rather than re-parsed."""
    path = _jieba_file(os.path.join("analyse", "idf.txt"))
    analyse = sys.modules.get("jieba.analyse")
    if analyse is not None:
        shared = analyse.default_tfidf
        if os.path.normpath(getattr(shared.idf_loader, "path", "")) == os.path.normpath(path):
            # Someone already loaded it into the global extractor; it is only ever read.
            return shared.idf_freq, shared.median_idf
    import jieba

    cache_file = _CacheFile("idf", jieba.__version__, _stamp(path))
    cached = cache_file.read()
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], dict):
        return cached[0], float(cached[1])
    # jieba's IDFLoader, step for step.
    with open(path, "rb") as file:
        content = file.read().decode("utf-8")
    idf_freq: dict[str, float] = {}
    for line in content.splitlines():
        word, freq = line.strip().split(" ")
        idf_freq[word] = float(freq)
    median = sorted(idf_freq.values())[len(idf_freq) // 2]
    cache_file.write((idf_freq, median))
    return idf_freq, median


@cache
def _build_tfidf(stop_words: frozenset[str]) -> Any:
    return _TFIDF(get_tokenizer(), _default_idf(), set(_JIEBA_STOP_WORDS) | stop_words)


def get_tfidf(stop_words: frozenset[str]) -> Any:
    """A TF-IDF extractor (``jieba.analyse.TFIDF``'s interface) on the private tokenizer,
    never on ``jieba.dt``."""
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
