"""Keywords of a speech, each tied back to where it occurs in the text it came from.

Analysts want the few content terms that set one speech apart (首位产业, 容错纠错, 人才 ...),
not the boilerplate every official speech shares (进一步 加强 推动 ...), and they want to be
able to check each term against the source, so every keyword carries its spans.

Ranking is jieba's TF-IDF (``jieba.analyse.extract_tags``) on jieba's tokens. Terms jieba's
dictionary does not know but the document shows to be single terms — job titles from the
lexicon, the document's quoted terms and unit names — are *user words*: after the fixed
segmenter has cut the text, the tokens that spell a user word are joined into one (see
:func:`_merge`). The user words live only for that call, so a document's keywords depend on
its own text and nothing parsed before it.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter

from speechparse.core.lexicon import lexicon
from speechparse.enrichment import jieba_adapter as _segment

__all__ = ["KeywordMatch", "extract_keywords", "preload", "rank_many", "segment"]

# jieba.analyse.tfidf.KeywordExtractor.STOP_WORDS, which extract_tags always applies.
_JIEBA_STOP_WORDS = (
    "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as",
    "on", "with", "can", "if", "from", "which", "you", "it", "this", "then", "at", "have",
    "all", "not", "one", "has", "or",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class KeywordMatch:
    """A keyword with its TF-IDF score and every place it occurs in the text given."""

    word: str
    weight: float  # rounded to 6 decimals so equal-looking scores tie exactly
    spans: tuple[tuple[int, int], ...]  # (start, end) into the text given; may cover a line break


@cache
def _stop_words() -> frozenset[str]:
    # Lower-cased because jieba compares ``word.lower()`` against its stop list.
    return frozenset(w.lower() for w in (*lexicon().stopwords, *_JIEBA_STOP_WORDS))


def _normalise(word: str) -> str | None:
    """The form a user word is matched in, or None when jieba could never emit it as one token:
    text is segmented with whitespace dropped, and jieba's tokens never cross its block
    boundaries (punctuation, symbols)."""
    word = "".join(word.split())
    return word if len(word) >= 2 and _segment.HAN_BLOCK.fullmatch(word) else None


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex alternative per first character, recursively: matching then costs a set test
    per position instead of one attempt per word, and the longest word at a position wins."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def pattern(node: _Trie) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(root)


# How many patterns the lexicon's words are split into, by first character. At a position
# holding a possible first character, a pattern tries its first-level alternatives one after
# the other (~200 for one pattern over the whole lexicon), while positions holding none are
# skipped in C; a few patterns, each over part of the first characters, cost a few quick
# scans of the text but a few times fewer alternatives at each candidate position.
_TRIE_PARTS = 5


@cache
def _lexicon_words() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    # Job titles are user words in every document.
    words = frozenset(w for w in map(_normalise, lexicon().titles) if w is not None)
    firsts = sorted({w[0] for w in words})
    parts = [frozenset(firsts[i::_TRIE_PARTS]) for i in range(min(_TRIE_PARTS, len(firsts)))]
    return words, tuple(
        re.compile(_trie_pattern(w for w in words if w[0] in part)) for part in parts
    )


class _UserWords:
    """The lexicon's words plus one document's own, for that document's calls only."""

    __slots__ = ("_extra",)

    def __init__(self, extra_words: Iterable[str]) -> None:
        if isinstance(extra_words, str):  # a bare string is one word, not its characters
            extra_words = (extra_words,)
        lexicon, _ = _lexicon_words()
        found = (_normalise(w) for w in extra_words)
        self._extra = sorted({w for w in found if w is not None and w not in lexicon})

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        """Where user words occur in ``text``, by start and then longest first."""
        return self.occurrences_many([text])[0]

    def occurrences_many(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """:meth:`occurrences` of each text, found in one pass over all of them.

        The texts are searched joined by line breaks (a text prepared for segmentation holds
        none, nor does a user word), so each word is looked for once per report rather than
        once per speech, and no match can straddle two texts.
        """
        if len(texts) != 1:
            joined = "\n".join(texts)
            starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
            out: list[list[tuple[int, int]]] = [[] for _ in texts]
            for start, end in self._find(joined):
                k = bisect_right(starts, start) - 1
                out[k].append((start - starts[k], end - starts[k]))
            for found in out:
                found.sort(key=lambda span: (span[0], -span[1]))
            return out
        found = self._find(texts[0])
        found.sort(key=lambda span: (span[0], -span[1]))
        return [found]

    def _find(self, text: str) -> list[tuple[int, int]]:
        _, patterns = _lexicon_words()
        found: list[tuple[int, int]] = []
        # The longest word at every position where one starts, overlapping ones included
        # (业主 must not hide 主要负责人 in 企业主要负责人); the patterns' words start with
        # different characters, so they never find the same place.
        for pattern in patterns:
            match = pattern.search(text)
            while match is not None:
                found.append(match.span())
                match = pattern.search(text, match.start() + 1)
        for word in self._extra:
            at = text.find(word)
            while at >= 0:
                found.append((at, at + len(word)))
                at = text.find(word, at + 1)
        return found


def _merge(tokens: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """``tokens`` with each user word's span made one token where jieba would have done so.

    jieba, had the word been added to its dictionary with the count ``suggest_freq`` gives,
    would take it wherever its route through the word beats the route it took without it. So
    for each span the tokens it touches are compared with the alternative — the characters
    beside the word cut again, the word itself one token — by jieba's own route score, and the
    better one kept. The characters beside the word are widened to the whole HMM buffer they
    were part of (single characters and what jieba's HMM joined them into), which jieba cuts
    again once the word splits it. Of overlapping spans the first kept wins.
    """
    if not spans:
        return tokens
    seg = _segment.segmenter()
    ends = list(itertools.accumulate(map(len, tokens)))
    text = "".join(tokens)
    out: list[str] = []
    copied = 0  # tokens before this index are in ``out``
    for start, end in spans:
        first, last = bisect_right(ends, start), bisect_left(ends, end)
        if first < copied:
            continue  # overlaps a span already merged
        if _from_buffer(seg, tokens[first]):
            while first > copied and _from_buffer(seg, tokens[first - 1]):
                first -= 1
        if _from_buffer(seg, tokens[last]):
            while last + 1 < len(tokens) and _from_buffer(seg, tokens[last + 1]):
                last += 1
        head, tail = ends[first] - len(tokens[first]), ends[last]
        word = text[start:end]
        before = tokens[first : last + 1]
        if (head, tail) == (start, end) and all(seg.freq(t) for t in before):
            # Dictionary words that spell the word exactly: its suggested count beats their
            # product by construction, so jieba would take it without needing a score.
            if len(before) == 1:
                continue
            after = [word]
        else:
            after = [
                *(seg.cut(text[head:start]) if head < start else ()),
                word,
                *(seg.cut(text[end:tail]) if end < tail else ()),
            ]
            if after == before:
                continue
            if _route_score(seg, after, word) <= _route_score(seg, before, None):
                continue
        out += tokens[copied:first]
        out += after
        copied = last + 1
    out += tokens[copied:]
    return out


def _from_buffer(seg: _segment.Segmenter, token: str) -> bool:
    """A token jieba's route did not take from the dictionary: a single character, or several
    its HMM joined. Punctuation and spaces end jieba's blocks, so they are never part of one."""
    in_block = _segment.HAN_BLOCK.fullmatch(token) is not None
    return in_block and (len(token) == 1 or not seg.freq(token))


def _route_score(seg: _segment.Segmenter, tokens: Iterable[str], word: str | None) -> float:
    """The log probability jieba's route gives these tokens: a dictionary word is one step, a
    token its HMM made is one step per character (``FREQ.get(x) or 1``); ``word`` counts as a
    dictionary word of ``suggest_freq`` count."""
    log_total = math.log(seg.total)
    score = 0.0
    for token in tokens:
        count = _suggest_freq(seg, token) if token == word else seg.freq(token)
        if count:
            score += math.log(count) - log_total
        else:
            score += sum(math.log(seg.freq(ch) or 1) - log_total for ch in token)
    return score


def _suggest_freq(seg: _segment.Segmenter, word: str) -> int:
    """``jieba.Tokenizer.suggest_freq(word, tune=False)`` on the fixed dictionary: the
    smallest count at which the word beats its own best split."""
    total = seg.total
    product = 1.0
    for piece in _cut_no_hmm(seg, word):
        count = seg.freq(piece)
        product *= (1 if count is None else count) / total
    return max(int(product * total) + 1, seg.freq(word) or 1)


_ASCII_CHAR = re.compile(r"[a-zA-Z0-9]")


def _cut_no_hmm(seg: _segment.Segmenter, text: str) -> list[str]:
    """jieba's ``cut(text, HMM=False)`` for one block: its maximum-probability route over the
    dictionary, with runs of single Latin letters and digits joined."""
    n = len(text)
    log_total = math.log(seg.total)
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for i in range(n - 1, -1, -1):
        # jieba's get_DAG: words starting here, until a fragment is not even a prefix.
        ends: list[int] = []
        for j in range(i + 1, n + 1):
            count = seg.freq(text[i:j])
            if count is None:
                break
            if count:
                ends.append(j)
        ends = ends or [i + 1]
        route[i] = max(
            (math.log(seg.freq(text[i:j]) or 1) - log_total + route[j][0], j - 1) for j in ends
        )
    pieces: list[str] = []
    latin = ""
    i = 0
    while i < n:
        j = route[i][1] + 1
        piece = text[i:j]
        if j - i == 1 and _ASCII_CHAR.match(piece):
            latin += piece
        else:
            if latin:
                pieces.append(latin)
                latin = ""
            pieces.append(piece)
        i = j
    if latin:
        pieces.append(latin)
    return pieces


def segment(text: str, *, extra_words: Iterable[str] = ()) -> list[str]:
    """jieba's tokens of ``text`` with the lexicon's and ``extra_words``' terms kept whole."""
    return _segment_with(text, _UserWords(extra_words))


def _segment_with(text: str, user_words: _UserWords) -> list[str]:
    return _merge(_segment.segmenter().cut(text), user_words.occurrences(text))


_LATIN_GAP = re.compile(r"(?<=[A-Za-z0-9])\s+(?=[A-Za-z0-9])")
_WHITESPACE = re.compile(r"\s+")


def _for_segmentation(text: str) -> str:
    """Drop whitespace the way a reader would: it is never a word boundary between CJK
    characters, but it is one between two Latin letters or digits ("GDP 2023")."""
    return _WHITESPACE.sub("", _LATIN_GAP.sub("\x00", text)).replace("\x00", " ")


def _is_keyword(word: str, stop_words: frozenset[str]) -> bool:
    # Single characters and bare numbers (2023, 三五) say nothing about a speech's subject,
    # and a term must contain a letter or a CJK character that is not a numeral to be
    # readable as one. (For an all-letter word that is: not all numerals.)
    if len(word) < 2 or word.lower() in stop_words:
        return False
    if word.isalpha():
        return not word.isnumeric()
    return any(ch.isalpha() and not ch.isnumeric() for ch in word)


def _counts(tokens: Iterable[str]) -> Counter[str]:
    """Word counts as jieba's ``extract_tags`` counts them (two characters, no stop word).

    Segmented text holds no whitespace but the single spaces between Latin words, so a
    token's length is its stripped length."""
    stop_words = _stop_words()
    raw = Counter(tokens)  # counted in C; each distinct word is then checked once
    return Counter({w: n for w, n in raw.items() if len(w) >= 2 and w.lower() not in stop_words})


def _idf_of_keywords(words: Iterable[str]) -> dict[str, float]:
    """The IDF of each of ``words`` that can be a keyword, looked up once per call."""
    stop_words = _stop_words()
    idf = _segment.idf_table()
    return {w: idf.get(w) for w in words if _is_keyword(w, stop_words)}


def _rank(
    freq: Counter[str], text: str, top_k: int, idf_of: dict[str, float]
) -> list[tuple[str, float]]:
    """The ``top_k`` terms by TF-IDF; ties go to the term that occurs first in ``text``.

    ``text`` is already prepared for segmentation (see :func:`_for_segmentation`); ``idf_of``
    holds the words that can be keywords. Only the terms that can still make the list are
    looked up in the text, so a long report does not pay a search for each of its words.
    """
    total = sum(freq.values())
    if not total or top_k <= 0:
        return []
    scores = {word: count * idf_of[word] for word, count in freq.items() if word in idf_of}
    if len(scores) > top_k:
        # Rounding keeps the order of the scores, so every term whose rounded weight can reach
        # the k-th best rounded weight scores at least that weight less a rounding step: only
        # those are rounded and sorted (a speech has hundreds of terms, the list holds ten).
        kth = sorted(scores.values(), reverse=True)[top_k - 1]  # a sort in C: cheaper here
        floor = (round(kth / total, 6) - 1e-6) * total
        head = [(score, word) for word, score in scores.items() if score >= floor]
        chosen = _chosen(head, total, text, top_k)
        if len(chosen) >= top_k:
            return chosen[:top_k]
    return _chosen([(score, word) for word, score in scores.items()], total, text, top_k)[:top_k]


def _chosen(
    scored: list[tuple[float, str]], total: int, text: str, top_k: int
) -> list[tuple[str, float]]:
    """The best groups of equal rounded weight, until they hold ``top_k`` terms found in
    ``text`` (ties in the order of first occurrence, then by the term); fewer if they run out."""
    compacted = text.replace(" ", "")
    weighted = sorted(
        ((round(score / total, 6), word) for score, word in scored),
        key=itemgetter(0),
        reverse=True,
    )
    chosen: list[tuple[str, float]] = []
    for weight, tied in itertools.groupby(weighted, key=itemgetter(0)):
        firsts = sorted((compacted.find(word), word) for _, word in tied)
        # A term that cannot be found in the text cannot be grounded: it is never reported.
        chosen += [(word, weight) for first, word in firsts if first >= 0]
        if len(chosen) >= top_k:
            break
    return chosen


def rank_many(
    texts: Sequence[str], *, top_k: int, top_k_all: int, extra_words: Iterable[str] = ()
) -> tuple[list[list[tuple[str, float]]], list[tuple[str, float]]]:
    """TF-IDF terms of each text and of all texts together, segmenting each text only once.

    The speeches of a report and the report as a whole share one segmentation: the report's
    counts are the sum of its speeches' counts, which is what segmenting the joined text gives.
    ``extra_words`` (the document's quoted terms and unit names) are user words for this call.
    """
    if not any(t.strip() for t in texts):
        return [[] for _ in texts], []
    user_words = _UserWords(extra_words)
    prepared = [_for_segmentation(t) for t in texts]
    cut = _segment.segmenter().cut
    counts = [
        _counts(_merge(cut(t), found))
        for t, found in zip(prepared, user_words.occurrences_many(prepared), strict=True)
    ]
    total: Counter[str] = Counter()
    for c in counts:
        total.update(c)
    idf_of = _idf_of_keywords(total)
    per_text = [_rank(c, t, top_k, idf_of) for c, t in zip(counts, prepared, strict=True)]
    together = _rank(total, "".join(prepared), top_k_all, idf_of)
    return per_text, together


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

    def spans(self, word: str) -> tuple[tuple[int, int], ...]:
        return tuple(
            (self.offsets[at], self.offsets[at + len(word) - 1] + 1)
            for at in self._occurrences(word)
        )


def _latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def extract_keywords(
    text: str, *, top_k: int = 10, extra_words: Iterable[str] = ()
) -> list[KeywordMatch]:
    """The ``top_k`` most distinctive terms of one ``text``, best first, each with its spans.

    The same ranking as :func:`rank_many`, for a single text, with spans into ``text`` as
    given. Any string is accepted; text with nothing extractable gives ``[]``.
    """
    if top_k <= 0:
        return []
    view = _CompactView(text)
    if not view.text:  # nothing to segment: skip loading the segmenter at all
        return []
    prepared = _for_segmentation(text)
    freq = _counts(_segment_with(prepared, _UserWords(extra_words)))
    found: list[KeywordMatch] = []
    for word, weight in _rank(freq, prepared, len(freq), _idf_of_keywords(freq)):
        spans = view.spans(word)
        if spans:  # every occurrence split by a space between Latin words: not groundable
            found.append(KeywordMatch(word=word, weight=weight, spans=spans))
            if len(found) == top_k:
                break
    return found


def preload() -> None:
    """Load everything keyword extraction needs now — e.g. in a parent process before it forks
    workers, so that each starts with the tables instead of loading them again."""
    _segment.preload()
    _stop_words()
    _lexicon_words()
