"""Small text helpers shared by the stages: compact views, layout text, regex building."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

import regex

from speechparse.core.chars import CLOSERS, LAYOUT_SPACE, SENTENCE_END

_FINAL = frozenset(SENTENCE_END)
_CLOSERS = CLOSERS
_LAYOUT_SPACE = LAYOUT_SPACE


def alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first; refuses an empty list.

    An empty alternation would match the empty string everywhere, silently.
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if not unique:
        raise ValueError("alt() needs at least one word")
    return "(?:" + "|".join(regex.escape(w) for w in unique) + ")"


def is_terminated(folded: str) -> bool:
    """Whether a paragraph ends a sentence (so a following chunk is a new paragraph)."""
    tail = folded.rstrip(_LAYOUT_SPACE + "\n").rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _FINAL


def layout_text(source: str, start: int, end: int) -> str:
    """``source[start:end]`` with layout line breaks, indentation and line-end spaces removed.

    Two ASCII word characters meeting across a line break keep one space between them, so
    Latin words do not fuse; CJK text joins directly.
    """
    piece = source[start:end]
    if "\n" not in piece and "\r" not in piece:
        return piece.strip(_LAYOUT_SPACE)
    lines = _BREAK.split(piece)
    out = lines[0].rstrip(_LAYOUT_SPACE)
    for line in lines[1:]:
        line = line.strip(_LAYOUT_SPACE)
        if not line:
            continue
        if (
            out
            and out[-1].isascii()
            and out[-1].isalnum()
            and line[0].isascii()
            and line[0].isalnum()
        ):
            out += " "
        out += line
    return out.strip(_LAYOUT_SPACE)


class OffsetMap:
    """Compact position → source offset, stored as runs of consecutive source offsets.

    A compact view is a few long stretches of the source glued together, so a run list is a
    few numbers per line where a per-character table took ~36 bytes per character (a tuple
    slot plus an int object) and dominated peak memory on large inputs.
    """

    __slots__ = ("_length", "_sources", "_starts")

    def __init__(self, starts: Sequence[int], sources: Sequence[int], length: int) -> None:
        self._starts = starts  # compact position where each run begins (ascending)
        self._sources = sources  # source offset of that position
        self._length = length

    @classmethod
    def one_run(cls, source: int, length: int) -> OffsetMap:
        """The map of ``length`` characters copied unbroken from ``source`` on."""
        return cls((0,), (source,), length)

    def __len__(self) -> int:
        return self._length

    def runs(self) -> list[tuple[int, int]]:
        """The stretches copied unbroken from the source: (compact offset, source offset)."""
        return list(zip(self._starts, self._sources, strict=True))

    def __getitem__(self, i: int) -> int:
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("compact position out of range")
        if len(self._starts) == 1:  # one run, as most lines are: no search
            return self._sources[0] + i
        k = bisect_right(self._starts, i) - 1
        return self._sources[k] + i - self._starts[k]


@dataclass(frozen=True, slots=True)
class Compact:
    """A view of ``source[start:end]`` without line breaks and indentation, mapped back.

    Patterns run on ``text`` (folded, breaks removed, space runs collapsed to one space);
    ``index[i]`` is the source offset of ``text[i]``.
    """

    text: str
    index: OffsetMap | tuple[int, ...]

    def src(self, i: int) -> int:
        """Source offset of compact position ``i`` (``len`` maps past the last char)."""
        if i < len(self.index):
            return self.index[i]
        return self.index[-1] + 1 if len(self.index) else 0

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Source [start, end) of compact [i, j)."""
        if j <= i:
            s = self.src(i)
            return s, s
        return self.index[i], self.index[j - 1] + 1


_BREAK = regex.compile(r"\r\n|\r|\n")
_RUN = regex.compile(r"[^ \u3000\t\r\n\xa0]+")


def _letter_spaced(runs: list[regex.Match[str]]) -> bool:
    singles = sum(1 for m in runs if m.end() - m.start() == 1)
    return singles >= 0.7 * len(runs) and all(m.end() - m.start() <= 2 for m in runs)


def _one_run(piece: str) -> bool:
    """Whether ``piece`` holds no layout character (space, U+3000, tab, CR, LF, NBSP).

    Six ``in`` tests scan the string in C at a fraction of the cost of one pattern search.
    """
    return not (
        " " in piece
        or "\u3000" in piece
        or "\t" in piece
        or "\r" in piece
        or "\n" in piece
        or "\xa0" in piece
    )


def compact(folded: str, start: int, end: int) -> Compact:
    """Build a :class:`Compact` view of ``folded[start:end]``.

    Line by line: indentation and line-end spaces go, runs of inner spaces become one space
    (kept, as they separate names), and lines join with nothing between them.
    """
    piece = folded[start:end]
    if piece and _one_run(piece):  # one run as it stands: most lines
        return Compact(piece, OffsetMap.one_run(start, len(piece)))
    parts: list[str] = []
    starts = array("q")
    sources = array("q")
    length = 0
    next_source = -1  # source offset that would continue the current run
    line_start = start
    for line_end in [*(m.start() for m in _BREAK.finditer(folded, start, end)), end]:
        runs = _RUN.finditer(folded, line_start, line_end)
        first = next(runs, None)
        if first is not None:
            rest = list(runs)
            # Letter-spaced PDF text (`市 财 政 局 局 长`): single characters all along the
            # line (punctuation may cling to one) are words only in appearance; the spaces
            # are layout.
            spaced_letters = len(rest) >= 3 and _letter_spaced([first, *rest])
            previous_end = -1
            for m in (first, *rest):
                at, piece = m.start(), m.group()
                if previous_end >= 0 and not spaced_letters:
                    if previous_end != next_source:
                        starts.append(length)
                        sources.append(previous_end)
                    parts.append(" ")
                    length += 1
                    next_source = previous_end + 1
                if at != next_source:
                    starts.append(length)
                    sources.append(at)
                parts.append(piece)
                length += len(piece)
                previous_end = next_source = at + len(piece)
        line_start = line_end
        while line_start < end and folded[line_start] in "\r\n":
            line_start += 1
            if folded[line_start - 1] == "\n":
                break
    return Compact("".join(parts), OffsetMap(starts, sources, length))


class LineIndex:
    """Offset to 1-based line:column, for messages that name a place."""

    def __init__(self, text: str) -> None:
        # An array, not a list: a list holds an int object (~40 bytes) per line.
        self._starts = array("q", [0])
        if "\r" in text:
            self._starts.extend(m.end() for m in _BREAK.finditer(text))
        else:  # one split and running sums in C, not a match object per line
            lengths = map(len, text.split("\n")[:-1])
            self._starts.extend(accumulate(map((1).__add__, lengths)))

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1 if offset >= 0 else 0
        return line + 1, offset - self._starts[line] + 1
