"""The one module that touches jieba (and its Rust build, rjieba).

Keywords need the text cut into words exactly as jieba cuts it with its default dictionary,
and nothing else: the segmenter built here is fixed once built and never learns a word, so the
words of one document can never change how the next one is cut (words a document teaches —
job titles, quoted terms, unit names — are merged over the tokens per call, see
``keywords.py``). Two backends give the same tokens:

- **rjieba** (jieba's algorithm and dictionary in Rust, optional extra ``fast``): loads in
  ~0.1 s and cuts ~20× faster. Its few departures from jieba are undone here: characters
  jieba does not treat as Chinese are masked before cutting, runs of Latin letters and digits
  are re-split the way jieba splits them, and a block holding three identical characters in a
  row (where the two HMM implementations break ties differently) is cut by jieba itself.
- **jieba**, the reference and the fallback: a private ``jieba.Tokenizer`` whose prefix
  dictionary is built from jieba's ``dict.txt`` directly. ``Tokenizer.initialize`` is never
  called: it reads and writes ``jieba.cache`` in the shared temporary folder, where any local
  user can plant a file, and it logs to stderr.

``SPEECHPARSE_SEGMENTER=jieba`` forces the reference backend. jieba's tables (its prefix
dictionary, word counts, IDF weights) are kept in the user's private cache (see ``_cache.py``)
so a fresh process does not re-parse them; jieba itself is imported only when the reference
backend is used.
"""

from __future__ import annotations

import bisect
import importlib.machinery
import importlib.util
import itertools
import math
import os
import re
import sys
import threading
from array import array
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from speechparse.enrichment import _cache

__all__ = [
    "IdfTable",
    "Segmenter",
    "backend_name",
    "idf_table",
    "jieba_loaded",
    "preload",
    "reference_segmenter",
    "segmenter",
    "word_counts",
]

# jieba's own patterns: the characters of a block it segments (jieba.re_han_default) and how
# its HMM splits Latin runs (jieba.finalseg.re_skip).
HAN_BLOCK = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
# Characters rjieba may treat as Chinese although jieba does not (CJK extensions, compatibility
# ideographs, ...): everything outside ASCII-to-CJK-radicals, CJK punctuation, jieba's Han range
# and full-width forms.
_MAYBE_HAN_TO_RUST = re.compile(r"[^\x00-\u2E7F\u3000-\u303F\u4E00-\u9FD5\uFF00-\uFFEF]")
# Where the two HMMs can split Latin runs differently: runs of Latin letters, digits and
# symbols that hold a symbol (only those of two characters or more matter).
_LATIN_WITH_SYMBOL = re.compile(r"[a-zA-Z0-9+#&\._%\-]*[+#&\._%\-][a-zA-Z0-9+#&\._%\-]*")
_ASCII_ONLY = re.compile(r"[a-zA-Z0-9+#&\._%\-]+\Z")
_TRIPLE = re.compile(r"([\u4E00-\u9FD5])\1\1")

_lock = threading.Lock()


class Segmenter(Protocol):
    """Cuts text into jieba's tokens (default dictionary, HMM on); never changes."""

    name: str
    total: int  # the dictionary's total count, as jieba sums it

    def cut(self, text: str) -> list[str]: ...

    def freq(self, word: str) -> int | None:
        """``jieba.Tokenizer.FREQ.get(word)``: a word's count, 0 for a mere prefix of one,
        None otherwise."""


def jieba_loaded() -> bool:
    """Lets tests check that merely importing speechparse stayed cheap."""
    return any(name in sys.modules for name in ("jieba", "rjieba", "rjieba.rjieba"))


def _jieba_dir() -> Path:
    """jieba's package folder, found without importing jieba (which costs ~0.1 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


class _JiebaSegmenter:
    """The reference: a private jieba tokenizer on jieba's default dictionary."""

    name = "jieba"

    def __init__(self) -> None:
        import jieba

        path = _jieba_dir() / "dict.txt"
        tokenizer = jieba.Tokenizer()
        freq, total = _cache.load(
            "dict", (jieba.__version__, _cache.stamp(path)), lambda: _read_dict(path), _as_dict
        )
        # Exactly what Tokenizer.initialize() leaves behind, minus its shared temp-file cache.
        tokenizer.FREQ, tokenizer.total = freq, total
        tokenizer.initialized = True
        self._tokenizer = tokenizer
        self._freq: dict[str, int] = freq
        self.total: int = total

    def cut(self, text: str) -> list[str]:
        return list(self._tokenizer.cut(text))

    def freq(self, word: str) -> int | None:
        return self._freq.get(word)


