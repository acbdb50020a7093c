"""Small builders and assertion helpers shared by the example-table tests.

Every name and unit used with these helpers is invented (临江市, 青石县, 鹿鸣区 …).
"""

from __future__ import annotations

import re
from typing import Any

import speechparse
from speechparse import Report, Speech

DEFAULT_SPEECH = "……。"
DEFAULT_BYLINE = " 全媒体记者 王某某"

_LAYOUT_SPACE = re.compile(r"\s+")


def report_text(
    designation: str,
    speech: str = DEFAULT_SPEECH,
    *,
    headline: str | None = "标题行",
    title: str | None = "某市某会议发言摘要",
    byline: str | None = DEFAULT_BYLINE,
    colon: str = "：",
    layout: str = "colon",
    marker: str = "",
    lead: str | None = None,
) -> str:
    """Assemble a one-speech report.

    ``layout="colon"`` writes ``designation：speech`` in one paragraph; ``layout="line"``
    puts the designation alone on its own line and the speech in the next paragraph (no
    colon). ``byline`` is appended to the speech as given (a leading space makes it a
    trailing byline, a leading newline an own-line byline); ``None`` leaves it out.
    ``headline=None`` and ``title=None`` leave those lines out.
    """
    blocks: list[str] = []
    if title is not None:
        blocks.append(title)
    if lead is not None:
        blocks.append(lead)
    if headline is not None:
        blocks.append(headline)
    body = speech + (byline or "")
    if layout == "colon":
        blocks.append(f"{marker}{designation}{colon}{body}")
    elif layout == "line":
        blocks.append(f"{marker}{designation}")
        blocks.append(body)
    else:  # pragma: no cover - a mistake in a test, not in the parser
        raise ValueError(f"unknown layout {layout!r}")
    return "\n\n".join(blocks) + "\n"


def parse(text: str) -> Report:
    """Parse without keyword extraction (keeps jieba out of these tests)."""
    return speechparse.parse(text, keywords=False)


def m(actual: Any, expected: Any, source: str, what: str = "") -> str:
    """An assertion message that shows the input, like nameparser's ``m()``."""
    label = f" [{what}]" if what else ""
    return (
        f"\n--- input ---\n{source}\n--- got{label} ---\n{actual!r}\n--- expected ---\n{expected!r}"
    )


def check(actual: Any, expected: Any, source: str, what: str = "") -> None:
    """``assert actual == expected``, printing the input when it fails."""
    assert actual == expected, m(actual, expected, source, what)


def check_span(span: Any, source: str, what: str = "span") -> None:
    """A span's ``text`` is its source slice with layout whitespace taken out."""
    sliced = _LAYOUT_SPACE.sub("", source[span.start : span.end])
    check(
        _LAYOUT_SPACE.sub("", span.text),
        sliced,
        source,
        f"{what} text vs source[{span.start}:{span.end}]",
    )


def only_speech(report: Report, source: str) -> Speech:
    """The single speech a mini report must yield."""
    count = len(report.speeches)
    assert count == 1, m(count, 1, source, "number of speeches")
    return report.speeches[0]


def positions_of(speech: Speech) -> list[tuple[str | None, str]]:
    return [(p.organization, p.title) for p in speech.speaker.positions]


def credits_of(byline: Any) -> list[tuple[str | None, str]] | None:
    if byline is None:
        return None
    return [(c.role, c.name) for c in byline.credits]
