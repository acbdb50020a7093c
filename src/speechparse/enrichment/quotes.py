"""Quoted coinages ("terms") in a speech: the short phrases a speaker puts in quote marks.

Chinese policy prose marks slogans and coined programme names with quote marks
(实施“揭榜挂帅”科研项目, 「十個一」). Those phrases are worth keeping as terms because
they name things; a quoted *sentence* is reported speech, not a name, so it is left out.

Choices, so callers know what they get:

* Offsets are those of the inner text (without the marks), so ``text[start:end] == term``.
  Whitespace just inside the marks is trimmed and the offsets move with it.
* Pairing is by a stack of open marks. Each closing mark must close the innermost open
  mark of its own kind. When a closer matches a deeper opener, the openers above it were
  never closed, so the span is malformed; a closer that matches nothing is stray. Spans
  holding a stray or unclosed mark are skipped rather than reported with the mark inside
  (the well-formed spans around and within them are still reported).
* Straight ``"`` has no distinct closer: it closes the innermost open ``"`` when that is
  on top of the stack and opens one otherwise.
* Nested quotes (『』 in 「」, ‘’ in “”) are reported on their own; results are ordered by
  start offset, so an outer span comes before the spans inside it.
* A span is a quotation, not a term, when it is longer than ``MAX_TERM_CHARS`` characters
  or contains sentence-ending punctuation (。！？ and ASCII ! ?). Terms nested inside a
  skipped quotation are still reported.
* A span that crosses a line break is skipped: either the quote is unbalanced and the
  pairing reached into the next paragraph, or layout split the phrase, in which case it
  cannot be reported verbatim anyway. Empty and blank spans are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from speechparse.core.chars import SENTENCE_END

MAX_TERM_CHARS = 40

_CLOSER_OF: dict[str, str] = {
    "“": "”",
    "「": "」",
    "『": "』",
    "‘": "’",
}
_OPENER_OF: dict[str, str] = {close: open_ for open_, close in _CLOSER_OF.items()}
_STRAIGHT = '"'
_SENTENCE_END = frozenset(SENTENCE_END)
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")
_SENTENCE_END_OR_BREAK = _SENTENCE_END | _LINE_BREAKS  # what a term never holds
# ``re``: for one character class it scans about half again as fast as ``regex``.
_MARKS = re.compile("[" + re.escape(_STRAIGHT + "".join(_CLOSER_OF) + "".join(_OPENER_OF)) + "]")

# Opening and closing mark of each pair, as two-character strings.
_PAIRS = frozenset({_STRAIGHT * 2} | {open_ + close for open_, close in _CLOSER_OF.items()})


def find_quoted_terms(text: str) -> list[tuple[str, int, int]]:
    """Short quoted phrases in ``text`` as ``(inner text, start, end)``, in text order.

    Never raises: malformed quoting only means fewer terms.
    """
    if not isinstance(text, str) or _MARKS.search(text) is None:
        return []  # most paragraphs quote nothing: no pairing to set up
    marks = [(mark.start(), mark.group()) for mark in _MARKS.finditer(text)]
    spans = _flat_pairs(marks)
    stray: list[int] = []
    if spans is None:
        spans, stray = _nested_pairs(marks)
    terms: list[tuple[str, int, int]] = []
    for begin, end in spans:
        if stray and _holds_any(stray, begin, end):
            continue
        term = _as_term(text, begin, end)
        if term is not None:
            terms.append(term)
    return terms


def _flat_pairs(marks: list[tuple[int, str]]) -> list[tuple[int, int]] | None:
    """The quoted spans when each opening mark is closed by the next mark (“…”“…”), or None.

    Most quoting is that simple and needs no stack; the spans are in text order and no mark
    is stray. Anything else (nesting, a stray apostrophe) goes to :func:`_nested_pairs`.
    """
    opening, closing = marks[::2], marks[1::2]
    if len(opening) != len(closing) or any(
        o + c not in _PAIRS for (_, o), (_, c) in zip(opening, closing, strict=True)
    ):
        return None
    return [(i + 1, j) for (i, _), (j, _) in zip(opening, closing, strict=True)]


def _nested_pairs(marks: list[tuple[int, str]]) -> tuple[list[tuple[int, int]], list[int]]:
    """Quoted spans in text order, and the sorted offsets of marks left unpaired."""
    spans: list[tuple[int, int]] = []
    stray: list[int] = []  # offsets of marks left unpaired
    stack: list[tuple[str, int]] = []  # (opening mark, offset just after it)
    # Stack depths of each kind of open mark, so a closer finds its opener without walking
    # the stack (a run of unmatched closers over a deep stack was quadratic).
    open_at: dict[str, list[int]] = {mark: [] for mark in (_STRAIGHT, *_CLOSER_OF)}
    for i, ch in marks:
        if ch == _STRAIGHT:
            if stack and stack[-1][0] == _STRAIGHT:
                open_at[_STRAIGHT].pop()
                spans.append((stack.pop()[1], i))
            else:
                open_at[ch].append(len(stack))
                stack.append((ch, i + 1))
        elif ch in _CLOSER_OF:
            open_at[ch].append(len(stack))
            stack.append((ch, i + 1))
        elif ch in _OPENER_OF:
            depths = open_at[_OPENER_OF[ch]]
            if not depths:
                stray.append(i)  # e.g. an apostrophe as in China’s
                continue
            depth = depths[-1]
            begin = stack[depth][1]
            unclosed = [after - 1 for _, after in stack[depth + 1 :]]
            del stack[depth:]
            for kept in open_at.values():
                while kept and kept[-1] >= depth:
                    kept.pop()
            if unclosed:
                stray.extend(unclosed)
            else:
                spans.append((begin, i))
    stray.extend(begin - 1 for _, begin in stack)
    stray.sort()
    return sorted(spans), stray


def _holds_any(sorted_offsets: list[int], begin: int, end: int) -> bool:
    """Whether any offset lies in ``[begin, end)``."""
    k = bisect_left(sorted_offsets, begin)
    return k < len(sorted_offsets) and sorted_offsets[k] < end


def _as_term(text: str, begin: int, end: int) -> tuple[str, int, int] | None:
    """The trimmed span as a term, or None when it is empty or reads as a quotation."""
    while begin < end and text[begin].isspace() and text[begin] not in _LINE_BREAKS:
        begin += 1
    while end > begin and text[end - 1].isspace() and text[end - 1] not in _LINE_BREAKS:
        end -= 1
    inner = text[begin:end]
    if not inner or len(inner) > MAX_TERM_CHARS:
        return None
    if not _SENTENCE_END_OR_BREAK.isdisjoint(inner):
        return None
    return inner, begin, end