def _read_dict(path: Path, *, prefixes: bool = True) -> tuple[dict[str, int], int]:
    """jieba's ``Tokenizer.gen_pfdict``: word counts plus (``prefixes``) every prefix at zero."""
    freq: dict[str, int] = {}
    total = 0
    for lineno, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        parts = line.strip().split(" ")
        if len(parts) < 2 or not parts[1].isdigit() or not parts[0]:
            raise ValueError(f"{path}:{lineno}: not a dictionary entry")
        word, count = parts[0], int(parts[1])
        freq[word] = count
        total += count
        if prefixes:
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
    return freq, total


def _as_dict(value: object) -> tuple[dict[str, int], int] | None:
    """jieba's prefix dictionary and total, if ``value`` is exactly that."""
    if not (isinstance(value, tuple) and len(value) == 2):
        return None
    freq, total = value
    if not (isinstance(freq, dict) and type(total) is int):
        return None
    if not all(type(k) is str and type(v) is int and v >= 0 for k, v in freq.items()):
        return None
    # jieba adds a word's count to the total for every line naming it: at least the sum.
    return (freq, total) if sum(freq.values()) <= total else None


class _RustSegmenter:
    """rjieba with its departures from jieba undone (see the module docstring)."""

    name = "rjieba"

    def __init__(self) -> None:
        # A private instance: rjieba's module-level one belongs to whoever else imports it.
        self._jieba = _rjieba_class()()
        self._table = word_counts()
        self.total = self._table.total

    def freq(self, word: str) -> int | None:
        return self._table.get(word)

    def cut(self, text: str) -> list[str]:
        if _TRIPLE.search(text):
            return self._cut_with_triples(text)
        tokens: list[str]
        if _MAYBE_HAN_TO_RUST.search(text):
            tokens = _unmask(self._jieba.cut(_MAYBE_HAN_TO_RUST.sub("\x00", text)), text)
        else:
            tokens = self._jieba.cut(text)
        if _LATIN_WITH_SYMBOL.search(text):
            tokens = self._resplit_latin(tokens, text)
        return tokens

    def _cut_with_triples(self, text: str) -> list[str]:
        out: list[str] = []
        reference: Segmenter | None = None
        for block in _blocks(text):
            if _TRIPLE.search(block):
                reference = reference or reference_segmenter()
                out += reference.cut(block)
            else:
                out += self.cut(block)
        return out

    def _resplit_latin(self, tokens: list[str], text: str) -> list[str]:
        """jieba's HMM splits a run of Latin letters and digits at ``-``, ``.`` … (2024-07-10
        is five tokens); rjieba keeps it whole. In each such run of the text, the tokens no
        dictionary word produced are joined and re-split the way jieba splits them."""
        ends = list(itertools.accumulate(map(len, tokens)))
        out: list[str] = []
        copied = 0
        for match in _LATIN_WITH_SYMBOL.finditer(text):
            if match.end() - match.start() < 2:
                continue
            first = bisect.bisect_right(ends, match.start())
            last = bisect.bisect_left(ends, match.end())
            out += tokens[copied:first]
            run: list[str] = []
            for token in tokens[first : last + 1]:
                if _ASCII_ONLY.match(token) and (
                    len(token) == 1 or not self._jieba.has_word(token)
                ):
                    run.append(token)
                    continue
                out += _hmm_latin(run)
                run = []
                out.append(token)
            out += _hmm_latin(run)
            copied = last + 1
        out += tokens[copied:]
        return out


def _hmm_latin(run: list[str]) -> list[str]:
    if len(run) <= 1 and all(len(t) == 1 for t in run):
        return run
    return [piece for piece in _HMM_SKIP.split("".join(run)) if piece]


