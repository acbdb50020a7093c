"""The document every building stage reads: the source, its folded view, and line numbers.

Decisions were taken on the folded view; values are cut from the source at the same offsets,
so a traditional-script report keeps its own characters. The value is frozen: stages read it
and return what they found (diagnostics included) instead of writing into shared state.

Stages 6 to 8 cut a few hundred spans per report, so the helpers here are the hot path of
model building: the common case (a piece of one line) is answered with string methods, and
spans are validated by the model's own validator without the keyword-argument round trip of
``Span(...)``.
"""

from __future__ import annotations

import gc
import re
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from speechparse.core.chars import LAYOUT_SPACE
from speechparse.core.diagnostics import Code, severity_of
from speechparse.core.text import Compact, LineIndex, OffsetMap, compact, layout_text
from speechparse.models import Diagnostic, Span

_M = TypeVar("_M", bound=BaseModel)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a model-building stage runs, then as it was.

    Stages 6 and 8 build a few hundred models per seed-sized report and none forms a cycle
    (refcounting frees whatever they drop), yet every few hundred allocations the collector
    walks the young objects, and every few of those walks all that the parse holds: on a
    report 128 times the seed's size that was a third of stage 6's time, growing faster
    than the report. Paused, it sees these objects once, afterwards.
    """
    if not gc.isenabled():  # paused by the caller or an enclosing stage: theirs to resume
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def validator(model: type[_M]) -> Callable[[dict[str, Any]], _M]:
    """``model``'s own validator: ``validator(M)(fields)`` is ``M(**fields)`` (the same checks,
    ``model_post_init`` included, and the same instance) without the constructor's Python
    frame, which costs a quarter of a small model's construction; stages 6 to 8 build a
    hundred and more per seed-sized report.
    """
    validate: Callable[[dict[str, Any]], _M] = model.__pydantic_validator__.validate_python
    return validate


# Spans are most of a report's models: one validator, looked up once.
_validate_span = validator(Span)


def new_span(text: str, start: int, end: int) -> Span:
    """A validated :class:`Span` (exactly what ``Span(text=…, start=…, end=…)`` gives)."""
    return _validate_span({"text": text, "start": start, "end": end})


def cut(source: str, start: int, end: int) -> str:
    """``layout_text(source, start, end)``, answering a piece of one line without a split."""
    piece = source[start:end]
    if "\n" in piece or "\r" in piece:
        return layout_text(source, start, end)
    return piece.strip(LAYOUT_SPACE)


_TRAILING = LAYOUT_SPACE + "\n"
# Character classes, which ``re`` scans faster than ``regex`` does.
_LAYOUT = re.compile(r"[ \u3000\t\r\n\xa0]")
_INNER_SPACE = re.compile(r"[ \u3000\t\xa0]")
_LINE = re.compile(r"[^\r\n]+")


def paragraph_view(folded: str, start: int, end: int) -> Compact:
    """``compact(folded, start, end)``, for any range, built without its line-by-line walk.

    A paragraph cut before a trailing byline ends with the space before it, and a hard-wrapped
    one holds line breaks; either sends :func:`compact` down its general path, a few times
    slower than its one-run path. Without trailing layout the view is the same; and when the
    lines hold no space, each line is one run, so the view is the lines joined.
    """
    piece = folded[start:end].rstrip(_TRAILING)
    if not piece:
        return compact(folded, start, end)
    stop = start + len(piece)
    if _LAYOUT.search(piece) is None:  # one run: the view is the piece itself
        return Compact(piece, OffsetMap.one_run(start, len(piece)))
    if _INNER_SPACE.search(piece) is not None:
        return compact(folded, start, stop)
    starts, sources = array("q"), array("q")
    runs: list[str] = []
    length = 0
    if "\r" in piece:
        lines = [(m.start(), m.group()) for m in _LINE.finditer(folded, start, stop)]
    else:  # `\n` alone breaks the lines: split, each line's offset counted on
        lines = []
        at = start
        for line in piece.split("\n"):
            if line:
                lines.append((at, line))
            at += len(line) + 1
    for at, run in lines:
        starts.append(length)
        sources.append(at)
        runs.append(run)
        length += len(run)
    return Compact("".join(runs), OffsetMap(starts, sources, length))


HeldView = Compact | OffsetMap
"""A view kept for a later stage: the view itself, or only its offset map (see held_view)."""


def held_view(view: Compact) -> HeldView:
    """What to keep of ``view`` while it waits for a later stage: its offset map alone when
    that rebuilds it (:func:`restored_view`), else the view.

    A view's text is a copy of the paragraph (two bytes a character for Chinese), and views
    kept while the draft is still held raised the parse's peak memory; the map is a few
    numbers per line. Every character of a view is the folded character its offset maps to,
    except the single space that stands for a run of inner spaces: without one, the folded
    text gives the view back.
    """
    index = view.index
    if isinstance(index, OffsetMap) and " " not in view.text:
        return index
    return view


def restored_view(folded: str, held: HeldView) -> Compact:
    """The view :func:`held_view` kept: the folded slices of its runs, joined."""
    if isinstance(held, Compact):
        return held
    runs = held.runs()
    if not runs:
        return Compact("", held)
    if len(runs) == 1:  # one unbroken stretch: most paragraphs
        source = runs[0][1]
        return Compact(folded[source : source + len(held)], held)
    ends = [start for start, _ in runs[1:]]
    ends.append(len(held))
    text = "".join(
        folded[source : source + end - start]
        for (start, source), end in zip(runs, ends, strict=True)
    )
    return Compact(text, held)


def source_range(view: Compact, i: int, j: int) -> tuple[int, int]:
    """``view.span(i, j)``: the source [start, end) of compact [i, j)."""
    if j <= i:
        s = view.src(i)
        return s, s
    index = view.index
    return index[i], index[j - 1] + 1


class Cuts:
    """Spans cut out of one compact view, for a stage that cuts several from it.

    Most views (a designation line, a byline) are one unbroken stretch of the source; then a
    compact offset maps by one addition, without a lookup per offset.
    """

    __slots__ = ("_base", "_length", "_source", "_view")

    def __init__(self, source: str, view: Compact) -> None:
        index = view.index
        length = len(index)
        self._source = source
        self._view = view
        self._length = length
        # Source offsets rise through the view, so equal ends mean one run.
        first = index[0] if length else -1
        self._base = first if length and index[length - 1] - first == length - 1 else -1

    def range(self, i: int, j: int) -> tuple[int, int]:
        """``view.span(i, j)``: the source [start, end) of compact [i, j)."""
        base = self._base
        if base < 0 or i < 0 or j > self._length:
            return source_range(self._view, i, j)
        if j <= i:
            s = base + min(i, self._length)
            return s, s
        return base + i, base + j

    def text(self, i: int, j: int) -> str:
        """The source text of compact [i, j), layout removed."""
        return cut(self._source, *self.range(i, j))

    def span(self, i: int, j: int) -> Span:
        """``Document.view_span`` of compact [i, j)."""
        start, end = self.range(i, j)
        return new_span(cut(self._source, start, end), start, end)


@dataclass(frozen=True, slots=True)
class Document:
    """The decoded source, its folded twin (same length) and its line starts."""

    source: str
    folded: str
    lines: LineIndex

    def text(self, start: int, end: int) -> str:
        """The source slice with layout whitespace removed: the ``text`` of a span."""
        return cut(self.source, start, end)

    def span(self, start: int, end: int) -> Span:
        return new_span(cut(self.source, start, end), start, end)

    def view_span(self, view: Compact, start: int, end: int) -> Span:
        """The span of compact offsets ``[start, end)`` of ``view``."""
        if end <= start:
            s = view.src(start)
            return new_span(cut(self.source, s, s), s, s)
        index = view.index
        a, b = index[start], index[end - 1] + 1
        return new_span(cut(self.source, a, b), a, b)

    def cuts(self, view: Compact) -> Cuts:
        """A cutter of spans out of ``view`` (for several cuts from one view)."""
        return Cuts(self.source, view)

    def diagnostic(self, code: str, message: str, start: int, end: int) -> Diagnostic:
        """A diagnostic at ``start``; the code must be registered and sets the severity."""
        registered = Code(code)  # an unregistered code is a bug: ValueError names it
        line, column = self.lines.line_col(start)
        return Diagnostic(
            code=registered,
            message=message,
            severity=severity_of(registered),
            start=start,
            end=end,
            line=line,
            column=column,
        )
