"""Keywords of a speech, each tied back to where it occurs in the text it came from.

Analysts want the few content terms that set one speech apart (首位产业, 容错纠错, 人才 ...),
not the boilerplate every official speech shares (进一步 加强 推动 ...), and they want to be
able to check each term against the source, so every keyword carries its spans.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any, Literal

from speechparse.core.lexicon import load_words
from speechparse.enrichment import jieba_adapter as _segment

__all__ = ["KeywordMatch", "extract_keywords", "rank_many"]

# POS classes TextRank may rank: jieba's default (n, ns, vn, v) plus institution names (nt) and
# other proper nouns (nz), which is how the parser's own lexicon words are tagged.
_TEXTRANK_POS: tuple[str, ...] = ("n", "ns", "nt", "nz", "vn", "v")


@dataclass(frozen=True, slots=True)
class KeywordMatch:
    """A keyword with jieba's score and every place it occurs in the text given."""

    word: str
    weight: float  # jieba's score, rounded to 6 decimals so equal-looking scores tie exactly
    spans: tuple[tuple[int, int], ...]  # (start, end) into the text given; may cover a line break


@cache
def _stop_words() -> frozenset[str]:
    # Lower-cased because jieba compares ``word.lower()`` against its stop list.
    try:
        words = load_words("stopwords")
    except (OSError, UnicodeDecodeError):  # keywords get noisier, but extraction still works
        words = ()
    return frozenset(w.lower() for w in words)


class _CompactView:
    """The text with all whitespace removed, plus the way back to original offsets.

    Newspaper text is often hard-wrapped mid-word ("创新引\\n才"); searching the compact view
    still finds such a word, and its span then simply covers the break.
    """

    __slots__ = ("offsets", "text")

    def __init__(self, text: str) -> None:
        self.offsets = [i for i, ch in enumerate(text) if not ch.isspace()]
        self.text = "".join(text[i] for i in self.offsets)

    def _splits_latin(self, start: int, end: int) -> bool:
        # Whitespace between two Latin letters/digits is a real word boundary (see
        # _for_segmentation), so "a b" is not an occurrence of "ab".
        return any(
            self.offsets[i] - self.offsets[i - 1] > 1
            and _latin_or_digit(self.text[i - 1])
            and _latin_or_digit(self.text[i])
            for i in range(start + 1, end)
        )

    def _occurrences(self, word: str) -> Iterator[int]:
        at = self.text.find(word) if word else -1
        while at >= 0:
            end = at + len(word)
            if self._splits_latin(at, end):
                at = self.text.find(word, at + 1)
                continue
            yield at
            at = self.text.find(word, end)

    def first(self, word: str) -> int:
        return next(self._occurrences(word), -1)

    def spans(self, word: str) -> tuple[tuple[int, int], ...]:
        return tuple(
            (self.offsets[at], self.offsets[at + len(word) - 1] + 1)
            for at in self._occurrences(word)
        )


_LATIN_GAP = re.compile(r"(?<=[A-Za-z0-9])\s+(?=[A-Za-z0-9])")
_WHITESPACE = re.compile(r"\s+")


def _for_segmentation(text: str) -> str:
    """Drop whitespace the way a reader would: it is never a word boundary between CJK
    characters, but it is one between two Latin letters or digits ("GDP 2023")."""
    return _WHITESPACE.sub("", _LATIN_GAP.sub("\x00", text)).replace("\x00", " ")


def _latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_keyword(word: str, stop_words: frozenset[str]) -> bool:
    # Single characters and bare numbers (2023, 三五) say nothing about a speech's subject,
    # and a term must contain a letter or a CJK character to be readable as one.
    return (
        len(word) >= 2
        and word.lower() not in stop_words
        and any(ch.isalpha() and not ch.isnumeric() for ch in word)
    )


def _scored(
    text: str, method: Literal["tfidf", "textrank"], stop_words: frozenset[str]
) -> list[tuple[str, float]]:
    extractor: Any
    if method == "tfidf":
        extractor = _segment.get_tfidf(stop_words)
        pairs = extractor.extract_tags(text, topK=None, withWeight=True)
    else:
        extractor = _segment.get_textrank(stop_words)
        pairs = extractor.textrank(text, topK=None, withWeight=True, allowPOS=_TEXTRANK_POS)
    return [(str(word), float(weight)) for word, weight in pairs]