def _rjieba_class() -> Any:
    """rjieba's ``Jieba`` class, without the module-level instance ``import rjieba`` builds
    (~0.08 s and ~25 MB for a dictionary speechparse never uses).

    The compiled module is loaded on its own and registered under its full name, so a later
    ``import rjieba`` elsewhere in the process reuses it rather than initialising it twice.
    Laid out otherwise than expected, rjieba is simply imported.
    """
    for name in ("rjieba.rjieba", "rjieba"):
        if name in sys.modules:
            return sys.modules[name].Jieba
    spec = importlib.util.find_spec("rjieba")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    found = [p for f in folders for p in Path(f).glob("rjieba.*") if p.suffix in (".so", ".pyd")]
    if len(found) == 1:
        loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(found[0]))
        ext = importlib.util.spec_from_file_location("rjieba.rjieba", found[0], loader=loader)
        if ext is not None:
            module = importlib.util.module_from_spec(ext)
            loader.exec_module(module)
            sys.modules["rjieba.rjieba"] = module
            return module.Jieba
    from rjieba import Jieba

    return Jieba


def _unmask(tokens: Sequence[str], text: str) -> list[str]:
    ends = itertools.accumulate(map(len, tokens))
    out: list[str] = []
    start = 0
    for end in ends:
        out.append(text[start:end])
        start = end
    return out


def _blocks(text: str) -> list[str]:
    """The text cut at jieba's block boundaries; concatenated, they give the text back."""
    return [b for b in HAN_BLOCK.split(text) if b]


@cache
def _build(name: str) -> Segmenter:
    if name == "rjieba":
        return _RustSegmenter()
    return _JiebaSegmenter()


def backend_name() -> str:
    """``rjieba`` when it is installed (unless ``SPEECHPARSE_SEGMENTER=jieba``), else ``jieba``."""
    wanted = os.environ.get("SPEECHPARSE_SEGMENTER", "").strip().lower()
    if wanted == "jieba":
        return "jieba"
    return "rjieba" if _rjieba_installed() else "jieba"


@cache
def _rjieba_installed() -> bool:
    return importlib.util.find_spec("rjieba") is not None  # a search of sys.path: once


def segmenter() -> Segmenter:
    """The process-wide segmenter, built once; it is never modified afterwards."""
    with _lock:
        return _build(backend_name())


def reference_segmenter() -> Segmenter:
    """jieba itself, for blocks rjieba would cut differently and for comparing backends."""
    with _lock:
        return _build("jieba")


# Lookups remembered per table: a bisection touches ~18 places scattered over hundreds of
# thousands of strings (cache misses each time), and a report's vocabulary mostly repeats.
# Answers never change, so remembering them cannot make output depend on what came before.
_MEMO_LIMIT = 200_000


class WordCounts:
    """jieba's dictionary (``dict.txt``) as sorted words and their counts, for the few lookups
    the keyword ranking makes outside the segmenter (see ``keywords._merge``)."""

    __slots__ = ("_counts", "_seen", "_words", "total")

    def __init__(self, words: tuple[str, ...], counts: array[int], total: int) -> None:
        self._words = words
        self._counts = counts
        self.total = total
        self._seen: dict[str, int | None] = {}  # answers so far (see _MEMO_LIMIT)

    def get(self, word: str) -> int | None:
        if word in self._seen:
            return self._seen[word]
        at = bisect.bisect_left(self._words, word)
        found: int | None = None
        if at < len(self._words):
            if self._words[at] == word:
                found = int(self._counts[at])
            elif self._words[at].startswith(word):
                found = 0
        if len(self._seen) < _MEMO_LIMIT:
            self._seen[word] = found
        return found


def _read_counts(path: Path) -> tuple[str, bytes, int]:
    """jieba's ``gen_pfdict`` reading: a later line for a word wins, every line adds to the
    total (jieba counts a repeated entry twice)."""
    table, total = _read_dict(path, prefixes=False)
    words = sorted(table)
    return "\n".join(words), array("q", (table[w] for w in words)).tobytes(), total


