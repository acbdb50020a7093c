"""The document every building stage reads: the source, its folded view, and line numbers.

Decisions were taken on the folded view; values are cut from the source at the same offsets,
so a traditional-script report keeps its own characters. The value is frozen: stages read it
and return what they found (diagnostics included) instead of writing into shared state.
"""

from __future__ import annotations

from dataclasses import dataclass

from speechparse.core.diagnostics import Code, severity_of
from speechparse.core.text import Compact, LineIndex, layout_text
from speechparse.models import Diagnostic, Span


@dataclass(frozen=True, slots=True)
class Document:
    """The decoded source, its folded twin (same length) and its line starts."""

    source: str
    folded: str
    lines: LineIndex

    def text(self, start: int, end: int) -> str:
        """The source slice with layout whitespace removed: the ``text`` of a span."""
        return layout_text(self.source, start, end)

    def span(self, start: int, end: int) -> Span:
        return Span(text=self.text(start, end), start=start, end=end)

    def view_span(self, view: Compact, start: int, end: int) -> Span:
        """The span of compact offsets ``[start, end)`` of ``view``."""
        return self.span(*view.span(start, end))

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