def extract_keywords(
    text: str,
    *,
    top_k: int = 10,
    method: Literal["tfidf", "textrank"] = "tfidf",
    extra_words: Iterable[str] = (),
) -> list[KeywordMatch]:
    """The ``top_k`` most distinctive terms of ``text``, best first, each with its spans.

    ``extra_words`` (organisation names the parser found, policy phrases such as 首位产业) are
    taught to the private tokenizer once, so they come out as single terms from then on.
    Ties in weight are broken by first occurrence, so the result is reproducible. Any string is
    accepted; text with nothing extractable gives ``[]``.
    """
    if method not in ("tfidf", "textrank"):
        raise ValueError(f"method must be 'tfidf' or 'textrank', not {method!r}")
    if top_k <= 0:
        return []
    _segment.add_words(extra_words)
    view = _CompactView(text)
    if not view.text:  # nothing to segment: skip loading jieba's tables at all
        return []
    stop_words = _stop_words()
    candidates: list[tuple[float, int, str]] = []
    for word, weight in _scored(_for_segmentation(text), method, stop_words):
        if not _is_keyword(word, stop_words):
            continue
        first = view.first(word)
        if first < 0:  # not groundable in the source: never report it
            continue
        candidates.append((round(weight, 6), first, word))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    return [
        KeywordMatch(word=word, weight=weight, spans=view.spans(word))
        for weight, _first, word in candidates[:top_k]
    ]


def _counts(tfidf: Any, text: str) -> Counter[str]:
    """Word counts as jieba's ``extract_tags`` counts them (two characters, no stop word)."""
    return Counter(
        w
        for w in tfidf.tokenizer.cut(text)
        if len(w.strip()) >= 2 and w.lower() not in tfidf.stop_words
    )


def _rank(tfidf: Any, freq: Counter[str], text: str, top_k: int) -> list[tuple[str, float]]:
    """The ``top_k`` terms by TF-IDF; ties go to the earlier term, as in ``extract_keywords``.

    ``text`` is already prepared for segmentation (see :func:`_for_segmentation`). Only the
    terms that can still make the list are looked up in the text, so a long report does not
    pay a search for each of its thousands of words.
    """
    total = sum(freq.values())
    if not total:
        return []
    stop_words = _stop_words()
    compacted = text.replace(" ", "")
    weighted = sorted(
        (
            (round(count * tfidf.idf_freq.get(word, tfidf.median_idf) / total, 6), word)
            for word, count in freq.items()
            if _is_keyword(word, stop_words)
        ),
        key=itemgetter(0),
        reverse=True,
    )
    chosen: list[tuple[str, float]] = []
    i = 0
    while i < len(weighted) and len(chosen) < top_k:
        j = i
        while j < len(weighted) and weighted[j][0] == weighted[i][0]:
            j += 1
        tied = [(compacted.find(word), word) for _, word in weighted[i:j]]
        # A term that cannot be found in the text cannot be grounded: it is never reported.
        chosen.extend((word, weighted[i][0]) for first, word in sorted(tied) if first >= 0)
        i = j
    return chosen[:top_k]


def rank_many(
    texts: Sequence[str], *, top_k: int, top_k_all: int, extra_words: Iterable[str] = ()
) -> tuple[list[list[tuple[str, float]]], list[tuple[str, float]]]:
    """TF-IDF terms of each text and of all texts together, segmenting each text only once.

    The speeches of a report and the report as a whole share one segmentation: the report's
    counts are the sum of its speeches' counts, which is what segmenting the joined text gives.
    """
    _segment.add_words(extra_words)
    if not any(t.strip() for t in texts):
        return [[] for _ in texts], []
    tfidf = _segment.get_tfidf(_stop_words())
    texts = [_for_segmentation(t) for t in texts]
    counts = [_counts(tfidf, t) for t in texts]
    per_text = [_rank(tfidf, c, t, top_k) for c, t in zip(counts, texts, strict=True)]
    total: Counter[str] = Counter()
    for c in counts:
        total.update(c)
    together = _rank(tfidf, total, "".join(texts), top_k_all)
    return per_text, together