def _as_counts(value: object) -> WordCounts | None:
    """Sorted words with a non-negative count each, and a total at least their sum."""
    if not (isinstance(value, tuple) and len(value) == 3):
        return None
    text, raw, total = value
    if not (isinstance(text, str) and isinstance(raw, bytes) and type(total) is int):
        return None
    words = _sorted_words(text, len(raw) // 8)
    if words is None or len(raw) % 8:
        return None
    counts = array("q")
    counts.frombytes(raw)
    if min(counts, default=0) < 0 or sum(counts) > total:
        return None
    return WordCounts(words, counts, total)


def _sorted_words(text: str, expected: int) -> tuple[str, ...] | None:
    """``text`` split into ``expected`` words, if they are non-empty and sorted (what bisecting
    needs).

    A tuple, not a list: the cycle collector stops tracking a tuple of strings after its first
    look at it, while a list of hundreds of thousands of words would be walked item by item
    in every full collection for as long as the process lives.
    """
    if text.count("\n") + 1 != expected or not text or "\n\n" in text:
        return None
    if text[0] == "\n" or text[-1] == "\n":
        return None
    words = text.split("\n")
    return tuple(words) if sorted(words) == words else None  # one linear pass in C when sorted


@cache
def _load_counts() -> WordCounts:
    path = _jieba_dir() / "dict.txt"
    return _cache.load("counts", (_cache.stamp(path),), lambda: _read_counts(path), _as_counts)


def word_counts() -> WordCounts:
    return _load_counts()


class IdfTable:
    """jieba's IDF table (``jieba/analyse/idf.txt``) as sorted words and their weights.

    Two flat arrays load from the cache in milliseconds, where a dict of 270,000 entries
    takes a tenth of a second; a document looks up only its few hundred words.
    """

    __slots__ = ("_idf", "_seen", "_words", "median")

    def __init__(self, words: tuple[str, ...], idf: array[float], median: float) -> None:
        self._words = words
        self._idf = idf
        self.median = median
        self._seen: dict[str, float] = {}  # answers so far (see _MEMO_LIMIT)

    def get(self, word: str) -> float:
        found = self._seen.get(word)
        if found is None:
            at = bisect.bisect_left(self._words, word)
            hit = at < len(self._words) and self._words[at] == word
            found = float(self._idf[at]) if hit else self.median
            if len(self._seen) < _MEMO_LIMIT:
                self._seen[word] = found
        return found


def _read_idf(path: Path) -> tuple[str, bytes, float]:
    """jieba's ``IDFLoader``: ``word idf`` per line, a later line for a word winning, and the
    median weight (given to words the table lacks)."""
    table: dict[str, float] = {}
    for lineno, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        parts = line.strip().split(" ")
        if len(parts) != 2:
            raise ValueError(f"{path}:{lineno}: not an IDF entry")
        table[parts[0]] = float(parts[1])
    words = sorted(table)
    median = sorted(table.values())[len(table) // 2] if table else 0.0
    return "\n".join(words), array("d", (table[w] for w in words)).tobytes(), median


def _as_idf(value: object) -> IdfTable | None:
    """Sorted words with a finite weight each, and a finite median."""
    if not (isinstance(value, tuple) and len(value) == 3):
        return None
    text, raw, median = value
    if not (isinstance(text, str) and isinstance(raw, bytes) and type(median) is float):
        return None
    words = _sorted_words(text, len(raw) // 8)
    if words is None or len(raw) % 8:
        return None
    idf = array("d")
    idf.frombytes(raw)
    if not math.isfinite(math.fsum(idf) + median):  # an inf or a nan anywhere shows here
        return None
    return IdfTable(words, idf, median)


@cache
def _load_idf() -> IdfTable:
    path = _jieba_dir() / "analyse" / "idf.txt"
    return _cache.load("idf", (_cache.stamp(path),), lambda: _read_idf(path), _as_idf)


def idf_table() -> IdfTable:
    with _lock:
        return _load_idf()


def preload() -> None:
    """Load the segmenter and IDF table now, e.g. in a parent process before it forks workers,
    so each worker starts with them instead of paying the load again."""
    segmenter()
    idf_table()
